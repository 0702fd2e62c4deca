"""`griffiepost watch` as a real process: IDLE files new mail at once, survives a Dovecot restart, stops cleanly."""

from __future__ import annotations

import hashlib
import signal
import subprocess
import time

import pytest

from pipeline.app import App
from tests.imap.support import (
    account_for, filed_shas, imap_state, mail, settings_for, start_cli, wait_for, write_config,
)

pytestmark = pytest.mark.dovecot


def stop_cleanly(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=15)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    return out + err


def sha_on_server(imap, folder: str, uid: int) -> str:
    imap.select_folder(folder)
    return hashlib.sha256(imap.fetch([uid], ["BODY.PEEK[]"])[uid][b"BODY[]"]).hexdigest()


def test_watch_files_an_appended_message_long_before_the_poll_interval(dovecot, imap, folders, tmp_path):
    inbox, done = folders
    settings = settings_for(tmp_path, account_for(dovecot, inbox, done), poll_interval_s=120.0)
    config = write_config(tmp_path / "config.toml", settings)
    app = App.open(settings)
    proc = start_cli(config, "watch")
    try:
        wait_for(lambda: (s := imap_state(app.sessions, "griffie", inbox)) and s.last_poll_at, 60,
                 what="the first poll of watch")
        started = time.monotonic()
        imap.append(inbox, mail("Petitie speeltuin Molenwijk"))  # from another connection
        wait_for(lambda: len(filed_shas(app.sessions)) == 1, 30, what="the appended message to be filed")
        latency = time.monotonic() - started
        assert latency < 15, f"filed after {latency:.1f} s; the poll interval is 120 s"
        imap.select_folder(done)
        moved = imap.search("ALL")
        assert len(moved) == 1
        assert filed_shas(app.sessions) == {sha_on_server(imap, done, moved[0])}
    finally:
        if proc.poll() is None:
            output = stop_cleanly(proc)
            assert "Gestopt." in output


def test_watch_reconnects_after_dovecot_restart_and_files_what_arrived(restartable_dovecot, tmp_path):
    server = restartable_dovecot
    account = account_for(server, "INBOX", "Verwerkt")
    settings = settings_for(tmp_path, account, poll_interval_s=120.0, backoff_max_s=2.0, timeout_s=5.0)
    config = write_config(tmp_path / "config.toml", settings)
    app = App.open(settings)
    proc = start_cli(config, "watch")
    try:
        first_poll = wait_for(lambda: (s := imap_state(app.sessions, "griffie", "INBOX")) and s.last_poll_at, 60,
                              what="the first poll of watch")
        server.stop()
        wait_for(lambda: imap_state(app.sessions, "griffie", "INBOX").last_error, 20,
                 what="watch to notice the server is gone")
        server.deliver("griffie", mail("Brief terwijl de server uit stond"))  # arrives while the server is down
        time.sleep(1.5)  # let watch fail to reconnect at least once more
        assert filed_shas(app.sessions) == set()
        server.start()
        wait_for(lambda: len(filed_shas(app.sessions)) == 1, 40, what="the message delivered meanwhile to be filed")
        state = imap_state(app.sessions, "griffie", "INBOX")
        assert state.last_poll_at > first_poll
        assert "niet bereikbaar" in state.last_error or "onderbroken" in state.last_error
        c = server.client("griffie", "geheim")
        c.select_folder("INBOX")
        assert c.search("ALL") == []
        c.select_folder("Verwerkt")
        assert len(c.search("ALL")) == 1
        c.logout()
    finally:
        if proc.poll() is None:
            output = stop_cleanly(proc)
            assert "weer verbonden" in output
