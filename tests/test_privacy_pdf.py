"""redact_pdf: names gone from every text layer, black boxes drawn exactly where the names were."""

from __future__ import annotations

import io

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pipeline.privacy.detect import detect
from pipeline.privacy.pdf import PdfRedactionError, redact_pdf

LETTER = [
    "Stichting Dorpshuis De Schakel",
    "Aan de gemeenteraad van Waterlinde",
    "",
    "Betreft: verzoek om subsidie voor het dorpshuis",
    "",
    "Geachte leden van de raad,",
    "",
    "Het bestuur van de stichting vraagt u om een bijdrage voor de verbouwing.",
    "Onze penningmeester, mevrouw Anneke van den Bosch, licht dit graag toe.",
    "",
    "Met vriendelijke groet,",
    "",
    "Jan Pieter de Vries, voorzitter",
    "Anneke van den Bosch, penningmeester",
]
SECOND_PAGE = ["Bijlage: begroting verbouwing", "Opgesteld door J.P. de Vries op 3 maart 2025."]
NAMES = ["Jan Pieter de Vries", "Anneke van den Bosch", "J.P. de Vries"]


def make_letter_pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for page_lines in (LETTER, SECOND_PAGE):
        y = 780
        for line in page_lines:
            pdf.setFont("Helvetica", 11)
            pdf.drawString(72, y, line)
            y -= 18
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def all_text(data: bytes) -> tuple[str, str]:
    document = pdfium.PdfDocument(data)
    pdfium_text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        plumber_text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    return pdfium_text, plumber_text


def black_fraction(image, box: tuple[float, float, float, float], scale: float) -> float:
    x0, top, x1, bottom = (round(v * scale) for v in box)
    region = image.crop((x0, top, x1, bottom)).convert("L")
    pixels = region.tobytes()
    return sum(1 for p in pixels if p < 60) / len(pixels)


@pytest.fixture(scope="module")
def redacted():
    original = make_letter_pdf()
    # The needles come from the detector, as in the pipeline.
    with pdfplumber.open(io.BytesIO(original)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    needles = sorted({s.text for s in detect(text) if s.kind == "person"})
    assert set(NAMES) <= set(needles), needles
    return original, redact_pdf(original, needles)


def test_original_holds_the_names() -> None:
    pdfium_text, plumber_text = all_text(make_letter_pdf())
    for name in NAMES:
        assert name in pdfium_text and name in plumber_text


def test_names_absent_from_every_text_layer(redacted) -> None:
    _, result = redacted
    pdfium_text, plumber_text = all_text(result.data)
    for name in NAMES + ["Vries", "Bosch", "Anneke"]:
        assert name not in pdfium_text and name not in plumber_text
    assert result.data.startswith(b"%PDF")


def test_boxes_cover_each_occurrence(redacted) -> None:
    _, result = redacted
    pages = {b[0] for b in result.boxes}
    assert pages == {0, 1}
    # Anneke van den Bosch twice, Jan Pieter de Vries once on page 1; J.P. de Vries once on page 2.
    assert len([b for b in result.boxes if b[0] == 0]) == 3
    assert len([b for b in result.boxes if b[0] == 1]) == 1


def test_rendered_pages_are_black_inside_boxes_only(redacted) -> None:
    original, result = redacted
    scale = 100 / 72
    out_doc = pdfium.PdfDocument(result.data)
    in_doc = pdfium.PdfDocument(original)
    assert len(out_doc) == len(in_doc) == 2
    for index in range(2):
        out_page, in_page = out_doc[index], in_doc[index]
        assert abs(out_page.get_width() - in_page.get_width()) < 1
        image = out_page.render(scale=scale).to_pil()
        page_boxes = [b[1:] for b in result.boxes if b[0] == index]
        for box in page_boxes:
            assert black_fraction(image, box, scale) > 0.9
            # Just right of the name ("voorzitter", "licht dit", margins) the page is not blacked out.
            x0, top, x1, bottom = box
            beside = (x1 + 4, top, x1 + 40, bottom)
            assert black_fraction(image, beside, scale) < 0.5
        # The letter's first line (an organisation) is left alone.
        assert black_fraction(image, (72, 50, 250, 64), scale) < 0.2


def test_broken_pdf_is_a_typed_error() -> None:
    with pytest.raises(PdfRedactionError):
        redact_pdf(b"%PDF-1.4 not really a pdf", ["Jan"])


def _render_with_pdftoppm(data: bytes, dpi: int, tmp_path) -> list:
    """Page images as poppler renders them (the acceptance check of issue 6), or pypdfium2 without poppler."""
    import shutil
    import subprocess

    from PIL import Image

    if shutil.which("pdftoppm") is None:
        document = pdfium.PdfDocument(data)
        return [document[i].render(scale=dpi / 72).to_pil() for i in range(len(document))]
    source = tmp_path / "redacted.pdf"
    source.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(source), str(tmp_path / "page")], check=True,
                   capture_output=True, timeout=60)
    return [Image.open(p) for p in sorted(tmp_path.glob("page-*.png"))]


def test_seed_letter_signatories_are_redacted(tmp_path) -> None:
    seed = pytest.importorskip("pipeline.sample.seed")
    documents = pytest.importorskip("pipeline.sample.documents")
    from pipeline.privacy.guard import check_public, forbidden_strings

    original = documents.text_pdf(seed.LETTER, "seed")
    with pdfplumber.open(io.BytesIO(original)) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    spans = detect(text)
    signatories = [seed.CHAIR_LVKK.name, seed.CHAIR_ZHVKK.name]
    assert all(name in text for name in signatories)
    needles = [s.text for s in spans]
    result = redact_pdf(original, needles)
    pdfium_text, plumber_text = all_text(result.data)
    for name in signatories:
        assert name not in pdfium_text and name not in plumber_text
    check_public(result.data, forbidden_strings(spans), fmt="pdf")
    images = _render_with_pdftoppm(result.data, 100, tmp_path)
    assert len(images) == len(pdfium.PdfDocument(original))
    scale = 100 / 72
    name_boxes = 0
    for page_index, x0, top, x1, bottom in result.boxes:
        assert black_fraction(images[page_index], (x0, top, x1, bottom), scale) > 0.9
        name_boxes += 1
    assert name_boxes >= len(signatories)
    # The salutation line stays readable: it holds no personal data.
    with pdfplumber.open(io.BytesIO(original)) as pdf:
        first = pdf.pages[0]
        salutation = next(w for w in first.extract_words() if w["text"] == "Beste")
    assert black_fraction(images[0], (salutation["x0"], salutation["top"], salutation["x1"], salutation["bottom"]),
                          scale) < 0.4


def test_needle_missing_from_text_layer_is_refused_unless_told() -> None:
    original = make_letter_pdf()
    with pytest.raises(PdfRedactionError, match="niet gevonden"):
        redact_pdf(original, ["Jan Pieter de Vries", "Kees Pronk"])
    result = redact_pdf(original, ["Jan Pieter de Vries", "Kees Pronk"], strict=False)
    assert result.missing == ["Kees Pronk"] and len(result.boxes) == 1
