"""The list PDF drawn on the canvas: every cell's words on the page, the header row on every page, a row taller
than a page continued rather than lost, and amendments in their own table."""

from __future__ import annotations

import pypdfium2 as pdfium

from pipeline.lists.model import AmendmentView, ListDoc, ListGroup, ListRow, MeetingView
from pipeline.lists.render_pdf import render_pdf
from pipeline.privacy.guard import public_text


def row(i: int, subject: str) -> ListRow:
    return ListRow(item_id=i, registration_number=f"2025-{i:04d}", number=str(i), letter_date="2025-02-01",
                   received_date="2025-03-01", sender=f"Organisatie {i} Waterlinde", sender_kind="organisatie",
                   subject=subject, handling="vka", handling_local="A", handling_label="voor kennisgeving aannemen",
                   committee="Commissie Ruimte")


def doc(rows: list[ListRow], amendments: tuple[AmendmentView, ...] = ()) -> ListDoc:
    meeting = MeetingView(id=1, date="2025-03-18", body="raad", title="gemeenteraad 18-03-2025", status="open",
                          cutoff_at=None, adopted_at=None, adopted_by=None)
    return ListDoc(council="gemeente Waterlinde", profile="generiek", version="internal", meeting=meeting,
                   groups=(ListGroup("Brieven van organisaties", tuple(rows)),), generated_at="2025-03-10T09:00:00",
                   amendments=amendments)


def test_rows_header_and_pages() -> None:
    data = render_pdf(doc([row(i, f"Verzoek {i} over de Kerkstraat") for i in range(1, 201)]))
    pdf = pdfium.PdfDocument(data)
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    assert len(pages) > 3
    assert all("Onderwerp" in p and f"Pagina {n}" in p for n, p in enumerate(pages, 1))
    words = public_text(data, "pdf")
    assert all(f"Verzoek {i} over de Kerkstraat" in words for i in range(1, 201))
    assert "Brieven van organisaties" in pages[0] and "Lijst ingekomen stukken" in pages[0]


def test_a_row_taller_than_a_page_continues() -> None:
    long = "\n".join(f"regel{n}" for n in range(120))  # 120 lines of 10 pt: more than one landscape page
    data = render_pdf(doc([row(1, "kort"), row(2, long), row(3, "daarna")]))
    pdf = pdfium.PdfDocument(data)
    assert len(pdf) >= 2
    words = public_text(data, "pdf").split()
    assert [w for w in words if w.startswith("regel")] == [f"regel{n}" for n in range(120)]
    assert "daarna" in words


def test_amendments_table_and_empty_list() -> None:
    change = AmendmentView(number="3", registration_number="2025-0003", field="onderwerp", old="oud onderwerp",
                           new="nieuw onderwerp", at="2025-03-20", actor="griffier", reason="tikfout")
    words = public_text(render_pdf(doc([row(3, "iets")], (change,))), "pdf")
    assert "Wijzigingen na vaststelling" in words and "nieuw onderwerp" in words and "tikfout" in words
    empty = ListDoc(**{**doc([]).__dict__, "groups": ()})
    assert "Er staan geen stukken op deze lijst." in public_text(render_pdf(empty), "pdf")


def test_lines_write_the_bytes_reportlab_writes(monkeypatch) -> None:
    """Lines (each string encoded once, the first subset by table) writes exactly what reportlab's own textLine
    writes: same PDF bytes (invariant mode) for rows of repeated and unique strings, with more than 256 different
    letters so the font needs several subsets, a no-break space and a letter the font lacks."""
    from reportlab import rl_config
    from reportlab.pdfgen.textobject import PDFTextObject

    from pipeline.lists import render_pdf as module

    letters = "".join(chr(c) for c in [*range(0x100, 0x17F), *range(0x391, 0x3CA), *range(0x410, 0x450)])
    rows = [row(i, f"Verzoek {i} {letters[i * 7 % len(letters):][:12]} Kerkstraat\u00a0{i}\U0001F600 Zoë Łukasz")
            for i in range(1, 400)]
    monkeypatch.setattr(rl_config, "invariant", 1)
    fast = render_pdf(doc(rows))
    monkeypatch.setattr(module.Lines, "textLine", PDFTextObject.textLine)
    assert render_pdf(doc(rows)) == fast


def test_wrap_cuts_lines_where_reportlabs_simple_split_does() -> None:
    """wrap() measures each word once per font; its lines are reportlab's simpleSplit's, for the same words in
    many widths (a word wider than the cell stays whole on its own line, as simpleSplit leaves it)."""
    import random

    from reportlab.lib.utils import simpleSplit

    from pipeline.lists.render_pdf import fonts, wrap

    regular, _ = fonts()
    rnd = random.Random(5)
    vocabulary = ["Verzoek", "over", "de", "verkeersveiligheid", "Kerkstraat", "12-a", "Zoë", "Łukasz",
                  "afvalstoffenheffingsverordening", "m.b.t.", "’s-Gravenhage", "2025-0017,", "brief.pdf"]
    widths: dict[str, float] = {}
    for _ in range(300):
        text = " ".join(rnd.choice(vocabulary) for _ in range(rnd.randint(1, 14)))
        width = rnd.uniform(20, 300)
        assert wrap(text, regular, 8, width, widths) == (simpleSplit(text, regular, 8, width) or [""]), text
