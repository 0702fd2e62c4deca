"""Handling defaults: per document kind and sender kind, and the council's own preferences from its profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pipeline.rules import fields
from pipeline.rules.base import Context, Hit, KindScoped
from pipeline.rules.profile import Profile
from pipeline.rules.source import Located


@dataclass
class HandlingRule:
    """A rule that proposes a handling: its name and the handling (a code of pipeline.vocab.HANDLINGS)."""

    kind: ClassVar[str]
    field: ClassVar[str] = "handling"
    name: str
    handling: str


@dataclass
class HandlingDefault(KindScoped, HandlingRule):
    """The usual handling for a document kind (and/or sender kind, and/or mail kept off the list)."""

    kind: ClassVar[str] = "handling_default"
    off_list: bool
    confidence: float

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "HandlingDefault":
        fields.check_keys(entry, ("name", "document_kinds", "sender_kinds", "on_list", "handling", "confidence"))
        on_list = fields.flag(entry, "on_list")
        if on_list is True:
            raise entry.fail("on_list", "'on_list' kan hier alleen false zijn (voor stukken buiten de lijst)")
        rule = cls(name=fields.text(entry, "name"), **cls.read_kinds(entry), off_list=on_list is False,
                   handling=fields.choice(entry, "handling", "handling"),
                   confidence=fields.number(entry, "confidence", 1.0))
        if not (rule.document_kinds or rule.sender_kinds or rule.off_list):
            raise entry.fail(None, "geef document_kinds, sender_kinds of on_list = false op")
        return rule

    def check(self, ctx: Context) -> Hit | None:
        if self.off_list and ctx.value("on_list") is not False or not self.in_scope(ctx):
            return None
        doc, sender = ctx.value("document_kind"), ctx.value("sender_kind")
        parts = []
        if self.off_list:
            parts.append("stukken buiten de lijst")
        if self.document_kinds:
            parts.append(str(doc))
        if self.sender_kinds:
            parts.append(f"afzender {sender}")
        return Hit(self.name, self.field, self.handling,
                   f"Standaardafhandeling voor {' van '.join(parts)}: {ctx.describe('handling', self.handling)}",
                   self.confidence)


@dataclass
class ProfileHandling(HandlingRule):
    """The council's own choice for a document kind (e.g. petitions), from [handling_defaults] in its profile."""

    kind: ClassVar[str] = "profile_handling"
    document_kind: str
    profile_name: str

    @classmethod
    def from_profile(cls, profile: Profile) -> list["ProfileHandling"]:
        return [cls(name=f"profiel-{profile.name}-{doc}", handling=handling, document_kind=doc,
                    profile_name=profile.name)
                for doc, handling in profile.handling_defaults.items()]

    def check(self, ctx: Context) -> Hit | None:
        if ctx.value("document_kind") != self.document_kind:
            return None
        return Hit(self.name, self.field, self.handling,
                   f"Voorkeur van de raad (profiel {self.profile_name}) voor {self.document_kind}: "
                   f"{ctx.describe('handling', self.handling)}")
