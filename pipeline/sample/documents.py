"""Render sample letters as text PDF, image-only scan, encrypted PDF, truncated PDF and DOCX, byte-stable."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

from docx import Document
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

from .letters import PAGE_H, PAGE_W, VERA, VERA_BOLD, Letter, layout

SCAN_DPI = 300
SCAN_SKEW_DEGREES = 0.35  # a sheet is never fed perfectly straight
PRODUCER = "griffiepost sample generator"
FIXED_ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FIXED_PDF_TIME = time.gmtime(1735689600)  # 2025-01-01T00:00:00Z; Pillow stamps the clock otherwise


def _draw(c: canvas.Canvas, letter: Letter) -> None:
    for page in layout(letter):
        for line in page:
            c.setFont("Helvetica-Bold" if line.bold else "Helvetica", line.size)
            c.drawString(line.x, PAGE_H - line.y, line.text)
        c.showPage()


def _canvas(buf: io.BytesIO, title: str, author: str, encrypt: object = None) -> canvas.Canvas:
    # invariant=1 fixes the creation date and document id, so reruns give identical bytes.
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, encrypt=encrypt)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator(PRODUCER)
    return c


def text_pdf(letter: Letter, title: str) -> bytes:
    """A born-digital PDF with a text layer."""
    buf = io.BytesIO()
    c = _canvas(buf, title, letter.org or "")
    _draw(c, letter)
    c.save()
    return buf.getvalue()


def encrypted_pdf(letter: Letter, title: str, password: str) -> bytes:
    """A PDF that opens only with a user password (RC4/128 as reportlab writes it)."""
    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption(password, ownerPassword=password + "-eigenaar", canPrint=1, strength=128)
    c = _canvas(buf, title, letter.org or "", encrypt=enc)
    _draw(c, letter)
    c.save()
    return buf.getvalue()


def broken_pdf(letter: Letter, title: str, keep: float = 0.55) -> bytes:
    """A PDF cut off part-way (an interrupted upload): header present, xref and trailer gone."""
    data = text_pdf(letter, title)
    return data[: int(len(data) * keep)]


def _scan_page(lines: list, fonts: dict[tuple[float, bool], ImageFont.FreeTypeFont]) -> Image.Image:
    scale = SCAN_DPI / 72.0
    img = Image.new("L", (round(PAGE_W * scale), round(PAGE_H * scale)), 255)
    draw = ImageDraw.Draw(img)
    for line in lines:
        key = (line.size, line.bold)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(str(VERA_BOLD if line.bold else VERA), round(line.size * scale))
        # PIL places text by its top; the layout gives the baseline.
        draw.text((line.x * scale, line.y * scale), line.text, font=fonts[key], fill=0, anchor="ls")
    img = img.rotate(SCAN_SKEW_DEGREES, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return img.point(lambda v: 0 if v < 150 else 255, mode="1")


def scanned_pdf(letter: Letter) -> bytes:
    """An image-only PDF (1-bit, CCITT G4, 300 dpi) as a copier's scan-to-mail makes it: no text layer."""
    fonts: dict[tuple[float, bool], ImageFont.FreeTypeFont] = {}
    pages = [_scan_page(lines, fonts) for lines in layout(letter, "Vera", "Vera-Bold")]
    buf = io.BytesIO()
    pages[0].save(buf, "PDF", resolution=SCAN_DPI, save_all=True, append_images=pages[1:],
                  title="Scan", producer="Scanner Postkamer", creationDate=FIXED_PDF_TIME, modDate=FIXED_PDF_TIME)
    return buf.getvalue()


def letter_docx(letter: Letter, title: str) -> bytes:
    """The letter as a Word document (python-docx), zipped with fixed timestamps."""
    doc = Document()
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, letter.sender_block[0] if letter.sender_block else "", ""
    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.revision = 1
    for line in [*letter.sender_block, ""] + letter.addressee + [""]:
        doc.add_paragraph(line)
    if letter.place_date:
        doc.add_paragraph(letter.place_date)
    for label, value in letter.meta:
        doc.add_paragraph(f"{label}: {value}")
    doc.add_paragraph(letter.salutation)
    for para in letter.paragraphs:
        if para.startswith("## "):
            doc.add_heading(para[3:], level=2)
        elif para.strip():
            doc.add_paragraph(para)
    if letter.closing:
        doc.add_paragraph(letter.closing)
    for signatory in letter.signatories:
        for line in signatory:
            doc.add_paragraph(line)
    raw = io.BytesIO()
    doc.save(raw)
    return _restamp_zip(raw.getvalue())


def _restamp_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so the bytes do not depend on the clock."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()
