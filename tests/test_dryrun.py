"""`rules check` runs the pipeline `ingest` runs: with a non-default configuration the dry run and the filed item agree."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.base import main
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.config import load_settings
from pipeline.dryrun import dry_run
from pipeline.flow import Pipeline
from pipeline.rawstore import sha256_hex
from pipeline.registry.models import Item, Message
from pipeline.result import outcome_json
from tests.conftest import SAMPLE_MAILBOX
from tests.test_extract_helpers import build_msg
from tests.test_msg_ingest import LETTER, text_pdf

SAMPLES = ("001_vng_ledenbrief.eml", "025_ondernemers_kadernota.eml", "033_klacht_parkeren.eml",
           "049_autoreply_vakantie.eml")


def _config(tmp_path: Path) -> Path:
    """Not the defaults: a strict review threshold, one topic, another profile and tighter extraction limits."""
    path = tmp_path / "config.toml"
    path.write_text(f"""
[registry]
url = "sqlite:///{tmp_path}/registry.db"
data_dir = "{tmp_path}"

[profile]
name = "nieuwkoop"

[models]
review_threshold = 0.97
top_k_topics = 1

[limits]
max_pdf_pages = 20
ocr_max_pages = 5
""", encoding="utf-8")
    return path


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in SAMPLES:
        (inbox / name).write_bytes((SAMPLE_MAILBOX / name).read_bytes())
    (inbox / "brief.msg").write_bytes(build_msg(
        "Brief over het Wilgenpark", "Geachte griffie, bijgaand onze brief.",
        ("Petra Hoogland", "p.hoogland@groenwaterlinde.nl"), [("Griffie", "griffie@waterlinde.nl")],
        [("brief.pdf", "application/pdf", text_pdf([LETTER]))], datetime(2025, 3, 3, 10, 0, tzinfo=timezone.utc)))
    return inbox


def test_rules_check_and_ingest_agree_under_a_non_default_config(tmp_path):
    config = _config(tmp_path)
    settings = load_settings(config)
    inbox = _inbox(tmp_path)
    app = App.open(settings)
    counts = ingest_paths(app, [inbox], show_progress=False)
    assert counts["ingested"] == len(SAMPLES) + 1 and counts["quarantined"] == 0
    with app.sessions() as s:
        filed = {m.sha256: m.item.analysis for m in s.scalars(select(Message).join(Item))}
    app.close()

    pipe = Pipeline.build(settings)
    seen_personal = strict = False
    for path in sorted(inbox.iterdir()):
        raw = path.read_bytes()
        dry = dry_run(pipe, raw)
        doc = outcome_json(dry.outcome, pipe.ruleset.profile, sha256_hex(raw))
        assert doc == filed[sha256_hex(raw)], path.name  # the whole JSON contract, not a few fields
        # what the old dry run (default threshold, three topics, no detector) could not show
        assert len(doc["topics"]) <= 1 and all("onder 0.55" not in r for r in doc["reasons"]), path.name
        seen_personal |= bool(doc["personal_data"])
        strict |= any("onder 0.97" in r for r in doc["reasons"])

        report = CliRunner().invoke(main, ["--config", str(config), "rules", "check", str(path)])
        assert report.exit_code == 0, report.output
        assert report.output == dry.report, path.name
        assert "Profiel: nieuwkoop" in report.output and "(drempel 0.97)" in report.output
        assert f"nakijken: {'ja' if doc['needs_review'] else 'nee'}" in report.output
    assert seen_personal  # the personal-data detector ran in the dry run as in ingest
    assert strict  # the configured review threshold is the one that judged


def test_the_rules_package_imports_no_stage():
    """The rules are read by the stages, never the other way round (the dry run lives in pipeline.dryrun)."""
    import ast

    rules = Path(__file__).resolve().parents[1] / "pipeline" / "rules"
    for path in rules.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("pipeline.stages", "pipeline.flow", "pipeline.dryrun")), path.name
