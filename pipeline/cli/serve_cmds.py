"""Commands that serve the web UI: serve and demo."""

from __future__ import annotations

import os
import threading
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import click
from sqlalchemy import func, select

from pipeline.cli.app_context import get_app
from pipeline.cli.base import get_ctx, main
from pipeline.cli.intake_cmds import ingest_paths, summary_line
from pipeline.errors import ConfigError
from pipeline.history.cli_support import import_sample_history  # issue 17: past lists before new mail
from pipeline.lists.meetings import add_meeting, all_meetings, meeting_label
from pipeline.lists.profiles import active_profile
from pipeline.publication.prepared import preparer
from pipeline.registry.models import Item
from pipeline.web.app import create_app

SAMPLE_MAILBOX = Path(__file__).resolve().parent.parent / "sample" / "mailbox"


def serve_app(app, host: str, port: int) -> None:
    from waitress import serve

    click.echo(f"De webinterface draait op http://{host}:{port}/ (stoppen met Ctrl+C).")
    stop = threading.Event()
    preparer(app, stop)  # scans are redacted by OCR here, in the background, never inside a request
    try:
        serve(create_app(app), host=host, port=port, threads=8, _quiet=True)
    finally:
        stop.set()


def demo_meetings(app) -> list[str]:
    """Two council meetings, three and seven weeks after the mail came in, so the demo shows a list at once (and
    the second is somewhere to move an item to); nothing is added to a registry that has meetings already."""

    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        first = s.scalar(select(func.min(Item.received_at)).where(Item.on_list.is_(True)))
        if all_meetings(s) or first is None:
            return []
        return [meeting_label(add_meeting(s, profile, first.date() + timedelta(weeks=w), actor="demo")) for w in (3, 7)]


@main.command("serve")
@click.option("--host", default=None, help="Adres (standaard uit config: 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Poort (standaard 8000).")
@click.pass_context
def serve_cmd(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Start de webinterface."""
    app = get_app(ctx)
    web = app.settings.web
    if web.require_login and not os.environ.get(web.secret_key_env):
        # A random key per process would log everyone out at each restart and differ between processes.
        raise ConfigError(f"Met inloggen verplicht (web.require_login) is een vaste sessiesleutel nodig: zet de "
                          f"omgevingsvariabele {web.secret_key_env} (bijvoorbeeld met "
                          f"'python -c \"import secrets; print(secrets.token_hex(32))\"').")
    serve_app(app, host or app.settings.web.host, port or app.settings.web.port)


@main.command()
@click.option("--data-dir", default="demo-data", show_default=True, type=click.Path(path_type=Path))
@click.option("--serve/--no-serve", default=True, help="Na het inlezen de webinterface starten.")
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
@click.pass_context
def demo(ctx: click.Context, data_dir: Path, serve: bool, host: str | None, port: int | None) -> None:
    """Bouw een demoregister uit de meegeleverde voorbeeldmailbox en start de webinterface."""
    c = get_ctx(ctx)
    s = c.settings
    if not c.db:
        s = replace(s, registry=replace(s.registry, url=f"sqlite:///{data_dir}/griffiepost.db", data_dir=str(data_dir)))
    # The demo runs on one machine over plain http for whoever started it: no login, no HTTPS-only cookie.
    s = replace(s, web=replace(s.web, require_login=False, secure_cookies=False))
    c._settings = s
    app = get_app(ctx)

    for line in import_sample_history(app):
        click.echo(line)
    click.echo(f"Voorbeeldmailbox inlezen uit {SAMPLE_MAILBOX} ...")
    click.echo(summary_line(ingest_paths(app, [SAMPLE_MAILBOX])))
    added = demo_meetings(app)
    if added:
        click.echo(f"Vergaderingen toegevoegd voor de demo: {', '.join(added)}.")
    if serve:
        serve_app(app, host or s.web.host, port or s.web.port)
