"""Named facts about a message that rules can test (circular, anonymous, private person, ...): one function each."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from pipeline.rules import fields
from pipeline.rules.base import Context, Hit
from pipeline.rules.source import Located
from pipeline.rules.knowledge_text import is_free_mail

OTHER_COUNCIL = re.compile(r"\b(?:[Gg]emeenteraad|[Gg]emeente|[Rr]aad van de gemeente|[Rr]aad van)\s+(?:van\s+)?"
                           r"((?:'s-)?[A-Z][\w\-]+(?:\s+[a-z]{1,3}\s+[A-Z][\w\-]+)?)")
TO_MEMBER = re.compile(r"\b(?:fractie|raadslid|raadsleden van de fractie|burgerraadslid|fractievoorzitter)\b",
                       re.IGNORECASE)
TO_COUNCIL = re.compile(r"\b(?:gemeenteraad|de raad|raad van|griffie|griffier|raadsleden|gemeenteraden|college)\b",
                        re.IGNORECASE)
PERSON_TITLE = re.compile(r"^\s*(?:aan\s+)?(?:de heer|dhr\.?|mevrouw|mevr\.?|mw\.?)\s+\S", re.IGNORECASE)
FOR_MEMBER_SUBJECT = re.compile(r"\b(?:voor|aan|t\.?a\.?v\.?)\s+(?:het\s+|de\s+)?(?:raadslid|fractie|fractievoorzitter)\b",
                                re.IGNORECASE)
# A joint arrangement's own business with its members (Wet gemeenschappelijke regelingen, art. 34b-35): its budget,
# annual accounts or framework note, for the councils of the participating municipalities.
JOINT_MEMBERS = re.compile(r"\b(?:deelnemende|aangesloten)\s+(?:gemeenten|raden|gemeenteraden)\b|\bdeelnemers\b|"
                           r"\bgemeenschappelijke\s+regeling\b|\bwgr\b", re.IGNORECASE)
JOINT_BUSINESS = re.compile(r"\b(?:ontwerp)?begroting|\bbegrotingswijziging|\bkadernota\b|\bjaarstukken\b|"
                            r"\bjaarrekening\b|\bzienswijze", re.IGNORECASE)
# A writer who says they are nobody in particular ('Een bezorgde bewoner', 'anoniem').
UNNAMED = re.compile(r"^\s*(?:anoniem|anonymous|onbekend|(?:een|de)\s+(?:\w+\s+)?(?:bewoner|inwoner|burger|"
                     r"buurtbewoner|omwonende|ouder|moeder|vader|burger))\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:ik|mijn|mij|me)\b", re.IGNORECASE)
WE = re.compile(r"\b(?:wij|we|ons|onze)\b", re.IGNORECASE)
FIRST_PERSON_MIN = 3  # 'ik', 'mijn', 'mij' at least this often, and more often than 'wij', 'ons'
AUDITOR = re.compile(r"rekenkamer|ombuds", re.IGNORECASE)
GENERIC_LOCALS = re.compile(r"^(?:raad|gemeenteraad|griffie|griffier|info|post|gemeente|secretariaat)\b",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Condition:
    name: str
    test: Callable[[Context], str | None]  # a short Dutch description when the fact holds


def circular(ctx: Context) -> str | None:
    return "gericht aan alle gemeenteraden" if ctx.analysis.circular else None


def _free_mail(ctx: Context, address: str | None) -> bool:
    return ctx.knowledge.is_free_mail(address) if ctx.knowledge is not None else is_free_mail(address)


def _organisation_domain(ctx: Context) -> str | None:
    """The sender's mail domain when it is an organisation's: not free mail and not the griffie's own municipality
    (whose post room and griffie forward letters of inwoners)."""
    address = ctx.analysis.sender_address
    if not address or "@" not in address or _free_mail(ctx, address):
        return None
    if ctx.knowledge is not None and ctx.knowledge.is_own_domain(address):
        return None
    if ctx.knowledge is None or not ctx.knowledge.free_mail:
        return None  # without the list of free-mail domains nothing tells an organisation's domain from a private one
    return address.rsplit("@", 1)[1].lower()


def anonymous(ctx: Context) -> str | None:
    a = ctx.analysis
    if a.sender_name or ctx.sender_organisation:
        return None
    if a.sender_address and not _free_mail(ctx, a.sender_address):
        return None  # an organisation's address: the analysis missed the name, the writer is not anonymous
    return "anonieme brief: geen naam en geen organisatie"


def private_person(ctx: Context) -> str | None:
    a = ctx.analysis
    if ctx.sender_organisation or not a.sender_name or _organisation_domain(ctx):
        return None
    via = " (privé-mailadres)" if _free_mail(ctx, a.sender_address) else ""
    return f"particulier: een naam, geen organisatie{via}"


def unnamed_writer(ctx: Context) -> str | None:
    """The writer gives no name on purpose ('Een bezorgde bewoner'): who it is, nobody can say."""
    name = ctx.analysis.extracted.parsed.from_name or ""
    if ctx.sender_organisation or not UNNAMED.match(name):
        return None
    return f"de afzender noemt geen naam ('{name.strip()}')"


def private_letter(ctx: Context) -> str | None:
    """A person writing for themself from a work address: no organisation, a name, the letter in the first person
    singular ('ik', 'mijn')."""
    a = ctx.analysis
    if ctx.sender_organisation or not a.sender_name:
        return None
    text = ctx.letter_text[:6000]
    own = len(FIRST_PERSON.findall(text))
    if own < FIRST_PERSON_MIN or own <= len(WE.findall(text)):
        return None
    return f"een persoon schrijft voor zichzelf ({own} keer 'ik', 'mijn' of 'mij'), geen organisatie"


def organisation_domain(ctx: Context) -> str | None:
    """Mail from an organisation's domain is not from an inwoner, even when a person signs it."""
    if ctx.sender_organisation or not ctx.analysis.sender_name:
        return None  # no name either: nothing says who wrote it (onbekend, for a person to look at)
    domain = _organisation_domain(ctx)
    return f"e-mail vanaf het domein {domain}, geen gratis maildienst of provider" if domain else None


def joint_arrangement(ctx: Context) -> str | None:
    """A body that asks its participating municipalities about its budget or accounts is a joint arrangement."""
    a = ctx.analysis
    if _free_mail(ctx, a.sender_address) or (a.sender_match is not None and a.sender_match.entry is not None):
        return None  # a listed organisation (a province, a municipality) is what the knowledge says
    if AUDITOR.search(ctx.sender_organisation or ""):
        return None  # an audit office or ombudsman writes about joint arrangements, it is none
    head = ctx.letter_text[:4000]
    members, business = JOINT_MEMBERS.search(head), JOINT_BUSINESS.search(f"{ctx.subject_text}\n{head}")
    if not (members and business):
        return None
    return f"een regeling van gemeenten: '{business.group(0)}' voor de '{members.group(0)}'"


def named_organisation(ctx: Context) -> str | None:
    """An organisation the letter names that no knowledge or word places: most likely a private organisation."""
    org = ctx.sender_organisation
    if not org or ctx.analysis.organisation_step in (None, "ondertekening-los"):
        return None
    return f"organisatie '{org}' genoemd ({ctx.analysis.organisation_step}), niet in de kennis"


def addressed_to_member(ctx: Context) -> str | None:
    addressee = (ctx.analysis.addressee or "").strip()
    if addressee and not TO_COUNCIL.search(addressee) and (TO_MEMBER.search(addressee) or PERSON_TITLE.match(addressee)):
        return f"gericht aan één raadslid of fractie ({addressee[:60]})"
    if m := FOR_MEMBER_SUBJECT.search(ctx.subject_text):
        return f"gericht aan één raadslid of fractie (onderwerp: '{m.group(0)}')"
    to = ctx.analysis.extracted.parsed.to
    if len(to) == 1 and "fractie" in to[0].split("@")[0].lower() and not GENERIC_LOCALS.match(to[0]):
        return f"gericht aan een fractie ({to[0]})"
    return None


def other_council(ctx: Context) -> str | None:
    own = ctx.profile.place.lower()
    org = ctx.sender_organisation or ""
    for text in (org, ctx.letter_text[:3000]):
        for m in OTHER_COUNCIL.finditer(text):
            place = m.group(1)
            if place.lower() != own and place.lower() not in ("nederland", "de", "het"):
                return f"andere gemeente: {place}"
    return None


CONDITIONS: dict[str, Condition] = {c.name: c for c in (
    Condition("circular", circular), Condition("anonymous", anonymous), Condition("private_person", private_person),
    Condition("addressed_to_member", addressed_to_member), Condition("other_council", other_council),
    Condition("organisation_domain", organisation_domain), Condition("joint_arrangement", joint_arrangement),
    Condition("named_organisation", named_organisation), Condition("unnamed_writer", unnamed_writer),
    Condition("private_letter", private_letter),
)}


def _condition(entry: Located) -> Condition:
    name = fields.text(entry, "condition")
    if name not in CONDITIONS:
        raise entry.fail("condition", f"onbekende voorwaarde '{name}' (toegestaan: {', '.join(CONDITIONS)})")
    return CONDITIONS[name]


@dataclass
class ConditionRule:
    """A named fact decides a field (circular -> rondzendbrief, private person -> inwoner)."""

    kind: ClassVar[str] = "condition"
    name: str
    condition: Condition
    document_kinds: tuple[str, ...]
    field: str
    value: object
    confidence: float

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "ConditionRule":
        fields.check_keys(entry, ("name", "condition", "document_kinds", "confidence", "sender_kind",
                                  "document_kind"))
        field, value = fields.target(entry, ("sender_kind", "document_kind"))
        return cls(name=fields.text(entry, "name"), condition=_condition(entry),
                   document_kinds=tuple(fields.choices(entry, "document_kinds", "document_kind")),
                   field=field, value=value, confidence=fields.number(entry, "confidence", 1.0))

    def check(self, ctx: Context) -> Hit | None:
        if self.document_kinds and ctx.value("document_kind") not in self.document_kinds:
            return None
        holds = self.condition.test(ctx)
        if not holds:
            return None
        return Hit(self.name, self.field, self.value, f"{holds[:1].upper() + holds[1:]}: "
                   f"{ctx.describe(self.field, self.value)}", self.confidence)


@dataclass
class OffList:
    """Kinds of mail that stay off the list: by document kind, or by a named fact (anonymous, to one member)."""

    kind: ClassVar[str] = "off_list"
    name: str
    document_kinds: tuple[str, ...]
    condition: Condition | None
    field: str = "on_list"

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "OffList":
        fields.check_keys(entry, ("name", "document_kinds", "condition"))
        kinds = tuple(fields.choices(entry, "document_kinds", "document_kind"))
        condition = _condition(entry) if "condition" in entry.data else None
        if bool(kinds) == bool(condition):
            raise entry.fail(None, "geef document_kinds of condition op (één van beide)")
        return cls(name=fields.text(entry, "name"), document_kinds=kinds, condition=condition)

    def check(self, ctx: Context) -> Hit | None:
        if self.condition is not None:
            holds = self.condition.test(ctx)
            return Hit(self.name, "on_list", False, f"Niet op de lijst: {holds}") if holds else None
        kind = ctx.value("document_kind")
        if kind in self.document_kinds:
            return Hit(self.name, "on_list", False, f"Niet op de lijst: soort document {kind}")
        return None
