"""Deadlines in the registry: made for a filed item (zienswijze in the text, afdoening by the profile's term),
checked against the next council meeting, and listed as open, due soon and overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline.deadlines.extract import extract_deadline
from pipeline.deadlines.terms import AFDOENING, DeadlineTerms
from pipeline.lists.cutoff import local_date
from pipeline.lists.placement import meeting_for
from pipeline.registry.models import AuditEntry, Deadline, Item

ZIENSWIJZE_KINDS = ("zienswijzeverzoek",)
ZIENSWIJZE_SENDERS = ("gemeenschappelijke_regeling", "overheid")
OWN_EXECUTIVE = ("college",)
LIVE = ("triaged", "needs_review", "reviewed", "listed")


def _nl(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def asks_zienswijze(item: Item) -> bool:
    """A zienswijze request by its kind, or a government letter that asks for one in so many words."""
    if item.document_kind in ZIENSWIJZE_KINDS:
        return True
    return item.sender_kind in ZIENSWIJZE_SENDERS and "zienswijze" in (item.text or "").lower()


def meeting_warning(s: Session, item: Item, due: date, terms: DeadlineTerms) -> str | None:
    """Dutch warning when the council cannot decide in time: the first meeting after the cut-off (or the item's
    own meeting) falls after the due date, or no meeting before it is known at all."""
    meeting = item.meeting if item.meeting is not None and item.meeting.status == "open" else None
    meeting = meeting or meeting_for(s, item.received_at)
    last_day = due - timedelta(days=terms.zienswijze_margin_days)
    if meeting is None:
        return (f"Er is nog geen raadsvergadering gepland waarop dit stuk vóór de uiterste datum ({_nl(due)}) "
                "behandeld kan worden: plan het in of vraag om uitstel.")
    if meeting.date > last_day:
        return (f"De eerste raadsvergadering na de sluitingstermijn is op {_nl(meeting.date)}, na de uiterste datum "
                f"{_nl(due)}: breng het stuk naar een eerdere commissie of vraag om uitstel.")
    return None


def _zienswijze(s: Session, item: Item, terms: DeadlineTerms) -> Deadline | None:
    found = extract_deadline(item.text or "", item.letter_date, local_date(item.received_at))
    if found is None:
        return None
    reason = f"Uit de brief: “{found.reason}”"
    return Deadline(item_id=item.id, kind="zienswijze", due_date=found.due, reason=reason, status="open",
                    warning=meeting_warning(s, item, found.due, terms))


def _afdoening(item: Item, terms: DeadlineTerms) -> Deadline:
    due = local_date(item.received_at) + timedelta(weeks=terms.afdoening_weeks)
    reason = (f"In handen van het college gesteld ter afdoening: antwoord binnen {terms.afdoening_weeks} weken "
              f"na ontvangst ({terms.afdoening_basis}).")
    return Deadline(item_id=item.id, kind="afdoening", due_date=due, reason=reason, status="open")


def sync_item(s: Session, item: Item, terms: DeadlineTerms, actor: str = "pipeline",
              new: bool = False) -> list[Deadline]:
    """Make the deadlines item needs and is missing; an open afdoening term whose item is no longer handed to the
    college lapses (kept, status 'vervallen'). Idempotent: run it after filing and after every review. `new`: the
    item was made in this transaction, so it has no deadlines yet (the filing hook; no query needed)."""
    have = {} if new else {d.kind: d for d in s.scalars(select(Deadline).where(Deadline.item_id == item.id))}
    made: list[Deadline] = []
    if item.status in LIVE and "zienswijze" not in have and asks_zienswijze(item):
        d = _zienswijze(s, item, terms)
        if d is not None:
            made.append(d)
    afdoening = have.get("afdoening")
    # the college's own letters answer terms, they do not get one (a model may still propose afdoening for them)
    if item.status in LIVE and item.handling_code in AFDOENING and afdoening is None \
            and item.sender_kind not in OWN_EXECUTIVE:
        made.append(_afdoening(item, terms))
    elif afdoening is not None and afdoening.status == "open" and item.handling_code not in AFDOENING:
        afdoening.status = "vervallen"
        afdoening.closed_reason = "De afhandeling is gewijzigd: het stuk is niet meer in handen van het college."
        afdoening.closed_at = datetime.now(timezone.utc)
    for d in made:
        s.add(d)
        s.flush()
        s.add(AuditEntry(actor=actor, action="deadline_added", item_id=item.id,
                         detail={"deadline_id": d.id, "kind": d.kind, "due_date": d.due_date.isoformat()}))
    return made


def refresh(s: Session, terms: DeadlineTerms) -> None:
    """Bring deadlines up to date after reviews changed handlings or kinds, and warnings after meetings were added.
    Only the items that may need a change are visited, so the worker can run it after every round."""
    has = select(Deadline.item_id)
    candidates = select(Item).where(Item.status.in_(LIVE), or_(
        Item.handling_code.in_(AFDOENING) & Item.id.not_in(has.where(Deadline.kind == "afdoening")),
        Item.document_kind.in_(ZIENSWIJZE_KINDS) & Item.id.not_in(has.where(Deadline.kind == "zienswijze")),
        Item.id.in_(has.where(Deadline.kind == "afdoening", Deadline.status == "open")) &
        Item.handling_code.not_in(AFDOENING)))
    for item in s.scalars(candidates):
        sync_item(s, item, terms)
    for d in s.scalars(select(Deadline).where(Deadline.status == "open", Deadline.kind == "zienswijze")):
        warning = meeting_warning(s, d.item, d.due_date, terms)
        if warning != d.warning:
            d.warning = warning


def close(s: Session, deadline: Deadline, reason: str, actor: str, by_item: Item | None = None) -> None:
    deadline.status = "gesloten"
    deadline.closed_reason = reason
    deadline.closed_at = datetime.now(timezone.utc)
    deadline.closed_by_item_id = by_item.id if by_item is not None else None
    s.add(AuditEntry(actor=actor, action="deadline_closed", item_id=deadline.item_id,
                     detail={"deadline_id": deadline.id, "by_item": deadline.closed_by_item_id, "reason": reason}))


@dataclass(frozen=True)
class Row:
    deadline: Deadline
    days_left: int
    bucket: str  # verlopen | binnenkort | open | gesloten | vervallen
    warning: str | None  # for an open zienswijze: against today's meetings (read, not stored)


def overview(s: Session, today: date, terms: DeadlineTerms, include_closed: bool = False) -> list[Row]:
    """Every deadline (open ones; closed ones too on request) by due date, with its bucket for today."""
    q = select(Deadline).order_by(Deadline.due_date, Deadline.id)
    if not include_closed:
        q = q.where(Deadline.status == "open")
    rows = []
    for d in s.scalars(q):
        left = (d.due_date - today).days
        if d.status != "open":
            bucket = d.status
        elif left < 0:
            bucket = "verlopen"
        elif left <= terms.soon_days:
            bucket = "binnenkort"
        else:
            bucket = "open"
        warning = d.warning
        if d.status == "open" and d.kind == "zienswijze":
            warning = meeting_warning(s, d.item, d.due_date, terms)  # meetings may have been added since filing
        rows.append(Row(d, left, bucket, warning))
    return rows


def row_json(row: Row) -> dict:
    d, item = row.deadline, row.deadline.item
    closer = d.closed_by
    return {"id": d.id, "item": item.registration_number, "item_id": item.id, "kind": d.kind,
            "due_date": d.due_date.isoformat(), "days_left": row.days_left, "bucket": row.bucket, "status": d.status,
            "subject": item.subject, "sender": item.sender_organisation or item.public_label,
            "reason": d.reason, "warning": row.warning,
            "closed_by": closer.registration_number if closer is not None else None,
            "closed_reason": d.closed_reason, "closed_at": d.closed_at.isoformat() if d.closed_at else None}
