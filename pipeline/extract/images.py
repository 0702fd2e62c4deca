"""Scanned images (PNG/JPEG/TIFF): a header-only size check against bombs, then OCR page by page."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, ImageSequence

from pipeline.extract.checks import check_image
from pipeline.extract.damage import describe
from pipeline.extract.errors import ExtractFailure
from pipeline.extract.limits import ExtractLimits
from pipeline.extract.ocr import OcrError, ocr_image


def ocr_image_bytes(data: bytes, limits: ExtractLimits) -> list[str]:
    """OCR every frame (TIFF pages) up to ocr_max_pages; runs in the worker process."""
    check_image(data, limits)
    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    texts: list[str] = []
    try:
        with Image.open(BytesIO(data)) as image:
            for index, frame in enumerate(ImageSequence.Iterator(image)):
                if index >= limits.ocr_max_pages:
                    break
                page = frame.convert("L")
                texts.append(ocr_image(page, limits.ocr_language, limits.ocr_timeout_s_per_page))
    except OcrError as exc:
        raise ExtractFailure("timeout" if "langer dan" in str(exc) else "broken", str(exc)) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ExtractFailure("broken", f"Afbeelding is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    return texts
