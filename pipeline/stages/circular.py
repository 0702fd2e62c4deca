"""Circular or not: did the letter go to all (or many) councils? Named pieces of evidence in order, each with a reason.

The order is data (CIRCULAR_STEPS): many addressees; a sender who writes only to its own members (a joint
arrangement, `circular = false` in rules/kennis/); words that say "to all councils" (a member letter, "alle
gemeenteraden", a salutation to griffiers in the plural); a letter addressed to a short list of named councils, or
to one council by name; a sender whose letters go to all councils
(a national body, an association of governments or council members: `circular` in rules/kennis/); another council's
motion; last the plain plural "aan de gemeenteraden". The first step with an answer decides.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.rules.knowledge import Catalogue, Match

MANY_RECIPIENTS = 10

# "To all councils", unmistakably: nothing a single council or a joint arrangement's members would be told.
ALL_COUNCILS = re.compile(
    r"\balle\s+(?!deelnemende|aangesloten|aandeelhoudende|betrokken)(?:[\w\-]+\s+){0,2}"
    r"(?:gemeenteraden|raden|gemeenten|colleges)\b|\braden van alle gemeenten\b|"
    r"\bgemeenteraden\s+(?:van|in)\s+nederland\b|\b(?:aan|alle)\s+(?:de\s+)?gemeenten\s+(?:van|in)\s+nederland\b|"
    r"\b(?:aan|voor)\s+alle\s+(?:[\w]+-)?leden\b|\balle\s+(?:vng|ipo|uvw)-leden\b|\bals\s+lid\s+(?:of\s+relatie\s+)?van\b|"
    r"\balle\s+raadsleden\b[^\n.]{0,100}?\b(?:griffiers|gemeenten|nederland|provincie)\b|"
    r"\braadsleden\s+(?:van|in)\s+(?:de\s+)?(?:[\w\-]+\s+)?gemeenten\b|"
    r"\bledenbrief\b|\bleden(?:bericht|mail|informatie)\b|\blbr\.\s*\d|"
    r"\b(?:deze|dit)\s+(?:brief|bericht|mail|nieuwsbrief|uitnodiging)\s+(?:is|wordt|gaat)\s+(?:ook\s+)?"
    r"(?:verzonden|gestuurd|verstuurd|verspreid)\s+(?:naar|aan|onder)\b|"
    r"\b(?:verzonden|gestuurd|verspreid)\s+(?:naar|aan|onder)\s+alle\b|"
    r"\b(?:aan|naar)\s+(?:de\s+)?(?:andere|overige)\s+gemeente(?:raden|n)\b|\bcollega-?(?:raden|gemeenten)\b|"
    r"\broep(?:t|en)\s+(?:de\s+|alle\s+)?(?:[\w\-]+\s+)?gemeente(?:raden|n)\b|"
    r"^\s*(?:beste|geachte)\b[^\n]{0,40}\bgriffiers\b|"
    r"\baan:?\s+(?:de\s+)?leden\b(?!\s+van\s+(?:de\s+)?(?:gemeente)?ra(?:ad|den)|\s+van\s+(?:de\s+)?commissie)",
    re.IGNORECASE | re.MULTILINE)
# Only the members of a joint arrangement or a company's shareholders: not all councils.
MEMBERS_ONLY = re.compile(
    r"\b(?:deelnemende|aangesloten|aandeelhoudende)\s+gemeenten\b|\bgemeenteraden\s+van\s+de\s+deelnemers\b|"
    r"\bdeelnemende\s+raden\b", re.IGNORECASE)
# "Aan de gemeenteraden van Tiel, West Betuwe en Neder-Betuwe": a short list of named councils.
NAME = r"[A-ZÀ-Ý][\w'’\-]*(?:\s+(?:[A-ZÀ-Ý][\w'’\-]*|aan|bij|de|den|der|op|in)){0,3}"
NAMED_LIST = re.compile(
    rf"\b(?:(?:[Gg]emeente)?[Rr]aden|[Rr]aadsleden)\s+(?:en\s+colleges\s+)?van\s+{NAME}(?:\s*,\s*{NAME})*\s*,?\s+en\s+{NAME}|"
    rf"\b[Cc]olleges\s+en\s+(?:de\s+)?(?:gemeente)?raden\s+van\s+{NAME}(?:\s*,\s*{NAME})*\s*,?\s+en\s+{NAME}")
# The plain plural: to councils, which ones not said ("Aan de gemeenteraden in Fryslân").
PLURAL = re.compile(
    r"leden van (?:de )?gemeenteraden|(?:aan|de) gemeenteraden\b|gemeenteraden (?:van|in) |"
    r"colleges (?:van b(?:urgemeester )?(?:&|en) w(?:ethouders)?)? ?en (?:de )?gemeenteraden|"
    r"aan de colleges en (?:de )?raden|\bcirculaire\b|\bbrief aan gemeente(?:raden|n)\b|"
    r"\b(?:aan|informeren|informeert)\s+de\s+raden\s+(?:in|van)\s+de\s+regio\b",
    re.IGNORECASE)
# "Aan de gemeenteraad van Schagen": one council, by name, heads the letter (a national body's letter about this
# municipality, not its circular).
ONE_COUNCIL = re.compile(r"^[ \t]*(?:[Aa]an:?|[Gg]ericht aan:?)\s+(?:de\s+)?(?:[Gg]emeente)?[Rr]aad\s+van\s+(?:de\s+gemeente\s+)?"
                         r"[A-ZÀ-Ý]", re.MULTILINE)
MOTION = re.compile(r"\bmotie\b|\bresolutie\b", re.IGNORECASE)


@dataclass(frozen=True)
class CircularEvidence:
    """What the steps read of one message."""

    subject: str  # the mail subject (and the original's, when forwarded)
    head: str  # the first part of the letter and the mail text
    recipients: int
    sender: Match | None  # what the sender knowledge says about the writer (name, display name or domain)
    other_council: bool  # the writer is another municipality's council or griffie


@dataclass(frozen=True)
class CircularStep:
    name: str
    decide: Callable[[CircularEvidence], "tuple[bool, str] | None"]  # (circular, Dutch reason) or no answer


def _recipients(ev: CircularEvidence):
    if ev.recipients >= MANY_RECIPIENTS:
        return True, f"verzonden aan {ev.recipients} geadresseerden"
    return None


def _all_councils(ev: CircularEvidence):
    for where, text in (("onderwerp", ev.subject), ("tekst", ev.head)):
        if m := ALL_COUNCILS.search(text):
            return True, f"gericht aan alle raden ({where}: '{m.group(0).strip()}')"
    return None


def _sender_to_members(ev: CircularEvidence):
    if ev.sender is not None and ev.sender.circular is False:
        return False, f"{ev.sender.name} schrijft alleen de raden van de deelnemende gemeenten (kennis: {ev.sender.label})"
    return None


def _named_councils(ev: CircularEvidence):
    if m := MEMBERS_ONLY.search(ev.head) or NAMED_LIST.search(ev.head):
        return False, f"gericht aan genoemde raden, niet aan alle ('{m.group(0).strip()}')"
    return None


def _one_council(ev: CircularEvidence):
    if m := ONE_COUNCIL.search(ev.head[:1500]):
        return False, f"gericht aan één raad ('{m.group(0).strip()}...')"
    return None


def _sender_to_all(ev: CircularEvidence):
    if ev.sender is not None and ev.sender.circular:
        return True, f"{ev.sender.name} schrijft alle gemeenten tegelijk (kennis: {ev.sender.label})"
    return None


def _other_council_motion(ev: CircularEvidence):
    if ev.other_council and (MOTION.search(ev.subject) or MOTION.search(ev.head[:1500])):
        return True, "een motie van een andere gemeenteraad, aan de raden gestuurd"
    return None


def _plural(ev: CircularEvidence):
    if m := PLURAL.search(ev.subject) or PLURAL.search(ev.head):
        return True, f"gericht aan de gemeenteraden ('{m.group(0).strip()}')"
    return None


CIRCULAR_STEPS: tuple[CircularStep, ...] = (
    CircularStep("geadresseerden", _recipients),
    CircularStep("afzender-schrijft-deelnemers", _sender_to_members),
    CircularStep("aan-alle-raden", _all_councils),
    CircularStep("genoemde-raden", _named_councils),
    CircularStep("een-raad", _one_council),
    CircularStep("afzender-schrijft-allen", _sender_to_all),
    CircularStep("motie-andere-raad", _other_council_motion),
    CircularStep("aan-de-raden", _plural),
)


def decide_circular(ev: CircularEvidence) -> tuple[bool, str, str | None]:
    """(circular, the step that decided or 'geen', its Dutch reason or None)."""
    for step in CIRCULAR_STEPS:
        if (found := step.decide(ev)) is not None:
            return found[0], step.name, found[1]
    return False, "geen", None


def sender_knowledge(match: Match | None, address: str | None, display_name: str | None,
                     knowledge: Catalogue | None) -> Match | None:
    """What the knowledge says about the writer: the organisation found, else the mail domain, else the name."""
    if match is not None and not match.group_word:
        return match
    if knowledge is None:
        return None
    return knowledge.match_domain(address) or (knowledge.match_organisation(display_name) if display_name else None)
