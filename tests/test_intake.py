"""Intake and sources: bytes kept durably, one message per content, every file format of mailbox."""

from __future__ import annotations

import mailbox

from sqlalchemy import func, select

from pipeline.intake import Intake
from pipeline.rawstore import RawStore, sha256_hex
from pipeline.records import Locator
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.models import AuditEntry, Message, MessageLocator
from pipeline.sources.files import iter_path
from tests.helpers import make_mail


def _intake(tmp_path, max_bytes=10_000_000):
    engine = make_engine(f"sqlite:///{tmp_path}/r.db")
    migrate(engine)
    sessions = session_factory(engine)
    return Intake(sessions, RawStore(tmp_path / "raw"), max_bytes), sessions


def test_same_bytes_twice_is_one_message_with_two_locators(tmp_path):
    intake, sessions = _intake(tmp_path)
    raw = make_mail(subject="Eén keer")
    a = intake.accept(raw, Locator("file", "/a.eml"))
    b = intake.accept(raw, Locator("file", "/b.eml"))
    c = intake.accept(raw, Locator("file", "/b.eml"))
    assert not a.duplicate and b.duplicate and c.duplicate and a.message_id == b.message_id == c.message_id
    with sessions() as s:
        assert s.scalar(select(func.count(Message.id))) == 1
        assert s.scalar(select(func.count(MessageLocator.id))) == 2
        m = s.get(Message, a.message_id)
        assert m.sha256 == sha256_hex(raw) and m.subject == "Eén keer" and m.state == "received"
        assert s.scalar(select(func.count(AuditEntry.id)).where(AuditEntry.action == "message_received")) == 1
    assert intake.store.get(a.sha256) == raw


def test_oversized_message_is_kept_and_quarantined(tmp_path):
    intake, sessions = _intake(tmp_path, max_bytes=1000)
    raw = make_mail(body="x" * 5000)
    acc = intake.accept(raw, Locator("file", "/big.eml"))
    with sessions() as s:
        m = s.get(Message, acc.message_id)
        assert m.state == "quarantined" and "te groot" in m.last_error
    assert intake.store.has(acc.sha256)


def test_raw_store_is_content_addressed_and_leaves_no_temp_files(tmp_path):
    store = RawStore(tmp_path)
    d = store.put(b"abc")
    assert d == sha256_hex(b"abc") and store.put(b"abc") == d
    assert store.path_for(d).read_bytes() == b"abc"
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{d}.eml"]


def test_sources_eml_dir_maildir_and_mbox(tmp_path):
    mails = [make_mail(subject=f"Bericht {n}") for n in range(3)]
    d = tmp_path / "dir"
    d.mkdir()
    for n, m in enumerate(mails):
        (d / f"{n}.eml").write_bytes(m)
    (d / "notes.txt").write_text("geen bericht")
    assert [r.data for r in iter_path(d)] == mails

    md = mailbox.Maildir(str(tmp_path / "Maildir"), create=True)
    for m in mails:
        md.add(m)
    got = list(iter_path(tmp_path / "Maildir"))
    assert sorted(r.data for r in got) == sorted(mails) and {r.locator.source for r in got} == {"maildir"}

    mb = mailbox.mbox(str(tmp_path / "box.mbox"))
    for m in mails:
        mb.add(m)
    mb.flush()
    got = list(iter_path(tmp_path / "box.mbox"))
    assert [r.locator.ref.split("#")[1] for r in got] == ["0", "1", "2"]
    assert [r.data.split(b"Subject: ")[1][:9] for r in got] == [b"Bericht 0", b"Bericht 1", b"Bericht 2"]
