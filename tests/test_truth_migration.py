"""Issue 16, migration 0007 on a registry made by 99f9f3c (tests/data/truth/registry_0006.db, built by
tests/truth_fixtures.py): decisions get their best recoverable source, persons keep their user, and `show --json`
of every item is what it was before the migration apart from the new provenance fields."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from click.testing import CliRunner
from sqlalchemy import select, text

from pipeline.app import App
from pipeline.cli import main
from pipeline.registry.db import alembic_config
from pipeline.registry.models import Decision, Item
from pipeline.registry.truth import latest
from tests.conftest import sample_settings

DATA = Path(__file__).resolve().parent / "data" / "truth"
NEW_KEYS = ("provenance", "rule_hits")
OLD_SOURCES = ("pipeline", "assistant", "griffier")


@pytest.fixture
def migrated(tmp_path):
    shutil.copy(DATA / "registry_0006.db", tmp_path / "registry.db")
    with sqlite3.connect(tmp_path / "registry.db") as con:
        assert con.execute("select version_num from alembic_version").fetchone() == ("0006",)
    app = App.open(sample_settings(tmp_path))  # migrates to the newest revision
    yield app, tmp_path
    app.close()


def test_migration_gives_every_old_decision_its_source(migrated):
    app, _ = migrated
    with app.sessions() as s:
        assert not s.scalars(select(Decision).where(Decision.source.in_(OLD_SOURCES))).all()
        vng = latest(s.get(Item, 1))  # confirmed by anna
        assert {d.source for d in vng.values()} == {"person:anna"}
        first = s.scalars(select(Decision).where(Decision.item_id == 1).order_by(Decision.id)).all()[:6]
        by = {d.field: d for d in first}
        assert by["sender_kind"].source == "rule:onbekend"
        assert by["sender_kind"].reasons == ["Afzender bekend: vng.nl → VNG (overheid)"]
        assert by["document_kind"].reasons == ["Onderwerp 'Ledenbrief': rondzendbrief"]
        assert by["topic"].source == "model:topic@topic-2026.11.28-007556 0.11"
        assert by["on_list"].source == "default:geen regel houdt het eraf"
        provincie = latest(s.get(Item, 5))
        assert provincie["document_kind"].source == "model:document_kind@document_kind-2026.11.28-f69d80 0.69"
        assert provincie["document_kind"].reasons[0].startswith("Soort document brief (0.69) door:")
        corrected = latest(s.get(Item, 2))  # corrected by bram
        for field in ("handling", "topic", "sender_organisation", "committee"):
            assert corrected[field].source == "person:bram" and corrected[field].actor == "bram"
        assert corrected["sender_kind"].source == "rule:onbekend"
        # the stored analysis is the item as filed again: no review line in its reasons
        assert not [r for r in s.get(Item, 2).analysis["reasons"] if r.startswith("Gecorrigeerd")]


def test_show_json_after_the_migration_is_what_it_was_before(migrated):
    app, tmp = migrated
    cfg = tmp / "config.toml"
    cfg.write_text(f'[registry]\nurl = "{app.settings.registry.url}"\ndata_dir = "{tmp}"\n'
                   '[profile]\nname = "generiek"\n', encoding="utf-8")
    before = json.loads((DATA / "registry_0006_show.json").read_text(encoding="utf-8"))
    assert len(before) == 6
    for number, old in before.items():
        r = CliRunner().invoke(main, ["--config", str(cfg), "show", "--json", number], catch_exceptions=False)
        new = json.loads(r.output)
        assert {k: v for k, v in new.items() if k not in NEW_KEYS} == old, number
        assert new["rule_hits"] is None  # not recoverable for items filed before 0007
    assert new["provenance"]["subject"]["source"] is None  # analysed fields had no decision before 0007


def test_downgrade_to_0006_gives_back_the_old_words(migrated):
    app, _ = migrated
    with app.engine.begin() as conn:
        cfg = alembic_config(app.engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        sources = {row[0] for row in conn.execute(text("select distinct source from decisions"))}
        columns = {row[1] for row in conn.execute(text("pragma table_info(items)"))}
    assert sources == {"pipeline", "assistant"}
    assert "rule_hits" in columns  # kept on SQLite: dropping it would rebuild items and cascade to its decisions
