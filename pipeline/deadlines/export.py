"""The deadlines overview as CSV and DOCX, for the griffier's papers: organisations by name, private writers by
their public label ('inwoner'), never a person's name."""

from __future__ import annotations

import csv
import io
from datetime import date

from docx import Document
from docx.shared import Pt

from pipeline.deadlines.service import Row
from pipeline.privacy.guard import guarded
from pipeline.publication.forbidden import forbidden_for_items

KIND_WORDS = {"zienswijze": "Zienswijze", "afdoening": "Afdoening door het college"}
BUCKET_WORDS = {"verlopen": "Verlopen", "binnenkort": "Verloopt binnenkort", "open": "Open", "gesloten": "Gesloten",
                "vervallen": "Vervallen"}
HEADERS = ("Stuk", "Soort termijn", "Uiterste datum", "Dagen", "Stand", "Afzender", "Onderwerp", "Grond",
           "Waarschuwing", "Afgesloten door")


def _sender(row: Row) -> str:
    item = row.deadline.item
    return item.public_label if item.sender_kind == "inwoner" else (item.sender_organisation or item.public_label)


def cells(row: Row) -> list[str]:
    d = row.deadline
    closer = d.closed_by.registration_number if d.closed_by is not None else ""
    return [d.item.registration_number, KIND_WORDS.get(d.kind, d.kind), d.due_date.strftime("%d-%m-%Y"),
            str(row.days_left), BUCKET_WORDS.get(row.bucket, row.bucket), _sender(row), d.item.subject or "",
            d.reason, row.warning or "", closer]


def _guard(content: bytes, rows: list[Row], fmt: str) -> bytes:
    """The overview may go into the council's papers: the same guard as the public list refuses personal data."""
    return guarded(content, forbidden_for_items(r.deadline.item for r in rows), fmt)


def to_csv(rows: list[Row]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")  # Dutch Excel opens ';'-separated files as columns
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(cells(row))
    return _guard(("\ufeff" + buf.getvalue()).encode("utf-8"), rows, "csv")


def to_docx(rows: list[Row], council: str, today: date) -> bytes:
    doc = Document()
    doc.add_heading(f"Termijnen griffie {council}", level=1)
    doc.add_paragraph(f"Stand van {today.strftime('%d-%m-%Y')}: {len(rows)} termijn(en), waarvan "
                      f"{sum(r.bucket == 'verlopen' for r in rows)} verlopen en "
                      f"{sum(r.bucket == 'binnenkort' for r in rows)} binnenkort.")
    shown = (0, 1, 2, 4, 5, 6, 7, 8)
    table = doc.add_table(rows=1, cols=len(shown))
    table.style = "Table Grid"
    for cell, i in zip(table.rows[0].cells, shown):
        cell.text = HEADERS[i]
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        values = cells(row)
        for cell, i in zip(table.add_row().cells, shown):
            cell.text = values[i]
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
    buf = io.BytesIO()
    doc.save(buf)
    return _guard(buf.getvalue(), rows, "docx")
