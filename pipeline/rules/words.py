"""Word rules: keyword/lemma patterns over the letter text and regular patterns over the subject."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from pipeline.rules import fields
from pipeline.rules.base import Context, Hit, KindScoped, quoted_list
from pipeline.rules.conditions import CONDITIONS, Condition
from pipeline.rules.source import Located

# Cheap Dutch "lemma" matching: a plain word also matches its common inflections (handtekening -> handtekeningen).
INFLECTION = r"(?:en|s|e|n|'s|’s|ën)?"
SCOPES = ("text", "start", "subject", "all")
START_CHARS = 1500
TARGETS = ("document_kind", "handling", "on_list")


def word_pattern(word: str) -> re.Pattern:
    """'zienswijze' -> word with inflections; '*begroting' / 'jaar*' -> wildcards; 'nodigen u uit' -> a phrase."""
    body = word.strip().lower()
    head = r"\w*" if body.startswith("*") else ""
    tail = r"\w*" if body.endswith("*") else ""
    body = body.strip("*")
    core = r"\s+".join(re.escape(w) for w in body.split())
    if not tail and " " not in body:
        tail = INFLECTION
    return re.compile(rf"(?<!\w){head}{core}{tail}(?!\w)", re.IGNORECASE)


@dataclass
class WordGroup:
    words: tuple[str, ...]
    patterns: tuple[re.Pattern, ...]

    def first_match(self, text: str) -> str | None:
        for word, pattern in zip(self.words, self.patterns):
            if pattern.search(text):
                return word.strip("*")
        return None


def _groups(entry: Located, key: str) -> tuple[WordGroup, ...]:
    return tuple(WordGroup(tuple(g), tuple(word_pattern(w) for w in g)) for g in fields.grouped_words(entry, key))


@dataclass
class Keyword(KindScoped):
    """All word groups occur (one word of each group is enough), no excluded word occurs, conditions hold; the
    sender and document kinds decided so far are the rule's (sender_kinds, document_kinds; none named: any)."""

    kind: ClassVar[str] = "keyword"
    name: str
    all_of: tuple[WordGroup, ...]
    none_of: tuple[WordGroup, ...]
    scope: str
    condition: Condition | None
    field: str
    value: object
    confidence: float

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "Keyword":
        fields.check_keys(entry, ("name", "all", "none", "scope", "sender_kinds", "document_kinds", "condition",
                                  "confidence") + TARGETS)
        all_of = _groups(entry, "all")
        if not all_of:
            raise entry.fail(None, "'all' ontbreekt: welke woorden moeten voorkomen?")
        condition = fields.text(entry, "condition", required=False)
        if condition is not None and condition not in CONDITIONS:
            raise entry.fail("condition", f"onbekende voorwaarde '{condition}' (toegestaan: {', '.join(CONDITIONS)})")
        field, value = fields.target(entry, TARGETS)
        return cls(name=fields.text(entry, "name"), all_of=all_of, none_of=_groups(entry, "none"),
                   scope=fields.one_of(entry, "scope", SCOPES, "bereik", default="text"), **cls.read_kinds(entry),
                   condition=CONDITIONS[condition] if condition else None, field=field, value=value,
                   confidence=fields.number(entry, "confidence", 1.0))

    def _text(self, ctx: Context) -> str:
        if self.scope == "subject":
            return ctx.subject_text
        if self.scope == "start":
            return ctx.subject_text + "\n" + ctx.letter_text[:START_CHARS]
        if self.scope == "all":
            return ctx.subject_text + "\n" + ctx.letter_text
        return ctx.letter_text

    def check(self, ctx: Context) -> Hit | None:
        if not self.in_scope(ctx):
            return None
        text = self._text(ctx)
        found = []
        for group in self.all_of:
            word = group.first_match(text)
            if word is None:
                return None
            found.append(word)
        if any(group.first_match(text) for group in self.none_of):
            return None
        extra = ""
        if self.condition is not None:
            holds = self.condition.test(ctx)
            if not holds:
                return None
            extra = f" ({holds})"
        label = "Trefwoord" if len(found) == 1 else "Trefwoorden"
        return Hit(self.name, self.field, self.value,
                   f"{label} {quoted_list(found)}{extra}: {ctx.describe(self.field, self.value)}", self.confidence)


@dataclass
class SubjectPattern:
    """A regular pattern over the subject (the letter's Betreft/Onderwerp and the mail subject)."""

    kind: ClassVar[str] = "subject"
    name: str
    pattern: re.Pattern
    field: str
    value: object
    confidence: float

    @classmethod
    def load(cls, entry: Located, subs: dict[str, str]) -> "SubjectPattern":
        fields.check_keys(entry, ("name", "pattern", "confidence") + TARGETS)
        field, value = fields.target(entry, TARGETS)
        return cls(name=fields.text(entry, "name"),
                   pattern=fields.regex(entry, "pattern", fields.text(entry, "pattern"), subs),
                   field=field, value=value, confidence=fields.number(entry, "confidence", 1.0))

    def check(self, ctx: Context) -> Hit | None:
        m = self.pattern.search(ctx.subject_text)
        if m is None:
            return None
        return Hit(self.name, self.field, self.value,
                   f"Onderwerp '{m.group(0).strip()}': {ctx.describe(self.field, self.value)}", self.confidence)
