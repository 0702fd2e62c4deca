"""One truth for an item (issue 16): a field's current value is its latest Decision; the item's column is its cache.

Every change of a judged or corrected field goes through `decide`, which records the Decision (value, source,
reasons) and writes the column in the same step, so the two cannot drift apart. The stored `analysis` JSON is the
item as filed and is never edited; views (registry/view.py) read the columns and the decisions.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pipeline.registry.models import Decision, Item

# Decision field -> the item attribute that caches its current value.
FIELD_COLUMNS: dict[str, str] = {
    "sender_kind": "sender_kind", "document_kind": "document_kind", "on_list": "on_list", "topic": "topic_code",
    "handling": "handling_code", "committee": "committee", "sender_organisation": "sender_organisation",
    "subject": "subject", "letter_date": "letter_date", "circular": "circular",
}
JUDGED_FIELDS = ("sender_kind", "document_kind", "on_list", "topic", "handling", "committee")
ANALYSED_FIELDS = ("sender_organisation", "subject", "letter_date", "circular")
PERSON = "person:"


def person(user: str) -> str:
    """The source of a decision a person made (review, or the griffier at adoption)."""
    return f"{PERSON}{user}"


def stored(value: Any) -> str | None:
    """A field value as a Decision stores it (text): booleans as true/false, dates in ISO form."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if isinstance(value, date) else str(value)


def typed(field: str, value: str | None) -> Any:
    """A Decision's text value back as the item column holds it."""
    if value is None:
        return None
    if field in ("on_list", "circular"):
        return value == "true"
    if field == "letter_date":
        return date.fromisoformat(value)
    return value


def decide(item: Item, field: str, value: Any, source: str, reasons: list[str], *, score: float | None = None,
           actor: str | None = None, model_version: str | None = None, now: datetime | None = None) -> Decision:
    """Record who decided `field` of `item` and why, and set the item's cached column to that value."""
    d = Decision(field=field, value=stored(value), score=score, source=source, actor=actor,
                 model_version=model_version, reasons=list(reasons))
    if now is not None:
        d.created_at = now
    item.decisions.append(d)
    setattr(item, FIELD_COLUMNS[field], value)
    return d


def latest(item: Item) -> dict[str, Decision]:
    """Each field's latest decision (the item's current truth), by field name."""
    out: dict[str, Decision] = {}
    for d in sorted(item.decisions, key=lambda d: d.id or 0):
        out[d.field] = d
    return out
