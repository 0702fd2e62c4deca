"""`griffiepost deadlines`: open, soon due and overdue terms (zienswijze, afdoening) as text, JSON, CSV or DOCX."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit_json, main
from pipeline.deadlines.export import BUCKET_WORDS, KIND_WORDS, to_csv, to_docx
from pipeline.deadlines.service import close, overview, refresh, row_json
from pipeline.deadlines.terms import load_terms
from pipeline.errors import GriffieError, NotFound
from pipeline.lists.profiles import active_profile, council_name
from pipeline.registry.models import Deadline


def _today(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else date.today()
    except ValueError as e:
        raise GriffieError(f"Ongeldige datum '{value}': gebruik JJJJ-MM-DD.") from e


@main.group("deadlines", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Als JSON (per termijn: stuk, soort, datum, stand, grond).")
@click.option("--format", "fmt", type=click.Choice(("text", "csv", "docx")), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Uitvoerbestand (csv/docx).")
@click.option("--all", "include_closed", is_flag=True, help="Ook gesloten en vervallen termijnen.")
@click.option("--today", default=None, metavar="DATUM", help="Rekendatum (standaard vandaag), JJJJ-MM-DD.")
@click.pass_context
def deadlines(ctx: click.Context, as_json: bool, fmt: str, output: Path | None, include_closed: bool,
              today: str | None) -> None:
    """Termijnen die de griffie bewaakt: open, binnenkort verlopen en verlopen."""
    if ctx.invoked_subcommand is not None:
        return
    app = get_app(ctx)
    terms = load_terms(app.settings.rules_dir, app.settings.profile.name)
    day = _today(today)
    with app.sessions.begin() as s:
        refresh(s, terms)
        rows = overview(s, day, terms, include_closed)
        data = [row_json(r) for r in rows]
        if fmt == "csv":
            content = to_csv(rows)
        elif fmt == "docx":
            profile = active_profile(app.settings)
            content = to_docx(rows, council_name(app.settings, profile), day)
    if as_json:
        emit_json(data)
        return
    if fmt in ("csv", "docx"):
        if output is None and fmt == "csv" or str(output) == "-":
            sys.stdout.buffer.write(content)
            return
        target = output or Path(f"termijnen-{day.isoformat()}.docx")
        target.write_bytes(content)
        click.echo(f"Geschreven: {target} ({len(data)} termijnen).", err=True)
        return
    if not data:
        click.echo("Geen open termijnen.")
    for r in data:
        click.echo(f"{r['id']:>4}  {r['item']}  {KIND_WORDS[r['kind']]:<27} {r['due_date']}  "
                   f"{BUCKET_WORDS.get(r['bucket'], r['bucket']):<20} {r['subject'] or ''}")
        if r["warning"]:
            click.echo(f"      Let op: {r['warning']}")


@deadlines.command("close")
@click.argument("deadline_id", type=int)
@click.option("--reason", required=True, help="Waarom de termijn gesloten is (bijv. 'antwoord per post verstuurd').")
@click.option("--by", "by", default="cli", show_default=True)
@click.pass_context
def deadlines_close(ctx: click.Context, deadline_id: int, reason: str, by: str) -> None:
    """Sluit een termijn met de hand (het antwoord kwam buiten griffiepost om)."""
    app = get_app(ctx)
    with app.sessions.begin() as s:
        d = s.get(Deadline, deadline_id)
        if d is None:
            raise NotFound(f"Geen termijn met nummer {deadline_id}.")
        if d.status != "open":
            raise GriffieError(f"Termijn {deadline_id} is al {d.status}.")
        close(s, d, f"Met de hand gesloten door {by}: {reason}", by)
    click.echo(f"Termijn {deadline_id} gesloten.")
