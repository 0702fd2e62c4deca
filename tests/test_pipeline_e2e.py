"""The intake pipeline end to end: sample mailbox, idempotence, crash safety, quarantine, JSON contract."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.rawstore import sha256_hex
from pipeline.registry.models import Item, Message
from tests.conftest import SAMPLE_MAILBOX, sample_settings
from tests.contract import check, check_item
from tests.helpers import make_mail

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FILES = sorted(SAMPLE_MAILBOX.glob("*.eml"))


def cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


def test_sample_mailbox_is_filed_and_a_second_ingest_changes_nothing(sample_app):
    counts = sample_app.ingest_counts
    assert counts["ingested"] == len(SAMPLE_FILES) >= 40 and counts["duplicates"] == 0
    with sample_app.sessions() as s:
        items_before = s.scalar(select(func.count(Item.id)))
        states = dict(s.execute(select(Message.state, func.count()).group_by(Message.state)).all())
    assert states.get("received", 0) == 0
    assert items_before == states.get("filed", 0) + states.get("ignored", 0) >= len(SAMPLE_FILES) - 2
    again = ingest_paths(sample_app, [SAMPLE_MAILBOX], show_progress=False)
    assert again["ingested"] == 0 and again["duplicates"] == len(SAMPLE_FILES) and again["filed"] == 0
    with sample_app.sessions() as s:
        assert s.scalar(select(func.count(Item.id))) == items_before


def test_items_json_follows_the_contract(tmp_path):
    db = f"sqlite:///{tmp_path}/r.db"
    files = [str(p) for p in SAMPLE_FILES[:6]]
    done = cli("--db", db, "ingest", *files)
    assert done.returncode == 0, done.stderr
    assert "nieuw ingelezen" in done.stdout
    out = cli("--db", db, "items", "--json")
    assert out.returncode == 0, out.stderr
    docs = json.loads(out.stdout)
    assert len(docs) >= 5
    for doc in docs:
        assert check_item(doc) == [], doc["registration_number"]
    one = cli("--db", db, "show", docs[0]["registration_number"], "--json")
    assert json.loads(one.stdout)["id"] == docs[0]["id"]
    msgs = json.loads(cli("--db", db, "messages", "--json").stdout)
    assert {m["state"] for m in msgs} <= {"filed", "ignored", "quarantined"} and len(msgs) == 6


def test_classify_json_follows_the_contract_without_a_registry(tmp_path):
    seed = ROOT / "tests" / "data" / "seed" / "seed_direct.eml"
    out = subprocess.run([sys.executable, "-m", "pipeline", "--db", f"sqlite:///{tmp_path}/none.db", "classify",
                          str(seed), "--json"], capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert check(doc) == []
    assert doc["message"]["sha256"] == sha256_hex(seed.read_bytes())
    assert not (tmp_path / "none.db").exists()


def test_broken_message_is_quarantined_with_a_readable_error_and_the_rest_is_filed(tmp_path):
    good = make_mail(subject="Vraag over de bibliotheek", body="Geachte raad,\n\nWanneer gaat de bibliotheek open?\n")
    pdf = b"%PDF-1.4\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 200
    broken = make_mail(subject="Afgekapt", attachments=[("brief.pdf", "application/pdf", pdf)])
    broken = broken[: int(len(broken) * 0.6)]
    box = tmp_path / "in"
    box.mkdir()
    (box / "a_good.eml").write_bytes(good)
    (box / "b_broken.eml").write_bytes(broken)
    app = App.open(sample_settings(tmp_path))
    counts = ingest_paths(app, [box], show_progress=False)
    assert counts["ingested"] == 2 and counts["quarantined"] == 1 and counts["filed"] + counts["ignored"] == 1
    with app.sessions() as s:
        bad = s.scalar(select(Message).where(Message.state == "quarantined"))
        assert bad.sha256 == sha256_hex(broken)
        assert "beschadigd" in bad.last_error and "Traceback" in bad.traceback
    assert app.store.get(sha256_hex(broken)) == broken
    out = cli("--db", f"sqlite:///{tmp_path}/registry.db", "retry")
    assert out.returncode == 0 and "nog in quarantaine" in out.stdout


def test_sigkill_mid_ingest_then_rerun_files_every_message_exactly_once(tmp_path):
    db_path = tmp_path / "registry.db"
    env = dict(os.environ, GRIFFIEPOST_DATA_DIR=str(tmp_path))
    args = [sys.executable, "-m", "pipeline", "--db", f"sqlite:///{db_path}", "ingest", str(SAMPLE_MAILBOX)]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    import sqlite3

    deadline = time.time() + 300
    filed = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.3)
        try:
            with sqlite3.connect(db_path, timeout=1) as conn:
                filed = conn.execute("select count(*) from items").fetchone()[0]
        except sqlite3.Error:
            continue
        if filed >= 3:
            break
    assert proc.poll() is None, "ingest ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 3 <= filed < len(SAMPLE_FILES)
    rerun = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr
    with sqlite3.connect(db_path) as conn:
        shas = [r[0] for r in conn.execute("select sha256 from messages")]
        states = [r[0] for r in conn.execute("select state from messages")]
        item_msgs = [r[0] for r in conn.execute("select message_id from items")]
    expected = sorted(sha256_hex(p.read_bytes()) for p in SAMPLE_FILES)
    assert sorted(shas) == expected  # every message present exactly once
    assert "received" not in states  # none left behind
    assert len(item_msgs) == len(set(item_msgs))  # at most one item per message
    assert len(item_msgs) == states.count("filed") + states.count("ignored")


def test_a_broken_rule_file_stops_the_run_with_one_sentence_and_quarantines_nothing(tmp_path):
    import shutil

    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "senders.toml").write_text((rules / "senders.toml").read_text(encoding="utf-8") + "\n[[sender\n",
                                        encoding="utf-8")
    (tmp_path / "config.toml").write_text(f'[profile]\nrules_dir = "{rules}"\n', encoding="utf-8")
    mail = tmp_path / "brief.eml"
    mail.write_bytes(make_mail(subject="Vraag aan de raad"))
    db = f"sqlite:///{tmp_path}/r.db"
    out = cli("--config", str(tmp_path / "config.toml"), "--db", db, "ingest", str(mail))
    assert out.returncode != 0 and "senders.toml" in out.stderr and "Traceback" not in out.stderr
    msgs = json.loads(cli("--db", db, "messages", "--json").stdout)
    assert [m["state"] for m in msgs] == ["received"]  # kept, waiting for the rules to be mended; not quarantined
