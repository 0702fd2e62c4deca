"""Sender rules: known senders (address, domain, organisation name) and sender kind from organisation words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from pipeline.rules import fields
from pipeline.rules.base import Context, Hit
from pipeline.rules.source import Located


def _domain_match(address: str | None, domains: tuple[str, ...]) -> str | None:
    if not address or "@" not in address:
        return None
    domain = address.rsplit("@", 1)[1].lower()
    for known in domains:
        if domain == known or domain.endswith("." + known):
            return known
    return None


@dataclass
class KnownSender:
    """A sender the griffie knows: an address, a mail domain or an organisation name gives organisation and kind."""

    kind: ClassVar[str] = "sender"
    name: str
    organisation: str
    sender_kind: str
    domains: tuple[str, ...]
    addresses: tuple[str, ...]
    names: tuple[re.Pattern, ...]
    short: str
    shared_domain: bool = False  # others (a client council, a foundation) mail from this domain too
    field: str = "sender_kind"

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "KnownSender":
        fields.check_keys(entry, ("name", "organisation", "short", "kind", "domains", "addresses", "names",
                                  "shared_domain"))
        domains = tuple(d.lower().lstrip("@") for d in fields.texts(entry, "domains"))
        addresses = tuple(a.lower() for a in fields.texts(entry, "addresses"))
        names = tuple(fields.regex(entry, "names", p, subs) for p in fields.texts(entry, "names"))
        if not (domains or addresses or names):
            raise entry.fail(None, "geef ten minste één van domains, addresses of names op")
        organisation = fields.text(entry, "organisation")
        return cls(name=fields.text(entry, "name"), organisation=organisation,
                   sender_kind=fields.choice(entry, "kind", "sender_kind"), domains=domains, addresses=addresses,
                   names=names, short=fields.text(entry, "short", required=False) or organisation,
                   shared_domain=bool(fields.flag(entry, "shared_domain")))

    def _name_match(self, org: str) -> str | None:
        if org.strip().lower() in (self.organisation.lower(), self.short.lower()):
            return f"'{org.strip()}'"
        for pattern in self.names:
            if m := pattern.search(org):
                return f"'{m.group(0)}'"
        return None

    def check(self, ctx: Context) -> Hit | None:
        address = (ctx.analysis.sender_address or "").lower()
        org = ctx.analysis.sender_organisation or ""
        how = None
        if address and address in self.addresses:
            how = address
        elif (domain := _domain_match(address, self.domains)) is not None:
            # a shared domain only counts when the letter names this organisation too (the post room and the
            # client council mail from it as well)
            if not self.shared_domain:
                how = domain
            elif org and (named := self._name_match(org)):
                how = f"{domain} en {named}"
        elif org:
            how = self._name_match(org)
        if how is None:
            return None
        return Hit(self.name, self.field, self.sender_kind,
                   f"Afzender bekend: {how} → {self.short} ({self.sender_kind})", organisation=self.organisation)


@dataclass
class OrganisationWord:
    """An unknown sender's kind from words in its organisation name (Ministerie, GGD, Stichting, B.V., ...)."""

    kind: ClassVar[str] = "organisation_word"
    name: str
    patterns: tuple[re.Pattern, ...]
    sender_kind: str
    confidence: float
    field: str = "sender_kind"

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "OrganisationWord":
        fields.check_keys(entry, ("name", "patterns", "kind", "confidence"))
        return cls(name=fields.text(entry, "name"),
                   patterns=tuple(fields.regex(entry, "patterns", p, subs)
                                  for p in fields.texts(entry, "patterns", required=True)),
                   sender_kind=fields.choice(entry, "kind", "sender_kind"),
                   confidence=fields.number(entry, "confidence", 1.0))

    def check(self, ctx: Context) -> Hit | None:
        org = ctx.sender_organisation
        if not org:
            return None
        for pattern in self.patterns:
            if m := pattern.search(org):
                return Hit(self.name, self.field, self.sender_kind,
                           f"Organisatie '{org}' bevat '{m.group(0)}': {self.sender_kind}", self.confidence)
        return None
