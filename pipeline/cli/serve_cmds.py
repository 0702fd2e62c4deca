"""Commands that serve the web UI: serve and demo."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click

from pipeline.cli.base import get_app, get_ctx, main

SAMPLE_MAILBOX = Path(__file__).resolve().parent.parent / "sample" / "mailbox"


def serve_app(app, host: str, port: int) -> None:
    from waitress import serve

    from pipeline.web.app import create_app

    click.echo(f"De webinterface draait op http://{host}:{port}/ (stoppen met Ctrl+C).")
    serve(create_app(app), host=host, port=port, threads=8, _quiet=True)


@main.command("serve")
@click.option("--host", default=None, help="Adres (standaard uit config: 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Poort (standaard 8000).")
@click.pass_context
def serve_cmd(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Start de webinterface."""
    app = get_app(ctx)
    serve_app(app, host or app.settings.web.host, port or app.settings.web.port)


@main.command()
@click.option("--data-dir", default="demo-data", show_default=True, type=click.Path(path_type=Path))
@click.option("--serve/--no-serve", default=True, help="Na het inlezen de webinterface starten.")
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
@click.pass_context
def demo(ctx: click.Context, data_dir: Path, serve: bool, host: str | None, port: int | None) -> None:
    """Bouw een demoregister uit de meegeleverde voorbeeldmailbox en start de webinterface."""
    from pipeline.cli.intake_cmds import ingest_paths, summary_line

    c = get_ctx(ctx)
    s = c.settings
    if not c.db:
        s = replace(s, registry=replace(s.registry, url=f"sqlite:///{data_dir}/griffiepost.db", data_dir=str(data_dir)))
    c._settings = s
    app = get_app(ctx)
    click.echo(f"Voorbeeldmailbox inlezen uit {SAMPLE_MAILBOX} ...")
    click.echo(summary_line(ingest_paths(app, [SAMPLE_MAILBOX])))
    if serve:
        serve_app(app, host or s.web.host, port or s.web.port)
