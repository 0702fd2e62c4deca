"""What every rule shares: the hit it reports and the context of one message being judged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from pipeline.records import Analysis
from pipeline.rules import fields
from pipeline.rules.profile import Profile
from pipeline.rules.source import Located
from pipeline.vocab import field_label

FIELDS = ("sender_kind", "document_kind", "on_list", "handling")
FIELD_WORDS = {name: field_label(name) for name in FIELDS}


@dataclass(frozen=True)
class Hit:
    """One rule that fired: what it decides and the Dutch sentence that says why."""

    rule: str
    field: str
    value: Any
    reason: str
    confidence: float = 1.0
    organisation: str | None = None  # a known sender names the organisation
    entry: str | None = None  # the knowledge entry that decided it (its provenance is "knowledge:<entry>")


@dataclass
class Decision:
    value: Any
    score: float
    final: bool
    source: str  # the rule name, or "model"


@dataclass
class Context:
    """One message under judgement: the analysis, the profile, and what the chain decided so far."""

    analysis: Analysis
    profile: Profile
    decisions: dict[str, Decision] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    organisation: str | None = None
    knowledge: Any = None  # pipeline.rules.knowledge.Catalogue: free-mail and own domains for the conditions

    def value(self, name: str) -> Any:
        d = self.decisions.get(name)
        return d.value if d else None

    def is_final(self, name: str) -> bool:
        d = self.decisions.get(name)
        return bool(d and d.final)

    @property
    def sender_organisation(self) -> str | None:
        return self.organisation or self.analysis.sender_organisation

    @property
    def subject_text(self) -> str:
        parsed = self.analysis.extracted.parsed
        parts = [self.analysis.subject, parsed.subject, parsed.origin.subject if parsed.origin else None]
        return "\n".join(p for p in parts if p)

    @property
    def letter_text(self) -> str:
        return self.analysis.main_text

    def describe(self, field_name: str, value: Any) -> str:
        """A decided value as the griffie reads it: handling in the profile's words, codes otherwise."""
        if field_name == "handling":
            label = self.profile.label(value)
            return label[:1].lower() + label[1:]
        if field_name == "on_list":
            return "op de lijst" if value else "niet op de lijst"
        return str(value)


@dataclass
class KindScoped:
    """A rule that speaks only for some sender kinds and/or document kinds (an empty tuple: every kind)."""

    sender_kinds: tuple[str, ...]
    document_kinds: tuple[str, ...]

    @staticmethod
    def read_kinds(entry: Located) -> dict[str, tuple[str, ...]]:
        """The entry's `sender_kinds` and `document_kinds`, checked against the vocabulary."""
        return {"sender_kinds": tuple(fields.choices(entry, "sender_kinds", "sender_kind")),
                "document_kinds": tuple(fields.choices(entry, "document_kinds", "document_kind"))}

    def in_scope(self, ctx: Context) -> bool:
        """The kinds decided so far are among this rule's (or it names none)."""
        if self.sender_kinds and ctx.value("sender_kind") not in self.sender_kinds:
            return False
        return not self.document_kinds or ctx.value("document_kind") in self.document_kinds


class Rule(Protocol):
    """A named rule answering one question about a message; `field` is what a hit decides."""

    kind: ClassVar[str]
    name: str
    field: str

    def check(self, ctx: Context) -> Hit | None: ...


def quoted_list(words: list[str]) -> str:
    quoted = [f"'{w}'" for w in words]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " en " + quoted[-1]
