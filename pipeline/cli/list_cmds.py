"""Commands for meetings and the lijst ingekomen stukken: list, meetings add/list/move/adopt."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit, emit_json, main
from pipeline.cli.intake_cmds import find_item
from pipeline.errors import GriffieError
from pipeline.lists.cutoff import describe
from pipeline.lists.meetings import add_meeting, all_meetings, find_meeting, meeting_label, move_item, parse_date
from pipeline.lists.profiles import active_profile, council_name
from pipeline.lists.release import is_released
from pipeline.lists.render import FORMATS
from pipeline.lists.service import adopt, generate, publish
from pipeline.registry.models import Item, Meeting

TEXT_FORMATS = ("html", "csv", "json")


def meeting_json(m: Meeting, items: int) -> dict:
    return {"id": m.id, "date": m.date.isoformat(), "body": m.body, "title": m.title, "status": m.status,
            "cutoff_at": m.cutoff_at.isoformat() if m.cutoff_at else None,
            "adopted_at": m.adopted_at.isoformat() if m.adopted_at else None, "adopted_by": m.adopted_by,
            "items": items}


@main.command("list")
@click.argument("meeting")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="pdf", show_default=True)
@click.option("--public", is_flag=True, help="De openbare, geanonimiseerde versie (door de privacycontrole).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Uitvoerbestand ('-' = standaarduitvoer). Standaard: html/csv/json naar standaarduitvoer, "
                   "docx/pdf naar een bestand met een vaste naam.")
@click.option("--base-url", default="", help="Adres van de webinterface voor de links naar de stukken.")
@click.option("--by", "by", default=None, help="Wie de lijst opmaakt (voor het logboek; standaard de gebruiker).")
@click.pass_context
def list_cmd(ctx: click.Context, meeting: str, fmt: str, public: bool, output: Path | None, base_url: str,
             by: str | None) -> None:
    """Maak de lijst ingekomen stukken van een vergadering (nummer of datum); stukken krijgen hun nummer."""
    app = get_app(ctx)
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:  # making the list gives numbers (audited); they are kept
        m = find_meeting(s, meeting)
        out = generate(s, m, profile, council_name(app.settings, profile), fmt, public, base_url.rstrip("/"),
                       number_by=by or getpass.getuser())
        released = is_released(m)
    if public and not released:
        click.echo("Let op: deze lijst is nog niet openbaar gemaakt of vastgesteld; dit is een voorbeeld.", err=True)
    if output is None and fmt in TEXT_FORMATS or str(output) == "-":
        sys.stdout.buffer.write(out.content)
        sys.stdout.buffer.flush()
        return
    target = output or Path(out.file_name)
    try:
        target.write_bytes(out.content)
    except OSError as e:
        raise GriffieError(f"Kan {target} niet schrijven: {e.strerror}.") from e
    click.echo(f"Geschreven: {target} ({len(out.built.doc.rows)} stukken).", err=True)


@main.group()
def meetings() -> None:
    """Vergaderingen van raad en commissies."""


@meetings.command("add")
@click.argument("day")
@click.option("--body", default="raad", show_default=True, help="raad of de naam van een commissie.")
@click.option("--title", default=None, help="Titel, bijv. 'Raadsvergadering maart'.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def meetings_add(ctx: click.Context, day: str, body: str, title: str | None, as_json: bool) -> None:
    """Voeg een vergadering toe; de sluitingstermijn volgt uit het profiel."""
    app = get_app(ctx)
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        m = add_meeting(s, profile, parse_date(day), body, title)
        placed = len([i for i in m.items if i.on_list])
        data = meeting_json(m, placed)
    if as_json:
        emit_json(data)
        return
    click.echo(f"Vergadering {data['id']} toegevoegd: {meeting_label(m)}; de lijst sluit "
               f"{describe(profile.cutoff)} ({m.cutoff_at:%d-%m-%Y %H:%M} UTC); {placed} stuk(ken) geplaatst.")


@meetings.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def meetings_list(ctx: click.Context, as_json: bool) -> None:
    """Alle vergaderingen met hun status en aantal stukken."""
    app = get_app(ctx)
    with app.sessions() as s:
        rows = [meeting_json(m, len([i for i in m.items if i.on_list])) for m in all_meetings(s)]
    emit(rows, as_json, lambda rs: (f"{r['id']:>4}  {r['date']}  {r['body']:<20} {r['status']:<12} {r['items']:>4} "
                                    f"stukken{'  ' + r['title'] if r['title'] else ''}" for r in rs))


@meetings.command("move")
@click.argument("item")
@click.argument("meeting")
@click.pass_context
def meetings_move(ctx: click.Context, item: str, meeting: str) -> None:
    """Verplaats een stuk (id of registratienummer) naar een vergadering; het blijft daar staan."""
    app = get_app(ctx)
    with app.sessions.begin() as s:
        it: Item = find_item(s, item)
        m = find_meeting(s, meeting)
        move_item(s, it, m)
        click.echo(f"Stuk {it.registration_number} staat nu op de lijst van {meeting_label(m)}.")


def _pairs(values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise GriffieError(f"Gebruik --set-handling STUK=CODE, bijvoorbeeld 12=b (niet '{v}').")
        key, code = v.split("=", 1)
        out[key.strip()] = code.strip()
    return out


@meetings.command("adopt")
@click.argument("meeting")
@click.option("--by", "by", default="griffier", show_default=True, help="Wie de lijst vaststelt.")
@click.option("--pull", multiple=True, metavar="ITEM", help="Stuk (lijstnummer) van de lijst gehaald voor bespreking.")
@click.option("--set-handling", "set_handling", multiple=True, metavar="ITEM=CODE",
              help="Gewijzigde afhandeling, in de eigen code van de gemeente of canoniek (vka, agenderen, ...).")
@click.option("--accept-unreviewed", is_flag=True,
              help="Stel vast, ook al zijn niet alle stukken beoordeeld (wordt in het logboek vastgelegd).")
@click.pass_context
def meetings_adopt(ctx: click.Context, meeting: str, by: str, pull: tuple[str, ...],
                   set_handling: tuple[str, ...], accept_unreviewed: bool) -> None:
    """Stel de lijst vast: besluiten vastleggen, lijst bevriezen, stukken op 'listed'."""
    app = get_app(ctx)
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        m = find_meeting(s, meeting)
        snap = adopt(s, m, profile, by, list(pull), _pairs(set_handling), accept_unreviewed=accept_unreviewed)
        click.echo(f"De lijst van {meeting_label(m)} is vastgesteld door {by}: {len(snap.rows)} stukken, "
                   f"{len(snap.decisions)} besluit(en).")


@meetings.command("publish")
@click.argument("meeting")
@click.option("--by", "by", default="griffier", show_default=True, help="Wie de lijst openbaar maakt.")
@click.option("--accept-unreviewed", is_flag=True,
              help="Maak openbaar, ook al zijn niet alle stukken beoordeeld (wordt in het logboek vastgelegd).")
@click.pass_context
def meetings_publish(ctx: click.Context, meeting: str, by: str, accept_unreviewed: bool) -> None:
    """Maak de lijst (nog niet vastgesteld) openbaar zoals hij nu is; latere stukken vragen opnieuw publiceren."""
    app = get_app(ctx)
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        m = find_meeting(s, meeting)
        items = publish(s, m, profile, by, accept_unreviewed)
        click.echo(f"De lijst van {meeting_label(m)} is openbaar gemaakt door {by}: {len(items)} stukken.")
