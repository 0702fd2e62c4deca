"""What the extraction child sends back for a PDF. Its own module: the parent unpickles it, and a class defined in
pipeline.extract.pdf made the parent import pdfplumber and PDFium (~0.3 s of CPU) just to read the answer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PdfText:
    """The text pass over one PDF: text per page read, and which pages need OCR."""

    page_count: int
    pages: list[str]
    first_page_text: str
    needs_ocr: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
