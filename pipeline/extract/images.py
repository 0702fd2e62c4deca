"""Scanned images (PNG/JPEG/TIFF): a header-only size check against bombs, then OCR page by page."""

from __future__ import annotations

import warnings
from io import BytesIO

from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.extract.damage import describe
from pipeline.extract.errors import ExtractFailure
from pipeline.extract.limits import ExtractLimits
from pipeline.extract.ocr import OcrError, ocr_image

_BANDS = {"1": 1, "L": 1, "P": 1, "LA": 2, "RGB": 3, "YCbCr": 3, "RGBA": 4, "CMYK": 4, "I;16": 2, "I": 4, "F": 4}


def check_image(data: bytes, limits: ExtractLimits) -> int:
    """Read only the header: refuse declared sizes beyond the limits; returns the number of frames."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as image:
                width, height = image.size
                bands = _BANDS.get(image.mode, 4)
                frames = getattr(image, "n_frames", 1)
    except Image.DecompressionBombError as exc:
        raise ExtractFailure(
            "too_large",
            f"Afbeelding is te groot: meer dan {Image.MAX_IMAGE_PIXELS * 2:,} pixels "
            f"(limiet {limits.max_image_pixels:,} pixels); mogelijk een decompressiebom".replace(",", "."),
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ExtractFailure("broken", f"Afbeelding is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    pixels = width * height
    if pixels > limits.max_image_pixels or pixels * bands > limits.max_decompressed_bytes:
        raise ExtractFailure(
            "too_large",
            f"Afbeelding is te groot: {width} x {height} pixels (limiet {limits.max_image_pixels:,} pixels); "
            "mogelijk een decompressiebom".replace(",", "."),
        )
    return frames


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
