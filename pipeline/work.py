"""Working together on items: assign an item to a colleague and keep internal notes (never public)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.errors import GriffieError
from pipeline.registry.models import AuditEntry, ItemNote, User
from pipeline.review import get_item
from pipeline.users import can

MAX_NOTE = 2000


def assign(s: Session, item_id: int, to: str | None, actor: str) -> str | None:
    """Assign the item to a colleague who may review (or to nobody with an empty name); audited."""
    item = get_item(s, item_id)
    to = (to or "").strip() or None
    if to is not None:
        user = s.scalar(select(User).where(User.name == to))
        if user is None or user.disabled or not can(user.role, "review"):
            raise GriffieError(f"'{to}' is geen collega die stukken mag beoordelen.")
    previous = item.assigned_to
    item.assigned_to = to
    s.add(AuditEntry(actor=actor, action="item_assigned", item_id=item.id, message_id=item.message_id,
                     detail={"from": previous, "to": to}))
    return to


def add_note(s: Session, item_id: int, author: str, text: str) -> ItemNote:
    """An internal note on an item (audited; the text itself is only in item_notes)."""
    item = get_item(s, item_id)
    text = (text or "").strip()
    if not text:
        raise GriffieError("Een notitie mag niet leeg zijn.")
    if len(text) > MAX_NOTE:
        raise GriffieError(f"Een notitie is hooguit {MAX_NOTE} tekens.")
    note = ItemNote(item_id=item.id, author=author, text=text)
    s.add(note)
    s.flush()
    s.add(AuditEntry(actor=author, action="item_note_added", item_id=item.id, detail={"note_id": note.id}))
    return note


def notes_of(s: Session, item_id: int) -> list[ItemNote]:
    return list(s.scalars(select(ItemNote).where(ItemNote.item_id == item_id).order_by(ItemNote.id)))


def colleagues(s: Session) -> list[str]:
    """Names of active users who may review: whom an item can be assigned to."""
    return [u.name for u in s.scalars(select(User).where(User.disabled.is_(False)).order_by(User.name))
            if can(u.role, "review")]
