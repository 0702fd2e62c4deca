"""PDF with reportlab: header with council and meeting, one table per group, page numbers at the bottom."""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from pipeline.lists import text
from pipeline.lists.model import ListDoc

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
WIDTHS_CM = (1.3, 2.2, 2.2, 4.2, 7.0, 4.4, 3.0, 3.0)  # 27.3 cm: landscape A4 minus margins
CELL_SIZE = 8
PAD = 12  # the table's default left and right cell padding (6 pt each)


@lru_cache(maxsize=1)
def fonts() -> tuple[str, str]:
    """DejaVu Sans when the system has it (every Unicode letter of Dutch names), else Helvetica."""
    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if regular.is_file() and bold.is_file():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        return "DejaVuSans", "DejaVuSans-Bold"
    return "Helvetica", "Helvetica-Bold"


def _p(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(value).replace("\n", "<br/>"), style)


def _row(values: list[str], font: str) -> list[str]:
    """Cells as plain strings wrapped to their column with simpleSplit: paragraphs look the same here and cost
    about ten times as much, which a 500-item list notices."""
    out = []
    for value, width in zip(values, WIDTHS_CM):
        lines = [ln for part in value.split("\n") for ln in (simpleSplit(part, font, CELL_SIZE, width * cm - PAD)
                                                              or [""])]
        out.append("\n".join(lines))
    return out


def render_pdf(doc: ListDoc) -> bytes:
    regular, bold = fonts()
    base = getSampleStyleSheet()
    cell = ParagraphStyle("cell", parent=base["Normal"], fontName=regular, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=cell, fontName=bold)
    h1 = ParagraphStyle("h1", parent=base["Title"], fontName=bold, fontSize=16, alignment=0)
    h2 = ParagraphStyle("h2", parent=base["Heading2"], fontName=bold, fontSize=11)
    normal = ParagraphStyle("normal", parent=base["Normal"], fontName=regular, fontSize=10)
    top_line = f"{doc.council} — {text.title(doc)} {text.nl_date(doc.meeting.date)} — {text.VERSION_WORDS[doc.version]}"

    def decorate(canvas, pdf) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        width, height = landscape(A4)
        canvas.drawString(1.2 * cm, height - 1.0 * cm, top_line)
        canvas.drawCentredString(width / 2, 0.8 * cm, f"Pagina {pdf.page}")
        canvas.restoreState()

    story: list = [Paragraph(escape(text.title(doc)), h1), _p(text.subtitle(doc), normal),
                   _p(f"{text.VERSION_WORDS[doc.version]} · {text.status_line(doc)}", normal), Spacer(1, 0.4 * cm)]
    style = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("FONT", (0, 0), (-1, -1), regular, CELL_SIZE), ("LEADING", (0, 0), (-1, -1), 10),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef5"))])
    if not doc.groups:
        story.append(_p("Er staan geen stukken op deze lijst.", normal))
    for group in doc.groups:
        story.append(_p(group.heading, h2))
        data = [[_p(c, head) for c in text.columns(doc)]] + [_row(text.cells(r), regular) for r in group.rows]
        story.append(LongTable(data, colWidths=[w * cm for w in WIDTHS_CM], repeatRows=1, style=style))
    if doc.amendments:
        story.append(_p("Wijzigingen na vaststelling", h2))
        cols = ("Nr.", "Datum", "Veld", "Was", "Wordt", "Door", "Reden")
        data = [[_p(c, head) for c in cols]] + [
            [_p(v, cell) for v in (a.number, text.nl_date(a.at), a.field, a.old or "", a.new or "", a.actor,
                                   a.reason or "")] for a in doc.amendments]
        story.append(LongTable(data, colWidths=[w * cm for w in (1.3, 2.0, 3.0, 6.0, 6.0, 3.5, 5.9)],
                               repeatRows=1, style=style))
    buf = io.BytesIO()
    pdf = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=1.2 * cm, rightMargin=1.2 * cm,
                            topMargin=1.6 * cm, bottomMargin=1.5 * cm, title=f"{text.title(doc)} {doc.council}",
                            author=doc.council)
    pdf.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buf.getvalue()
