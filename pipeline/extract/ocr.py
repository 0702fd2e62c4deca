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


def _profile_score(ink: Image.Image, angle: float) -> float:
    rotated = ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
    rows = np.asarray(rotated, dtype=np.float32).sum(axis=1)
    return float(np.var(rows))


def estimate_skew(image: Image.Image) -> float:
    """The rotation (degrees, counter-clockwise) that makes text lines horizontal."""
    gray = image.convert("L")
    scale = 900 / max(gray.width, 1)
    if scale < 1:
        gray = gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))))
    arr = np.asarray(gray)
    ink = Image.fromarray(np.where(arr < 160, 255, 0).astype(np.uint8))
    if not np.any(arr < 160):
        return 0.0
    best = max(_COARSE, key=lambda a: _profile_score(ink, a))
    fine = [best + x / 5 for x in range(-5, 6)]  # +-1 degree in 0.2 steps
    return max(fine, key=lambda a: _profile_score(ink, a))


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
