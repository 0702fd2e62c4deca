"""Commands over files and the registry: ingest, retry, messages, items, show."""

from __future__ import annotations

from pathlib import Path

import click
from sqlalchemy import select
from sqlalchemy.orm import selectinload
from tqdm import tqdm

from pipeline.cli.app_context import get_app
from pipeline.cli.base import analysis_lines, emit, emit_json, emit_json_list, main
from pipeline.errors import NotFound, SourceError
from pipeline.rawstore import StorageFull
from pipeline.registry.models import Item, Message
from pipeline.registry.view import item_view
from pipeline.rules import Profile, load_profile
from pipeline.sources.files import iter_paths

ITEMS_BATCH = 500  # items read per round trip while `items` streams its output


def ingest_paths(app, paths: list[Path], show_progress: bool = True) -> dict[str, int]:
    """Keep every message under paths, then run the pipeline over everything pending."""
    counts = {"ingested": 0, "duplicates": 0}
    at_intake = 0  # quarantined on arrival (too large): never reach the worker, still counted
    full: StorageFull | None = None
    with tqdm(desc="Inlezen", unit=" bericht", disable=not show_progress or None, leave=False) as bar:
        for raw in iter_paths(paths):
            try:
                accepted = app.intake.accept(raw.data, raw.locator, actor="cli", file_time=raw.file_time)
            except StorageFull as e:  # stop taking in; what was kept is still processed below
                full = e
                break
            counts["duplicates" if accepted.duplicate else "ingested"] += 1
            at_intake += accepted.quarantined
            bar.update(1)
    pending = len(app.worker.pending_ids())
    with tqdm(total=pending, desc="Verwerken", unit=" bericht", disable=not show_progress or None,
              leave=False) as bar:
        summary = app.process_pending(progress=bar.update)
    counts.update(filed=summary.filed, ignored=summary.ignored, quarantined=summary.quarantined + at_intake)
    if full is not None:
        raise StorageFull(f"{full}: {summary_line(counts)[:-1]}; de overige berichten zijn niet ingelezen en "
                          "niets is half bewaard. Maak ruimte en lees opnieuw in (wat al bewaard is, wordt "
                          "herkend).") from full
    return counts


def summary_line(c: dict[str, int]) -> str:
    return (f"{c['ingested']} nieuw ingelezen, {c['duplicates']} dubbel, {c['filed']} geregistreerd, "
            f"{c['ignored']} genegeerd, {c['quarantined']} in quarantaine.")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Samenvatting als JSON.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Lees .eml/.msg-bestanden, mappen, Maildir of mbox in en verwerk ze."""
    for p in paths:
        if not p.exists():
            raise SourceError(f"Bestand of map niet gevonden: {p}.")
    counts = ingest_paths(get_app(ctx), list(paths))
    emit_json(counts) if as_json else click.echo(summary_line(counts))


@main.command()
@click.argument("ids", nargs=-1, type=int)
@click.pass_context
def retry(ctx: click.Context, ids: tuple[int, ...]) -> None:
    """Verwerk berichten in quarantaine opnieuw (alle, of de opgegeven nummers)."""
    app = get_app(ctx)
    if ids:
        with app.sessions() as s:
            known = set(s.scalars(select(Message.id).where(Message.id.in_(ids))))
        unknown = [str(i) for i in ids if i not in known]
        if unknown:
            raise NotFound(f"Geen bericht met nummer {', '.join(unknown)}; zie griffiepost messages.")
    n = app.worker.requeue_quarantined(list(ids) or None)
    s = app.process_pending()
    click.echo(f"{n} opnieuw geprobeerd: {s.filed} geregistreerd, {s.ignored} genegeerd, "
               f"{s.quarantined} nog in quarantaine.")


def message_json(m: Message) -> dict:
    return {
        "id": m.id, "sha256": m.sha256, "state": m.state, "source": m.source, "locator": m.locator,
        "message_id": m.message_id_header, "subject": m.subject, "from": m.from_address, "size": m.size,
        "received_at": m.received_at.isoformat(), "attempts": m.attempts, "error": m.last_error,
        "item": m.item.registration_number if m.item else None,
    }


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.option("--state", type=click.Choice(["received", "filed", "ignored", "quarantined"]))
@click.pass_context
def messages(ctx: click.Context, as_json: bool, state: str | None) -> None:
    """Alle bewaarde berichten met hun toestand en eventuele fout."""
    app = get_app(ctx)
    with app.sessions() as s:
        q = select(Message).options(selectinload(Message.item)).order_by(Message.id)
        if state:
            q = q.where(Message.state == state)
        rows = [message_json(m) for m in s.scalars(q)]
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        err = f"  ! {r['error']}" if r["error"] else ""
        click.echo(f"{r['id']:>5}  {r['state']:<11} {(r['subject'] or '')[:60]}{err}")


def item_json(item: Item, profile=None) -> dict:
    """The item's JSON contract, read from Item + its decisions (registry/view.py), with each field's provenance."""
    return item_view(item, profile).as_json()


def council_profile(app) -> Profile:
    return load_profile(app.settings.rules_dir, app.settings.profile.name)


def find_item(s, ident: str) -> Item:
    q = select(Item).where(Item.registration_number == ident)
    if ident.isdigit():
        q = select(Item).where(Item.id == int(ident))
    item = s.scalar(q)
    if item is None:
        raise NotFound(f"Geen stuk gevonden met nummer {ident}.")
    return item


@main.command()
@click.option("--json", "as_json", is_flag=True)
@click.option("--status", help="Alleen stukken met deze status.")
@click.pass_context
def items(ctx: click.Context, as_json: bool, status: str | None) -> None:
    """De geregistreerde stukken."""
    app = get_app(ctx)
    with app.sessions() as s:
        q = select(Item).options(selectinload(Item.meeting), selectinload(Item.decisions)).order_by(Item.id)
        if status:
            q = q.where(Item.status == status)
        profile = council_profile(app)
        rows = (item_json(i, profile) for i in s.scalars(q.execution_options(yield_per=ITEMS_BATCH)))
        if as_json:
            emit_json_list(rows)
            return
        for r in rows:
            click.echo(f"{r['registration_number']}  {r['status']:<12} {r['sender']['public_label'][:30]:<30} "
                       f"{(r['letter']['subject'] or '')[:50]}  [{r['handling']['local_code']}]")


@main.command()
@click.argument("ident")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, ident: str, as_json: bool) -> None:
    """Eén stuk (id of registratienummer)."""
    app = get_app(ctx)
    with app.sessions() as s:
        doc = item_json(find_item(s, ident), council_profile(app))
    emit(doc, as_json, lambda d: [f"{d['registration_number']} ({d['status']})", *analysis_lines(d)])
