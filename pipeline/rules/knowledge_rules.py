"""Sender kind from the sender knowledge (rules/kennis/): a known entry by name or domain, then group words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from pipeline.rules.base import Context, Hit
from pipeline.rules.knowledge import Catalogue, Match

# A municipality's role decides the kind: its council and griffie are 'raad' wherever they are; its college is the
# own 'college' only for the own municipality, another municipality's college is 'overheid'.
OWN = {"raad": "raad", "college": "college", "rekenkamer": "rekenkamer"}
OTHER = {"raad": "raad", "college": "overheid", "rekenkamer": "rekenkamer"}
WHERE = {"ondertekening": "in de ondertekening", "ondertekening-college": "in de ondertekening",
         "ondertekening-functie": "in de ondertekening", "ondertekening-kennis": "in de ondertekening",
         "ondertekening-los": "in de ondertekening", "briefhoofd": "in het briefhoofd",
         "briefhoofd-kennis": "in het briefhoofd", "namens": "na 'namens'", "weergavenaam": "in de afzendernaam"}


# "Gemeente X" says which municipality, not which body of it; the mail may say more (griffie@x.nl, "Griffie X").
GENERIC_MUNICIPAL = re.compile(r"^\s*gemeente\b", re.IGNORECASE)
COUNCIL_WORDS = re.compile(r"\b(?:raads)?griffie|\bgriffier\b|\bgemeenteraad\b", re.IGNORECASE)


def addressed_municipalities(ctx: Context, catalogue: Catalogue) -> set[str]:
    """The municipalities whose addresses the mail went to (griffie@waadhoeke.nl): the council it is written to."""
    parsed = ctx.analysis.extracted.parsed
    return set(catalogue.municipalities_of([*parsed.to, *parsed.cc]))


def role_of_sender(match: Match, ctx: Context, catalogue: Catalogue) -> str:
    """The municipal body that writes: as the letter names it, or, for a plain 'Gemeente X', its council when the
    mail comes from X's griffie (address or sender name)."""
    role = match.role or "college"
    if role != "college" or not GENERIC_MUNICIPAL.match(match.name):
        return role
    by_address = catalogue.match_domain(ctx.analysis.sender_address)
    if by_address is not None and by_address.entry is match.entry and by_address.role == "raad":
        return "raad"
    return "raad" if COUNCIL_WORDS.search(ctx.analysis.extracted.parsed.from_name or "") else role


def kind_of(match: Match, catalogue: Catalogue, ctx: Context | None = None) -> str:
    """A municipality's kind follows its role: its college is the own 'college' when it writes to its own council
    (the profile's municipality, or the one the mail is addressed to), else 'overheid'."""
    if match.entry is not None and match.entry.municipality:
        role = role_of_sender(match, ctx, catalogue) if ctx is not None else match.role or "college"
        own = catalogue.is_own_place(match.entry) or (
            ctx is not None and match.entry.name in addressed_municipalities(ctx, catalogue))
        return (OWN if own else OTHER)[role]
    return match.kind


def confidence(match: Match) -> float:
    """A name in the letter is the surest; a mail domain a little less; a pattern ('Regio ...') less again."""
    if match.entry is None:
        return 0.8
    return 0.9 if match.how.startswith("domein") else 1.0


def _how(match: Match, step: str | None) -> str:
    where = WHERE.get(step or "")
    return f"{match.how} {where}" if where and match.how.startswith("naam") else match.how


@dataclass
class CatalogueRule:
    """A rule that decides the sender kind from the knowledge catalogue (each kind of rule a subclass)."""

    name: str
    catalogue: Catalogue
    field: str = "sender_kind"


@dataclass
class KnowledgeSender(CatalogueRule):
    """A sender the knowledge names: a municipality (with its role), a province, a ministry, a joint arrangement..."""

    kind: ClassVar[str] = "knowledge"

    def _match(self, ctx: Context) -> Match | None:
        match = self._found(ctx)
        org = ctx.organisation or ctx.analysis.sender_organisation
        if match is not None and match.entry is None and org and self.catalogue.match_group_word(org):
            return None  # a legal form says more than a name pattern: 'Energiecoöperatie Hart van Brabant U.A.'
        return match

    def _found(self, ctx: Context) -> Match | None:
        a = ctx.analysis
        if ctx.organisation:  # a known sender (senders.toml) already named it
            return self.catalogue.match_organisation(ctx.organisation)
        if a.sender_match is not None and not a.sender_match.group_word:
            return a.sender_match
        if a.sender_organisation:
            return self.catalogue.match_organisation(a.sender_organisation)
        return self.catalogue.match_domain(a.sender_address)

    def check(self, ctx: Context) -> Hit | None:
        match = self._match(ctx)
        if match is None:
            return None
        kind = kind_of(match, self.catalogue, ctx)
        step = ctx.analysis.organisation_step if match is ctx.analysis.sender_match else None
        return Hit(self.name, self.field, kind,
                   f"Afzender herkend als {match.name} (kennis: {match.label}, {_how(match, step)}): {kind}",
                   confidence(match), entry=match.name)


@dataclass
class GroupWordSender(CatalogueRule):
    """An unlisted organisation's kind from a legal-form or group word (stichting, actiegroep, B.V., fractie)."""

    kind: ClassVar[str] = "group_word"

    def check(self, ctx: Context) -> Hit | None:
        org = ctx.sender_organisation
        match = self.catalogue.match_group_word(org) if org else None
        if match is None:
            return None
        return Hit(self.name, self.field, match.kind,
                   f"Organisatie '{org}' bevat {match.how} (kennis: groepswoorden): {match.kind}",
                   entry=f"groepswoorden: {match.label}")
