"""From the raw grids of one list file to entries, using the profile's mapping; what is not understood is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pipeline.history.mapping import FIELD_WORDS, REQUIRED, ListMapping
from pipeline.history.readers import Grid, ListFile
from pipeline.vocab import MONTHS

LONG_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
NUM_DATE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def parse_date(text: str) -> date | None:
    """The first date in a text: '15 januari 2024', '15-01-2024' or '2024-01-15'; None when there is none."""
    found = []
    for rx, order in ((LONG_DATE, "dmy_long"), (NUM_DATE, "dmy"), (ISO_DATE, "ymd")):
        m = rx.search(text or "")
        if m:
            found.append((m.start(), m, order))
    for _, m, order in sorted(found, key=lambda f: f[0]):
        try:
            if order == "dmy_long":
                return date(int(m.group(3)), MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
            if order == "dmy":
                return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


@dataclass
class ParsedEntry:
    meeting_date: date | None
    number: str
    letter_date: date | None
    sender: str
    subject: str
    handling_text: str
    handling_code: str | None  # canonical; None when the council's words are not in the mapping
    committee: str | None
    page: int


@dataclass
class ParsedList:
    filename: str
    layout: str
    meeting_date: date | None
    entries: list[ParsedEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _columns(grid: Grid, mapping: ListMapping) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, header in enumerate(grid.headers):
        name = mapping.field_for(header)
        if name and name not in cols:
            cols[name] = i
    return cols


def parse_list(lf: ListFile, mapping: ListMapping) -> ParsedList:
    meeting = parse_date(lf.text) or parse_date(lf.path.name)
    out = ParsedList(lf.path.name, lf.layout, meeting)
    if meeting is None:
        out.problems.append(f"{lf.path.name}: geen vergaderdatum gevonden in de titel of de bestandsnaam; "
                            "de stukken zijn zonder vergaderdatum opgeslagen.")
    unknown_headers: list[str] = []
    previous: tuple[int, dict[str, int]] | None = None
    for grid in lf.grids:
        cols = _columns(grid, mapping)
        rows = grid.rows
        if not all(f in cols for f in REQUIRED):
            if previous and previous[0] == len(grid.headers) and grid.kind == "table":
                cols, rows = previous[1], [grid.headers] + grid.rows  # a table continued without its header row
            else:
                unknown_headers += [h for h in grid.headers if h]
                continue
        previous = (len(grid.headers), cols)
        for row in rows:
            get = lambda f: row[cols[f]] if f in cols and cols[f] < len(row) else ""  # noqa: E731
            if not get("number") and not get("subject"):
                continue
            words = get("handling")
            code = mapping.handling_for(words) if words else None
            if words and code is None:
                out.problems.append(f"{lf.path.name}, blz. {grid.page}, nr {get('number')}: afhandeling "
                                    f"'{words}' is niet bekend; voeg het woord toe onder [handling] in "
                                    f"{mapping.source}.")
            out.entries.append(ParsedEntry(meeting, get("number"), parse_date(get("date")), get("sender"),
                                           get("subject"), words, code, get("committee") or None, grid.page))
    if not out.entries:
        seen = ", ".join(dict.fromkeys(unknown_headers)) or "geen kolomkoppen of labels"
        need = ", ".join(FIELD_WORDS[f] for f in REQUIRED)
        out.problems.append(f"{lf.path.name}: onbekende indeling, geen lijst ingekomen stukken herkend (nodig: "
                            f"kolommen voor {need}; gevonden: {seen}). Voeg de kolomkoppen toe onder [columns] "
                            f"in {mapping.source}.")
    return out
