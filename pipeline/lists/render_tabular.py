"""CSV (semicolon-separated, UTF-8 with BOM: what Dutch Excel opens directly) and JSON."""

from __future__ import annotations

import csv
import io
import json

from pipeline.lists.model import ListDoc

CSV_COLUMNS = ("groep", "nummer", "registratienummer", "datum_brief", "datum_ontvangen", "afzender",
               "soort_afzender", "onderwerp", "afhandeling_code", "afhandeling", "afhandeling_canoniek", "commissie",
               "documenten", "besluit")
CSV_DELIMITER = ";"
# A cell starting with one of these is read as a formula by Excel, LibreOffice and Google Sheets
# (OWASP "CSV injection"): such a cell gets a leading apostrophe, which they show as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """The cell as text a spreadsheet program will not evaluate."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def render_csv(doc: ListDoc) -> bytes:
    """One line per item; dates ISO 8601; documents separated by ' | ' (name and link in the internal version)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for g in doc.groups:
        for r in g.rows:
            docs = " | ".join(f"{d.name} ({d.url})" if d.url else d.name for d in r.documents)
            cells = (g.heading, r.number, r.registration_number, r.letter_date or "", r.received_date, r.sender,
                     r.sender_kind, r.subject, r.handling_local, r.handling_label, r.handling, r.committee or "",
                     docs, r.decision or "")
            w.writerow([neutralise(c) for c in cells])
    return buf.getvalue().encode("utf-8-sig")


def render_json(doc: ListDoc) -> bytes:
    return json.dumps(doc.as_dict(), ensure_ascii=False, indent=2).encode("utf-8")
