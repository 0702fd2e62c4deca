"""Issue 16 acceptance: `griffiepost show --json` of every sample item is what it was at 99f9f3c (recorded in
tests/data/truth/show_before.json by tests/truth_fixtures.py), apart from the new provenance fields and the
changes made on purpose since, each on record with its reason in tests/data/truth/show_changes.json (a retrained
model, a new convention: `python -m tests.truth_fixtures --changes "<why>"`)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main

BEFORE = Path(__file__).resolve().parent / "data" / "truth" / "show_before.json"
CHANGES = BEFORE.with_name("show_changes.json")
NEW_KEYS = ("provenance", "rule_hits")


def _config(app, tmp_path) -> str:
    cfg = tmp_path / "config.toml"
    reg = app.settings.registry
    cfg.write_text(f'[registry]\nurl = "{reg.url}"\ndata_dir = "{reg.data_dir}"\n[profile]\nname = "generiek"\n',
                   encoding="utf-8")
    return str(cfg)


def shown(cfg: str, number: str) -> dict:
    r = CliRunner().invoke(main, ["--config", cfg, "show", "--json", number], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def test_show_json_of_every_sample_item_is_unchanged_but_for_provenance(sample_app, tmp_path):
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    changes = json.loads(CHANGES.read_text(encoding="utf-8"))
    assert changes["why"] and set(changes["items"]) <= set(before)  # every recorded change says why
    cfg = _config(sample_app, tmp_path)
    assert len(before) == 50
    for number, old in before.items():
        new = shown(cfg, number)
        assert {k: v for k, v in new.items() if k not in NEW_KEYS} == {**old, **changes["items"].get(number, {})}, \
            number
        assert new["rule_hits"] is not None and all(p["source"] for p in new["provenance"].values()), number
