"""Placement: a filed on-list item goes to the first open council meeting whose list has not closed yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from pipeline.config import Settings
from pipeline.registry.models import Item, Meeting

PLACEABLE = ("triaged", "needs_review", "reviewed")  # listed items belong to an adopted list; ignored never placed
COUNCIL = "raad"
UPDATE_CHUNK = 500  # ids per UPDATE ... WHERE id IN (...): well under every database's parameter limit


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def _open_meetings(s: Session, body: str = COUNCIL) -> list[Meeting]:
    q = (select(Meeting).where(Meeting.status == "open", Meeting.body == body, Meeting.cutoff_at.is_not(None))
         .order_by(Meeting.date, Meeting.id))
    return list(s.scalars(q))


def _first_open(meetings: list[Meeting], received_at: datetime) -> Meeting | None:
    received = _utc(received_at)
    return next((m for m in meetings if _utc(m.cutoff_at) > received), None)


def meeting_for(s: Session, received_at: datetime, body: str = COUNCIL) -> Meeting | None:
    """The earliest open meeting of body whose cut-off lies after received_at (none: wait for a new meeting)."""
    return _first_open(_open_meetings(s, body), received_at)


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
    meeting was added); returns how many changed meeting.

    Set-wise: the open meetings and the waiting items are read once, each item's meeting is found in memory
    (the same rule as place_item), and one UPDATE per target meeting moves them (a query per item before)."""
    s.flush()
    q = (select(Item.id, Item.meeting_id, Item.received_at).outerjoin(Meeting, Item.meeting_id == Meeting.id)
         .where(Item.meeting_pinned.is_(False), Item.on_list.is_(True), Item.status.in_(PLACEABLE),
                Item.list_number.is_(None), or_(Item.meeting_id.is_(None), Meeting.status == "open")))
    meetings = _open_meetings(s)
    moves: dict[int | None, list[int]] = {}
    for item_id, before, received_at in s.execute(q):
        target = _first_open(meetings, received_at)
        target_id = target.id if target else None
        if target_id != before:
            moves.setdefault(target_id, []).append(item_id)
    for target_id, ids in moves.items():
        for start in range(0, len(ids), UPDATE_CHUNK):
            s.execute(update(Item).where(Item.id.in_(ids[start:start + UPDATE_CHUNK])).values(meeting_id=target_id),
                      execution_options={"synchronize_session": False})
    moved = {i for ids in moves.values() for i in ids}
    for obj in list(s.identity_map.values()):  # items already loaded in this session see their new meeting
        if isinstance(obj, Item) and obj.id in moved:
            s.expire(obj, ["meeting_id", "meeting"])
    return len(moved)


def placement_hook(settings: Settings) -> Callable[[Session, Item], None]:
    """The worker's on-filed hook: place the newly filed item within the filing transaction."""

    def hook(s: Session, item: Item) -> None:
        place_item(s, item)

    return hook
