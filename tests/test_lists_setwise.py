"""Numbers taken as one block and items placed set-wise give exactly what one item at a time gave (SQLite and
PostgreSQL); blocks taken concurrently never overlap."""

from __future__ import annotations

import random
import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import or_, select

from lists_helpers import make_item, small_profile, utc
from pipeline.lists.meetings import add_meeting
from pipeline.lists.numbers import assign_numbers, counter_name
from pipeline.lists.placement import place_item, replace_unpinned
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.models import Counter, Item, Meeting
from pipeline.registry.numbering import next_number, next_numbers

PROFILE = small_profile(prefix="IS")


def old_replace_unpinned(s) -> int:
    """The per-item placement before issue 13: the oracle."""
    s.flush()
    q = (select(Item).outerjoin(Meeting, Item.meeting_id == Meeting.id)
         .where(Item.meeting_pinned.is_(False), Item.on_list.is_(True),
                Item.status.in_(("triaged", "needs_review", "reviewed")),
                Item.list_number.is_(None), or_(Item.meeting_id.is_(None), Meeting.status == "open")))
    changed = 0
    for item in s.scalars(q):
        before = item.meeting_id
        place_item(s, item)
        changed += before != item.meeting_id
    return changed


def old_assign_numbers(s, meeting, profile, ordered) -> int:
    """The per-item numbering before issue 13: the oracle."""
    assigned = 0
    for item in ordered:
        if item.list_number is None:
            item.list_number = next_number(s, counter_name(profile, meeting))
            assigned += 1
    return assigned


def build(sessions, seed: int = 7) -> None:
    """A registry with meetings of several kinds and 160 items of every placement case, the same for a seed."""
    rnd = random.Random(seed)
    with sessions.begin() as s:
        meetings = [add_meeting(s, PROFILE, date(2025, 3, 18)), add_meeting(s, PROFILE, date(2025, 4, 15)),
                    add_meeting(s, PROFILE, date(2025, 4, 10), body="Commissie Ruimte")]
        meetings[0].status = "vastgesteld"
        for n in range(160):
            received = utc(2025, 2, 1) + timedelta(hours=rnd.randrange(0, 24 * 120))
            item = make_item(s, received_at=received, on_list=rnd.random() > 0.1,
                             status=rnd.choice(("triaged", "needs_review", "reviewed", "listed", "ignored")))
            if rnd.random() < 0.15:
                item.meeting_id, item.meeting_pinned = rnd.choice(meetings).id, True
            elif rnd.random() < 0.3:
                item.meeting_id = rnd.choice(meetings).id
            if rnd.random() < 0.1:
                item.list_number = 10_000 + n


def placements(sessions) -> dict[int, int | None]:
    with sessions() as s:
        return dict(s.execute(select(Item.id, Item.meeting_id)).all())


def numbers(sessions) -> dict[int, int | None]:
    with sessions() as s:
        return dict(s.execute(select(Item.id, Item.list_number)).all())


def _registries(url_a: str, url_b: str):
    out = []
    for url in (url_a, url_b):
        engine = make_engine(url)
        migrate(engine)
        out.append((engine, session_factory(engine)))
    return out


def _compare(url_a: str, url_b: str) -> None:
    (ea, old), (eb, new) = _registries(url_a, url_b)
    try:
        build(old)
        build(new)
        assert placements(old) == placements(new)
        # a new meeting: every waiting item is placed again, by the old loop and by the set-wise update
        with old.begin() as s:
            meeting = Meeting(date=date(2025, 6, 1), body="raad", cutoff_at=utc(2025, 5, 30), status="open")
            s.add(meeting)
            moved_old = old_replace_unpinned(s)
        with new.begin() as s:
            meeting = Meeting(date=date(2025, 6, 1), body="raad", cutoff_at=utc(2025, 5, 30), status="open")
            s.add(meeting)
            moved_new = replace_unpinned(s)
        assert moved_old == moved_new > 0
        assert placements(old) == placements(new)
        # numbering every open meeting's items in list order, one counter statement per item or one block
        for sessions, assign in ((old, old_assign_numbers), (new, assign_numbers)):
            with sessions.begin() as s:
                for m in s.scalars(select(Meeting).where(Meeting.status == "open").order_by(Meeting.id)):
                    ordered = list(s.scalars(select(Item).where(Item.meeting_id == m.id)
                                             .order_by(Item.received_at, Item.id)))
                    assign(s, m, PROFILE, ordered)
        assert numbers(old) == numbers(new)
        assert sum(v is not None for v in numbers(new).values()) > 20
        with old() as s1, new() as s2:
            assert s1.scalar(select(Counter.value).where(Counter.name == "list")) == \
                s2.scalar(select(Counter.value).where(Counter.name == "list"))
    finally:
        ea.dispose()
        eb.dispose()


def test_setwise_placement_and_block_numbers_equal_the_per_item_ones_on_sqlite(tmp_path):
    _compare(f"sqlite:///{tmp_path}/old.db", f"sqlite:///{tmp_path}/new.db")


@pytest.mark.postgres
def test_setwise_placement_and_block_numbers_equal_the_per_item_ones_on_postgres(postgres_server):
    _compare(postgres_server.create_database("setwise_old"), postgres_server.create_database("setwise_new"))


@pytest.mark.postgres
def test_blocks_taken_concurrently_never_overlap_on_postgres(postgres_url):
    engine = make_engine(postgres_url)
    migrate(engine)
    sessions = session_factory(engine)
    got: list[range] = []
    lock = threading.Lock()

    def take(seed: int) -> None:
        rnd = random.Random(seed)
        for _ in range(15):
            with sessions.begin() as s:
                block = next_numbers(s, "list", rnd.randrange(0, 40))
            with lock:
                got.append(block)

    threads = [threading.Thread(target=take, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    engine.dispose()
    taken = sorted(n for block in got for n in block)
    assert taken == list(range(1, len(taken) + 1)) and len(taken) > 100
    assert all(list(block) == list(range(block.start, block.stop)) for block in got)


def test_numbering_leaves_the_search_index_alone_and_a_number_is_still_found(tmp_path):
    """Migration 0010: the FTS5 index holds the registration number, not the list number, so numbering rewrites
    no index row (it re-tokenised every letter); a search that is a list number finds the item by the column, and
    a registry filed before 0010 has its index rebuilt so that it answers the same."""
    from alembic import command
    from sqlalchemy import text

    from pipeline.inbox import InboxQuery, inbox_page
    from pipeline.registry.db import alembic_config

    url = f"sqlite:///{tmp_path}/r.db"
    engine = make_engine(url)
    with engine.begin() as conn:  # a registry as it was before 0010, with items in it
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0009")
    sessions = session_factory(engine)
    with sessions.begin() as s:
        meeting = add_meeting(s, PROFILE, date(2025, 4, 15))
        items = [make_item(s, received_at=utc(2025, 3, 1 + n), subject=f"Zebrapad {n}") for n in range(3)]
        for item in items:
            item.meeting_id = meeting.id
        assign_numbers(s, meeting, PROFILE, items[:1])
    migrate(engine)
    with sessions.begin() as s:
        meeting = s.get(Meeting, meeting.id)
        items = [s.get(Item, i.id) for i in items]
        indexed = dict(s.execute(text("SELECT rowid, numbers FROM items_fts")).all())
        assert indexed == {i.id: i.registration_number for i in items}  # rebuilt: no list number of before 0010
        changes = s.execute(text("SELECT total_changes()")).scalar()
        assign_numbers(s, meeting, PROFILE, items)
        s.flush()
        assert s.execute(text("SELECT total_changes()")).scalar() - changes == 3  # the counter and two items
        for item in items:
            found = inbox_page(s, InboxQuery(q=str(item.list_number))).items
            assert item.id in [i.id for i in found]
        assert [i.id for i in inbox_page(s, InboxQuery(q="zebrapad")).items] != []
        assert {i.id for i in inbox_page(s, InboxQuery(q=items[2].registration_number)).items} == {items[2].id}
