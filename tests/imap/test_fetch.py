"""`fetch` against a real Dovecot: filed once, moved after the commit, resync by identity, search and filters."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
import pytest
from click.testing import CliRunner

from pipeline.app import App
from pipeline.cli.base import main
from pipeline.records import Locator
from pipeline.sources.imap import fetch_account, move_by_copy
from tests.imap.support import (
    ROOT, account_for, counts, filed_shas, imap_state, mail, message_states, server_actions, settings_for,
    write_config,
)

pytestmark = pytest.mark.dovecot


def sample_messages(limit: int = 6) -> list[bytes]:
    """The seed letter in its shapes plus a batch of the sample mailbox (when it has been generated). The scanned
    shape is left out: OCR costs seconds per page and is proven by the extract tests, not by IMAP."""
    seed = [f for f in sorted((ROOT / "tests/data/seed").glob("*.eml")) if "scanned" not in f.name]
    files = seed + sorted((ROOT / "pipeline/sample/mailbox").glob("*.eml"))[: max(0, limit - len(seed))]
    found = [f.read_bytes() for f in files]
    return found + [mail(f"Verzoek om informatie {i}") for i in range(max(0, 3 - len(found)))]


def fetched_shas(imap, folder: str) -> list[str]:
    imap.select_folder(folder)
    uids = imap.search("ALL")
    data = imap.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
    return [hashlib.sha256(data[u][b"BODY[]"]).hexdigest() for u in uids]


def test_fetch_files_everything_moves_it_and_a_second_fetch_takes_nothing(dovecot, imap, folders, tmp_path):
    inbox, done = folders
    messages = sample_messages()
    for raw in messages:
        imap.append(inbox, raw)
    server_shas = fetched_shas(imap, inbox)  # Dovecot stores CRLF: the identity is of the fetched bytes
    settings = settings_for(tmp_path, account_for(dovecot, inbox, done))
    config = write_config(tmp_path / "config.toml", settings)
    runner = CliRunner()

    first = runner.invoke(main, ["--config", str(config), "fetch"], catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert f"{len(messages)} nieuw opgehaald" in first.output
    app = App.open(settings)
    c = counts(app.sessions)
    assert c["messages"] == len(messages) and c["received"] == 0
    assert filed_shas(app.sessions) == set(server_shas), message_states(app.sessions)
    assert fetched_shas(imap, inbox) == []
    assert sorted(fetched_shas(imap, done)) == sorted(server_shas)
    assert set(server_actions(app.sessions).values()) == {"moved"}

    second = runner.invoke(main, ["--config", str(config), "fetch"], catch_exceptions=False)
    assert second.exit_code == 0, second.output
    assert "0 nieuw opgehaald" in second.output
    assert counts(app.sessions) == c

    shown = runner.invoke(main, ["--config", str(config), "status", "--json"], catch_exceptions=False)
    assert '"backlog": 0' in shown.output and '"last_error": null' in shown.output
    assert imap_state(app.sessions, "griffie", inbox).last_poll_at is not None


def test_new_uidvalidity_resyncs_by_identity_without_duplicates(dovecot, imap, folders, tmp_path):
    inbox, done = folders
    raws = [mail(f"Motie vreemd aan de orde {i}") for i in range(3)]
    for raw in raws:
        imap.append(inbox, raw)
    account = account_for(dovecot, inbox, done, after_filing="none")
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    first = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert first.errors == [] and first.results[0].new == 3
    old_validity = imap_state(app.sessions, "griffie", inbox).uidvalidity

    imap.select_folder("INBOX")
    imap.delete_folder(inbox)
    imap.create_folder(inbox)
    for raw in raws:
        imap.append(inbox, raw)
    again = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert again.errors == []
    r = again.results[0]
    assert (r.resynced, r.new, r.duplicates) == (True, 0, 3)
    assert imap_state(app.sessions, "griffie", inbox).uidvalidity != old_validity
    c = counts(app.sessions)
    assert c["messages"] == 3 and c["locators"] == 6  # each message seen in two places, kept once
    assert len(fetched_shas(imap, inbox)) == 3  # after_filing = none leaves the mail where it is


def test_keyword_mode_filters_and_since(dovecot, imap, folders, tmp_path):
    inbox, done = folders
    old = datetime(2020, 1, 10, tzinfo=timezone.utc)
    imap.append(inbox, mail("Uitnodiging cafe\u0301avond", sender="Wijkraad <wr@example.nl>"), msg_time=old)
    imap.append(inbox, mail("Uitnodiging CAFÉAVOND nieuw", sender="Wijkraad <wr@example.nl>"))
    imap.append(inbox, mail("Reclame voor zonnepanelen", sender="Verkoop <spam@example.com>"))
    account = account_for(dovecot, inbox, done, after_filing="keyword", only_subject=("caféavond",))
    settings = settings_for(tmp_path, account)
    app = App.open(settings)

    recent = fetch_account(account, settings.imap, app.intake, app.sessions, since=date(2024, 1, 1))
    assert recent.errors == []
    # SINCE leaves the 2020 mail out on the server; the filter (NFKC, case-folded) skips the advertisement
    assert (recent.results[0].found, recent.results[0].new, recent.results[0].skipped) == (2, 1, 1)
    imap.select_folder(inbox)
    flagged = imap.search(["KEYWORD", account.keyword])
    assert len(flagged) == 1

    # a backfill looks below the last UID too; NOT KEYWORD keeps the marked one out of the search
    backfill = fetch_account(account, settings.imap, app.intake, app.sessions, since=date(2019, 1, 1))
    assert (backfill.results[0].found, backfill.results[0].new, backfill.results[0].skipped) == (2, 1, 1)
    assert counts(app.sessions)["messages"] == 2
    assert set(server_actions(app.sessions).values()) == {"keyword"}


def test_crash_leftover_is_found_as_duplicate_and_then_moved(dovecot, imap, folders, tmp_path):
    """GIVEN a message kept in the registry whose server action never happened (a crash in between)
    WHEN fetch runs again THEN it is recognised by identity, not kept twice, and moved after all."""
    inbox, done = folders
    raw = mail("Zienswijze bestemmingsplan Kerkstraat")
    imap.append(inbox, raw)
    imap.select_folder(inbox)
    stored = imap.fetch(imap.search("ALL"), ["BODY.PEEK[]"])
    account = account_for(dovecot, inbox, done)
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    app.intake.accept(next(iter(stored.values()))[b"BODY[]"], Locator("imap", "griffie/elders/1/1"))
    report = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert (report.results[0].new, report.results[0].duplicates) == (0, 1)
    assert fetched_shas(imap, inbox) == [] and len(fetched_shas(imap, done)) == 1
    assert counts(app.sessions)["messages"] == 1


def test_move_by_copy_for_servers_without_move(dovecot, imap, folders):
    inbox, done = folders
    for i in range(3):
        imap.append(inbox, mail(f"Brief {i}"))
    imap.create_folder(done)
    imap.select_folder(inbox)
    uids = imap.search("ALL")
    move_by_copy(imap, uids[:2], done)  # COPY + \Deleted + UID EXPUNGE of exactly these UIDs
    assert imap.search("ALL") == uids[2:]
    assert len(fetched_shas(imap, done)) == 2


def test_missing_folder_is_one_sentence_and_recorded(dovecot, tmp_path):
    account = account_for(dovecot, "BestaatNiet", "Verwerkt")
    settings = settings_for(tmp_path, account)
    app = App.open(settings)
    report = fetch_account(account, settings.imap, app.intake, app.sessions)
    assert report.errors == [f"De map \"BestaatNiet\" bestaat niet in IMAP-account 'griffie' "
                             f"(127.0.0.1:{dovecot.tls_port})."]
    assert imap_state(app.sessions, "griffie", "BestaatNiet").last_error == report.errors[0]


def test_received_is_the_servers_internaldate(dovecot, imap, folders, tmp_path):
    """GIVEN a mail that reached the mailbox on 2 Dec 2025 WHEN fetched a year later THEN it reads 2025."""
    inbox, done = folders
    arrived = datetime(2025, 12, 2, 14, 5, 9, tzinfo=timezone.utc)
    imap.append(inbox, mail("Brief van vorig jaar"), msg_time=arrived)
    settings = settings_for(tmp_path, account_for(dovecot, inbox, done))
    config = write_config(tmp_path / "config.toml", settings)
    assert CliRunner().invoke(main, ["--config", str(config), "fetch"], catch_exceptions=False).exit_code == 0
    app = App.open(settings)
    from pipeline.registry.models import Item, Message
    from sqlalchemy import select

    with app.sessions() as s:
        message = s.scalars(select(Message)).one()
        assert message.received_at == arrived
        item = s.scalars(select(Item)).one_or_none()
        assert item is None or (item.received_at == arrived and item.year == 2025)
    app.close()
