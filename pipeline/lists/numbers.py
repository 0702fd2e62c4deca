"""List numbers: the council's running number, taken once per item when its list is generated or adopted."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from pipeline.registry.models import Item, Meeting
from pipeline.registry.numbering import next_numbers
from pipeline.rules.profile import Profile


def counter_name(profile: Profile, meeting: Meeting) -> str:
    """One series for the council (continuous) or one per calendar year of the meeting (per_year)."""
    if profile.numbering.style == "per_year":
        return f"list-{meeting.date.year}"
    return "list"


def number_label(profile: Profile, number: int | None) -> str:
    return "" if number is None else f"{profile.numbering.prefix}{number}"


def assign_numbers(s: Session, meeting: Meeting, profile: Profile, ordered: Sequence[Item]) -> int:
    """Give every unnumbered item of ordered (list order) the next number; numbers already taken stay with their
    item even if it moves, so a number is never reused. Returns how many were assigned.

    The numbers are taken as one block in one statement: a counter UPDATE per item made every statement flush
    the items numbered so far (79 s for 9,131 items)."""
    waiting = [item for item in ordered if item.list_number is None]
    for item, number in zip(waiting, next_numbers(s, counter_name(profile, meeting), len(waiting))):
        item.list_number = number
    return len(waiting)
