"""`griffiepost history match --imap ACCOUNT/FOLDER` against a real Dovecot: past mail read in place, untouched."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.history.sample_generate import DEFAULT_OUT
from pipeline.sources.files import iter_paths
from tests.imap.support import account_for, settings_for, write_config

pytestmark = pytest.mark.dovecot

BASE = DEFAULT_OUT / "nieuwkoop"


def test_match_reads_an_imap_folder_read_only(dovecot, imap, folders, tmp_path) -> None:
    inbox, done = folders
    first_list = sorted((BASE / "lists").iterdir())[0]  # the list of 15 January 2024
    raws = [r.data for r in iter_paths([BASE / "mailbox.mbox"])][:25]
    for raw in raws:
        imap.append(inbox, raw)
    config = write_config(tmp_path / "config.toml", settings_for(tmp_path, account_for(dovecot, inbox, done)))
    runner = CliRunner()
    r = runner.invoke(main, ["--config", str(config), "history", "import", "--profile", "nieuwkoop", str(first_list)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["--config", str(config), "history", "match", "--imap", f"griffie/{inbox}", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    truth = json.loads((BASE / "truth.json").read_text(encoding="utf-8"))
    listed = {mid for mid, v in truth["mails"].items() if v["entry"] and v["entry"].startswith("2024-01-15/")}
    assert out["pairs"] and {p["message_id"] for p in out["pairs"]} <= listed
    assert all(p["meeting_date"] == date(2024, 1, 15).isoformat() for p in out["pairs"])
    # read-only: every message still there, none marked as read, nothing moved
    imap.select_folder(inbox, readonly=True)
    assert len(imap.search("ALL")) == len(raws)
    assert imap.search("SEEN") == []
    assert done not in [f[2] for f in imap.list_folders()]

    r = runner.invoke(main, ["--config", str(config), "history", "match", "--imap", "onbekend/INBOX"])
    assert r.exit_code != 0 and "Geen IMAP-account 'onbekend'" in str(r.exception or r.output)
