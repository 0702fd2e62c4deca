"""DOCX with python-docx: a council document with heading, one table per group and page numbers in the footer."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from pipeline.lists import text
from pipeline.lists.model import ListDoc

WIDTHS_CM = (1.4, 2.2, 2.2, 4.4, 7.4, 4.2, 3.0, 3.4)  # landscape A4 minus margins: about 28 cm


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    for kind, extra in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif extra == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instruction} "
        else:
            el = OxmlElement("w:t")
            el.text = extra
        run._r.append(el)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _fill(table: Table, rows: list[list[str]]) -> None:
    """Cell text written straight into the XML: python-docx's cell objects cost ~0.3 ms each, too slow for 500 rows."""
    for tr, values in zip(table._tbl.tr_lst[1:], rows):
        for tc, value in zip(tr.tc_lst, values):
            paragraph = tc.p_lst[0]
            for n, line in enumerate(value.split("\n")):
                if n:
                    paragraph = OxmlElement("w:p")
                    tc.append(paragraph)
                if line:
                    run = OxmlElement("w:r")
                    t = OxmlElement("w:t")
                    t.set(qn("xml:space"), "preserve")
                    t.text = line
                    run.append(t)
                    paragraph.append(run)


def render_docx(doc: ListDoc) -> bytes:
    d = Document()
    section = d.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.0))
    section.top_margin = section.bottom_margin = Cm(1.5)
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(9)
    d.core_properties.title = f"{text.title(doc)} {doc.council} {text.nl_date(doc.meeting.date)}"
    d.core_properties.author = doc.council
    header = section.header.paragraphs[0]
    header.text = f"{doc.council} — {text.title(doc)} {text.nl_date(doc.meeting.date)}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Pagina ")
    _field(footer, "PAGE")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES")

    d.add_heading(text.title(doc), level=0)
    d.add_paragraph(text.subtitle(doc))
    d.add_paragraph(f"{text.VERSION_WORDS[doc.version]} · {text.status_line(doc)}")
    if not doc.groups:
        d.add_paragraph("Er staan geen stukken op deze lijst.")
    for group in doc.groups:
        d.add_heading(group.heading, level=2)
        table = d.add_table(rows=len(group.rows) + 1, cols=len(text.columns(doc)))
        table.style = "Table Grid"
        table.autofit = False
        head = table.rows[0]
        _repeat_header(head)
        for cell, name, width in zip(head.cells, text.columns(doc), WIDTHS_CM):
            cell.paragraphs[0].add_run(name).bold = True
            cell.width = Cm(width)
        _fill(table, [text.cells(r) for r in group.rows])
    if doc.amendments:
        d.add_heading("Wijzigingen na vaststelling", level=2)
        cols = ("Nr.", "Datum", "Veld", "Was", "Wordt", "Door", "Reden")
        table = d.add_table(rows=len(doc.amendments) + 1, cols=len(cols))
        table.style = "Table Grid"
        for cell, name in zip(table.rows[0].cells, cols):
            cell.paragraphs[0].add_run(name).bold = True
        _fill(table, [[a.number, text.nl_date(a.at), a.field, a.old or "", a.new or "", a.actor, a.reason or ""]
                      for a in doc.amendments])
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
