"""The deadline a letter asks for ('uiterlijk 1 juli', 'vóór 1 juli a.s.', 'binnen zes weken na dagtekening'),
with the sentence that says so as the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipeline.deadlines.dutch_dates import NUMBER_WORDS, dates_in, fold

# A cue before a date: does the date itself still count (inclusive) or is it the first day too late?
INCLUSIVE = ("uiterlijk", "uiterste datum", "uiterste termijn", "uiterste dag", "tot en met", "t/m", "niet later dan",
             "sluit op", "sluit", "eindigt op", "eindigt", "verloopt op", "loopt tot en met", "deadline", "op of voor",
             "ten laatste", "voor of op")
EXCLUSIVE = ("voor", "tot", "voorafgaand aan", "eerder dan")
_CUES = sorted(INCLUSIVE + EXCLUSIVE, key=len, reverse=True)
CUE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in _CUES) + r")(?![\w])")
# Words that make a sentence about the response the council must give, not about some other date.
RESPONSE = ("zienswijze", "reactie", "reageren", "indienen", "kenbaar", "ontvangen", "toesturen", "toezenden",
            "sturen", "inzenden", "termijn", "wensen", "opmerkingen", "standpunt", "besluit", "uitspreken",
            "aanbieden", "retour", "doen toekomen", "laten weten", "antwoord", "reageer", "aanmelden", "aanmelding",
            "opgeven", "inschrijven", "invullen", "ingevuld", "consultatie", "raadpleging", "laat weten",
            "vragenlijst", "enquete", "peiling", "stemming", "stemmen")
_N = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
RELATIVE = re.compile(
    rf"(?:binnen(?:\s+een\s+termijn\s+van)?|uiterlijk|niet\s+later\s+dan|een\s+termijn\s+van)\s+"
    rf"(?P<n>\d{{1,3}}|{_N})\s+(?P<unit>werkdagen|dagen|dag|weken|week|maanden|maand)"
    rf"(?:\s+(?:na|vanaf|van|gerekend\s+vanaf|te\s+rekenen\s+vanaf|volgend\s+op)\s+(?:de\s+)?"
    rf"(?P<anchor>dagtekening|datum|verzending|toezending|ontvangst|heden|vandaag|\w+))?"
)
OTHER_PAPERS = ("brief", "schrijven", "mail", "bericht", "kenmerk", "besluit van")
# a preposition right before the date that governs it instead of the cue: 'voor onze molen per 1 januari'
GOVERNED = re.compile(r"\b(?:per|sinds|vanaf|na|in)\s+"
                      r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?$")
# a clause of reason or purpose carries the sender's own dates ('omdat de provincie het stuk vóór 1 januari moet
# indienen, vragen wij u ...'), not the date the council must answer by
REASON_CLAUSE = re.compile(r"\b(?:omdat|aangezien|doordat|zodat)\b[^,;:]*$")
# a sentence that speaks to the reader ('graag ontvangen wij uw ...', 'wij verzoeken u ...')
ADDRESSED = re.compile(r"\b(?:u|uw|graag|verzoeken|vragen)\b")
# a line of a planning: '- 19 juni 2026: uiterste datum zienswijze raden', '13 juni: einde zienswijzetermijn'
BULLET = re.compile(r"\n[ \t]*(?=[-\u2022*\u2013]\s|\d{1,2}[.)]\s)")
STEP_END = ("uiterste", "einde", "deadline", "sluiting", "sluit", "laatste dag")
MAX_GAP = 90  # characters between a cue and its date: 'uiterlijk op vrijdag ...', 'vóór de vergadering op ...'


@dataclass(frozen=True)
class Deadline:
    due: date  # the last day on which the answer is in time
    reason: str  # the sentence that sets it, as written
    mentioned: date  # the date as written (vóór 1 juli: 1 juli; due is then 30 juni)
    kind: str  # absolute | relative


def sentences(text: str) -> list[str]:
    """Sentences of a letter; line breaks inside a paragraph do not end one, abbreviations like 'a.s.' do not."""
    parts = []
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r", ""))  # a blank line always ends a sentence
    for paragraph in (step for block in blocks for step in BULLET.split(block)):  # so does a listed step
        flat = re.sub(r"[ \t]*\n[ \t]*", " ", paragraph)
        parts += re.split(r"(?<=[.!?])(?<!a\.s\.)(?<!\b[a-z]\.)(?<!\bmrt\.)(?<!\bnr\.)\s+"
                          r"(?=[A-Z0-9\u00C0-\u00DD\"'(])", flat)
    return [p.strip() for p in parts if p and p.strip()]


def _add(start: date, n: int, unit: str) -> date:
    if unit.startswith("maand"):
        month = start.month - 1 + n
        year, month = start.year + month // 12, month % 12 + 1
        day = min(start.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                              31, 31, 30, 31, 30, 31][month - 1])
        return date(year, month, day)
    if unit in ("week", "weken"):
        return start + timedelta(weeks=n)
    if unit == "werkdagen":
        day = start
        while n > 0:
            day += timedelta(days=1)
            n -= day.weekday() < 5
        return day
    return start + timedelta(days=n)


def _relative(folded: str, letter_date: date | None, received: date | None) -> tuple[date, date] | None:
    for m in RELATIVE.finditer(folded):
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS[m["n"]]
        anchor = m["anchor"] or ""
        start = received if anchor == "ontvangst" and received else letter_date or received
        if start is None:
            continue
        due = _add(start, n, m["unit"])
        return due, due
    return None


def _score(folded: str) -> int:
    return sum(word in folded for word in RESPONSE)


def _dated_step(folded: str, reference: date) -> tuple[date, date] | None:
    """A step of a planning that starts with its date and names the end of the answer's term:
    '- 19 juni 2026: uiterste datum zienswijze raden' (the day itself is still in time)."""
    for start, end, found in dates_in(folded, reference):
        rest = folded[end:].lstrip()
        if folded[:start].strip(" -*\u2022\u2013") or not rest.startswith((":", "\u2013", "- ")):
            return None
        if found >= reference and any(w in rest for w in STEP_END) and _score(rest):
            return found, found
        return None
    return None


def _absolute(folded: str, reference: date) -> tuple[date, date] | None:
    """The first date in the sentence with a cue shortly before it; 'vóór X' makes X - 1 the last day, unless the
    sentence names X again as still in time ('vóór 22 juni, maar uiterlijk op de dag zelf, 22 juni')."""
    if not _score(folded) and not ADDRESSED.search(folded):
        return None  # 'de uittreedsom wordt uiterlijk 31 maart betaald': a date for someone else, not the council
    cues = list(CUE.finditer(folded))
    hits: list[tuple[date, bool]] = []
    for start, end, found in dates_in(folded, reference):
        before = [c for c in cues if c.end() <= start and start - c.end() <= MAX_GAP]
        if not before:
            continue
        cue = before[-1].group(0)
        gap = folded[before[-1].end():start]
        if any(word in gap for word in OTHER_PAPERS):
            continue  # 'wij danken u voor uw brief van 3 maart': a date of another letter, not a deadline
        if found < reference:
            continue  # a date already past when the letter was written: a closed consultation, an earlier reply
        if GOVERNED.search(gap) or REASON_CLAUSE.search(folded[:start]):
            continue
        if cue in EXCLUSIVE and (not _score(folded) or "," in gap):
            continue  # 'voor' and 'tot' are common words: a deadline only in a sentence about the answer
        # 'tot en met' found as 'tot' when the longer one is not right before: prefer the longest cue that ends here
        inclusive = cue in INCLUSIVE or any(c.group(0) in INCLUSIVE for c in before) \
            or folded.startswith(("eind", "ultimo", "het einde"), start) \
            or "niet later" in folded[end:end + 20]  # 'vóór eind juni', 'tot 1 juni en niet later': included
        hits.append((found, inclusive))
    if not hits:
        return None
    found, inclusive = hits[0]
    inclusive = inclusive or (found, True) in hits[1:]
    return (found if inclusive else found - timedelta(days=1)), found


def extract_deadline(text: str, letter_date: date | None, received: date | None = None) -> Deadline | None:
    """The deadline of a request, or None when the text sets none. Sentences about the answer win over others."""
    reference = letter_date or received
    best: tuple[int, int, Deadline] | None = None
    for pos, sentence in enumerate(sentences(text)):
        folded = fold(sentence)
        hit, kind = None, "absolute"
        if reference is not None:
            hit = _dated_step(folded, reference) or _absolute(folded, reference)
        if hit is None:
            hit, kind = _relative(folded, letter_date, received), "relative"
        if hit is None:
            continue
        score = _score(folded)
        candidate = Deadline(due=hit[0], mentioned=hit[1], reason=sentence, kind=kind)
        if best is None or score > best[0]:
            best = (score, pos, candidate)
    return best[2] if best else None
