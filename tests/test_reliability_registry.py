"""Issue 15, points 2, 4 and 8: database errors without personal data, a busy database waited for,
retry keeps the size limit, the ingest summary counts every quarantined message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.config import IntakeSettings, RegistrySettings
from pipeline.records import Locator
from pipeline.registry.models import Message
from tests.conftest import sample_settings
from tests.helpers import make_mail

ROOT = Path(__file__).resolve().parent.parent
PRIVATE = ("Wilhelmina Verschuren-Oudshoorn", "w.verschuren@voorbeeld.nl", "Klacht over mijn buurman Pietersen")


def cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=dict(os.environ, **(env or {})))


def _private_mail() -> bytes:
    return make_mail(subject=PRIVATE[2], sender=f"{PRIVATE[0]} <{PRIVATE[1]}>",
                     body="Geachte raad,\n\nMijn buurman Pietersen maakt elke nacht lawaai.\n")


def test_read_only_registry_error_is_one_dutch_sentence_without_sql_or_letter_text(tmp_path):
    ready = cli("--db", f"sqlite:///{tmp_path}/registry.db", "messages")
    assert ready.returncode == 0, ready.stderr
    mail = tmp_path / "brief.eml"
    mail.write_bytes(_private_mail())
    read_only = f"sqlite:///file:{tmp_path}/registry.db?mode=ro&uri=true"
    out = cli("--db", read_only, "ingest", str(mail), env={"GRIFFIEPOST_DATA_DIR": str(tmp_path / "data")})
    assert out.returncode != 0
    err = out.stderr.strip()
    assert len(err.splitlines()) == 1, err
    for secret in (*PRIVATE, "Pietersen", "INSERT", "SELECT", "[SQL", "parameters", "sqlalche.me"):
        assert secret not in err, err
    assert err.startswith("Fout: ") and "database" in err and "alleen" in err, err


def test_engine_hides_parameters():
    from pipeline.registry.db import make_engine

    assert make_engine("sqlite://").hide_parameters


def _lock_for(db_path: Path, seconds: float, started: threading.Event) -> threading.Thread:
    def hold() -> None:
        con = sqlite3.connect(db_path, timeout=30)
        con.execute("BEGIN EXCLUSIVE")
        started.set()
        time.sleep(seconds)
        con.rollback()
        con.close()

    t = threading.Thread(target=hold)
    t.start()
    return t


def test_a_busy_database_during_processing_is_waited_for_not_fatal(tmp_path):
    settings = sample_settings(tmp_path)
    settings = replace(settings, registry=replace(settings.registry, busy_timeout_s=0.2))
    app = App.open(settings)
    for n in range(4):
        app.intake.accept(make_mail(subject=f"Verzoek {n}", body=f"Geachte raad,\n\nVerzoek nummer {n}.\n"),
                          Locator("file", f"/m{n}.eml"))
    _ = app.worker.pipeline  # rules and models loaded before the lock, so the lock hits the messages
    started = threading.Event()
    holder = _lock_for(tmp_path / "registry.db", 2.5, started)
    started.wait(5)
    try:
        summary = app.process_pending()
    finally:
        holder.join()
    assert summary.filed + summary.ignored == 4 and summary.quarantined == 0
    with app.sessions() as s:
        assert {m.state for m in s.scalars(select(Message))} <= {"filed", "ignored"}


def test_retry_keeps_the_size_limit_and_unknown_ids_fail(tmp_path):
    db = f"sqlite:///{tmp_path}/registry.db"
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[registry]\ndata_dir = "{tmp_path}/data"\n[intake]\nmax_message_bytes = 100000\n',
                   encoding="utf-8")
    big = tmp_path / "groot.eml"
    big.write_bytes(make_mail(subject="Groot", body="Geachte raad,\n\n" + "bijlage " * 40_000))
    first = cli("--config", str(cfg), "--db", db, "ingest", str(big))
    assert first.returncode == 0 and "1 in quarantaine" in first.stdout, first.stdout + first.stderr
    again = cli("--config", str(cfg), "--db", db, "retry")
    assert again.returncode == 0, again.stderr
    app = App.open(replace(sample_settings(tmp_path), registry=RegistrySettings(url=db, data_dir=f"{tmp_path}/data"),
                           intake=IntakeSettings(max_message_bytes=100_000)))
    with app.sessions() as s:
        [m] = s.scalars(select(Message)).all()
        assert m.state == "quarantined" and "te groot" in m.last_error and m.item is None
    unknown = cli("--config", str(cfg), "--db", db, "retry", "999")
    assert unknown.returncode != 0 and "999" in unknown.stderr and "Traceback" not in unknown.stderr


def test_ingest_summary_counts_messages_quarantined_at_intake(tmp_path):
    box = tmp_path / "in"
    box.mkdir()
    (box / "groot.eml").write_bytes(make_mail(subject="Groot", body="x" * 300_000))
    (box / "leeg.eml").write_bytes(b"\r\n\r\nalleen tekst")
    (box / "goed.eml").write_bytes(make_mail(subject="Bankje", body="Geachte raad,\n\nGraag een bankje.\n"))
    settings = replace(sample_settings(tmp_path), intake=IntakeSettings(max_message_bytes=100_000))
    counts = ingest_paths(App.open(settings), [box], show_progress=False)
    assert counts["quarantined"] == 2 and counts["ingested"] == 3


def test_too_large_reason_uses_one_unit():
    from pipeline.intake import too_large_reason

    text = too_large_reason(85_000_000, 50_000_000)
    assert "85,0 MB" in text and "50,0 MB" in text


def test_intake_keeps_a_message_whose_subject_is_a_broken_encoded_word(tmp_path):
    """Found by fuzzing: '=??B?000000000?=' made intake raise HeaderParseError, so the row was never written."""
    app = App.open(sample_settings(tmp_path))
    raw = b"Subject: =??B?000000000?=\r\nFrom: =?utf-8?b?w6l?= <a@b.nl>\r\n\r\nGeachte raad,\r\n"
    accepted = app.intake.accept(raw, Locator("file", "/kapot.eml"))
    with app.sessions() as s:
        assert s.get(Message, accepted.message_id).subject == "=??B?000000000?="
