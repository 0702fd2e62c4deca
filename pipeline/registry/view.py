"""The read-only views of one item (issue 16): built from Item (its columns, the cache of each field's latest
Decision) and its decisions, never by editing the stored analysis. `ItemTruth` is the narrow view (the current
values only, no decision rows read): the lists and publication read it. `ItemView` adds who decided each field
and why: the JSON contract (`show --json`, `items --json`), the review page and the answer matcher read it. The
stored analysis stays the item as filed.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.registry.models import Decision, Item
from pipeline.registry.truth import FIELD_COLUMNS, PERSON, latest
from pipeline.vocab import TOPIC_BY_CODE, handling_words

CORRECTED = "Gecorrigeerd door "  # how a person's correction starts its first reason (pipeline/review.py)
# Decision field -> the words a correction summary uses for it (pipeline/review.py FIELD_WORDS, by column).
SUMMARY_WORDS = {
    "sender_kind": "soort afzender", "document_kind": "soort stuk", "on_list": "op de lijst", "topic": "onderwerp",
    "handling": "afhandeling", "committee": "commissie", "subject": "onderwerpregel", "letter_date": "datum brief",
    "sender_organisation": "organisatie afzender",
}


@dataclass(frozen=True)
class FieldTruth:
    """One field now: its value, who decided it (records.Provenance source) and that decision's reasons."""

    value: Any
    source: str | None
    reasons: tuple[str, ...] = ()
    score: float | None = None


@dataclass(frozen=True)
class ItemTruth:
    """One item as it stands now: each field's current value (FIELD_COLUMNS: its column, the cache of its latest
    Decision), read without loading the decisions, with the facts filing fixed (number, label, signatory)."""

    id: int
    registration_number: str
    public_label: str
    sender_name: str | None
    values: dict[str, Any]
    handling_words: tuple[str, str] = ("", "")  # the council's (code, label) for the current handling

    def value(self, name: str) -> Any:
        return self.values[name]


def item_truth(item: Item, profile: Any = None) -> ItemTruth:
    """The one read of an item's current values (lists, publication and item_view all start here)."""
    values = {name: getattr(item, column) for name, column in FIELD_COLUMNS.items()}
    return ItemTruth(item.id, item.registration_number, item.public_label, item.sender_name, values,
                     handling_words(profile, values["handling"]))


@dataclass(frozen=True)
class ItemView:
    """Everything a reader of one item sees, typed; `as_json()` is the docs/architecture.md contract plus provenance."""

    truth: ItemTruth
    status: str
    meeting: dict | None
    reference: str | None
    fields: dict[str, FieldTruth]  # the truth's values with who decided them and why
    reasons: tuple[str, ...]
    rule_hits: tuple[str, ...] | None
    filed: dict[str, Any] = field(repr=False)  # the analysis as filed (read-only)

    id = property(lambda self: self.truth.id)
    registration_number = property(lambda self: self.truth.registration_number)
    public_label = property(lambda self: self.truth.public_label)
    handling_words = property(lambda self: self.truth.handling_words)

    def value(self, name: str) -> Any:
        return self.truth.value(name)

    def as_json(self) -> dict[str, Any]:
        doc = copy.deepcopy(self.filed)
        sender, letter = doc.setdefault("sender", {}), doc.setdefault("letter", {})
        sender.update(kind=self.value("sender_kind"), organisation=self.value("sender_organisation"),
                      public_label=self.public_label)
        letter.update(subject=self.value("subject"), date=_iso(self.value("letter_date")))
        doc.update(document_kind=self.value("document_kind"), on_list=self.value("on_list"),
                   committee=self.value("committee"), circular=self.value("circular"))
        topic, handling = self.fields["topic"], self.fields["handling"]
        if (doc.get("topic") or {}).get("code") != topic.value:  # changed since filing: the deciding score
            t = TOPIC_BY_CODE.get(topic.value or "")
            doc["topic"] = {"code": t.code, "label": t.label, "uri": t.uri, "score": topic.score} if t else None
        if (doc.get("handling") or {}).get("code") != handling.value:
            local, label = self.handling_words
            doc["handling"] = {"code": handling.value, "local_code": local, "label": label, "score": handling.score}
        doc["reasons"] = list(self.reasons)
        doc.update(id=self.id, registration_number=self.registration_number, status=self.status,
                   meeting=self.meeting, rule_hits=list(self.rule_hits) if self.rule_hits is not None else None,
                   provenance={n: {"source": f.source, "reasons": list(f.reasons)} for n, f in self.fields.items()})
        return doc


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def correction_summaries(decisions: list[Decision]) -> list[str]:
    """One line per correction a person made ('Gecorrigeerd door anna: afhandeling, onderwerp.'), in order."""
    groups: list[tuple[tuple, list[str]]] = []
    for d in sorted(decisions, key=lambda d: d.id or 0):
        if not (d.source.startswith(PERSON) and d.reasons and d.reasons[0].startswith(CORRECTED)):
            continue
        key = (d.actor, d.created_at)
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append(SUMMARY_WORDS.get(d.field, d.field))
    return [f"{CORRECTED}{actor}: {', '.join(words)}." for (actor, _), words in groups]


def filed_reference(item: Item) -> str | None:
    """The letter's reference (kenmerk) as filed."""
    return ((item.analysis or {}).get("letter") or {}).get("reference")


def item_view(item: Item, profile: Any = None) -> ItemView:
    """The item as it stands: each field from its column (the latest decision's cached value) with that decision."""
    truth = item_truth(item, profile)
    now = latest(item)
    fields = {}
    for name, value in truth.values.items():
        d = now.get(name)
        fields[name] = FieldTruth(value, d.source if d else None, tuple(d.reasons or ()) if d else (),
                                  d.score if d else None)
    filed = item.analysis or {}
    meeting = None
    if item.meeting is not None:
        meeting = {"id": item.meeting.id, "date": item.meeting.date.isoformat(), "body": item.meeting.body}
    reasons = tuple(filed.get("reasons", [])) + tuple(correction_summaries(item.decisions))
    return ItemView(
        truth=truth, status=item.status, meeting=meeting, reference=filed_reference(item), fields=fields,
        reasons=reasons, rule_hits=tuple(item.rule_hits) if item.rule_hits is not None else None, filed=filed,
    )
