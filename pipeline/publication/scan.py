"""Redaction of scanned pages: Tesseract word boxes, black boxes over the words of each needle, image-only PDF."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageSequence

from pipeline.extract.limits import ExtractLimits
from pipeline.extract.ocr import OcrError, deskew, tesseract_output
from pipeline.extract.pdf import OCR_DPI, read_text, render_page
from pipeline.privacy.guard import DIGIT_SEPARATORS
from pipeline.privacy.pdf import _needle_pattern, find_boxes
from pipeline.publication.forbidden import is_numeric

PAD_PX = 6  # pixels around each word at 300 dpi: covers anti-aliasing and the OCR box being a little tight


@dataclass(frozen=True)
class Word:
    text: str
    left: int
    top: int
    width: int
    height: int


@dataclass
class RedactedScan:
    """An image-only PDF with black boxes, the boxes in pixels per page, and which needles were found."""

    data: bytes
    boxes: list[tuple[int, int, int, int, int]] = field(default_factory=list)  # page, x0, y0, x1, y1 (pixels)
    found: set[str] = field(default_factory=set)
    size: list[tuple[int, int]] = field(default_factory=list)  # page image sizes in pixels


def ocr_words(image: Image.Image, language: str, timeout_s: float) -> list[Word]:
    """Every word Tesseract reads on the image with its box in pixels (TSV output, one thread)."""
    output = tesseract_output(image, language, timeout_s, psm=3, configs=("tsv",))
    words = []
    for line in output.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
            left, top, width, height = (int(c) for c in cols[6:10])
            words.append(Word(cols[11].strip(), left, top, width, height))
    return words


def _page_string(words: list[Word]) -> tuple[str, list[int]]:
    """The words joined by single spaces, case-folded, and for each character the index of its word (-1: space)."""
    chars: list[str] = []
    owners: list[int] = []
    for index, word in enumerate(words):
        if chars:
            chars.append(" ")
            owners.append(-1)
        for c in word.text:
            low = c.lower()
            chars.append(low if len(low) == 1 else c)
            owners.append(index)
    return "".join(chars), owners


def match_words(words: list[Word], needles: list[str]) -> tuple[list[list[int]], set[str]]:
    """Per occurrence of a needle the indices of its words (a multi-word needle: consecutive words), and the
    needles found. Digit strings (phone numbers) match whatever separators the OCR read between the digits."""
    text, owners = _page_string(words)
    keep = [True] * len(text)
    for m in DIGIT_SEPARATORS.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    compact = "".join(c for c, k in zip(text, keep) if k)
    compact_owners = [o for o, k in zip(owners, keep) if k]
    hits: list[list[int]] = []
    found: set[str] = set()
    for needle in needles:
        if is_numeric(needle):
            digits = re.sub(r"[^\d+]", "", needle)
            if len(digits) < 3:
                continue
            pattern, hay, own = re.compile(rf"(?<!\d){re.escape(digits)}(?!\d)"), compact, compact_owners
        else:
            pattern, hay, own = _needle_pattern(needle), text, owners
            if pattern is None:
                continue
        for m in pattern.finditer(hay):
            found.add(needle)
            hits.append(sorted({own[i] for i in range(m.start(), m.end()) if own[i] >= 0}))
    return hits, found


def merged_rects(words: list[Word], group: list[int]) -> list[tuple[int, int, int, int]]:
    """One rectangle per text line of an occurrence (no gaps between its words that would show their lengths)."""
    lines: list[list[Word]] = []
    for word in sorted((words[i] for i in group), key=lambda w: (w.top, w.left)):
        last = lines[-1][-1] if lines else None
        if last is not None and abs((word.top + word.height / 2) - (last.top + last.height / 2)) < last.height * 0.6:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [(max(0, min(w.left for w in ln) - PAD_PX), max(0, min(w.top for w in ln) - PAD_PX),
             max(w.left + w.width for w in ln) + PAD_PX, max(w.top + w.height for w in ln) + PAD_PX) for ln in lines]


def _paint(image: Image.Image, rects: list[tuple[int, int, int, int]]) -> None:
    draw = ImageDraw.Draw(image)
    for x0, y0, x1, y1 in rects:
        draw.rectangle([x0, y0, x1, y1], fill=0)


def _redact_image(image: Image.Image, needles: list[str], limits: ExtractLimits) -> tuple[Image.Image, list, set]:
    """Straighten one page as the intake OCR did, read its words, black out the needles' words."""
    image, _angle = deskew(image.convert("L"))
    image = image.convert("L")
    words = ocr_words(image, limits.ocr_language, limits.ocr_timeout_s_per_page * 1.5 + 2)
    groups, found = match_words(words, needles)
    rects = [r for group in groups for r in merged_rects(words, group)]
    _paint(image, rects)
    return image, rects, found


def _to_pdf(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=float(OCR_DPI))
    return out.getvalue()


def redact_scanned_pdf(data: bytes, needles: list[str], limits: ExtractLimits) -> RedactedScan:
    """Every page rendered at 300 dpi; pages without a text layer redacted from OCR word boxes, pages with one
    from the text layer's glyph boxes; the result has no text layer."""
    layer = read_text(data, limits)
    if layer.page_count > limits.max_pdf_pages or len(layer.needs_ocr) > limits.ocr_max_pages:
        raise OcrError(f"te veel pagina's om te anonimiseren ({layer.page_count}; OCR-limiet {limits.ocr_max_pages})")
    text_boxes, _missing = find_boxes(data, needles)
    found = set(needles) - set(_missing)
    result = RedactedScan(b"", found=set())
    pages: list[Image.Image] = []
    document = pdfium.PdfDocument(data)
    try:
        sizes = [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()
    for index in range(layer.page_count):
        image = render_page(data, index, limits)
        if index in layer.needs_ocr:
            image, rects, hits = _redact_image(image, needles, limits)
            result.found |= hits
        else:
            scale = image.width / sizes[index][0]
            rects = [(round(x0 * scale), round(top * scale), round(x1 * scale), round(bottom * scale))
                     for page, x0, top, x1, bottom in text_boxes if page == index]
            image = image.convert("L")
            _paint(image, rects)
        result.boxes += [(index, *r) for r in rects]
        result.size.append(image.size)
        pages.append(image)
    result.found |= found
    result.data = _to_pdf(pages)
    return result


def redact_image_file(data: bytes, needles: list[str], limits: ExtractLimits) -> RedactedScan:
    """A scanned image (PNG, JPEG, multi-page TIFF) redacted page by page from OCR word boxes into a PDF."""
    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    result = RedactedScan(b"", found=set())
    pages: list[Image.Image] = []
    with Image.open(io.BytesIO(data)) as image:
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            if index >= limits.ocr_max_pages:
                raise OcrError(f"te veel pagina's om te anonimiseren (meer dan {limits.ocr_max_pages})")
            page, rects, hits = _redact_image(frame.convert("L"), needles, limits)
            result.found |= hits
            result.boxes += [(index, *r) for r in rects]
            result.size.append(page.size)
            pages.append(page)
    result.data = _to_pdf(pages)
    return result
