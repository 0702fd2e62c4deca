"""Dutch wording shared by every format: dates, column headings, version names."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from pipeline.lists.model import ListDoc, ListRow
from pipeline.vocab import long_date

COLUMNS = ("Nr.", "Datum brief", "Ontvangen", "Afzender", "Onderwerp", "Voorstel afhandeling", "Commissie",
           "Documenten")
VERSION_WORDS = {"internal": "Interne versie", "public": "Openbare versie"}


@lru_cache(maxsize=4096)
def nl_date(iso: str | None) -> str:
    """18-03-2025 (or an empty string); a list repeats its dates (20,000 of them in a 10,000-item list)."""
    if not iso:
        return ""
    d = date.fromisoformat(iso[:10])
    return d.strftime("%d-%m-%Y")


def nl_long_date(iso: str) -> str:
    return long_date(date.fromisoformat(iso[:10]))


def local_code(row: ListRow) -> str:
    """The council's own short code ('a', 'II'); empty when it is only the canonical code ('vka')."""
    return row.handling_local if row.handling_local and row.handling_local != row.handling else ""


def handling_text(row: ListRow) -> str:
    """'a – voor kennisgeving aannemen': the council's own code and words."""
    return f"{local_code(row)} – {row.handling_label}" if local_code(row) else row.handling_label


def columns(doc: ListDoc) -> tuple[str, ...]:
    """The column headings; once the list is adopted the handling column holds what was decided."""
    if doc.meeting.status == "vastgesteld":
        return tuple("Besluit afhandeling" if c == "Voorstel afhandeling" else c for c in COLUMNS)
    return COLUMNS


def title(doc: ListDoc) -> str:
    return "Lijst ingekomen stukken"


def subtitle(doc: ListDoc) -> str:
    """'gemeenteraad, vergadering van 18 maart 2025' with the status."""
    m = doc.meeting
    body = "gemeenteraad" if m.body == "raad" else m.body
    head = f"{doc.council} — {body}, vergadering van {nl_long_date(m.date)}"
    return head if not m.title or m.title.startswith(body) else f"{head} ({m.title})"


def status_line(doc: ListDoc) -> str:
    m = doc.meeting
    if m.status == "vastgesteld" and m.adopted_at:
        return f"Vastgesteld op {nl_date(m.adopted_at)}" + (f" door {m.adopted_by}" if m.adopted_by and
                                                              doc.version == "internal" else "")
    return "Concept (nog niet vastgesteld)"


def cells(row: ListRow) -> list[str]:
    """The printed cells of a row, in COLUMNS order."""
    docs = ", ".join(d.name for d in row.documents)
    handling = handling_text(row) + (f"\nBesluit: {row.decision}" if row.decision else "")
    return [row.number, nl_date(row.letter_date), nl_date(row.received_date), row.sender, row.subject, handling,
            row.committee or "", docs]
