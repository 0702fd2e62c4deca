"""Running numbers taken under a row lock, so two workers never hand out the same number."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.registry.models import Counter


def next_number(s: Session, name: str) -> int:
    """Increment and return counter `name` within the caller's transaction."""
    for _ in range(3):
        row = s.execute(
            update(Counter).where(Counter.name == name).values(value=Counter.value + 1).returning(Counter.value)
        ).scalar_one_or_none()
        if row is not None:
            return int(row)
        try:
            with s.begin_nested():
                s.add(Counter(name=name, value=1))
            return 1
        except IntegrityError:
            continue  # created concurrently: increment it on the next pass
    raise RuntimeError(f"counter {name} could not be incremented")


def peek(s: Session, name: str) -> int:
    return s.scalar(select(Counter.value).where(Counter.name == name)) or 0
