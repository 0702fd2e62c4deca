"""SIGKILL of a real `griffiepost fetch` in the middle of a batch: after a rerun every message exactly once."""

from __future__ import annotations

import hashlib
import signal

import pytest

from pipeline.app import App
from tests.imap.support import (
    account_for, counts, filed_shas, mail, message_states, run_cli, settings_for, start_cli, wait_for, write_config,
)

pytestmark = pytest.mark.dovecot


def shas_in(imap, folder: str) -> list[str]:
    imap.select_folder(folder)
    uids = imap.search("ALL")
    data = imap.fetch(uids, ["BODY.PEEK[]"]) if uids else {}
    return [hashlib.sha256(data[u][b"BODY[]"]).hexdigest() for u in uids]


def test_sigkill_mid_batch_then_rerun_takes_every_message_exactly_once(dovecot, imap, folders, tmp_path):
    inbox, done = folders
    for i in range(8):
        imap.append(inbox, mail(f"Vraag over de begroting, deel {i}"))
    all_shas = set(shas_in(imap, inbox))
    settings = settings_for(tmp_path, account_for(dovecot, inbox, done), batch_size=3)
    config = write_config(tmp_path / "config.toml", settings)
    app = App.open(settings)

    # the test hook slows the fetch loop after each kept message, so the kill lands inside the second batch
    proc = start_cli(config, "fetch", GRIFFIEPOST_TEST_FETCH_DELAY="0.4")
    try:
        wait_for(lambda: counts(app.sessions)["messages"] >= 4, 60, interval=0.02, what="the second batch")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL

    kept = set(message_states(app.sessions))
    left = set(shas_in(imap, inbox))
    assert kept & left, "the crash should leave a kept message on the server without its server action"
    assert len(shas_in(imap, done)) == 3  # the first batch was moved after its commit

    rerun = run_cli(config, "fetch")
    assert rerun.returncode == 0, rerun.stderr
    c = counts(app.sessions)
    assert c["messages"] == 8 and c["items"] == 8 and c["received"] == 0, message_states(app.sessions)
    assert filed_shas(app.sessions) == all_shas
    assert shas_in(imap, inbox) == []
    moved = shas_in(imap, done)
    assert sorted(moved) == sorted(all_shas)  # each exactly once in the processed folder
