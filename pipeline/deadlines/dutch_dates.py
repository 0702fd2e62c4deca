"""Dutch dates as councils write them: '1 juli 2026', '1 juli a.s.', 'vijftien juni', '01-07-2026', '2026-07-01'."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date
from functools import lru_cache

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_UNITS = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TEENS = ["tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
          "negentien"]
_ORD_UNITS = ["eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende"]


def _number_words() -> dict[str, int]:
    """Cardinals and ordinals 1..99 (after accent folding: 'tweeentwintig', 'eenendertigste')."""
    words: dict[str, int] = {}
    for i, w in enumerate(_UNITS, 1):
        words[w] = i
        words[_ORD_UNITS[i - 1]] = i
    for i, w in enumerate(_TEENS, 10):
        words[w] = i
        words[w + "de"] = i
    for tens, w in ((20, "twintig"), (30, "dertig"), (40, "veertig"), (50, "vijftig"), (60, "zestig"),
                    (70, "zeventig"), (80, "tachtig"), (90, "negentig")):
        words[w] = tens
        words[w + "ste"] = tens
        for i, u in enumerate(_UNITS, 1):
            words[f"{u}en{w}"] = tens + i
            words[f"{u}en{w}ste"] = tens + i
    words["achtste"] = 8
    return words


NUMBER_WORDS = _number_words()
WEEKDAYS = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?"
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# 'vrijdag 12 juni 2026', '1e juli a.s.', 'vijftien juni', '30 sept. 2026', 'tweeduizend zesentwintig'
WRITTEN = re.compile(
    rf"(?:{WEEKDAYS},?\s+)?(?:de\s+)?(?P<day>\d{{1,2}}|{_WORD_RE})(?:e|de|ste)?\s+(?:van\s+)?"
    rf"(?P<month>{_MONTH_RE})\b\.?"
    rf"(?:\s*,?\s*(?P<year>\d{{4}}|'\d{{2}}|tweeduizend\s*(?:{_WORD_RE})?)\b"
    rf"|\s+(?P<coming>a\.\s?s\.|aanstaande|aankomend)|)",
)
NUMERIC = re.compile(r"(?<![\d-])(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4}|\d{2})(?![\d-])")
ISO = re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
END_OF_MONTH = re.compile(rf"\b(?:eind|einde|ultimo|eind\s+van|het\s+einde\s+van)\s+(?P<month>{_MONTH_RE})\b\.?"
                          rf"(?:\s+(?P<year>\d{{4}}))?")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in base if not unicodedata.combining(c)) or ch
    return kept[0].lower() if len(kept) >= 1 else ch


def fold(text: str) -> str:
    """Lower case without accents ('vóór' -> 'voor', 'tweeëntwintig' -> 'tweeentwintig'); same length kept
    per character so that positions still point into the original sentence. ASCII text is only lowered, and
    each other character is folded once per process: this ran per character of every letter, several times."""
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


def _number(text: str) -> int | None:
    text = text.strip()
    if text.isdigit():
        return int(text)
    return NUMBER_WORDS.get(text)


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.strip()
    if raw.startswith("'"):
        return 2000 + int(raw[1:])
    if raw.isdigit():
        return int(raw) if len(raw) == 4 else 2000 + int(raw)
    if raw.startswith("tweeduizend"):
        rest = raw[len("tweeduizend"):].strip()
        return 2000 + (NUMBER_WORDS.get(rest, 0) if rest else 0)
    return None


def infer_year(month: int, day: int, reference: date) -> date | None:
    """A date without a year is the first such day on or after the reference (the letter's date)."""
    for year in (reference.year, reference.year + 1):
        try:
            found = date(year, month, day)
        except ValueError:
            return None
        if found >= reference:
            return found
    return None


def make_date(year: int | None, month: int, day: int, reference: date) -> date | None:
    if year is None:
        return infer_year(month, day, reference)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dates_in(folded: str, reference: date) -> list[tuple[int, int, date]]:
    """Every date in a folded sentence as (start, end, date), left to right, overlaps removed."""
    found: list[tuple[int, int, date]] = []
    for m in WRITTEN.finditer(folded):
        day = _number(m["day"])
        if day is None or not 1 <= day <= 31:
            continue
        d = make_date(_year(m["year"]), MONTHS[m["month"]], day, reference)
        if d is not None:
            found.append((m.start(), m.end(), d))
    for pattern in (NUMERIC, ISO):
        for m in pattern.finditer(folded):
            d = make_date(_year(m["year"]), int(m["month"]), int(m["day"]), reference) \
                if 1 <= int(m["month"]) <= 12 else None
            if d is not None:
                found.append((m.start(), m.end(), d))
    for m in END_OF_MONTH.finditer(folded):
        month = MONTHS[m["month"]]
        first = make_date(_year(m["year"]), month, 1, reference.replace(day=1))
        if first is not None:
            last = calendar.monthrange(first.year, month)[1]
            found.append((m.start(), m.end(), first.replace(day=last)))
    found.sort()
    kept: list[tuple[int, int, date]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept
