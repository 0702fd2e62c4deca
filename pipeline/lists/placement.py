"""Placement: a filed on-list item goes to the first open council meeting whose list has not closed yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.registry.models import Item, Meeting

PLACEABLE = ("triaged", "needs_review", "reviewed")  # listed items belong to an adopted list; ignored never placed
COUNCIL = "raad"


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def meeting_for(s: Session, received_at: datetime, body: str = COUNCIL) -> Meeting | None:
    """The earliest open meeting of body whose cut-off lies after received_at (none: wait for a new meeting)."""
    q = (select(Meeting).where(Meeting.status == "open", Meeting.body == body, Meeting.cutoff_at.is_not(None))
         .order_by(Meeting.date, Meeting.id))
    received = _utc(received_at)
    for meeting in s.scalars(q):
        if _utc(meeting.cutoff_at) > received:
            return meeting
    return None


def place_item(s: Session, item: Item) -> Meeting | None:
    """Place one item by the cut-off; pinned items, off-list items and items on adopted lists stay as they are."""
    if item.meeting_pinned or item.status not in PLACEABLE:
        return item.meeting
    if item.meeting is not None and item.meeting.status != "open":
        return item.meeting
    target = meeting_for(s, item.received_at) if item.on_list else None
    item.meeting_id = target.id if target else None
    item.meeting = target
    return target


def replace_unpinned(s: Session) -> int:
    """Place again every unpinned, unnumbered on-list item that waits or sits on an open meeting (after a
    meeting was added); returns how many changed meeting."""
    s.flush()
    q = (select(Item).outerjoin(Meeting, Item.meeting_id == Meeting.id)
         .where(Item.meeting_pinned.is_(False), Item.on_list.is_(True), Item.status.in_(PLACEABLE),
                Item.list_number.is_(None), or_(Item.meeting_id.is_(None), Meeting.status == "open")))
    changed = 0
    for item in s.scalars(q):
        before = item.meeting_id
        place_item(s, item)
        changed += before != item.meeting_id
    return changed


def placement_hook(settings: Settings) -> Callable[[Session, Item], None]:
    """The worker's on-filed hook: place the newly filed item within the filing transaction."""

    def hook(s: Session, item: Item) -> None:
        place_item(s, item)

    return hook
