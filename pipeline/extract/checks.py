"""The checks and decoding the main process does itself: header-only size checks against bombs and text decoding.

Everything that parses a document (python-docx, extract_msg, tnefparse, PDFium, Tesseract) runs in the extraction
child; this module imports none of them, so a command that never reads an attachment does not pay for them.
"""

from __future__ import annotations

import warnings
import zipfile
from io import BytesIO

from PIL import Image, UnidentifiedImageError

from pipeline.extract.damage import describe
from pipeline.extract.errors import ExtractFailure
from pipeline.extract.limits import ExtractLimits
from pipeline.text.charset import decode_body

_BANDS = {"1": 1, "L": 1, "P": 1, "LA": 2, "RGB": 3, "YCbCr": 3, "RGBA": 4, "CMYK": 4, "I;16": 2, "I": 4, "F": 4}


def check_zip(data: bytes, limits: ExtractLimits) -> None:
    """Sum the declared uncompressed sizes before anything is inflated."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
            count = len(archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ExtractFailure("broken", f"Document is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    if total > limits.max_decompressed_bytes or count > 10_000:
        raise ExtractFailure(
            "too_large",
            f"Document pakt uit tot {total:,} bytes in {count} delen "
            f"(limiet {limits.max_decompressed_bytes:,}); mogelijk een zip-bom",
        )


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


def decode_text(data: bytes, content_type: str = "") -> str:
    """Declared charset, then UTF-8, repaired mixed UTF-8, then detection among Western charsets (never fails)."""
    declared = None
    for piece in content_type.split(";")[1:]:
        key, _, value = piece.partition("=")
        if key.strip().lower() == "charset":
            declared = value.strip().strip('"') or None
    return decode_body(data, declared)[0].lstrip("\ufeff")  # the same reading as a mail body