"""OCR of one page image with Tesseract (Dutch), after a projection-profile deskew."""

from __future__ import annotations

import os
import subprocess
from io import BytesIO

import numpy as np
from PIL import Image

TESSERACT = "/usr/bin/tesseract"
_COARSE = [float(x) for x in range(-5, 6)]  # -5 .. +5 degrees in 1 degree steps, refined below
_MIN_ANGLE = 0.25  # below this a rotation costs more sharpness than it gains


class OcrError(RuntimeError):
    """Tesseract failed or ran out of time; the message is meant for the user (Dutch)."""


SKEW_WIDTH = 450  # the skew is estimated on the page reduced to about this width (a 300 dpi A4 page: 1/5)


def _profile_score(ink: Image.Image, angle: float) -> float:
    rotated = ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
    rows = np.asarray(rotated).sum(axis=1, dtype=np.int64).astype(np.float32)  # exact: sums stay below 2**24
    return float(np.var(rows))


def estimate_skew(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines horizontal: the angle whose horizontal
    projection of the ink is sharpest, searched in 1 degree then 0.2 degree steps on a box-reduced copy of the
    page (rotating it 22 times at full size cost 270 ms a page; the reduced copy finds the same angles on the
    sample scans, elsewhere at most one 0.2 degree step apart, see tests/test_deskew.py)."""
    gray = image.convert("L")
    factor = max(1, gray.width // SKEW_WIDTH)
    if factor > 1:
        gray = gray.reduce(factor)
    arr = np.asarray(gray)
    dark = arr < 160
    if not dark.any():
        return 0.0
    ink = Image.fromarray(np.where(dark, 255, 0).astype(np.uint8))
    scores: dict[float, float] = {}

    def score(angle: float) -> float:
        if angle not in scores:
            scores[angle] = _profile_score(ink, angle)
        return scores[angle]

    best = max(_COARSE, key=score)
    fine = [best + x / 5 for x in range(-5, 6)]  # +-1 degree in 0.2 steps (3 of them scored already)
    return max(fine, key=score)


def deskew(image: Image.Image) -> tuple[Image.Image, float]:
    """Rotate the page straight; returns the image and the angle that was applied."""
    angle = estimate_skew(image)
    if abs(angle) < _MIN_ANGLE:
        return image, 0.0
    gray = image.convert("L")
    return gray.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255), angle


def run_tesseract(image: Image.Image, language: str, timeout_s: float, psm: int = 3) -> str:
    """Run Tesseract on one image through stdin/stdout (no temp files), one thread: the page's text."""
    return tesseract_output(image, language, timeout_s, psm).replace("\x0c", "").strip()


def tesseract_output(image: Image.Image, language: str, timeout_s: float, psm: int = 3,
                     configs: tuple[str, ...] = ()) -> str:
    """Tesseract's raw output for one image (plain text, or e.g. configs=("tsv",) for word boxes)."""
    buffer = BytesIO()
    image.convert("L").save(buffer, format="PPM")  # uncompressed PGM: cheap to write and to read
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(
            [TESSERACT, "stdin", "stdout", "-l", language, "--psm", str(psm), *configs],
            input=buffer.getvalue(),
            capture_output=True,
            timeout=timeout_s,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"OCR duurde langer dan {timeout_s:g} s") from exc
    except FileNotFoundError as exc:
        raise OcrError("Tesseract is niet geïnstalleerd (/usr/bin/tesseract ontbreekt)") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"OCR mislukt (Tesseract code {done.returncode}): {detail[-1] if detail else ''}")
    return done.stdout.decode("utf-8", "replace")


def ocr_image(image: Image.Image, language: str, timeout_s: float, straighten: bool = True) -> str:
    """Deskew (optionally) and OCR one page image."""
    if straighten:
        image, _angle = deskew(image)
    return run_tesseract(image, language, timeout_s)
