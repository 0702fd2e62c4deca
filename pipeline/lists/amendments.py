"""Amendments: a change to an item on an adopted list is recorded as a row, never silently applied to the list."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import PASSIVE_NO_INITIALIZE, get_history

from pipeline.errors import GriffieError
from pipeline.registry.models import Amendment, Item, Meeting
from pipeline.registry.truth import FIELD_COLUMNS, decide, person

WATCHED = ("subject", "sender_name", "sender_organisation", "sender_kind", "public_label", "letter_date",
           "handling_code", "committee", "on_list", "meeting_id", "list_number", "topic_code", "document_kind")
COLUMN_FIELDS = {column: field for field, column in FIELD_COLUMNS.items()}  # item column -> decision field
ACTOR_KEY = "griffiepost.actor"
REASON_KEY = "griffiepost.reason"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _adopted_meeting(s: Session, meeting_id: int | None) -> Meeting | None:
    if meeting_id is None:
        return None
    with s.no_autoflush:
        meeting = s.get(Meeting, meeting_id)
    return meeting if meeting is not None and meeting.status == "vastgesteld" else None


def _record(s: Session, _ctx: Any, _instances: Any) -> None:
    """before_flush: compare watched fields of dirty items whose list (old meeting) is adopted.

    Only attributes in the item's committed_state can have changed, and each meeting is looked up once per
    flush: numbering a 10,000-item list makes every item dirty, and building each one's full attribute map
    (`inspect(obj).attrs`) cost more than the numbering itself."""
    adopted: dict[int | None, Meeting | None] = {}
    for obj in list(s.dirty):
        if not isinstance(obj, Item):
            continue
        state = inspect(obj)
        changes: list[tuple[str, Any, Any]] = []
        for name in WATCHED:
            if name not in state.committed_state:
                continue
            hist = get_history(obj, name, PASSIVE_NO_INITIALIZE)
            if hist.has_changes() and hist.deleted:
                old = hist.deleted[0]
                new = hist.added[0] if hist.added else None
                if _text(old) != _text(new):
                    changes.append((name, old, new))
        if not changes:
            continue
        old_meeting = next((old for name, old, _ in changes if name == "meeting_id"), obj.meeting_id)
        rel = get_history(obj, "meeting", PASSIVE_NO_INITIALIZE)
        if rel.deleted and rel.deleted[0] is not None:  # moved through the relationship: the FK follows at flush
            old_meeting = rel.deleted[0].id
            new_id = rel.added[0].id if rel.added and rel.added[0] is not None else None
            if not any(name == "meeting_id" for name, _, _ in changes) and new_id != old_meeting:
                changes.append(("meeting_id", old_meeting, new_id))
        if old_meeting not in adopted:
            adopted[old_meeting] = _adopted_meeting(s, old_meeting)
        meeting = adopted[old_meeting]
        if meeting is None:
            continue
        actor = str(s.info.get(ACTOR_KEY) or obj.reviewed_by or "onbekend")
        for name, old, new in changes:
            s.add(Amendment(meeting_id=meeting.id, item_id=obj.id, field=name, old_value=_text(old),
                            new_value=_text(new), actor=actor, reason=s.info.get(REASON_KEY)))


def install() -> None:
    """Watch every session (idempotent): the rule holds whoever edits the item (web review, CLI, scripts)."""
    if not event.contains(Session, "before_flush", _record):
        event.listen(Session, "before_flush", _record)


def amend_item(s: Session, item: Item, changes: dict[str, Any], actor: str, reason: str | None = None) -> int:
    """Change fields of an item on an adopted list on purpose, with actor and reason; returns amendments made."""
    install()
    before = len(list(s.scalars(select(Amendment.id).where(Amendment.item_id == item.id))))
    s.info[ACTOR_KEY], s.info[REASON_KEY] = actor, reason
    try:
        for name, value in changes.items():
            if name not in WATCHED:
                raise GriffieError(f"Het veld '{name}' kan niet als wijziging worden vastgelegd.")
            field = COLUMN_FIELDS.get(name)
            if field is None:  # not a judged field (meeting, list number, sender name, public label)
                setattr(item, name, value)
            elif getattr(item, name) != value:  # a judged field changes only with a decision naming the griffier
                decide(item, field, value, person(actor), [f"Gewijzigd na vaststelling: {reason or 'geen reden'}"],
                       actor=actor)
        s.flush()
    finally:
        s.info.pop(ACTOR_KEY, None)
        s.info.pop(REASON_KEY, None)
    return len(list(s.scalars(select(Amendment.id).where(Amendment.item_id == item.id)))) - before


def amendments_of(s: Session, meeting_id: int) -> list[Amendment]:
    return list(s.scalars(select(Amendment).where(Amendment.meeting_id == meeting_id).order_by(Amendment.id)))


install()
