"""Build the issue-16 fixtures: what `show --json` printed and what a registry looked like before one truth.

Run once with the code at 99f9f3c (the last commit before issue 16 part A) and commit the output:

    PYTHONPATH=$PWD python -m tests.truth_fixtures

It writes, under tests/data/truth/:
- show_before.json: `griffiepost show --json` of every item of the whole sample mailbox, by registration number;
- registry_0006.db: a small SQLite registry at schema 0006 (the first sample messages filed, one item confirmed
  and one corrected by a person), which tests/test_truth_migration.py migrates to 0007;
- registry_0006_show.json: `show --json` of every item of that small registry, read before migration.
Re-running it with later code would record later behaviour; the files are a photograph of 99f9f3c.

A later change that is meant to change what `show --json` prints (a retrained model, a new convention) is recorded
apart, never by re-taking the photograph:

    PYTHONPATH=$PWD python -m tests.truth_fixtures --changes "<commit>: <why>"

writes show_changes.json: per item, the fields whose value now differs from show_before.json, with the reasons
given so far. tests/test_truth_show.py checks that before + changes is exactly what is shown now, so any other
difference still fails, and every intended one is on record and reviewed in the diff.
"""

from __future__ import annotations

import json
import shutil
import sys
import sqlite3
import tempfile
from pathlib import Path

from click.testing import CliRunner

from pipeline.app import App
from pipeline.cli import main
from pipeline.config import load_settings
from pipeline.review import confirm, correct
from pipeline.rules import load_profile

ROOT = Path(__file__).resolve().parent.parent
MAILBOX = ROOT / "pipeline" / "sample" / "mailbox"
OUT = ROOT / "tests" / "data" / "truth"
SMALL = 6  # messages in the small registry: enough for a rule, a knowledge entry, the models and a person


def _config(tmp: Path) -> Path:
    cfg = tmp / "config.toml"
    cfg.write_text(f'[registry]\nurl = "sqlite:///{tmp}/registry.db"\ndata_dir = "{tmp}"\n'
                   '[profile]\nname = "generiek"\n', encoding="utf-8")
    return cfg


def _cli(cfg: Path, *args: str) -> str:
    r = CliRunner().invoke(main, ["--config", str(cfg), *args], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    return r.output


def show_all(cfg: Path) -> dict[str, dict]:
    """`show --json` of every item, by registration number (each one through the real command)."""
    numbers = [row["registration_number"] for row in json.loads(_cli(cfg, "items", "--json"))]
    return {n: json.loads(_cli(cfg, "show", "--json", n)) for n in numbers}


def whole_mailbox(tmp: Path) -> dict[str, dict]:
    cfg = _config(tmp)
    _cli(cfg, "ingest", str(MAILBOX))
    return show_all(cfg)


def small_registry(tmp: Path) -> tuple[Path, dict[str, dict]]:
    box = tmp / "box"
    box.mkdir()
    for p in sorted(MAILBOX.glob("*.eml"))[:SMALL]:
        shutil.copy(p, box / p.name)
    cfg = _config(tmp)
    _cli(cfg, "ingest", str(box))
    # A person confirms one item and corrects another (several fields, the organisation among them).
    app = App.open(load_settings(str(cfg)))
    profile = load_profile(app.settings.rules_dir, app.settings.profile.name)
    with app.sessions.begin() as s:
        confirm(s, 1, "anna")
        correct(s, 2, "bram", profile=profile, note="Hoort bij het sociaal domein.", handling_code="college_advies",
                topic_code="c_d0463fb7", sender_organisation="Ministerie van SZW")
    app.close()
    db = tmp / "copy.db"
    src, dst = sqlite3.connect(tmp / "registry.db"), sqlite3.connect(db)
    src.backup(dst)  # one self-contained file, whatever the WAL holds
    dst.execute("PRAGMA journal_mode=DELETE")
    src.close()
    dst.close()
    return db, show_all(cfg)


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main_() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as a:
        _write(OUT / "show_before.json", whole_mailbox(Path(a)))
    with tempfile.TemporaryDirectory() as b:
        db, shown = small_registry(Path(b))
        shutil.copy(db, OUT / "registry_0006.db")
        _write(OUT / "registry_0006_show.json", shown)


NEW_KEYS = ("provenance", "rule_hits")  # fields added by issue 16 itself, not in the photograph


def record_changes(why: str) -> None:
    """Record how `show --json` of the whole mailbox now differs from the photograph (see the module text)."""
    before = json.loads((OUT / "show_before.json").read_text(encoding="utf-8"))
    path = OUT / "show_changes.json"
    old = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {"why": [], "items": {}}
    with tempfile.TemporaryDirectory() as a:
        now = whole_mailbox(Path(a))
    items = {}
    for number, was in before.items():
        diff = {k: v for k, v in now[number].items() if k not in NEW_KEYS and was.get(k) != v}
        if diff:
            items[number] = diff
    _write(path, {"why": [*old["why"], why], "items": items})


if __name__ == "__main__":
    if sys.argv[1:2] == ["--changes"] and len(sys.argv) == 3:
        record_changes(sys.argv[2])
    else:
        main_()
