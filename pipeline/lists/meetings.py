"""Meetings: add, find by id or date, list, and move an item by hand (pinned from then on)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.errors import GriffieError, NotFound
from pipeline.lists.cutoff import cutoff_at
from pipeline.lists.placement import replace_unpinned
from pipeline.registry.models import AuditEntry, Item, Meeting
from pipeline.rules.profile import Profile

COUNCIL = "raad"


def parse_date(text: str) -> date:
    """An ISO date (2025-03-18) or a Dutch one (18-03-2025)."""
    try:
        if len(text) == 10 and text[2] == "-" and text[5] == "-":
            return date(int(text[6:]), int(text[3:5]), int(text[:2]))
        return date.fromisoformat(text)
    except ValueError as e:
        raise GriffieError(f"Ongeldige datum '{text}': gebruik JJJJ-MM-DD of DD-MM-JJJJ.") from e


def add_meeting(s: Session, profile: Profile, day: date, body: str = COUNCIL, title: str | None = None,
                actor: str = "cli") -> Meeting:
    """A new open meeting with the cut-off of the profile; waiting items are placed on it where they belong."""
    body = (body or COUNCIL).strip()
    meeting = Meeting(date=day, body=body, title=title, cutoff_at=cutoff_at(day, profile.cutoff), status="open")
    s.add(meeting)
    s.flush()
    s.add(AuditEntry(actor=actor, action="meeting_added",
                     detail={"meeting_id": meeting.id, "date": day.isoformat(), "body": body}))
    replace_unpinned(s)
    return meeting


def find_meeting(s: Session, ident: str | int) -> Meeting:
    """A meeting by id, or by date (the council meeting first when several share the date)."""
    text = str(ident).strip()
    if text.isdigit():
        meeting = s.get(Meeting, int(text))
        if meeting is None:
            raise NotFound(f"Geen vergadering met nummer {text}.")
        return meeting
    day = parse_date(text)
    found = list(s.scalars(select(Meeting).where(Meeting.date == day).order_by(Meeting.id)))
    if not found:
        raise NotFound(f"Geen vergadering op {day.isoformat()}.")
    councils = [m for m in found if m.body == COUNCIL]
    if len(councils) == 1 or len(found) == 1:
        return (councils or found)[0]
    raise GriffieError(f"Er zijn {len(found)} vergaderingen op {day.isoformat()}: geef het nummer van de vergadering.")


def all_meetings(s: Session) -> list[Meeting]:
    return list(s.scalars(select(Meeting).order_by(Meeting.date, Meeting.id)))


def meeting_label(m: Meeting) -> str:
    """'raad 18-03-2025' or the title, for headings and messages."""
    body = "gemeenteraad" if m.body == COUNCIL else m.body
    return m.title or f"{body} {m.date.strftime('%d-%m-%Y')}"


def move_item(s: Session, item: Item, target: Meeting, actor: str = "cli") -> None:
    """Put item on target by hand: it stays there whatever the cut-off says (pinned)."""
    if item.meeting is not None and item.meeting.status == "vastgesteld":
        raise GriffieError(f"Stuk {item.registration_number} staat op een vastgestelde lijst en kan niet worden "
                           "verplaatst; leg een wijziging vast.")
    if target.status == "vastgesteld":
        raise GriffieError(f"De lijst van {meeting_label(target)} is al vastgesteld.")
    if not item.on_list:
        raise GriffieError(f"Stuk {item.registration_number} staat niet op de lijst (niet_op_lijst).")
    before = item.meeting_id
    item.meeting_id = target.id
    item.meeting = target
    item.meeting_pinned = True
    s.add(AuditEntry(actor=actor, action="item_moved", item_id=item.id,
                     detail={"from": before, "to": target.id}))
