"""What is public: a list released to the public (adopted, or published by the griffier) and the items on it.

Nothing else is public: an item's public page, its redacted documents and a public list answer only for items on
a released list; every other id is treated as if it did not exist. Numbers are given by explicit acts only
(making the list, publishing, adopting), each audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.errors import GriffieError
from pipeline.lists.numbers import assign_numbers, number_label
from pipeline.registry.models import AuditEntry, Item, ListSnapshot, Meeting
from pipeline.rules.profile import Profile

ADOPTED = "vastgesteld"
UNREVIEWED = ("triaged", "needs_review")  # filed with a proposal nobody has confirmed or corrected yet


def is_released(meeting: Meeting) -> bool:
    return meeting.status == ADOPTED or meeting.published_at is not None


def released_ids(s: Session, meeting: Meeting) -> set[int]:
    """The ids of the items the public may see on this meeting's list (empty when it is not released)."""
    if meeting.status == ADOPTED:
        snapshot = s.scalar(select(ListSnapshot).where(ListSnapshot.meeting_id == meeting.id))
        if snapshot is not None:
            return {int(r["item_id"]) for r in snapshot.rows}
    if meeting.published_at is not None:
        return {int(i) for i in meeting.published_items or []}
    return set()


def item_is_public(s: Session, item: Item) -> bool:
    """On a released list and itself public (still on the list: an item taken off later is not)."""
    if item.meeting is None or not item.on_list or not is_released(item.meeting):
        return False
    return item.id in released_ids(s, item.meeting)


def unreviewed(items: Sequence[Item]) -> list[Item]:
    return [i for i in items if i.status in UNREVIEWED]


class UnreviewedItems(GriffieError):
    """An act on a list with unreviewed items, not confirmed by the griffier."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


def check_reviewed(items: Sequence[Item], profile: Profile, accept_unreviewed: bool, what: str) -> list[int]:
    """The ids of unreviewed items; without the griffier's explicit confirmation they stop the act (Dutch)."""
    open_items = unreviewed(items)
    if open_items and not accept_unreviewed:
        labels = ", ".join(number_label(profile, i.list_number) or i.registration_number for i in open_items[:12])
        more = f" en {len(open_items) - 12} meer" if len(open_items) > 12 else ""
        raise UnreviewedItems(
            f"{len(open_items)} stuk(ken) op deze lijst zijn nog niet beoordeeld ({labels}{more}). "
            f"Beoordeel ze eerst, of bevestig dat u de lijst toch wilt {what} (het vinkje op de pagina, of "
            f"--accept-unreviewed).", len(open_items))
    return [i.id for i in open_items]


def number_list(s: Session, meeting: Meeting, profile: Profile, items: Sequence[Item], actor: str,
                action: str = "list_numbered") -> int:
    """Give the items (in list order) their numbers; an audit row names who did it and which numbers."""
    assigned = assign_numbers(s, meeting, profile, items)
    if assigned:
        s.add(AuditEntry(actor=actor, action=action, detail={
            "meeting_id": meeting.id, "assigned": assigned,
            "numbers": {str(i.id): i.list_number for i in items if i.list_number is not None}}))
    return assigned
