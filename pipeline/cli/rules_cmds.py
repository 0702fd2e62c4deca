"""`griffiepost rules check FILE.eml`: which rules fire and what they decide, without a registry."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import get_ctx, main


@main.group()
def rules() -> None:
    """De regels van de griffie (rules/)."""


@rules.command("check")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--no-models", is_flag=True, help="Alleen de regels, zonder de getrainde modellen.")
@click.pass_context
def rules_check_cmd(ctx: click.Context, file: Path, no_models: bool) -> None:
    """Proefdraaien: welke regels raken dit bericht en wat beslissen ze."""
    from pipeline.rules.check import rules_check

    settings = get_ctx(ctx).settings
    judge = None
    if not no_models:
        from pipeline.judge import load_judge

        judge = load_judge(settings.models_dir)
    click.echo(rules_check(file.read_bytes(), settings.rules_dir, settings.profile.name, judge=judge))
