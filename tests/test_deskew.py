"""The skew estimated on a reduced page agrees with the full-size estimate it replaced (issue 13)."""

from __future__ import annotations

from email import message_from_bytes, policy
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.extract import ExtractLimits
from pipeline.extract.ocr import _COARSE, estimate_skew
from pipeline.extract.pdf import read_text, render_page
from test_extract_helpers import LETTER, image_pdf, scan_image

ROOT = Path(__file__).resolve().parent.parent


def old_estimate_skew(image: Image.Image) -> float:
    """The estimate before issue 13 (the page resized to 900 px, 22 rotations): the oracle."""
    gray = image.convert("L")
    scale = 900 / max(gray.width, 1)
    if scale < 1:
        gray = gray.resize((max(1, int(gray.width * scale)), max(1, int(gray.height * scale))))
    arr = np.asarray(gray)
    ink = Image.fromarray(np.where(arr < 160, 255, 0).astype(np.uint8))
    if not np.any(arr < 160):
        return 0.0

    def score(angle: float) -> float:
        rotated = ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
        return float(np.var(np.asarray(rotated, dtype=np.float32).sum(axis=1)))

    best = max(_COARSE, key=score)
    return max([best + x / 5 for x in range(-5, 6)], key=score)


def sample_scan_pages() -> list[Image.Image]:
    pages = []
    paths = sorted((ROOT / "pipeline" / "sample" / "mailbox").glob("*.eml")) + sorted((ROOT / "tests" / "data").rglob("*.eml"))
    for path in paths:
        for part in message_from_bytes(path.read_bytes(), policy=policy.default).walk():
            data = None if part.is_multipart() else part.get_payload(decode=True)
            if not data or not data.startswith(b"%PDF"):
                continue
            try:
                found = read_text(data, ExtractLimits())
            except Exception:  # encrypted or broken sample PDFs: no page to render
                continue
            pages += [render_page(data, index, ExtractLimits()) for index in found.needs_ocr]
    return pages


def test_sample_scans_get_exactly_the_old_angle():
    pages = sample_scan_pages()
    assert len(pages) >= 2
    for page in pages:
        assert estimate_skew(page) == old_estimate_skew(page)


@pytest.mark.parametrize("angle", [-3.7, -2.0, -0.9, 0.0, 0.6, 1.5, 2.9, 4.4])
def test_rendered_scans_within_one_step_of_the_old_angle_and_of_the_truth(angle):
    page = render_page(image_pdf([scan_image(LETTER, angle=angle)]), 0, ExtractLimits())
    new = estimate_skew(page)
    assert abs(new - old_estimate_skew(page)) <= 0.2 + 1e-9
    assert abs(new + angle) <= 0.3  # the page was turned by `angle`; straightening turns it back
