"""Redacted PDF: black boxes over personal data, pages rebuilt as images so no text layer can reveal it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException
from PIL import Image, ImageDraw

Box = tuple[int, float, float, float, float]  # page index, x0, top, x1, bottom in PDF points from the top left
PAD = 1.5  # points around each glyph box, so anti-aliased edges are covered too


class PdfRedactionError(Exception):
    """The PDF cannot be redacted (encrypted, broken); the message says why in Dutch."""


@dataclass
class RedactedPdf:
    data: bytes
    boxes: list[Box] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # needles not found in the text layer (scanned pages?)


def _fold(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _page_text(page: pdfplumber.page.Page) -> tuple[str, list[dict | None]]:
    """The page's words joined by single spaces (case-folded) and, per character, its pdfplumber char."""
    words = page.extract_words(keep_blank_chars=False, use_text_flow=True, return_chars=True)
    text: list[str] = []
    owners: list[dict | None] = []
    for word in words:
        if text:
            text.append(" ")
            owners.append(None)
        for ch in word["chars"]:
            for c in ch["text"]:
                text.append(_fold(c))
                owners.append(ch)
    return "".join(text), owners


def _needle_pattern(needle: str) -> re.Pattern[str] | None:
    words = needle.split()
    if not words:
        return None
    body = r"\s+".join(re.escape("".join(_fold(c) for c in w)) for w in words)
    left = r"(?<!\w)" if words[0][0].isalnum() else ""
    right = r"(?!\w)" if words[-1][-1].isalnum() else ""
    return re.compile(left + body + right)


def _boxes_for(chars: list[dict], page_index: int, origin: tuple[float, float]) -> list[Box]:
    """One box per text line covered by the chars (chars on one line share their top within 2 points)."""
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(lines[-1][0]["top"] - ch["top"]) < 2:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    ox, oy = origin
    return [(page_index,
             min(c["x0"] for c in line) - ox - PAD, min(c["top"] for c in line) - oy - PAD,
             max(c["x1"] for c in line) - ox + PAD, max(c["bottom"] for c in line) - oy + PAD)
            for line in lines]


def find_boxes(pdf_bytes: bytes, needles: list[str]) -> tuple[list[Box], list[str]]:
    """The boxes covering every occurrence of every needle (case-insensitive, any whitespace between words),
    and the needles that occur nowhere in the text layer."""
    patterns = [(n, p) for n, p in ((n, _needle_pattern(n)) for n in needles) if p is not None]
    found: set[str] = set()
    boxes: list[Box] = []
    try:
        with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
            for index, page in enumerate(pdf.pages):
                text, owners = _page_text(page)
                for needle, pattern in patterns:
                    for m in pattern.finditer(text):
                        found.add(needle)
                        chars = [owners[i] for i in range(m.start(), m.end()) if owners[i] is not None]
                        boxes.extend(_boxes_for(chars, index, (page.bbox[0], page.bbox[1])))
    except (PdfminerException, PDFSyntaxError) as exc:
        reason = str(exc) or (type(exc.args[0]).__name__ if exc.args else type(exc).__name__)
        raise PdfRedactionError(f"PDF kan niet gelezen worden om te anonimiseren: {reason}") from exc
    return boxes, [n for n, _ in patterns if n not in found]


def redact_pdf(pdf_bytes: bytes, needles: list[str], dpi: int = 150, strict: bool = True) -> RedactedPdf:
    """A PDF of page images with black boxes over each needle; it has no text layer at all.

    With strict (the default) a needle that is not in the text layer is an error: on a scanned page the data
    would stay visible in the image, so the caller must not publish it. strict=False reports them in .missing.
    """
    boxes, missing = find_boxes(pdf_bytes, needles)
    if missing and strict:
        raise PdfRedactionError(
            f"{len(missing)} persoonsgegeven(s) niet gevonden in de tekstlaag van de PDF (gescand?); "
            "de PDF kan niet veilig geanonimiseerd worden")
    scale = dpi / 72
    images: list[Image.Image] = []
    try:
        document = pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise PdfRedactionError(f"PDF kan niet getekend worden om te anonimiseren: {exc}") from exc
    try:
        for index in range(len(document)):
            page = document[index]
            image = page.render(scale=scale).to_pil().convert("RGB")
            draw = ImageDraw.Draw(image)
            for page_index, x0, top, x1, bottom in boxes:
                if page_index == index:
                    draw.rectangle([x0 * scale, top * scale, x1 * scale, bottom * scale], fill=(0, 0, 0))
            images.append(image)
            page.close()
    finally:
        document.close()
    if not images:
        raise PdfRedactionError("PDF zonder pagina's kan niet geanonimiseerd worden")
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))
    return RedactedPdf(out.getvalue(), boxes, missing)
