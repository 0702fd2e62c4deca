"""Pattern detectors for e-mail, phone, IBAN, BSN, birth date and postal address spans (no names here)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipeline.privacy.lexicon import LETTER, LOWER, STREET_SUFFIXES, UPPER

Hit = tuple[str, int, int]  # kind, start, end

EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")

# A Dutch phone number: international prefix, a parenthesised area code, or a leading 0; then digit groups.
PHONE = re.compile(
    r"(?<![\w+\-/.,])(?:(?:\+|00)\s?31[\s-]?(?:\(0\)[\s-]?)?|\(0\d{1,3}\)\s?|0)\d(?:(?:\s?[-.]\s?|[ ])?\d){5,11}"
)
MUNICIPAL_14 = re.compile(r"(?<![\w\-/.,])14\s?0\d{2,3}(?!\d)")

IBAN = re.compile(r"(?<![A-Z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}")
IBAN_LENGTHS = {"NL": 18, "BE": 16, "DE": 22, "FR": 27, "GB": 22, "LU": 20, "ES": 24, "IT": 27, "AT": 20}

BSN = re.compile(r"(?<![\w\-/.,])(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[. ]\d{3}[. ]\d{3})(?![\w\-/]|[.,]\d)")
BSN_CONTEXT = re.compile(r"(?i)\b(?:bsn|burgerservicenummer|burgerservice-nummer|sofinummer|sofi-nummer)\b")
NOT_BSN_CONTEXT = re.compile(
    r"(?i)\b(?:kenmerk|zaaknummer|zaak|kvk|factuur\w*|relatienummer|klantnummer|dossier\w*|aanslag\w*|"
    r"meldings?nummers?|referentie|ordernummer|polisnummer|btw)\W{0,15}$"
)

MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)?\d{{2}}|\d{{1,2}}\s+(?:{MONTHS}|[a-z]{{3}}\.?)\s+(?:19|20)\d{{2}})"
BIRTH_WORD = re.compile(r"(?i)\b(?:geboren|geboortedatum|geb\.(?:\s?datum)?|geb(?=\s*:)|d\.o\.b\.?|date of birth)")
BIRTH_DATE_AFTER = re.compile(rf"(?i)(?:\s*[:]?\s*(?:op|is|was|:)?)?\s*(?P<date>{DATE})")

ADDITION = r"(?:[ ]?-[ ]?\d{1,4}(?![\d:])|-?[A-Za-z](?![\w@])|[ ][A-Z](?![\w@.])|[ ]?-[ ]?[A-Z]{1,3}(?![\w@])|[ ](?:bis|hs|huis|rd|zw)\b)?"
_street_word = rf"[{UPPER}][{LETTER}'-]*(?:{'|'.join(STREET_SUFFIXES)})"
_capword = rf"[{UPPER}][{LETTER}'.-]*"
_small = r"(?:van|de|den|der|het|'t|ter|ten|op|aan|in|bij)"
STREET = re.compile(
    rf"(?<![{LETTER}])(?:(?:{_capword}|{_small})[ ]){{0,3}}"
    rf"(?:{_street_word}|[{UPPER}][{LOWER}]+[ ](?:Gracht|Markt|Haven|Dijk|Kade|Weg|Plein|Laan|Straat|Singel|Wal))"
    rf"(?:[ ](?:Oost|West|Noord|Zuid|N\.?Z\.?|Z\.?Z\.?|O\.?Z\.?|W\.?Z\.?))?"
    rf"[ ]\d{{1,5}}{ADDITION}(?![\d,.]\d|\s?(?:{MONTHS}|euro|procent|meter|km|jaar|uur|keer|%))"
)
_place_first = r"Den|De|Ter|Ten|Sint|St\.|Nieuw|Oud|Groot|Klein|Hoog|Nieuwe|Oude|Bergen|Alphen|Capelle|Krimpen"
POSTBUS = re.compile(r"\b(?:Postbus|Antwoordnummer)\s+\d{1,6}\b")
POSTCODE = re.compile(
    rf"(?<![\w-])[1-9]\d{{3}}\s?(?!SA|SD|SS)[A-Z]{{2}}(?![\w-])"
    rf"(?:[ ]{{1,2}}(?:(?:{_place_first})[ ][{UPPER}][{LETTER}-]+|'s-[{UPPER}][{LETTER}-]+|[{UPPER}][{LETTER}-]+"
    rf"(?:[ ](?:aan[ ]de|aan[ ]den|a/d|bij)[ ][{UPPER}][{LETTER}-]+)?))?"
)
LOWER_START = re.compile(r"^(?:van|de|den|der|het|'t|ter|ten|op|aan|in|bij) ")


def valid_iban(compact: str) -> bool:
    """ISO 13616 mod-97 check of an IBAN without spaces."""
    if len(compact) < 15 or not compact[:2].isalpha() or not compact[2:4].isdigit():
        return False
    rearranged = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def valid_bsn(digits: str) -> bool:
    """The Dutch 11-proef for a 9-digit BSN."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def find_emails(text: str) -> Iterator[Hit]:
    for m in EMAIL.finditer(text):
        yield "email", m.start(), m.end()


def find_phones(text: str) -> Iterator[Hit]:
    for m in PHONE.finditer(text):
        raw = m.group(0)
        digits_at = [i for i, c in enumerate(raw) if c.isdigit()]
        international = raw.startswith(("+", "00"))
        need = 11 if international else 10  # "31" + 9 digits, or 0 + 9 digits
        if international and "(0)" in raw:
            need += 1
        if raw.startswith("00"):
            need += 2
        if len(digits_at) < need:
            continue
        end = m.start() + digits_at[need - 1] + 1
        yield "phone", m.start(), end
    for m in MUNICIPAL_14.finditer(text):
        yield "phone", m.start(), m.end()


def find_ibans(text: str) -> Iterator[Hit]:
    for m in IBAN.finditer(text):
        raw = m.group(0)
        positions = [i for i, c in enumerate(raw) if c != " "]
        compact = raw.replace(" ", "")
        lengths = [IBAN_LENGTHS[compact[:2]]] if compact[:2] in IBAN_LENGTHS else range(len(compact), 14, -1)
        for length in lengths:
            if length <= len(compact) and valid_iban(compact[:length]):
                yield "iban", m.start(), m.start() + positions[length - 1] + 1
                break


def find_bsns(text: str) -> Iterator[Hit]:
    for m in BSN.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if not valid_bsn(digits):
            continue
        before = text[max(0, m.start() - 60):m.start()]
        if NOT_BSN_CONTEXT.search(before) and not BSN_CONTEXT.search(before[-25:]):
            continue
        yield "bsn", m.start(), m.end()


def find_birthdates(text: str) -> Iterator[Hit]:
    for word in BIRTH_WORD.finditer(text):
        m = BIRTH_DATE_AFTER.match(text, word.end())
        if m is not None:
            yield "birthdate", m.start("date"), m.end("date")


def find_addresses(text: str) -> Iterator[Hit]:
    for m in STREET.finditer(text):
        start, matched = m.start(), m.group(0)
        # Drop leading lower-case particles ("op de Kerkstraat 1" -> "Kerkstraat 1") unless they follow a name part.
        while (lead := LOWER_START.match(matched)) is not None:
            start += lead.end()
            matched = matched[lead.end():]
        yield "address", start, m.end()
    for m in POSTBUS.finditer(text):
        yield "address", m.start(), m.end()
    for m in POSTCODE.finditer(text):
        yield "address", m.start(), m.end()
