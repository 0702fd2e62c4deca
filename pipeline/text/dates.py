"""Dates as Dutch (and English) letters and mail clients write them."""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10,
    "nov": 11, "dec": 12,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
    "mar": 3, "oct": 10,
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WORDY = re.compile(rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
WORDY_EN = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
NUMERIC = re.compile(r"\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TIME = re.compile(r"\b(\d{1,2})[:.](\d{2})(?:\s*(AM|PM))?", re.IGNORECASE)


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        result = date(y, m, d)
    except ValueError:
        return None
    return result if 1990 <= y <= 2100 else None


def find_dates(text: str) -> list[tuple[int, date]]:
    """Every date in text with its offset, in order of appearance."""
    found: list[tuple[int, date]] = []
    for m in WORDY.finditer(text):
        d = _safe(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in WORDY_EN.finditer(text):
        d = _safe(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if d:
            found.append((m.start(), d))
    for m in NUMERIC.finditer(text):
        d = _safe(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in ISO.finditer(text):
        d = _safe(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    return sorted(found, key=lambda x: x[0])


def parse_date(text: str) -> date | None:
    """The first date in text, or None."""
    found = find_dates(text)
    return found[0][1] if found else None


def parse_datetime(text: str) -> datetime | None:
    """A date with its time (as in an Outlook 'Verzonden:' line); the time is optional."""
    d = parse_date(text)
    if d is None:
        return None
    t = TIME.search(text)
    hour, minute = 0, 0
    if t:
        hour, minute = int(t.group(1)), int(t.group(2))
        if t.group(3) and t.group(3).upper() == "PM" and hour < 12:
            hour += 12
        if t.group(3) and t.group(3).upper() == "AM" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            hour, minute = 0, 0
    return datetime(d.year, d.month, d.day, hour, minute)
