"""Personal data in a letter's text as sorted, non-overlapping spans (names, e-mail, phone, address, IBAN, BSN)."""

from __future__ import annotations

from pipeline.privacy import patterns
from pipeline.privacy.persons import find_persons
from pipeline.records import PersonalDataSpan

# When two findings overlap, the more specific kind wins (an IBAN's digits are not a phone number).
PRIORITY = {"iban": 0, "email": 1, "bsn": 2, "phone": 3, "birthdate": 4, "address": 5, "person": 6}


def detect(text: str, source: str = "body") -> list[PersonalDataSpan]:
    """All personal-data spans in text, sorted by start, none overlapping; offsets index into text."""
    hits: list[tuple[str, int, int]] = []
    for finder in (patterns.find_ibans, patterns.find_emails, patterns.find_bsns, patterns.find_phones,
                   patterns.find_birthdates, patterns.find_addresses):
        hits.extend(finder(text))
    hits.extend(find_persons(text))
    hits.sort(key=lambda h: (PRIORITY[h[0]], -(h[2] - h[1]), h[1]))
    taken: list[tuple[str, int, int]] = []
    used = bytearray(len(text) + 1)  # characters already covered by a span of a higher priority
    for kind, start, end in hits:
        if end <= start or any(used[start:end]):
            continue
        used[start:end] = b"\x01" * (end - start)
        taken.append((kind, start, end))
    taken.sort(key=lambda h: h[1])
    return [PersonalDataSpan(kind, start, end, source, text[start:end]) for kind, start, end in taken]
