"""Pages per second of the extract text path (pypdfium2 in the worker) against pdfplumber alone, same PDFs."""

from __future__ import annotations

import io
import random
import sys
import time
from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.extract import ExtractLimits, extract_attachment  # noqa: E402
from pipeline.records import AttachmentPart  # noqa: E402

WORDS = ("gemeenteraad griffie brief één financiële coördinatie begroting € zienswijze wethouder college "
         "inwoners dorpshuis verkeersveiligheid subsidie besluit commissie vergadering").split()


def make_pdf(rng: random.Random, pages: int) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        y = 790
        for _ in range(45):
            pdf.drawString(60, y, " ".join(rng.choice(WORDS) for _ in range(12)))
            y -= 16
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def main() -> None:
    rng = random.Random(7)
    pdfs = [make_pdf(rng, rng.randint(2, 8)) for _ in range(30)]
    limits = ExtractLimits()
    extract_attachment(AttachmentPart("warm.pdf", "application/pdf", pdfs[0]), limits)  # worker start-up, paid once

    started = time.perf_counter()
    pages = 0
    for data in pdfs:
        result = extract_attachment(AttachmentPart("b.pdf", "application/pdf", data), limits)
        assert result.status == "ok", result.error
        pages += result.pages or 0
    ours = pages / (time.perf_counter() - started)

    started = time.perf_counter()
    base_pages = 0
    for data in pdfs:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for page in doc.pages:
                page.extract_text()
                base_pages += 1
    baseline = base_pages / (time.perf_counter() - started)
    assert base_pages == pages
    print(f"{len(pdfs)} PDFs, {pages} pages; extract path incl. worker round trip and page-1 layout pass")
    print(f"RESULT pdf_text_pages_per_s {ours:.1f} pages/s baseline {baseline:.1f} ratio {ours / baseline:.2f}")


if __name__ == "__main__":
    main()
