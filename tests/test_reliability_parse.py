"""Issue 15, points 1, 5 and 8: bounded header work, nothing cut without a reason, charsets detected."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from pipeline.extract import ExtractLimits, extract_all
from pipeline.stages.parse import parse_message
from tests.helpers import make_mail
from tests.test_extract_helpers import text_pdf

ROOT = Path(__file__).resolve().parent.parent


def _long_subject(n_bytes: int) -> bytes:
    return b"From: Jan <jan@example.nl>\r\nTo: griffie@waterlinde.nl\r\nSubject: " + (
        b"woord " * (n_bytes // 6)) + b"\r\n\r\nGeachte raad,\r\n\r\nTekst.\r\n"


def test_a_2_mb_header_is_cut_fast_and_small_with_a_reason(tmp_path):
    """GIVEN a 2 MB Subject WHEN it runs through the whole pipeline in a fresh process THEN < 2 s, < 300 MB,
    and the cut is one of the reasons."""
    mail = tmp_path / "big.eml"
    mail.write_bytes(_long_subject(2_000_000))
    code = (
        "import sys, time\n"
        "from pipeline.config import Settings\n"
        "from pipeline.flow import Pipeline\n"
        "from pipeline.result import outcome_json\n"
        "pipe = Pipeline.build(Settings())\n"
        "_ = pipe.judge\n"  # the models load in a background thread: measure the message, not that load
        "raw = open(sys.argv[1], 'rb').read()\n"
        "t = time.monotonic(); doc = outcome_json(pipe.run(raw), pipe.ruleset.profile, 'x')\n"
        "dt = time.monotonic() - t\n"
        # peak RSS of this process image: VmHWM, not ru_maxrss (that one carries pytest's peak across exec)
        "rss = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024\n"
        "print(dt, rss, len(doc['message']['subject'] or ''), '|'.join(doc['reasons']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(mail)], capture_output=True, text=True, timeout=300,
                         cwd=ROOT, check=True).stdout.split(" ", 3)
    seconds, rss_mb, subject_len, reasons = float(out[0]), float(out[1]), int(out[2]), out[3]
    assert seconds < 2.0, seconds
    assert rss_mb < 300, rss_mb
    assert 1000 < subject_len <= 10_000
    assert "Subject" in reasons and "ingekort" in reasons


def test_too_many_headers_are_cut_with_a_reason():
    raw = b"From: a@b.nl\r\nSubject: veel\r\n" + b"".join(b"X-H%d: w\r\n" % i for i in range(5000)) + b"\r\nTekst\r\n"
    t = time.monotonic()
    parsed = parse_message(raw, max_headers=200)
    assert time.monotonic() - t < 2
    assert sum(len(v) for v in parsed.headers.values()) <= 200
    assert any("kopregels" in n for n in parsed.notes)
    assert parsed.subject == "veel" and parsed.text.strip() == "Tekst"


def _nested(depth: int, pdf: bytes) -> bytes:
    """A letter with its PDF, forwarded `depth` times as message/rfc822 attachments."""
    inner = make_mail(subject="De eigenlijke brief", body="Geachte raad, de binnenste brief.\n",
                      attachments=[("brief.pdf", "application/pdf", pdf)])
    for n in range(depth):
        b = f"b{n}".encode()
        inner = (b"From: doorsturer@example.nl\r\nSubject: Fwd: laag %d\r\nMIME-Version: 1.0\r\n"
                 b"Content-Type: multipart/mixed; boundary=" % n + b + b"\r\n\r\n--" + b
                 + b"\r\nContent-Type: text/plain\r\n\r\nZie bijlage.\r\n--" + b
                 + b"\r\nContent-Type: message/rfc822\r\n\r\n" + inner + b"\r\n--" + b + b"--\r\n")
    return inner


def test_deep_nesting_says_what_is_cut_in_reasons_and_on_attachments():
    pdf = text_pdf(["Binnenste brief aan de raad."])
    parsed = parse_message(_nested(100, pdf), max_depth=5)
    assert any("te diep" in n and "5" in n for n in parsed.notes), parsed.notes
    cut = [a for a in parsed.attachments if a.cut]
    assert len(cut) == 1 and cut[0].content_type == "message/rfc822"
    [extracted] = [x for x in extract_all(cut, ExtractLimits()) if x]
    assert extracted.status == "unsupported" and "te diep genest" in extracted.error


def test_multipart_without_boundary_keeps_its_text_with_a_reason():
    raw = (b"From: Jan <jan@example.nl>\r\nSubject: Zonder grens\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed\r\n\r\nGeachte raad,\r\n\r\nDe stoep is kapot.\r\n")
    parsed = parse_message(raw)
    assert "De stoep is kapot." in parsed.text
    assert any("grens" in n for n in parsed.notes)


def test_invalid_utf8_body_is_read_with_the_detected_charset():
    body = "Geachte raad, de scholen in Ütrecht en de crèche aan de Kerkstraat moeten open blijven. " * 3
    stray = b" Kosten: \x80 450."  # one Windows-1252 byte (the euro sign) inside a UTF-8 body
    raw = (b"From: a@b.nl\r\nSubject: charset\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body.encode("utf-8") + stray + b"\r\n")
    parsed = parse_message(raw)
    assert "crèche" in parsed.text and "Ütrecht" in parsed.text and "€ 450" in parsed.text
    assert any("tekenset" in n for n in parsed.notes)


def test_eight_bit_body_without_utf8_is_detected_not_mojibake():
    body = "Geachte raad, de scholen in Ütrecht en de crèche aan de Kerkstraat moeten open blijven. " * 3
    raw = (b"From: a@b.nl\r\nSubject: charset\r\nContent-Type: text/plain; charset=utf-8\r\n"
           b"Content-Transfer-Encoding: 8bit\r\n\r\n" + body.encode("cp1252") + b"\r\n")
    parsed = parse_message(raw)
    assert "crèche" in parsed.text and "Ütrecht" in parsed.text


def test_nested_multipart_with_the_same_boundary_is_a_defect_not_a_crash():
    """Found by fuzzing: mail-parser raised AttributeError on this, which quarantined it as an unexpected error."""
    raw = (b'Subject: x\r\nContent-Type: multipart/mixed; boundary="0"\r\n\r\n--0\r\nContent-Type: text/plain\r\n\r\n'
           b'Tekst\r\n--0\r\nContent-Type: multipart/mixed; boundary="0"\r\n\r\n\r\n')
    parsed = parse_message(raw)
    assert "Tekst" in parsed.text and "MailParserError:AttributeError" in parsed.defects
