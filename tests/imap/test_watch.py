"""`griffiepost watch` as a real process: IDLE files new mail at once, survives a Dovecot restart, stops cleanly.

One watch process serves both scenarios: loading the rules and models takes seconds and is paid once."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import time

import pytest

from pipeline.app import App
from pipeline.records import Locator
from tests.imap.support import (
    account_for, filed_shas, imap_state, mail, settings_for, start_cli, wait_for, write_config,
)

pytestmark = pytest.mark.dovecot


def stop_cleanly(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return out + err


def shas_in(client, folder: str) -> list[str]:
    client.select_folder(folder)
    uids = client.search("ALL")
    data = client.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
    return [hashlib.sha256(data[u][b"BODY[]"]).hexdigest() for u in uids]


def test_watch_files_new_mail_at_once_and_reconnects_after_a_dovecot_restart(restartable_dovecot, tmp_path):
    server = restartable_dovecot
    account = account_for(server, "INBOX", "Verwerkt")
    settings = settings_for(tmp_path, account, poll_interval_s=120.0, backoff_max_s=2.0, timeout_s=5.0)
    config = write_config(tmp_path / "config.toml", settings)
    app = App.open(settings)
    proc = start_cli(config, "watch")
    output = ""
    try:
        first_poll = wait_for(lambda: (s := imap_state(app.sessions, "griffie", "INBOX")) and s.last_poll_at, 90,
                              what="the first poll of watch")

        # 1. a message APPENDed from another connection is filed without waiting for the 120 s poll
        other = server.client("griffie", "geheim")
        started = time.monotonic()
        other.append("INBOX", mail("Petitie speeltuin Molenwijk"))
        wait_for(lambda: len(filed_shas(app.sessions)) == 1, 30, what="the appended message to be filed")
        latency = time.monotonic() - started
        assert latency < 10, f"filed after {latency:.1f} s; the poll interval is 120 s"
        assert shas_in(other, "INBOX") == []
        assert filed_shas(app.sessions) == set(shas_in(other, "Verwerkt"))
        other.logout()

        # 2. the server goes away; mail arrives meanwhile; the server comes back
        server.stop()
        wait_for(lambda: imap_state(app.sessions, "griffie", "INBOX").last_error, 20,
                 what="watch to notice the server is gone")
        server.deliver("griffie", mail("Brief terwijl de server uit stond"))
        time.sleep(1.5)  # watch fails to reconnect at least once more meanwhile
        assert len(filed_shas(app.sessions)) == 1
        server.start()
        wait_for(lambda: len(filed_shas(app.sessions)) == 2, 40, what="the message delivered meanwhile to be filed")
        state = imap_state(app.sessions, "griffie", "INBOX")
        assert state.last_poll_at > first_poll
        assert "niet bereikbaar" in state.last_error or "onderbroken" in state.last_error
        c = server.client("griffie", "geheim")
        assert shas_in(c, "INBOX") == []
        assert set(shas_in(c, "Verwerkt")) == filed_shas(app.sessions)
        c.logout()
    finally:
        if proc.poll() is None:
            output = stop_cleanly(proc)
    assert "weer verbonden" in output and "Gestopt." in output


def test_watch_picks_up_a_queued_retry_without_new_mail(dovecot, tmp_path):
    """The web's retry button only queues a message: watch files it within a poll interval, no new mail needed."""
    account = account_for(dovecot, "INBOX", "Verwerkt")
    settings = settings_for(tmp_path, account, poll_interval_s=2.0, timeout_s=5.0)
    config = write_config(tmp_path / "config.toml", settings)
    app = App.open(settings)
    proc = start_cli(config, "watch", "--no-idle")
    try:
        wait_for(lambda: (s := imap_state(app.sessions, "griffie", "INBOX")) and s.last_poll_at, 90,
                 what="the first poll of watch")
        raw = mail("Verzoek om een bankje bij de bushalte")
        app.intake.accept(raw, Locator("file", str(tmp_path / "verzoek.eml")), actor="web")  # as a requeue leaves it
        wait_for(lambda: hashlib.sha256(raw).hexdigest() in filed_shas(app.sessions), 30,
                 what="the queued message to be filed by watch")
    finally:
        stop_cleanly(proc)
        app.close()
