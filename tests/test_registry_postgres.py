"""The same registry code on PostgreSQL: migrations, intake, claims and numbering under concurrency."""

from __future__ import annotations

import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, select

from pipeline.intake import Intake
from pipeline.rawstore import RawStore
from pipeline.records import Locator
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.models import Message, MessageLocator
from pipeline.registry.numbering import next_number
from pipeline.worker import Worker
from tests.helpers import make_mail

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg(postgres_url, tmp_path):
    engine = make_engine(postgres_url)
    migrate(engine)
    migrate(engine)  # idempotent
    yield engine, session_factory(engine), RawStore(tmp_path / "raw")
    engine.dispose()


def test_intake_is_idempotent_and_times_are_utc(pg):
    engine, sessions, store = pg
    intake = Intake(sessions, store, 10_000_000)
    raw = make_mail(subject="Postgres")
    first = intake.accept(raw, Locator("imap", "griffie/INBOX/1/7"))
    again = intake.accept(raw, Locator("imap", "griffie/INBOX/2/1"))
    assert again.duplicate and first.message_id == again.message_id
    with sessions() as s:
        assert s.scalar(select(func.count(Message.id))) == 1
        assert s.scalar(select(func.count(MessageLocator.id))) == 2
        received = s.get(Message, first.message_id).received_at
    assert received.tzinfo is not None and received.utcoffset().total_seconds() == 0
    assert abs((datetime.now(timezone.utc) - received).total_seconds()) < 60


def test_two_workers_never_claim_the_same_message(pg):
    engine, sessions, store = pg
    intake = Intake(sessions, store, 10_000_000)
    ids = [intake.accept(make_mail(subject=f"m{n}"), Locator("file", f"/m{n}")).message_id for n in range(20)]
    workers = [Worker(sessions, store, lambda: None) for _ in range(2)]
    workers[0].me, workers[1].me = "host:1", "host:2"
    won: dict[str, list[int]] = {"host:1": [], "host:2": []}

    def grab(w: Worker) -> None:
        for mid in ids:
            if w.claim(mid):
                won[w.me].append(mid)

    threads = [threading.Thread(target=grab, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(won["host:1"] + won["host:2"]) == ids
    assert not set(won["host:1"]) & set(won["host:2"])


def test_running_numbers_are_unique_under_concurrency(pg):
    engine, sessions, store = pg
    got: list[int] = []
    lock = threading.Lock()

    def take() -> None:
        for _ in range(10):
            with sessions.begin() as s:
                n = next_number(s, "registration-2026")
            with lock:
                got.append(n)

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == list(range(1, 41))
