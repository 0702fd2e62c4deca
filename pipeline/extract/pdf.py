"""PDF text: pypdfium2 per page (fast), page 1 in reading order from its character boxes (pdfplumber's own
reading as the fallback), pages without text rendered for OCR."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.text import chars_to_textmap

from pipeline.extract.damage import describe

from pipeline.extract.errors import ExtractFailure
from pipeline.extract.limits import ExtractLimits
from pipeline.extract.ocr import OcrError, ocr_image
from pipeline.extract.pdf_result import PdfText

MIN_TEXT_CHARS = 25  # a page with fewer non-space characters has no real text layer
OCR_DPI = 300


def _clean(text: str) -> str:
    # PDFium marks soft hyphens at line ends with \x02 and returns CRLF line ends.
    return text.replace("\r\n", "\n").replace("\x02", "-").replace("\x00", "").replace("\ufffe", "-")


def _describe_minerror(exc: PdfminerException) -> str:
    inner = exc.args[0] if exc.args else exc
    return describe(str(inner), type(inner).__name__)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractFailure("encrypted", "PDF is versleuteld met een wachtwoord") from exc
        reason = describe(str(exc), type(exc).__name__)
        try:  # pdfminer names the damage better ("Unexpected EOF", "No /Root object!")
            with pdfplumber.open(io.BytesIO(data)) as doc:
                len(doc.pages)
        except PdfminerException as mexc:
            reason = _describe_minerror(mexc)
        raise ExtractFailure("broken", f"PDF is beschadigd: {reason}") from exc


def _has_image(page: pdfium.PdfPage) -> bool:
    for _obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        return True
    return False


LAYOUT = {"layout": False, "x_tolerance": 1.5, "y_tolerance": 3}  # how page 1 is read: lines by position
_HYPHENS = {"\x02": "-", "\ufffe": "-"}  # PDFium's marks for a hyphen that breaks a word at a line end


def _plumber_first_page(data: bytes) -> str:
    """Page 1 through pdfplumber (pdfminer's parse of the page: ~90 ms): the fallback of _first_page_layout."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            if not doc.pages:
                return ""
            return doc.pages[0].extract_text(**LAYOUT) or ""
    except PdfminerException:
        return ""  # PDFium read it; pdfminer's stricter parser may not: the fast text stands in


def _upright(page: pdfium.PdfPage) -> bool:
    """True when no text or form object on the page is rotated, mirrored or skewed (pdfplumber's `upright`)."""
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM], max_depth=3):
        m = obj.get_matrix()
        if m.b != 0 or m.c != 0 or m.a <= 0 or m.d <= 0:
            return False
    return True


def _pdfium_chars(page: pdfium.PdfPage) -> list[dict] | None:
    """The page's characters as pdfplumber's char records (text, box in top-down points), from PDFium; None where
    PDFium's boxes cannot stand in for pdfminer's: a rotated page or text, a page box not at the origin, a
    character without Unicode."""
    width, height = page.get_size()
    if page.get_rotation() or tuple(page.get_mediabox()) != (0, 0, width, height) or not _upright(page):
        return None
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = pdfium_c.FPDFText_CountChars(raw)
        text = textpage.get_text_range()  # one call; one UTF-16 unit per character index
        if len(text) != count or "\x00" in text:
            return None
        box, is_generated, rect = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_IsGenerated, pdfium_c.FS_RECTF()
        chars = []
        for i, char in enumerate(text):
            if char.isspace() and is_generated(raw, i) == 1:
                continue  # spaces and line ends PDFium adds; pdfminer has none (its words come from the gaps)
            if not box(raw, i, rect):
                return None
            chars.append({"text": _HYPHENS.get(char, char), "x0": rect.left, "x1": rect.right,
                          "top": height - rect.top, "bottom": height - rect.bottom, "doctop": height - rect.top,
                          "upright": True, "size": rect.top - rect.bottom})
        return chars
    finally:
        textpage.close()


def _first_page_layout(doc: pdfium.PdfDocument, data: bytes) -> str:
    """Page 1 in reading order (the letterhead, date and subject lines): pdfplumber's assembly of lines and words
    over PDFium's character boxes, which gives pdfplumber's text without pdfminer's slow parse of the page."""
    page = doc[0]
    try:
        chars = _pdfium_chars(page)
    finally:
        page.close()
    if chars is None:
        return _plumber_first_page(data)
    return chars_to_textmap(chars, **LAYOUT).as_string


def read_text(data: bytes, limits: ExtractLimits) -> PdfText:
    """The text layer of every page up to max_pdf_pages; near-empty pages with images are marked for OCR."""
    doc = _open(data)
    first = ""
    try:
        count = len(doc)
        wanted = min(count, limits.max_pdf_pages)
        pages: list[str] = []
        needs_ocr: list[int] = []
        for index in range(wanted):
            page = doc[index]
            textpage = page.get_textpage()
            text = _clean(textpage.get_text_range())
            textpage.close()
            if len("".join(text.split())) < MIN_TEXT_CHARS and _has_image(page):
                needs_ocr.append(index)
            page.close()
            pages.append(text)
        if wanted and 0 not in needs_ocr:
            first = _first_page_layout(doc, data)
    finally:
        doc.close()
    notes = []
    if count > wanted:
        notes.append(f"Alleen de eerste {wanted} van {count} pagina's gelezen (limiet)")
    if b"%%EOF" not in data[-2048:]:
        notes.append("PDF is beschadigd: het bestand is afgebroken (geen %%EOF); gedeeltelijk gelezen")
    return PdfText(count, pages, first or (pages[0] if pages else ""), needs_ocr, notes)


def render_page(data: bytes, index: int, limits: ExtractLimits):
    """Render one page at 300 dpi in gray (less if the page is so large it would break the pixel limit)."""
    doc = _open(data)
    try:
        page = doc[index]
        width, height = page.get_size()  # points
        scale = OCR_DPI / 72
        pixels = width * scale * height * scale
        if pixels > limits.max_image_pixels:
            scale *= (limits.max_image_pixels / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil()
        page.close()
        return image
    finally:
        doc.close()


def ocr_page(data: bytes, index: int, limits: ExtractLimits) -> str:
    """Render and OCR one page; an OCR failure becomes an ExtractFailure with its reason."""
    image = render_page(data, index, limits)
    try:
        return ocr_image(image, limits.ocr_language, limits.ocr_timeout_s_per_page)
    except OcrError as exc:
        raise ExtractFailure("timeout" if "langer dan" in str(exc) else "broken", str(exc)) from exc
