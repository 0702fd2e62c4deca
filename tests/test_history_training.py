"""griffiepost train takes the council's own decisions from its imported history, and says how many apart."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.history.sample_generate import DEFAULT_OUT

BASE = DEFAULT_OUT / "sittard-geleen"


def test_train_adds_history_rows_with_mail_text_and_reports_them_apart(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GRIFFIEPOST_PROFILE", "sittard-geleen")
    db = f"sqlite:///{tmp_path}/registry.db"
    lists = sorted((BASE / "lists").iterdir())[:8]
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "history", "import", *map(str, lists)]).exit_code == 0
    assert runner.invoke(main, ["--db", db, "history", "match", str(BASE / "mailbox.mbox")]).exit_code == 0

    from pipeline.app import App
    from pipeline.history.training_rows import history_rows
    from tests.conftest import sample_settings

    app = App.open(sample_settings(tmp_path, "sittard-geleen"))
    with app.sessions() as s:
        rows = history_rows(s, "sittard-geleen")
        assert history_rows(s, "nieuwkoop") == []  # another council's history is not this one's practice
    app.close()
    truth = json.loads((BASE / "truth.json").read_text(encoding="utf-8"))["entries"]
    imported = [e for e in truth if e["meeting"] <= lists[-1].name[6:16]]
    assert len(rows) == len(imported)
    with_mail = [r for r in rows if "Geachte leden van de raad" in r["text"]]
    assert len(with_mail) >= 0.8 * len(rows)  # paired entries train on the letter, the rest on their subject
    assert {r["handling"] for r in rows} <= {e["handling"] for e in imported}

    out = runner.invoke(main, ["--db", db, "train", "--field", "handling", "--epochs", "1",
                               "--models-dir", str(tmp_path / "models"), "--json"])
    assert out.exit_code == 0, out.output
    summary = json.loads(out.output[out.output.index("{"):])
    assert summary["history_rows"] == len(rows)
    handling = summary["fields"]["handling"]
    assert handling["weighted_examples"] >= handling["examples"] + 2 * len(rows)  # weighted like reviewed items
    assert (tmp_path / "models" / "handling" / "meta.json").is_file()
