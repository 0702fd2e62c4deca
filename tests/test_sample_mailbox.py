"""The sample mailbox and the seed messages: parseable, labelled with canonical codes, and true to their labels."""

from __future__ import annotations

import email
import functools
import html
import io
import json
import os
import re
import subprocess
import tempfile
from datetime import date
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pypdfium2
import pytest
from docx import Document

from pipeline.sample.expect import ENCRYPTED_PASSWORD
from pipeline.sample.generate import MAILBOX_DIR, MAILBOX_EXPECTED, SEED_DIR, mailbox_samples
from pipeline.sample.seed import seed_samples
from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, SENDER_KINDS, TOPIC_BY_CODE

PDF_TYPES = ("application/pdf",)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PD_KEYS = {"names", "emails", "phones", "addresses", "ibans", "bsns", "birthdates"}
ENTRY_KEYS = {"sender_organisation", "sender_name", "sender_kind", "subject", "letter_date", "reference",
              "document_kind", "circular", "on_list", "topic", "topic_label", "handling", "forwarded",
              "attachment_statuses", "personal_data", "mime_defects"}


def _load(directory: Path, expected_path: Path) -> tuple[dict[str, bytes], dict[str, dict]]:
    files = {p.name: p.read_bytes() for p in sorted(directory.glob("*.eml"))}
    return files, json.loads(expected_path.read_text(encoding="utf-8"))


MAILBOX, MAILBOX_EXP = _load(MAILBOX_DIR, MAILBOX_EXPECTED)
SEED, SEED_EXP = _load(SEED_DIR, SEED_DIR / "expected.json")
ALL = {**MAILBOX, **SEED}
ALL_EXP = {**MAILBOX_EXP, **SEED_EXP}


def parse(raw: bytes) -> EmailMessage:
    return email.message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


def leaf_attachments(msg: EmailMessage) -> list[EmailMessage]:
    """Attachments in reading order, descending into attached messages (which are not counted themselves)."""
    out: list[EmailMessage] = []
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822" or part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment" or part.get_content_type() in (*PDF_TYPES, DOCX_TYPE):
            out.append(part)
    return out


def pdf_text(data: bytes, password: str | None = None) -> str:
    doc = pypdfium2.PdfDocument(data, password=password)
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def ocr_text(data: bytes) -> str:
    """Tesseract (Debian tesseract-ocr-nld) over every page rendered at 300 dpi."""
    doc = pypdfium2.PdfDocument(data)
    texts = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(len(doc)):
            png = Path(tmp) / f"p{i}.png"
            doc[i].render(scale=300 / 72, grayscale=True).to_pil().save(png)
            done = subprocess.run(["tesseract", str(png), "-", "-l", "nld"], capture_output=True, text=True,
                                  env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=True, timeout=60)
            texts.append(done.stdout)
    doc.close()
    return "\n".join(texts)


@functools.lru_cache(maxsize=None)
def decoded_text(raw: bytes) -> str:
    """Everything a reader of the message sees: headers, bodies, HTML as text, PDF/DOCX text, OCR of scans."""
    msg = parse(raw)
    chunks: list[str] = []
    for part in msg.walk():
        for name in ("From", "To", "Cc", "Subject"):
            if part.get(name):
                chunks.append(str(part[name]))
        ctype = part.get_content_type()
        if part.is_multipart() or ctype == "message/rfc822":
            continue
        data = part.get_payload(decode=True) or b""
        if ctype.startswith("text/"):
            text = data.decode(part.get_content_charset() or "us-ascii", errors="replace")
            if ctype == "text/html":
                text = html.unescape(re.sub(r"<[^>]+>", " ", text))
            chunks.append(text)
        elif ctype in PDF_TYPES:
            try:
                text = pdf_text(data)
            except pypdfium2.PdfiumError as err:
                if "password" in str(err).lower():
                    text = pdf_text(data, ENCRYPTED_PASSWORD)
                else:
                    continue  # a deliberately broken PDF has no readable text
            chunks.append(text if text.strip() else ocr_text(data))
        elif ctype == DOCX_TYPE:
            chunks.append("\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs))
    return re.sub(r"\s+", " ", "\n".join(chunks))


def message_defects(msg: EmailMessage) -> list[str]:
    return sorted({type(d).__name__ for part in msg.walk() for d in part.defects})


# --- the files and the labels match -------------------------------------------------------------------------------

def test_committed_files_are_what_the_generator_writes() -> None:
    generated = {f"{s.slug}.eml": s for s in [*mailbox_samples(), *seed_samples()]}
    assert set(generated) == set(ALL)
    changed = [name for name, s in generated.items() if s.raw != ALL[name] or s.expected != ALL_EXP[name]]
    assert changed == [], "rerun `python -m pipeline.sample.generate`"


def test_expected_covers_every_file_and_nothing_else() -> None:
    assert len(MAILBOX) >= 42
    assert set(MAILBOX_EXP) == set(MAILBOX)
    assert set(SEED_EXP) == set(SEED) == {"seed_direct.eml", "seed_forward_inline.eml",
                                           "seed_forward_attached.eml", "seed_scanned.eml"}
    assert all(re.fullmatch(r"\d{3}_[a-z0-9_]+\.eml", name) for name in MAILBOX)


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_message_parses_without_unexpected_defects(name: str) -> None:
    msg = parse(ALL[name])
    assert msg["From"] and msg["Date"] and msg["Subject"] is not None
    assert message_defects(msg) == sorted(ALL_EXP[name]["mime_defects"])


@pytest.mark.parametrize("name", sorted(ALL))
def test_expected_entry_uses_canonical_codes(name: str) -> None:
    entry = ALL_EXP[name]
    assert set(entry) == ENTRY_KEYS
    assert entry["sender_kind"] in SENDER_KINDS
    assert entry["document_kind"] in DOCUMENT_KINDS
    assert entry["handling"] in HANDLINGS
    assert TOPIC_BY_CODE[entry["topic"]].label == entry["topic_label"]
    assert (entry["handling"] == "niet_op_lijst") == (not entry["on_list"])
    assert date.fromisoformat(entry["letter_date"]).year == 2025
    assert entry["subject"] and not re.match(r"(?i)(re|fw|fwd|doorgestuurd):", entry["subject"])
    assert (entry["sender_kind"] == "inwoner") <= (entry["sender_organisation"] is None)
    assert set(entry["personal_data"]) == PD_KEYS
    statuses = entry["attachment_statuses"]
    assert len(statuses) == len(leaf_attachments(parse(ALL[name])))


@pytest.mark.parametrize("name", sorted(ALL))
def test_personal_data_occurs_in_the_decoded_message(name: str) -> None:
    text = decoded_text(ALL[name])
    for key, values in ALL_EXP[name]["personal_data"].items():
        for value in values:
            assert re.sub(r"\s+", " ", value) in text, f"{key} {value!r} not found in {name}"


def test_personal_numbers_are_valid() -> None:
    for entry in ALL_EXP.values():
        for bsn in entry["personal_data"]["bsns"]:
            digits = [int(c) for c in bsn]
            assert len(digits) == 9 and sum(d * w for d, w in zip(digits, [9, 8, 7, 6, 5, 4, 3, 2, -1])) % 11 == 0
        for iban in entry["personal_data"]["ibans"]:
            moved = iban[4:] + iban[:4]
            assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


# --- the kinds the project needs are all there --------------------------------------------------------------------

def _names(predicate) -> list[str]:  # type: ignore[no-untyped-def]
    return [n for n in MAILBOX if predicate(MAILBOX_EXP[n], parse(MAILBOX[n]), MAILBOX[n])]


def test_required_kinds_are_present() -> None:
    needed = {
        "association appeal": lambda e, m, r: e["circular"] and e["sender_kind"] == "organisatie"
        and "vereniging" in (e["sender_organisation"] or "").lower() and "VNG" not in r.decode("latin-1"),
        "VNG member letter": lambda e, m, r: e["sender_organisation"] == "Vereniging van Nederlandse Gemeenten"
        and e["circular"] and e["handling"] == "vka",
        "ministry": lambda e, m, r: (e["sender_organisation"] or "").startswith("Ministerie"),
        "province": lambda e, m, r: (e["sender_organisation"] or "").startswith("Provincie"),
        "zienswijze on budget": lambda e, m, r: e["document_kind"] == "zienswijzeverzoek"
        and e["sender_kind"] == "gemeenschappelijke_regeling" and e["handling"] == "agenderen",
        "rekenkamer": lambda e, m, r: e["sender_kind"] == "rekenkamer" and e["handling"] == "agenderen",
        "raadsinformatiebrief": lambda e, m, r: e["document_kind"] == "raadsinformatiebrief" and e["handling"] == "vka",
        "petition": lambda e, m, r: e["document_kind"] == "petitie" and e["handling"] == "agenderen",
        "invitation": lambda e, m, r: e["document_kind"] == "uitnodiging" and not e["on_list"],
        "newsletter": lambda e, m, r: e["document_kind"] == "nieuwsbrief" and m["List-Unsubscribe"]
        and m["Precedence"] == "bulk",
        "auto-reply": lambda e, m, r: m["Auto-Submitted"] == "auto-replied" and m.get_content_type() == "text/plain",
        "bounce": lambda e, m, r: m.get_content_type() == "multipart/report"
        and m.get_param("report-type") == "delivery-status",
        "html only": lambda e, m, r: m.get_content_type() == "text/html",
        "iso-8859-1": lambda e, m, r: m.get_content_charset() == "iso-8859-1" and "Ëlla" in decoded_text(r)
        and "café" in decoded_text(r) and "reünie" in decoded_text(r),
        "outlook nl forward": lambda e, m, r: e["forwarded"] and "Verzonden: " in decoded_text(r),
        "outlook en forward": lambda e, m, r: e["forwarded"] and " Sent: " in decoded_text(r),
        "gmail forward": lambda e, m, r: "---------- Forwarded message ---------" in decoded_text(r),
        "attached forward with pdf": lambda e, m, r: e["forwarded"] and any(
            p.get_content_type() == "message/rfc822" for p in m.walk())
        and any(a.get_content_type() == "application/pdf" for a in leaf_attachments(m)),
        "scan": lambda e, m, r: "ocr" in e["attachment_statuses"],
        "encrypted": lambda e, m, r: "encrypted" in e["attachment_statuses"],
        "broken pdf": lambda e, m, r: "broken" in e["attachment_statuses"] and not e["mime_defects"],
        "docx": lambda e, m, r: any(a.get_content_type() == DOCX_TYPE for a in leaf_attachments(m)),
        "motion of another council": lambda e, m, r: e["document_kind"] == "motie_andere_gemeente",
        "jaarstukken": lambda e, m, r: e["document_kind"] == "jaarstukken",
        "bezwaarschrift": lambda e, m, r: e["document_kind"] == "bezwaarschrift" and not e["on_list"],
        "reclame": lambda e, m, r: e["document_kind"] == "reclame" and not e["on_list"],
        "letter to one member": lambda e, m, r: e["document_kind"] == "brief" and e["handling"] == "niet_op_lijst",
        "complaint with bsn/iban/birth date": lambda e, m, r: e["document_kind"] == "klacht"
        and e["personal_data"]["bsns"] and e["personal_data"]["ibans"] and e["personal_data"]["birthdates"],
        "letter only in the mail body": lambda e, m, r: e["on_list"] and not e["attachment_statuses"],
    }
    missing = [kind for kind, pred in needed.items() if not _names(pred)]
    assert missing == []
    complaints = _names(lambda e, m, r: e["document_kind"] == "klacht" and e["sender_kind"] in ("inwoner", "bedrijf"))
    assert len(complaints) >= 4
    assert all(MAILBOX_EXP[n]["handling"] == "college_afdoening" for n in complaints)
    assert len({e["topic"] for e in MAILBOX_EXP.values()}) >= 14
    assert {e["handling"] for e in MAILBOX_EXP.values()} == set(HANDLINGS)
    months = {e["letter_date"][:7] for e in MAILBOX_EXP.values()}
    assert len(months) >= 4


def test_circulars_and_member_letters_are_taken_for_notice() -> None:
    for name, entry in MAILBOX_EXP.items():
        if entry["document_kind"] in ("rondzendbrief", "raadsinformatiebrief", "motie_andere_gemeente"):
            assert entry["handling"] == "vka", name
        if entry["document_kind"] in ("uitnodiging", "nieuwsbrief", "reclame", "automatisch", "bezwaarschrift"):
            assert entry["handling"] == "niet_op_lijst", name


# --- the PDFs are what they claim to be ---------------------------------------------------------------------------

def _pdfs(status: str) -> list[tuple[str, bytes]]:
    out = []
    for name, raw in ALL.items():
        attachments = leaf_attachments(parse(raw))
        for part, expected in zip(attachments, ALL_EXP[name]["attachment_statuses"]):
            if expected == status and part.get_content_type() in PDF_TYPES:
                out.append((name, part.get_payload(decode=True)))
    return out


def test_scans_have_no_text_layer_and_are_small() -> None:
    scans = _pdfs("ocr")
    assert {n for n, _ in scans} >= {"seed_scanned.eml"} and len(scans) >= 2
    for name, data in scans:
        assert pdf_text(data).strip() == "", name
        assert len(data) < 300_000, name
        page = pypdfium2.PdfDocument(data)[0]
        assert round(page.get_width() * 300 / 72) >= 2400, "rendered at 300 dpi on A4"


def test_text_pdfs_have_a_text_layer() -> None:
    pdfs = _pdfs("ok")
    assert len(pdfs) >= 25
    for name, data in pdfs:
        assert len(pdf_text(data).strip()) > 80, name


def test_encrypted_pdf_needs_its_password() -> None:
    (name, data), = _pdfs("encrypted")
    with pytest.raises(pypdfium2.PdfiumError, match="(?i)password"):
        pypdfium2.PdfDocument(data)
    assert "Tarieven jeugdhulp 2026" in pdf_text(data, ENCRYPTED_PASSWORD)


def test_broken_pdfs_cannot_be_opened() -> None:
    broken = _pdfs("broken")
    assert len(broken) >= 1
    for name, data in broken:
        assert data.startswith(b"%PDF-")
        with pytest.raises(pypdfium2.PdfiumError):
            pypdfium2.PdfDocument(data)


def test_sample_directory_stays_small() -> None:
    total = sum(p.stat().st_size for p in MAILBOX_DIR.parent.rglob("*") if p.is_file())
    assert total < 5_000_000


# --- the seed letter ----------------------------------------------------------------------------------------------

def test_seed_shapes_agree_on_the_letter() -> None:
    keys = ("sender_organisation", "subject", "letter_date", "circular", "sender_kind", "document_kind", "handling")
    first = SEED_EXP["seed_direct.eml"]
    assert "LVKK" in first["sender_organisation"] and "ZHVKK" in first["sender_organisation"]
    assert first["letter_date"] == "2025-06-05" and first["circular"] is True
    assert first["subject"] == "Ontmoeting als antwoord op maatschappelijke opgaven"
    for entry in SEED_EXP.values():
        assert {k: entry[k] for k in keys} == {k: first[k] for k in keys}
    assert [SEED_EXP[n]["forwarded"] for n in sorted(SEED_EXP)] == [False, True, True, False]
    inline = decoded_text(SEED["seed_forward_inline.eml"])
    assert "Verzonden: donderdag 5 juni 2025 13:14" in inline
    direct = decoded_text(SEED["seed_direct.eml"])
    for fixed in ("toenemend", "Als Landelijke", "vitaliteitscoöperaties", "leefbaar en sociaal", "Utrecht, 5 juni 2025"):
        assert fixed in direct
    for typo in ("toenernend", "Ais Landelijke", "mwoners", "ontmoet ng", "bijiage"):
        assert typo not in direct
