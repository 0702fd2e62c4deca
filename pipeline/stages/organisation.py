"""The sender's organisation: named steps in order of trust, each with its Dutch reason; a greeting never counts.

The order is data (ORGANISATION_STEPS): the signature block first (a college's closing, a role line naming an
organisation), then the letterhead, 'namens ...', the other signature lines, known names in signature and letterhead,
the mail's display name and last the mail domain. The plain signature lines come after the letterhead on purpose:
they name a body or an abbreviation ('Gedeputeerde Staten', 'De Minister van ...', 'Ministerie van BZK') where the
letterhead has the formal name (measured on the sample mailbox: signature lines first drop the organisation from
100% to 90%). Each step finds a candidate name (refused when it greets, heads or runs on as a sentence) or a
knowledge entry; the first that finds one wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pipeline.rules.knowledge import Catalogue, Match
from pipeline.rules.knowledge_text import fold, names_nothing, ocr_repair, squash
from pipeline.stages import sender

LETTERHEAD_LINES = 15  # the first lines of page 1: logo text, sender block, addressee, date, subject
TAIL_LINES = 8  # a letter without a closing formula: its last lines stand in for the signature


@dataclass(frozen=True)
class Evidence:
    """What the steps read of one message."""

    letter_text: str
    first_page: str
    body: str
    signature: str  # of the letter (attachment)
    mail_signature: str  # of the mail body
    display_name: str | None
    address: str | None
    is_person: Callable[[str], bool] | None
    knowledge: Catalogue | None
    known_domains: Mapping[str, str] = field(default_factory=dict)  # the griffie's own list (senders.toml)
    addressed: frozenset[str] = frozenset()  # municipalities the mail went to (their council is the addressee)


@dataclass(frozen=True)
class Finding:
    organisation: str
    step: str
    reason: str  # Dutch: where the organisation was found
    match: Match | None = None  # the knowledge entry, when one is named


@dataclass(frozen=True)
class OrganisationStep:
    name: str
    where: str  # Dutch: "de ondertekening", "het briefhoofd", ...
    find: Callable[[Evidence], "str | Match | None"]


def _addressee_council(match: Match | None, ev: Evidence) -> bool:
    """The council the letter is written to (the own place, or the municipality the mail went to)."""
    return match is not None and match.entry is not None and match.role == "raad" and ev.knowledge is not None \
        and (ev.knowledge.is_own_place(match.entry) or match.entry.name in ev.addressed)


def _acceptable(candidate: str | None, ev: Evidence) -> str | None:
    """A candidate name, unless it greets, heads or runs on as a sentence, or is the council written to."""
    if not candidate or names_nothing(candidate):
        return None
    if ev.knowledge is not None and _addressee_council(ev.knowledge.match_name(candidate, whole=True), ev):
        return None
    return candidate


def _college_closing(ev: Evidence) -> str | None:
    return sender.college_from_closing(ev.letter_text) if ev.letter_text else None


def _roles(ev: Evidence, strict: bool) -> str | None:
    is_person = None if strict else ev.is_person
    for block in (ev.signature, ev.mail_signature):
        found = [c for c in sender.orgs_from_roles(block, is_person, strict=strict) if _acceptable(c, ev)]
        if found:
            return " en ".join(found)
    return None


CARE_OF = re.compile(r"^\s*(?:p/a|p\.a\.|per adres|secretariaat:)\s", re.IGNORECASE)


def _care_of(text: str) -> str | None:
    """'Windalarm Zuidwolde' above 'p/a Ruinerweg 14a': a group without its own address heads the letter."""
    lines = [line.strip() for line in text.splitlines()[:LETTERHEAD_LINES] if line.strip()]
    for above, line in zip(lines, lines[1:]):
        if CARE_OF.match(line) and not sender.NOT_A_NAME.search(above):
            return above
    return None


def _letterhead(ev: Evidence) -> str | None:
    return _acceptable(sender.org_from_letterhead(ev.first_page), ev) or \
        _acceptable(_care_of(ev.first_page or ev.body), ev)


NAMENS = re.compile(r"\b[Nn]amens\s+(?:het\s+(?:dagelijks\s+|algemeen\s+)?bestuur\s+van\s+)?([^\n]{3,160})")
# Where the name after 'namens' ends: punctuation or the verb of the sentence ('Namens de Kinderombudsman bied ik ...').
NAMENS_END = re.compile(r"[,.;:(]|\s(?:bied|biedt|stuur|sturen|zend|zenden|vraag|vragen|verzoek|verzoeken|wil|willen|"
                        r"informeer|informeren|deel|delen|nodig|ik|wij|we)\b", re.IGNORECASE)


def _namens(ev: Evidence) -> str | Match | None:
    for text in (ev.letter_text, ev.body):
        if found := _acceptable(sender.org_from_namens(text), ev):
            return found
    for text in (ev.letter_text, ev.body):
        for m in NAMENS.finditer(text):
            name = NAMENS_END.split(m.group(1), maxsplit=1)[0].strip()
            if name and ev.knowledge is not None and (match := ev.knowledge.match_name(name)):
                return match
            if name and _same_name(name, ev.display_name) and _acceptable(name, ev):
                return name  # 'namens Windalarm Zuidwolde' from 'Windalarm Zuidwolde <...@gmail.com>'
    return None


def _same_name(name: str, display: str | None) -> bool:
    """The name after 'namens' is the mail's sender name: nobody writes 'namens' themself, so a group."""
    return bool(display) and squash(re.sub(r"^(?:de|het)\s+", "", name, flags=re.IGNORECASE)) == squash(display)


def _signature_lines(ev: Evidence) -> str | None:
    for block in (ev.signature, ev.mail_signature):
        if found := _acceptable(sender.org_from_lines(block), ev):
            return found
    return None


SALUTATION = re.compile(r"^\s*(?:geachte|beste|waarde|lieve|hallo|hoi|dag|l\.s\.)\b", re.IGNORECASE)
TAIL_WORDS = 5  # a letter's last lines stand in for its signature only when they are short (a name, not a sentence)


def _tail(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return "\n".join(line for line in lines[-TAIL_LINES:] if len(line.split()) <= TAIL_WORDS)


def _head(text: str, plain_mail: bool) -> str:
    """The lines above the salutation: a letterhead (or a motion's opening). A plain mail has a head only when it
    has a salutation; otherwise its first lines are the message itself."""
    lines = text.splitlines()[:LETTERHEAD_LINES]
    for i, line in enumerate(lines):
        if SALUTATION.match(line):
            return "\n".join(lines[:i])
    return "" if plain_mail else "\n".join(lines)


def _known_line(ev: Evidence, blocks: tuple[str, ...], skip_own_council: bool = False) -> Match | None:
    """The first line of these blocks that names a known organisation (or a group: 'Actiegroep ...')."""
    if ev.knowledge is None:
        return None
    for block in blocks:
        for line in block.splitlines():
            line = line.strip()
            if len(line) > 160 or names_nothing(line, max_words=20):
                continue
            match = ev.knowledge.match_name(line)
            if match and skip_own_council and match.entry and match.entry.municipality and \
                    (ev.knowledge.is_own_place(match.entry) or _addressee_council(match, ev)):
                continue  # the own council in the letterhead is the addressee, not the sender
            if match is None and len(line) <= 90 and not re.search(r"\d|@|www\.|https?:", line):
                role = sender.ROLE.match(line)  # 'directeur Energiecoöperatie ...': the organisation after the role
                name = role.group(1) if role else line
                match = ev.knowledge.match_group_word(name) or (
                    ev.knowledge.match_pattern(name) if not names_nothing(name) else None)  # 'Afvalschap Rijn ...'
            if match is not None:
                return match
    return None


def _signature_knowledge(ev: Evidence) -> Match | None:
    blocks = tuple(b for b in (ev.signature, ev.mail_signature) if b.strip())
    return _known_line(ev, blocks or (_tail(ev.letter_text), _tail(ev.body)))


def _letterhead_knowledge(ev: Evidence) -> Match | None:
    head = _head(ev.first_page, False) if ev.first_page else _head(ev.body, True)
    return _known_line(ev, (head,), skip_own_council=True)


# What a display name adds after the organisation: a department or a mailing ("VNG Ledenbrieven", "Avalex
# bestuurssecretariaat", "Provincie Utrecht - Nieuwsbrief Gezonde Leefomgeving").
DISPLAY_SPLIT = re.compile(r"\s+[-–|/]\s+|\s*\|\s*")
DEPARTMENT_FIRST = re.compile(r"^(?:bestuurs)?secretariaat\s+(?:van\s+(?:de\s+|het\s+)?)?", re.IGNORECASE)
DEPARTMENT = re.compile(
    r"\s+(?:bestuurs|directie|afdeling\s+)?(?:secretariaat|bestuurssecretariaat|communicatie|nieuwsbrief|"
    r"info|informatie|directie|bestuur|redactie|ledenservice|klantenservice|relatiebeheer)$", re.IGNORECASE)


def _corroborated(name: str, address: str | None) -> bool:
    """The display name is the name the mail domain spells ('Holland Rijnland' <...@hollandrijnland.nl>,
    'Paswerk' <...@paswerk.nl>, 'Belastingsamenwerking Gouwe-Rijnland' <...@bsgr.nl> by its initials)."""
    if not address or "@" not in address:
        return False
    label = address.rsplit("@", 1)[1].lower().split(".")[-2] if address.count(".") else ""
    label = re.sub(r"[^a-z0-9]", "", label)
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in ("van", "de", "het", "en", "der")]
    squashed = squash(name)
    if len(label) >= 4 and (label in squashed or squashed in label):
        return True
    initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", name.replace("-", " "))).lower()
    return len(label) >= 3 and len(words) >= 2 and label in (initials, fold(initials))


def _display(ev: Evidence) -> str | Match | None:
    name = ev.display_name
    if not name:
        return None
    for part in (name, *DISPLAY_SPLIT.split(name)):
        if ev.knowledge is not None and not names_nothing(part) and \
                (match := ev.knowledge.match_name(part, whole=True)):
            return match  # 'Bestuurssecretariaat Súdwest-Fryslân': the college's office
        part = DEPARTMENT_FIRST.sub("", DEPARTMENT.sub("", part.strip()))
        if not part or names_nothing(part):
            continue
        if ev.knowledge is not None and (match := ev.knowledge.match_name(part, whole=True)):
            return match
        if sender.looks_like_org(part):
            return part
        if ev.knowledge is not None and (ev.knowledge.match_group_word(part) or ev.knowledge.match_pattern(part)):
            return part
        free = ev.knowledge.is_free_mail(ev.address) if ev.knowledge is not None else True
        if not free and _corroborated(part, ev.address) and not (ev.is_person and ev.is_person(part)):
            return part
    return None


def _domain(ev: Evidence) -> str | Match | None:
    if ev.knowledge is not None and (match := ev.knowledge.match_domain(ev.address)):
        return match
    return sender.org_from_domain(ev.address, ev.known_domains)


ORGANISATION_STEPS: tuple[OrganisationStep, ...] = (
    OrganisationStep("ondertekening-college", "de ondertekening", _college_closing),
    OrganisationStep("ondertekening-functie", "een functie in de ondertekening", lambda ev: _roles(ev, True)),
    OrganisationStep("briefhoofd", "het briefhoofd", _letterhead),
    OrganisationStep("namens", "'namens ...'", _namens),
    OrganisationStep("ondertekening", "de ondertekening", _signature_lines),
    OrganisationStep("ondertekening-kennis", "de ondertekening", _signature_knowledge),
    OrganisationStep("briefhoofd-kennis", "het briefhoofd", _letterhead_knowledge),
    OrganisationStep("weergavenaam", "de afzendernaam van de e-mail", _display),
    OrganisationStep("ondertekening-los", "een functie in de ondertekening", lambda ev: _roles(ev, False)),
    OrganisationStep("maildomein", "het e-maildomein (afgeleid)", _domain),
)


def _is_alias(found: str, match: Match) -> bool:
    """The whole candidate is another name of a listed (non-municipal) entry, so its own name is shown instead."""
    entry = match.entry
    if entry is None or entry.municipality:
        return False
    bare = fold(re.sub(r"^(?:de|het)\s+", "", found.strip(), flags=re.IGNORECASE))
    return bare in {fold(a) for a in entry.aliases}


# "Bestuur van Energiecoöperatie Zeeuwse Stroom": the board speaks for the organisation, which is the sender.
BOARD_OF = re.compile(r"^(?:het\s+)?(?:dagelijks\s+|algemeen\s+)?bestuur\s+van\s+(?:de\s+|het\s+)?(?=[A-ZÀ-Ý])",
                      re.IGNORECASE)


def find_organisation(ev: Evidence, steps: tuple[OrganisationStep, ...] = ORGANISATION_STEPS) -> Finding | None:
    """The first step that finds an organisation; a plain name is looked up in the knowledge as well."""
    for step in steps:
        found = step.find(ev)
        if not found:
            continue
        if isinstance(found, Match):
            return Finding(found.name, step.name, f"organisatie uit {step.where}: {found.name}", found)
        found = BOARD_OF.sub("", ocr_repair(found)) or found
        match = ev.knowledge.match_organisation(found) if ev.knowledge is not None else None
        if match is not None and _is_alias(found, match):
            found = match.name  # 'Ministerie van BZK' -> the entry's own name
        return Finding(found, step.name, f"organisatie uit {step.where}: {found}", match)
    return None
