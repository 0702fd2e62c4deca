"""`griffiepost rules check FILE.eml`: which rules fire and what they decide, without a registry."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import get_ctx, main
from pipeline.dryrun import dry_run
from pipeline.flow import Pipeline


@main.group()
def rules() -> None:
    """De regels van de griffie (rules/)."""


@rules.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--no-models", is_flag=True, help="Alleen de regels, zonder de getrainde modellen.")
@click.pass_context
def rules_check_cmd(ctx: click.Context, file: Path, no_models: bool) -> None:
    """Proefdraaien: welke regels raken dit bericht en wat beslissen ze (dezelfde pijplijn als ingest)."""
    settings = get_ctx(ctx).settings
    pipe = Pipeline.build(settings, with_models=not no_models)
    click.echo(dry_run(pipe, file.read_bytes()).report, nl=False)
