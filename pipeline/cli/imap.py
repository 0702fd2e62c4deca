"""IMAP commands: `fetch` (one pass), `watch` (IDLE until stopped) and `status` (per account and folder)."""

from __future__ import annotations

import logging
import signal
import sys
import threading
from datetime import datetime

import click
from tqdm import tqdm

from pipeline.acknowledge.runner import outbox_clock
from pipeline.cli.app_context import get_app
from pipeline.cli.base import emit_json, get_ctx, main
from pipeline.config import ImapAccount, Settings
from pipeline.errors import ConfigError
from pipeline.sources import imap_state
from pipeline.sources.imap import fetch_account
from pipeline.sources.imap_watch import Watcher


def chosen_accounts(settings: Settings, names: tuple[str, ...]) -> tuple[ImapAccount, ...]:
    accounts = settings.imap.accounts
    if not accounts:
        raise ConfigError("Er is geen IMAP-account ingesteld: voeg een [[imap.accounts]]-tabel toe aan de "
                          "configuratie.")
    if names:
        unknown = sorted(set(names) - {a.name for a in accounts})
        if unknown:
            raise ConfigError(f"Onbekend IMAP-account: {', '.join(unknown)}.")
        accounts = tuple(a for a in accounts if a.name in names)
    return accounts


def _local(iso: str | None) -> str:
    if not iso:
        return "-"
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")


@main.command()
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), metavar="DATUM",
              help="Ook oudere post ophalen, vanaf deze datum (JJJJ-MM-DD), met voortgangsbalk.")
@click.option("--account", "names", multiple=True, metavar="NAAM", help="Alleen dit account (herhaalbaar).")
@click.option("--json", "as_json", is_flag=True, help="Samenvatting als JSON.")
@click.pass_context
def fetch(ctx: click.Context, since: datetime | None, names: tuple[str, ...], as_json: bool) -> None:
    """Haal één keer de post op uit alle IMAP-accounts en verwerk die."""
    app = get_app(ctx)
    accounts = chosen_accounts(app.settings, names)
    totals = {"found": 0, "new": 0, "duplicates": 0, "skipped": 0}
    errors: list[str] = []
    for account in accounts:
        with tqdm(desc=f"Ophalen {account.name}", unit=" bericht", disable=since is None or None,
                  leave=False, file=sys.stderr) as bar:
            def progress(done: int, total: int) -> None:
                if bar.total != total:
                    bar.reset(total=total)
                bar.update(done)

            report = fetch_account(account, app.settings.imap, app.intake, app.sessions,
                                   since=since.date() if since else None, progress=progress)
        for r in report.results:
            for key in totals:
                totals[key] += getattr(r, key)
        errors += report.errors
    summary = app.process_pending()
    counts = {**totals, "filed": summary.filed, "ignored": summary.ignored, "quarantined": summary.quarantined,
              "errors": errors}
    if as_json:
        emit_json(counts)
    elif totals["found"] or not errors:
        click.echo(f"{totals['new']} nieuw opgehaald, {totals['duplicates']} al bekend, {totals['skipped']} "
                   f"overgeslagen door filters; {summary.filed} geregistreerd, {summary.ignored} genegeerd, "
                   f"{summary.quarantined} in quarantaine.")
    for message in errors:
        click.echo(f"Fout: {message}", err=True)
    if errors:
        sys.exit(4)


@main.command()
@click.option("--account", "names", multiple=True, metavar="NAAM", help="Alleen dit account (herhaalbaar).")
@click.option("--no-idle", is_flag=True, help="Geen IDLE: alleen elke poll_interval_s peilen.")
@click.pass_context
def watch(ctx: click.Context, names: tuple[str, ...], no_idle: bool) -> None:
    """Bewaak de IMAP-mappen (IDLE) en verwerk nieuwe post direct; stopt netjes op Ctrl-C of SIGTERM."""
    app = get_app(ctx)
    accounts = chosen_accounts(app.settings, names)
    stop = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(message)s")

    def say(line: str) -> None:
        click.echo(f"{datetime.now():%H:%M:%S} {line}", err=line.startswith("Fout"))

    rounds = threading.Lock()  # a filing round and the outbox clock never plan acknowledgements at the same time

    def process() -> None:
        with rounds:
            summary = app.process_pending()
        if summary.filed or summary.ignored or summary.quarantined:
            say(f"{summary.filed} geregistreerd, {summary.ignored} genegeerd, {summary.quarantined} in quarantaine.")

    app.worker.pipeline  # noqa: B018 - load rules and models now, so the first letter is filed in seconds
    folders = ", ".join(f"{a.name}/{f}" for a in accounts for f in a.folders)
    say(f"Bewaakt: {folders}{' (zonder IDLE)' if no_idle else ''}. Stoppen met Ctrl-C.")
    outbox_clock(app, stop, rounds, say)  # retries and confirmed items go out without waiting for new mail
    Watcher(accounts, app.settings.imap, app.intake, app.sessions, process, stop, use_idle=not no_idle,
            say=say).run()
    say("Gestopt.")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Als JSON.")
@click.pass_context
def status(ctx: click.Context, as_json: bool) -> None:
    """Toon per IMAP-account en map: laatste geslaagde poll, laatste fout en achterstand."""
    app = get_app(ctx)
    configured = [(a.name, f) for a in get_ctx(ctx).settings.imap.accounts for f in a.folders]
    rows = imap_state.status_rows(app.sessions, configured)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("Geen IMAP-accounts ingesteld en nog niets opgehaald.")
        return
    header = ("Account", "Map", "Laatste poll", "Achterstand", "Laatste fout")
    table = [header] + [
        (r["account"], r["folder"], _local(r["last_poll_at"]), str(r["backlog"]),
         f"{_local(r['last_error_at'])} {r['last_error']}" if r["last_error"] else "-")
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    for row in table:
        click.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
