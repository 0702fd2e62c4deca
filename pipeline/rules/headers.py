"""Header facts: auto-replies, bounces and newsletters recognised from mail headers (and the From/Subject line)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from pipeline.rules import fields
from pipeline.rules.base import Context, Hit
from pipeline.rules.source import Located


@dataclass
class HeaderFact:
    """A header that is present (or matches a pattern, and not an exception) says what kind of mail this is."""

    kind: ClassVar[str] = "header"
    name: str
    header: str  # as written in the rule file, e.g. "List-Unsubscribe"
    pattern: re.Pattern | None
    unless: re.Pattern | None
    field: str
    value: object
    confidence: float

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "HeaderFact":
        fields.check_keys(entry, ("name", "header", "pattern", "unless", "document_kind", "on_list", "confidence"))
        pattern = fields.text(entry, "pattern", required=False)
        unless = fields.text(entry, "unless", required=False)
        field, value = fields.target(entry, ("document_kind", "on_list"))
        return cls(name=fields.text(entry, "name"), header=fields.text(entry, "header"),
                   pattern=fields.regex(entry, "pattern", pattern, subs) if pattern else None,
                   unless=fields.regex(entry, "unless", unless, subs) if unless else None,
                   field=field, value=value, confidence=fields.number(entry, "confidence", 1.0))

    def _values(self, ctx: Context) -> list[str]:
        parsed = ctx.analysis.extracted.parsed
        values = list(parsed.headers.get(self.header.lower(), []))
        if self.header.lower() == "from" and parsed.from_address:
            values.append(parsed.from_address)  # the bare address, e.g. MAILER-DAEMON@...
        return values

    def check(self, ctx: Context) -> Hit | None:
        for value in self._values(ctx):
            if self.unless is not None and self.unless.search(value):
                continue
            if self.pattern is None:
                return Hit(self.name, self.field, self.value,
                           f"Kop {self.header}: {ctx.describe(self.field, self.value)}", self.confidence)
            if m := self.pattern.search(value):
                return Hit(self.name, self.field, self.value,
                           f"Kop {self.header} '{m.group(0).strip()}': {ctx.describe(self.field, self.value)}",
                           self.confidence)
        return None
