"""Render a generated past list the way councils publish them: a PDF table, a DOCX table, an HTML page, a text PDF.

Each bundled profile has its own column headers and its own way of writing the handling (a code, the code with its
words, or only the words), so import has to recognise them from the profile's mapping rather than from one layout.
Output is byte-stable (reportlab invariant, fixed DOCX timestamps).
"""

from __future__ import annotations

import datetime as dt
import html
import io
from datetime import date

from docx import Document
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from pipeline.history.sample_world import Entry, long_date
from pipeline.rules.profile import Profile
from pipeline.sample.documents import _restamp_zip

# per profile: column headers (number, date, sender, subject, handling, committee) and the list's title
STYLE = {
    "nieuwkoop": (("Nr.", "Datum", "Afzender", "Onderwerp", "Voorstel afhandeling", "Commissie"),
                  "Lijst van ingekomen stukken voor de raadsvergadering van"),
    "steenwijkerland": (("Nummer", "Ontvangen", "Van", "Betreft", "Categorie", "Behandeling in"),
                        "Lijst ingekomen stukken gemeenteraad"),
    "sittard-geleen": (("Volgnr", "Datum brief", "Indiener", "Onderwerp", "Afdoeningsvoorstel", "Commissie"),
                       "Ingekomen stukken ten behoeve van de raadsvergadering d.d."),
}


def handling_text(profile: Profile, canonical: str, layout: str) -> str:
    """The council's words for a handling, written differently per layout as councils do."""
    code, label = profile.local(canonical)
    if layout == "pdf":
        return f"{code}. {label}" if profile.name == "nieuwkoop" else f"{code} - {label}"
    if layout == "docx":
        return label
    return f"Categorie {code}" if profile.name == "steenwijkerland" else code


def _rows(profile: Profile, entries: list[Entry], layout: str) -> list[list[str]]:
    return [[e.number, e.received.strftime("%d-%m-%Y"), e.sender, e.subject, handling_text(profile, e.handling, layout),
             e.committee] for e in entries]


def title(profile: Profile, meeting: date) -> str:
    return f"{STYLE[profile.name][1]} {long_date(meeting)}"


def render_pdf(profile: Profile, meeting: date, entries: list[Entry]) -> bytes:
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), invariant=1, title=title(profile, meeting),
                            leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30)
    data = [list(STYLE[profile.name][0])] + [[Paragraph(html.escape(c), cell) for c in row]
                                             for row in _rows(profile, entries, "pdf")]
    table = Table(data, colWidths=[60, 60, 170, 250, 160, 110], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("FONTSIZE", (0, 0), (-1, 0), 8), ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    doc.build([Paragraph(html.escape(title(profile, meeting)), styles["Heading2"]), table])
    return buf.getvalue()


def render_pdf_text(profile: Profile, meeting: date, entries: list[Entry]) -> bytes:
    """A list without a table: one block of 'Label: value' lines per entry (an older site's print view)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle(title(profile, meeting))
    y = 800
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, y, title(profile, meeting))
    y -= 30
    heads = STYLE[profile.name][0]
    for row in _rows(profile, entries, "pdf"):
        if y < 60 + 12 * len(row):
            c.showPage()
            y = 800
        c.setFont("Helvetica", 8)
        for head, value in zip(heads, row):
            c.drawString(40, y, f"{head}: {value}")
            y -= 11
        y -= 10
    c.save()
    return buf.getvalue()


def render_docx(profile: Profile, meeting: date, entries: list[Entry]) -> bytes:
    doc = Document()
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title(profile, meeting), "Griffie", ""
    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.revision = 1
    doc.add_heading(title(profile, meeting), level=1)
    rows = _rows(profile, entries, "docx")
    table = doc.add_table(rows=1 + len(rows), cols=6)
    for i, head in enumerate(STYLE[profile.name][0]):
        table.cell(0, i).text = head
    for r, row in enumerate(rows, start=1):
        for i, value in enumerate(row):
            table.cell(r, i).text = value
    raw = io.BytesIO()
    doc.save(raw)
    return _restamp_zip(raw.getvalue())


def render_html(profile: Profile, meeting: date, entries: list[Entry]) -> bytes:
    """Steenwijkerland's site shows repeated blocks (a definition list per entry); the others a table."""
    heads = STYLE[profile.name][0]
    rows = _rows(profile, entries, "html")
    esc = html.escape
    out = ["<!DOCTYPE html>", '<html lang="nl"><head><meta charset="utf-8">',
           f"<title>{esc(title(profile, meeting))}</title></head><body>", f"<h1>{esc(title(profile, meeting))}</h1>"]
    if profile.name == "steenwijkerland":
        for row in rows:
            out.append('<div class="ingekomen-stuk"><dl>')
            out += [f"<dt>{esc(h)}</dt><dd>{esc(v)}</dd>" for h, v in zip(heads, row)]
            out.append("</dl></div>")
    else:
        out.append('<table class="lijst"><thead><tr>' + "".join(f"<th>{esc(h)}</th>" for h in heads)
                   + "</tr></thead><tbody>")
        out += ["<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>" for row in rows]
        out.append("</tbody></table>")
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8")


RENDERERS = {"pdf": (render_pdf, "pdf"), "docx": (render_docx, "docx"), "html": (render_html, "html"),
             "pdf_text": (render_pdf_text, "pdf")}
LAYOUTS = ("pdf", "docx", "html", "pdf_text")
