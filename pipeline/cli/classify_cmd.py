"""`griffiepost classify FILE`: the analysis of one message, without a registry (nor SQLAlchemy's import)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import emit_json, get_ctx, main
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
    if as_json:
        emit_json(doc)
        return
    click.echo(f"Afzender:    {doc['sender']['organisation'] or doc['sender']['name']} ({doc['sender']['kind']})")
    click.echo(f"Onderwerp:   {doc['letter']['subject']}")
    click.echo(f"Datum:       {doc['letter']['date']}")
    click.echo(f"Afhandeling: {doc['handling']['local_code']} {doc['handling']['label']}")
    for r in doc["reasons"]:
        click.echo(f"  - {r}")
