"""Detection on the bundled sample mailbox: every personal-data string in its expected.json is found.

The sample mailbox was written by another engineer, independently of the privacy test letters, so this is a
second check against over-fitting. Only strings present in the extractable text count (scans have none).
"""

from __future__ import annotations

import email
import io
import json
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from docx import Document

from pipeline.privacy.detect import detect

SAMPLE = Path(__file__).resolve().parents[1] / "pipeline" / "sample"
KINDS = {"names": "person", "emails": "email", "phones": "phone", "addresses": "address", "ibans": "iban",
         "bsns": "bsn", "birthdates": "birthdate"}

pytestmark = pytest.mark.skipif(not (SAMPLE / "expected.json").exists(), reason="no sample mailbox in this tree")


def _texts(msg: EmailMessage) -> Iterator[str]:
    yield "\n".join(f"{h}: {msg[h]}" for h in ("From", "To", "Cc") if msg[h])
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "text/plain":
            yield part.get_content()
        elif ctype == "application/pdf":
            try:
                document = pdfium.PdfDocument(part.get_payload(decode=True))
            except pdfium.PdfiumError:
                continue  # the sample has a deliberately broken PDF
            yield "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        elif "wordprocessingml" in ctype:
            yield "\n".join(p.text for p in Document(io.BytesIO(part.get_payload(decode=True))).paragraphs)


def test_sample_mailbox_recall_and_person_precision() -> None:
    expected = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))
    counts = {kind: [0, 0] for kind in KINDS.values()}  # gold present in text, found
    persons_found = persons_right = 0
    report: list[str] = []
    for name, entry in sorted(expected.items()):
        path = SAMPLE / "mailbox" / name
        msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        texts = [t.replace("\r\n", "\n") for t in _texts(msg)]
        found = [(s.kind, " ".join(s.text.split())) for t in texts for s in detect(t)]
        wanted = {" ".join(w.split()) for key in KINDS for w in entry["personal_data"][key]}
        for key, kind in KINDS.items():
            for want in entry["personal_data"][key]:
                want = " ".join(want.split())
                if not any(want in " ".join(t.split()) for t in texts):
                    continue
                counts[kind][0] += 1
                if any(k == kind and (want in t or (t in want and 2 * len(t) >= len(want))) for k, t in found):
                    counts[kind][1] += 1
                else:
                    report.append(f"{name}: missed {kind} {want!r}")
        for kind, text in found:
            if kind == "person":
                persons_found += 1
                ok = any(text in w or w in text for w in wanted)
                persons_right += ok
                if not ok:
                    report.append(f"{name}: person not in expected.json {text!r}")
    table = "\n".join(f"{k:<10} {g:>4} {f:>4}" for k, (g, f) in counts.items())
    print("\nsample mailbox: kind, expected in text, found\n" + table + "\n" + "\n".join(report))
    assert counts["person"][0] >= 20, table
    for kind, (gold, hit) in counts.items():
        assert gold == 0 or hit / gold >= 0.95, f"{kind}\n{table}\n" + "\n".join(report)
    assert persons_right / max(persons_found, 1) >= 0.85, "\n".join(report)
