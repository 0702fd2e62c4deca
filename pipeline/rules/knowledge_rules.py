"""Sender kind from the sender knowledge (rules/kennis/): a known entry by name or domain, then group words."""

from __future__ import annotations

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


def kind_of(match: Match, catalogue: Catalogue) -> str:
    if match.entry is not None and match.entry.municipality:
        role = match.role or "college"
        return (OWN if catalogue.is_own_place(match.entry) else OTHER)[role]
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
class KnowledgeSender:
    """A sender the knowledge names: a municipality (with its role), a province, a ministry, a joint arrangement..."""

    kind: ClassVar[str] = "knowledge"
    name: str
    catalogue: Catalogue
    field: str = "sender_kind"

    def _match(self, ctx: Context) -> Match | None:
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
        kind = kind_of(match, self.catalogue)
        step = ctx.analysis.organisation_step if match is ctx.analysis.sender_match else None
        return Hit(self.name, self.field, kind,
                   f"Afzender herkend als {match.name} (kennis: {match.label}, {_how(match, step)}): {kind}",
                   confidence(match))


@dataclass
class GroupWordSender:
    """An unlisted organisation's kind from a legal-form or group word (stichting, actiegroep, B.V., fractie)."""

    kind: ClassVar[str] = "group_word"
    name: str
    catalogue: Catalogue
    field: str = "sender_kind"

    def check(self, ctx: Context) -> Hit | None:
        org = ctx.sender_organisation
        match = self.catalogue.match_group_word(org) if org else None
        if match is None:
            return None
        return Hit(self.name, self.field, match.kind,
                   f"Organisatie '{org}' bevat {match.how} (kennis: groepswoorden): {match.kind}")
