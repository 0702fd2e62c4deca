"""Reading a letter's text the way an assistant does: subject, date, reference, addressee, signatories."""

from __future__ import annotations

import re
from datetime import date

from pipeline.text.dates import find_dates, parse_date

SUBJECT = re.compile(r"^[ \t]*(?:Betreft|Onderwerp|Inzake|Subject)\s*[:.]?[ \t]+(\S.*)$", re.IGNORECASE | re.MULTILINE)
DATE_LINE = re.compile(r"^[ \t]*(?:Datum|Date|Verzenddatum|Dagtekening)\s*[:.]?[ \t]+(.+)$", re.IGNORECASE | re.MULTILINE)
PLACE_DATE = re.compile(
    r"^[ \t]*([A-Z][\w'’\-]+(?:[ \-][A-Za-z][\w'’\-]+){0,3}),[ \t]+(\d{1,2}(?:e|ste|de)?\s+\w+\.?\s+\d{4})\b", re.MULTILINE
)
REFERENCE = re.compile(
    r"^[ \t]*(?:Ons kenmerk|Kenmerk|Uw kenmerk|Referentie|Zaaknummer|Ons nummer|Registratienummer|Briefnummer"
    r"|Raadsinformatiebrief(?: nummer| nr\.?)?)\s*[:.]?[ \t]+(\S[^\n]{0,60})$",
    re.IGNORECASE | re.MULTILINE,
)
OWN_REFERENCE = re.compile(r"^[ \t]*(?:Ons kenmerk|Kenmerk|Referentie|Zaaknummer|Briefnummer|Raadsinformatiebrief)\b",
                           re.IGNORECASE)
ADDRESSEE = re.compile(
    r"^[ \t]*((?:Aan\s+)?(?:de\s+)?(?:leden\s+van\s+)?(?:de\s+)?(?:gemeenteraad|gemeenteraden|raad|raadsleden|college|griffie"
    r"|colleges)\b[^\n]{0,80})$",
    re.IGNORECASE | re.MULTILINE,
)
SALUTATION = re.compile(r"^[ \t]*((?:Geachte|Beste|Aan)\b[^\n]{0,120}),?[ \t]*$", re.IGNORECASE | re.MULTILINE)
CLOSING = re.compile(r"^[ \t]*(Met (?:\w+ )?groet(?:en)?|Hoogachtend|Vriendelijke groet(?:en)?|Groet(?:en)?"
                     r"|Namens\b.*)[,.!]?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def find_subject(text: str) -> str | None:
    m = SUBJECT.search(text)
    if not m:
        return None
    value = m.group(1).strip().rstrip(".")
    return value or None


def find_letter_date(text: str) -> date | None:
    """The letter's own date: a 'Datum:' line, a 'Place, 5 juni 2025' line, else the first date on the page."""
    m = DATE_LINE.search(text)
    if m:
        d = parse_date(m.group(1))
        if d:
            return d
    m = PLACE_DATE.search(text)
    if m:
        d = parse_date(m.group(2))
        if d:
            return d
    head = text[:1500]
    for _, d in find_dates(head):
        return d
    return None


def _reference_value(m: re.Match) -> str | None:
    value = re.split(r"\s{2,}|\t", m.group(1).strip())[0].rstrip(".,")
    if not value or value in ("-", "–") or ":" in value.split()[0] or not any(ch.isdigit() for ch in value):
        return None  # "Kenmerk besluit: ..." names another document's reference, not this letter's
    return value


def find_reference(text: str) -> str | None:
    """The sender's own reference (kenmerk); 'uw kenmerk' only when nothing else is there."""
    own = [m for m in REFERENCE.finditer(text[:3000]) if OWN_REFERENCE.match(m.group(0))]
    others = [m for m in REFERENCE.finditer(text[:3000])
              if not OWN_REFERENCE.match(m.group(0)) and not m.group(0).strip().lower().startswith("uw kenmerk")]
    for m in own + others:
        value = _reference_value(m)
        if value:
            return value
    return None


def find_addressee(text: str) -> str | None:
    m = ADDRESSEE.search(text[:2500])
    if m:
        return m.group(1).strip().rstrip(",")
    m = SALUTATION.search(text[:4000])
    return m.group(1).strip().rstrip(",") if m else None


def signature_block(text: str) -> str:
    """The text after the last closing formula (where signatories, roles and organisations stand)."""
    matches = list(CLOSING.finditer(text))
    if not matches:
        return ""
    return text[matches[-1].end():][:800]

