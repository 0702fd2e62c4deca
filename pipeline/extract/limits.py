"""Limits that keep attachment extraction safe against large, broken and hostile files."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1_000_000  # decimal, as in config.toml and in every message a person reads


@dataclass(frozen=True)
class ExtractLimits:
    """Every bound the extract stage enforces; the config's `[limits]` table maps onto these fields."""

    max_attachment_bytes: int = 25 * MB  # larger attachments are not read at all -> too_large
    max_pdf_pages: int = 200  # pages beyond this are not read (status stays ok/ocr, error notes it)
    max_decompressed_bytes: int = 100 * MB  # zip members of a DOCX, and decoded image pixels
    max_image_pixels: int = 50_000_000  # width * height of an image or a rendered page
    pdf_timeout_s: float = 60.0  # wall clock for the text pass over one PDF or DOCX
    ocr_timeout_s_per_page: float = 60.0  # wall clock for rendering + OCR of one page or image
    ocr_max_pages: int = 30  # at most this many pages of one attachment are OCR'd
    ocr_language: str = "nld"  # Tesseract language(s), e.g. "nld+eng"
    worker_memory_mb: int = 1024  # RLIMIT_AS of the worker process (and its Tesseract children)
    max_nesting_depth: int = 3  # attachments inside .msg / winmail.dat inside ... at most this deep
