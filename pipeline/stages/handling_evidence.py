"""What in a letter may move its handling away from the default (issue 11, point 4).

The handling model reads words; on real mail it leaves `vka` on weak evidence (`college_advies` for a plain
question, `agenderen` for a newsletter-like text). So a model proposal other than the default stands only when the
letter itself gives a ground for it, and that ground is named in the reasons:
- a request sentence ("wij verzoeken u ...", "wilt u ...", "graag zou ik ..."): the writer asks something;
- a deadline for the council's answer ("uiterlijk 1 juli", "binnen zes weken"; pipeline/deadlines/extract.py);
- a planned council decision ("bij de behandeling van de kadernota", "het raadsvoorstel", "de begroting 2027").
A rule that fired decides handling itself (rules/keywords.toml, rules/handling.toml) and needs nothing here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.deadlines.dutch_dates import fold
from pipeline.deadlines.extract import RESPONSE, extract_deadline, sentences

REQUEST, DEADLINE, DECISION = "verzoek", "termijn", "besluit"
EVIDENCE_WORDS = {REQUEST: "verzoek in de brief", DEADLINE: "termijn in de brief",
                  DECISION: "gepland besluit van de raad"}
# Which grounds carry which handling (canonical codes). A handling not named here (vka, niet_op_lijst) needs none.
SUPPORTS: dict[str, tuple[str, ...]] = {
    "college_afdoening": (REQUEST,),
    "college_afdoening_informeren": (REQUEST,),
    "college_advies": (REQUEST,),
    "griffie": (REQUEST,),
    "agenderen": (REQUEST, DEADLINE, DECISION),
    "betrekken": (DECISION,),
}

# The writer asks the reader (the council, the college, the municipality) for something. Folded text (lower case,
# no accents): 'vragen wij u', 'ik verzoek de raad', 'de ondernemers vragen u', 'wilt u', 'graag zou ik', 'ons verzoek is', 'doen een beroep op',
# 'met het verzoek', a subject that opens with 'Verzoek', a notice of default ('stellen u in gebreke'), a question
# ('Waar kan ik het besluit vinden?'), and the same in English ('could the municipality please').
_ASK = r"(?:vragen|vraag|verzoeken|verzoek|roepen|roep|dringen|dring|willen|wil|hopen|hoop)"
_WE = r"(?:ik|wij|we)"
REQUEST_PATTERN = re.compile(
    rf"\b(?:{_ASK}\s+{_WE}\b|{_WE}\s+(?:\w+\s+)?{_ASK}\b(?!\s+graag\s+weten\s+of)"
    r"|(?:vragen|vraagt|verzoeken|verzoekt|roepen|roept)\s+(?:u|jullie|uw\s+raad|uw\s+college|de\s+(?:gemeente)?raad"
    r"|het\s+college|de\s+gemeente)\b"
    r"|(?:wilt|kunt|zou|zoudt|wil)\s+u\b|(?:wilt|kunt|zou|wil|kan)\s+(?:de\s+gemeente|het\s+college|de\s+raad|"
    r"uw\s+raad|uw\s+college|de\s+gemeenteraad)\b"
    r"|(?:mijn|ons|onze|dit|het)\s+(?:verzoek|vraag|oproep|wens)\s+(?:is|aan|om|luidt)\b|verzoek(?:en)?\s+(?:aan|om)\s"
    r"|doen\s+(?:hierbij\s+|daarom\s+)?(?:een\s+)?(?:dringend\s+)?(?:beroep|oproep)\b"
    r"|graag\s+(?:zou|zouden|wil|willen|ontvang|ontvangen|zie|zien|hoor|horen|verneem|vernemen|gaan)\b"
    r"|(?:is|zou)\s+het\s+mogelijk\b|wij\s+rekenen\s+op\s+u|ik\s+reken\s+op\s+u"
    r"|(?:met\s+het|ons|mijn)\s+(?:dringend\s+|vriendelijk\s+)?verzoek\b|^(?:(?:re|fw|fwd|doorst)\s*:\s*)*verzoek\b"
    r"|in\s+gebreke|sommeren|sommatie|\bplease\b|\b(?:could|would|can)\s+(?:you|the)\b|\bwe\s+ask\b|\bi\s+ask\b)"
    r"|\?\s*$")
# A decision the council has planned, to weigh the letter with.
DECISION_PATTERN = re.compile(
    r"\b(?:bij\s+de\s+(?:behandeling|bespreking|vaststelling)\s+van|begrotingsbehandeling|kadernota|voorjaarsnota"
    r"|perspectiefnota|zomernota|raadsvoorstel|(?:ontwerp)?begroting\s+20\d\d|besluitvorming|omgevingsvisie"
    r"|(?:ontwerp-?)?omgevingsplan|op\s+de\s+(?:raads)?agenda|raadsvergadering\s+van|in\s+de\s+raad\s+(?:komt|behandeld)"
    r"|(?:voordat|wanneer|als)\s+(?:de|uw)\s+(?:gemeente)?raad\s+(?:besluit|beslist|een\s+besluit))")
MAX_SHOWN = 160  # characters of the sentence quoted in a reason


@dataclass(frozen=True)
class Evidence:
    """One ground in the letter, with the sentence that gives it."""

    kind: str  # REQUEST | DEADLINE | DECISION
    sentence: str
    at: int = 0  # where in the sentence the ground was found: a long sentence is quoted around it

    def reason(self) -> str:
        start = 0 if self.at < MAX_SHOWN // 3 else self.sentence.rfind(" ", 0, self.at - MAX_SHOWN // 4) + 1
        shown = " ".join(self.sentence[start:].split())
        shown = shown if len(shown) <= MAX_SHOWN else shown[:MAX_SHOWN - 1].rstrip() + "…"
        return f"{EVIDENCE_WORDS[self.kind]}: \"{'…' if start else ''}{shown}\""


def find_evidence(text: str, letter_date: date | None = None, received: date | None = None) -> dict[str, Evidence]:
    """The first sentence of each kind of ground in the letter (a kind without one is absent)."""
    found: dict[str, Evidence] = {}
    for sentence in sentences(text):
        folded = fold(sentence)
        for kind, pattern in ((REQUEST, REQUEST_PATTERN), (DECISION, DECISION_PATTERN)):
            match = pattern.search(folded) if kind not in found else None
            if match:
                found[kind] = Evidence(kind, sentence, match.start())
    deadline = extract_deadline(text, letter_date, received)
    if deadline is not None and any(word in fold(deadline.reason) for word in RESPONSE):
        found[DEADLINE] = Evidence(DEADLINE, deadline.reason)
    return found


def supporting(code: str, evidence: dict[str, Evidence]) -> list[Evidence]:
    """The grounds that carry `code` (empty: the letter gives none; a code that needs none gets none)."""
    return [evidence[kind] for kind in SUPPORTS.get(code, ()) if kind in evidence]


def needs_evidence(code: str) -> bool:
    return code in SUPPORTS
