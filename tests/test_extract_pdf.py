"""PDF extraction: text layer, OCR of scans (accuracy, deskew), and every failure as a status."""

from __future__ import annotations

import io
import os

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from pipeline.extract import ExtractLimits, extract_all, extract_attachment
from pipeline.records import AttachmentPart
from test_extract_helpers import LETTER, image_pdf, scan_image, text_pdf, word_accuracy

needs_tesseract = pytest.mark.skipif(not os.path.exists("/usr/bin/tesseract"), reason="tesseract not installed")
LIMITS = ExtractLimits()


def pdf_part(data: bytes, name: str = "brief.pdf") -> AttachmentPart:
    return AttachmentPart(filename=name, content_type="application/pdf", data=data)


def test_text_pdf_reads_dutch_diacritics_and_euro():
    body = "Betreft: subsidie dorpshuis. De coördinator van café De Eendracht vraagt € 1.250,- voor één jaar."
    result = extract_attachment(pdf_part(text_pdf([body, "Tweede pagina met de bijlage over financiën."])), LIMITS)
    assert result.status == "ok" and result.error is None
    assert result.pages == 2 and result.ocr is False
    assert "coördinator" in result.text and "€ 1.250" in result.text and "één" in result.text
    assert "financiën" in result.text
    assert result.first_page_text.startswith("Betreft: subsidie dorpshuis.")
    assert "financiën" not in result.first_page_text  # page 1 only
    assert result.chars == len(result.text)


@needs_tesseract
def test_ocr_accuracy_on_rendered_dutch_letter():
    data = image_pdf([scan_image(LETTER)])
    result = extract_attachment(pdf_part(data, "scan.pdf"), LIMITS)
    assert result.status == "ocr" and result.ocr is True and result.pages == 1
    accuracy = word_accuracy(LETTER, result.text)
    print(f"OCR word accuracy: {accuracy:.4f} over {len(LETTER.split())} words")
    assert len(LETTER.split()) >= 200
    assert accuracy >= 0.97
    assert "coördinator" in result.text and "financiële" in result.text
    assert result.first_page_text.startswith("Geachte leden")


@needs_tesseract
def test_rotated_scan_is_deskewed_and_read():
    data = image_pdf([scan_image(LETTER[:600], angle=2.0)])
    result = extract_attachment(pdf_part(data, "scheef.pdf"), LIMITS)
    accuracy = word_accuracy(LETTER[:600].rsplit(" ", 1)[0], result.text)
    print(f"OCR word accuracy at 2 degrees: {accuracy:.4f}")
    assert result.status == "ocr"
    assert accuracy >= 0.95


@needs_tesseract
def test_only_pages_without_text_are_ocrd():
    text_page = text_pdf(["Pagina met een echte tekstlaag over de begroting van de gemeente."])
    scan_page = image_pdf([scan_image("Gescande bijlage met handtekening van de voorzitter.", pt=14)])
    merged = pikepdf.new()
    for data in (text_page, scan_page):
        merged.pages.extend(pikepdf.open(io.BytesIO(data)).pages)
    out = io.BytesIO()
    merged.save(out)
    result = extract_attachment(pdf_part(out.getvalue()), LIMITS)
    assert result.status == "ocr" and result.pages == 2
    assert "begroting" in result.text and "handtekening" in result.text
    assert result.first_page_text.startswith("Pagina met een echte tekstlaag")


def test_encrypted_pdf():
    source = pikepdf.open(io.BytesIO(text_pdf(["Vertrouwelijk"])))
    out = io.BytesIO()
    source.save(out, encryption=pikepdf.Encryption(owner="eigenaar", user="geheim"))
    result = extract_attachment(pdf_part(out.getvalue()), LIMITS)
    assert result.status == "encrypted"
    assert result.error == "PDF is versleuteld met een wachtwoord"
    assert result.text == ""


def test_truncated_pdf_is_broken():
    data = text_pdf(["Een brief die halverwege is afgebroken."] * 3)
    result = extract_attachment(pdf_part(data[: len(data) // 2]), LIMITS)
    assert result.status == "broken"
    assert result.error.startswith("PDF is beschadigd")
    print(result.error)


def test_garbage_named_pdf_is_broken():
    result = extract_attachment(pdf_part(os.urandom(4000)), LIMITS)
    assert result.status == "broken"
    assert "PDF" in result.error and len(result.sha256) == 64 and result.size == 4000


def test_garbage_with_pdf_header_is_broken():
    result = extract_attachment(pdf_part(b"%PDF-1.7\n" + b"\x00garbage" * 500), LIMITS)
    assert result.status == "broken" and result.error.startswith("PDF is beschadigd")


def many_page_pdf(count: int) -> bytes:
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf)
    for number in range(count):
        pdf.drawString(72, 700, f"Pagina {number + 1} van het jaarverslag met voldoende tekst")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def test_page_limit_reads_first_pages_and_says_so():
    limits = ExtractLimits(max_pdf_pages=5)
    result = extract_attachment(pdf_part(many_page_pdf(40)), limits)
    assert result.status == "ok" and result.pages == 40
    assert "Pagina 5 van" in result.text and "Pagina 6 van" not in result.text
    assert result.error == "Alleen de eerste 5 van 40 pagina's gelezen (limiet)"


def test_time_limit_kills_a_slow_pdf_and_the_worker_recovers():
    data = many_page_pdf(5000)
    result = extract_attachment(pdf_part(data), ExtractLimits(max_pdf_pages=10_000, pdf_timeout_s=0.05))
    assert result.status == "timeout"
    assert "langer dan 0.05 s" in result.error
    after = extract_all([pdf_part(text_pdf(["Daarna gewoon verder met de volgende brief."]))], LIMITS)
    assert after[0].status == "ok" and "volgende brief" in after[0].text
