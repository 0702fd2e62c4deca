"""Running numbers taken under a row lock, so two workers never hand out the same number."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from pipeline.registry.models import Counter


def next_number(s: Session, name: str) -> int:
    """Increment and return counter `name` within the caller's transaction."""
    return next_numbers(s, name, 1)[0]


def next_numbers(s: Session, name: str, count: int) -> range:
    """Take `count` consecutive numbers of counter `name` in one statement (the row stays locked until the
    caller's transaction ends, so no other worker takes any of them); an empty range for count 0."""
    if count <= 0:
        return range(0)
    for _ in range(3):
        row = s.execute(
            update(Counter).where(Counter.name == name).values(value=Counter.value + count).returning(Counter.value)
        ).scalar_one_or_none()
        if row is not None:
            return range(int(row) - count + 1, int(row) + 1)
        try:
            with s.begin_nested():
                s.add(Counter(name=name, value=count))
            return range(1, count + 1)
        except IntegrityError:
            continue  # created concurrently: increment it on the next pass
    raise RuntimeError(f"counter {name} could not be incremented")
