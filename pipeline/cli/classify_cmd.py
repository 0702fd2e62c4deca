"""`griffiepost classify FILE`: the analysis of one message, without a registry (nor SQLAlchemy's import)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import analysis_lines, emit, get_ctx, main
from pipeline.flow import Pipeline
from pipeline.rawstore import sha256_hex
from pipeline.result import outcome_json


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Uitvoer als JSON (het contract uit docs/architecture.md).")
@click.pass_context
def classify(ctx: click.Context, file: Path, as_json: bool) -> None:
    """Analyseer één bericht zonder register."""
    settings = get_ctx(ctx).settings
    pipe = Pipeline.build(settings)
    raw = file.read_bytes()
    doc = outcome_json(pipe.run(raw), pipe.ruleset.profile, sha256_hex(raw))
    emit(doc, as_json, analysis_lines)
