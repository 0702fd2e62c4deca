"""Commands over a council's past: history import (published lists), history entries, history match (past mail)."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import select

from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit, emit_json, get_ctx, main
from pipeline.errors import SourceError
from pipeline.history.imap_folder import read_imap_folder
from pipeline.history.importer import import_lists
from pipeline.history.models import HistoryEntry
from pipeline.history.service import match_mailbox


@main.group()
def history() -> None:
    """De praktijk van de raad: gepubliceerde lijsten en de post van vorige jaren inlezen (blijft intern)."""


def _profile(ctx: click.Context, profile: str | None) -> str:
    return profile or get_ctx(ctx).settings.profile.name


@history.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--profile", default=None, help="Profiel van de raad (standaard uit de configuratie).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def import_cmd(ctx: click.Context, paths: tuple[Path, ...], profile: str | None, as_json: bool) -> None:
    """Lees gepubliceerde lijsten ingekomen stukken in (PDF, DOCX, HTML; ook mappen)."""
    for p in paths:
        if not p.exists():
            raise SourceError(f"Bestand of map niet gevonden: {p}.")
    app = get_app(ctx)
    with app.sessions.begin() as s:
        report = import_lists(s, list(paths), app.settings.rules_dir, _profile(ctx, profile))
    if as_json:
        emit_json({"files": report.files, "entries": report.entries, "unmapped": report.unmapped,
                   "already": report.already, "problems": report.problems})
        return
    for line in report.lines():
        click.echo(line)


@history.command("entries")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def entries_cmd(ctx: click.Context, as_json: bool) -> None:
    """De ingelezen stukken van vorige lijsten."""
    with get_app(ctx).sessions() as s:
        rows = [{"id": e.id, "meeting_date": e.meeting_date, "number": e.number, "date": e.letter_date,
                 "sender": e.sender, "subject": e.subject, "handling_text": e.handling_text,
                 "handling": e.handling_code, "committee": e.committee, "source_file": e.source_file,
                 "source_page": e.source_page}
                for e in s.scalars(select(HistoryEntry).order_by(HistoryEntry.meeting_date, HistoryEntry.id))]
    emit(rows, as_json, lambda rs: (f"{r['meeting_date']}  {r['number']:<12} {r['sender'][:30]:<30} "
                                    f"{r['subject'][:50]}  [{r['handling'] or '?'}]" for r in rs))


@history.command("match")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--imap", "imap_folder", metavar="ACCOUNT/MAP", default=None,
              help="Lees de oude post uit deze IMAP-map (alleen lezen: er wordt niets verplaatst of gemarkeerd).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--all", "show_all", is_flag=True, help="Ook elk paar en alles wat ongepaard bleef tonen.")
@click.pass_context
def match_cmd(ctx: click.Context, paths: tuple[Path, ...], imap_folder: str | None, as_json: bool,
              show_all: bool) -> None:
    """Koppel de post van vorige jaren (Maildir, mbox, .eml/.msg of een IMAP-map) aan de ingelezen stukken."""
    if not paths and not imap_folder:
        raise SourceError("Geef een mailbox (Maildir, mbox, .eml/.msg-bestanden) of --imap ACCOUNT/MAP.")
    for p in paths:
        if not p.exists():
            raise SourceError(f"Bestand of map niet gevonden: {p}.")
    raws = ()
    if imap_folder:
        raws = read_imap_folder(get_ctx(ctx).settings, imap_folder)
    with get_app(ctx).sessions.begin() as s:
        result, entries = match_mailbox(s, list(paths), raws=raws)
    pairs = [{"entry": p.entry_id, "meeting_date": entries[p.entry_id].meeting_date,
              "number": entries[p.entry_id].number, "message_id": p.message.message_id,
              "subject": p.message.subject, "entry_subject": entries[p.entry_id].subject, "score": p.score,
              "parts": p.parts} for p in result.pairs]
    lonely_entries = [{"entry": i, "meeting_date": entries[i].meeting_date, "number": entries[i].number,
                       "subject": entries[i].subject} for i in result.unmatched_entries]
    lonely_messages = [{"message_id": m.message_id, "from": m.from_address, "date": m.sent, "subject": m.subject}
                       for m in result.unmatched_messages]
    if as_json:
        emit_json({"pairs": pairs, "unmatched_entries": lonely_entries, "unmatched_messages": lonely_messages,
                   "copies": result.copies})
        return
    click.echo(f"{len(pairs)} berichten gekoppeld aan een stuk; {len(lonely_entries)} stukken zonder bericht; "
               f"{len(lonely_messages)} berichten zonder stuk (waarvan {result.copies} een kopie van een eerder "
               "bericht: doorgestuurd of opnieuw gestuurd).")
    if not show_all:
        click.echo("Met --all ziet u elk paar met zijn score en alles wat ongepaard bleef.")
        return
    for p in pairs:
        click.echo(f"  {p['score']:.2f}  lijst {p['meeting_date']} nr {p['number']}: {p['subject'][:70]}")
    click.echo("Stukken zonder bericht:")
    for e in lonely_entries:
        click.echo(f"  lijst {e['meeting_date']} nr {e['number']}: {e['subject'][:70]}")
    click.echo("Berichten zonder stuk:")
    for m in lonely_messages:
        click.echo(f"  {m['date']}  {m['from']}: {m['subject'][:70]}")
