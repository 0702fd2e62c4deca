"""Generated mail corpora for the benchmarks: plain-text letters, letters as 2-page text PDFs, 1-page scans.

The letters are the held-out split of the training corpus (models/corpus/heldout.jsonl, written for the project):
real letter length and vocabulary, none of them seen by the models in training. Every message is unique (its
number is in the subject, the body and the Message-ID), so the registry files each one.
"""

from __future__ import annotations

import json
import sys
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_extract_helpers import image_pdf, scan_image, text_pdf  # noqa: E402

LETTERS = ROOT / "models" / "corpus" / "heldout.jsonl"
START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def letters() -> list[str]:
    return [json.loads(line)["text"] for line in LETTERS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _mail(i: int, body: str, attachment: tuple[str, bytes] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Afzender {i} <afzender{i}@voorbeeldpost.nl>"
    msg["To"] = "griffie@waterlinde.nl"
    msg["Subject"] = f"Brief {i} aan de gemeenteraad"
    msg["Date"] = format_datetime(START + timedelta(minutes=i))
    msg["Message-ID"] = make_msgid(idstring=f"bench{i}", domain="voorbeeldpost.nl")
    msg.set_content(body)
    if attachment:
        name, data = attachment
        msg.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return bytes(msg)


def plain(n: int) -> list[bytes]:
    texts = letters()
    return [_mail(i, f"{texts[i % len(texts)]}\n\n(bericht {i})\n") for i in range(n)]


def two_pages(text: str, i: int) -> list[str]:
    """The letter over two pages (a short letter is continued with its own text, as a bijlage would be)."""
    words = text.split()
    while len(words) < 500:
        words += text.split()
    half = len(words) // 2
    return [f"Kenmerk BENCH-{i} " + " ".join(words[:half]), " ".join(words[half:])]


def pdf(n: int) -> list[bytes]:
    texts = letters()
    return [_mail(i, "Geachte griffie,\n\nIn de bijlage vindt u onze brief.\n\nMet vriendelijke groet,\nHet secretariaat",
                  (f"brief-{i}.pdf", text_pdf(two_pages(texts[i % len(texts)], i)))) for i in range(n)]


def scan_pages(n: int) -> list:
    """The page images of the scan corpus (also what Tesseract alone reads for the floor)."""
    texts = letters()
    return [scan_image(f"Kenmerk BENCH-{i} " + texts[i % len(texts)][:1800], angle=(i % 5 - 2) * 0.7)
            for i in range(n)]


def scans(pages: list) -> list[bytes]:
    return [_mail(i, "Geachte griffie,\n\nBijgaand de gescande brief.\n\nMet vriendelijke groet",
                  (f"scan-{i}.pdf", image_pdf([page]))) for i, page in enumerate(pages)]
