"""Page 1's reading-order text from PDFium's character boxes equals pdfplumber's own reading of the page."""

from __future__ import annotations

import io
from email import message_from_bytes, policy
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.extract.pdf import _first_page_layout, _pdfium_chars, _plumber_first_page
from test_extract_helpers import LETTER, text_pdf

ROOT = Path(__file__).resolve().parent.parent


def sample_pdfs() -> list[tuple[str, bytes]]:
    """Every PDF of the sample mailbox and of tests/data that PDFium opens and that has a text layer on page 1."""
    found = []
    for path in sorted((ROOT / "pipeline" / "sample" / "mailbox").glob("*.eml")):
        for part in message_from_bytes(path.read_bytes(), policy=policy.default).walk():
            if part.get_content_type() == "application/pdf" or (part.get_filename() or "").lower().endswith(".pdf"):
                found.append((f"{path.name}/{part.get_filename()}", part.get_payload(decode=True)))
    found += [(str(p.relative_to(ROOT)), p.read_bytes()) for p in sorted((ROOT / "tests" / "data").rglob("*.pdf"))]
    readable = []
    for name, data in found:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError:
            continue  # encrypted or broken: read_text reports those, there is no page 1 to lay out
        with doc:
            if doc[0].get_textpage().count_chars() > 25:
                readable.append((name, data))
    return readable


def out_of_order_pdf() -> bytes:
    """A letter whose content stream draws the subject first, then the letterhead and the date, in two columns:
    the stream order is not the reading order."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica", 11)
    c.drawString(72, 600, "Betreft: zienswijze op de begroting 2026")
    c.drawString(350, 780, "Datum: 12 maart 2025")
    c.drawString(72, 780, "Gemeenschappelijke Regeling Veiligheid")
    c.drawString(350, 765, "Kenmerk: VR/2025/0113")
    c.drawString(72, 765, "Postbus 100, 2400 AC Alphen")
    c.drawString(72, 560, "Geachte leden van de raad, hierbij zenden wij u de ontwerpbegroting.")
    c.setFont("Helvetica", 7)
    c.drawString(72, 540, "kleine letters met  twee spaties en een woord-afbreking")
    c.save()
    return buffer.getvalue()


def test_sample_and_test_pdfs_read_the_same_as_pdfplumber():
    pdfs = sample_pdfs()
    assert len(pdfs) >= 25
    for name, data in pdfs:
        with pdfium.PdfDocument(data) as doc:
            assert _first_page_layout(doc, data) == _plumber_first_page(data), name


@pytest.mark.parametrize("data", [out_of_order_pdf(), text_pdf([LETTER, "Tweede pagina."])], ids=["columns", "letter"])
def test_generated_layouts_read_the_same_as_pdfplumber(data):
    with pdfium.PdfDocument(data) as doc:
        assert _pdfium_chars(doc[0]) is not None  # the fast path, not the fallback
        text = _first_page_layout(doc, data)
    assert text == _plumber_first_page(data)


def test_reading_order_follows_the_page_not_the_stream():
    data = out_of_order_pdf()
    with pdfium.PdfDocument(data) as doc:
        lines = _first_page_layout(doc, data).splitlines()
    assert lines[0] == "Gemeenschappelijke Regeling Veiligheid Datum: 12 maart 2025"
    assert lines.index("Betreft: zienswijze op de begroting 2026") == 2


def test_a_rotated_page_falls_back_to_pdfplumber():
    with pdfium.PdfDocument(text_pdf([LETTER])) as doc:
        page = doc[0]
        page.set_rotation(90)
        assert _pdfium_chars(page) is None
