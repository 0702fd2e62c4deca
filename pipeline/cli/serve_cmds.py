"""The command that serves the web UI: serve (demo, which fills a registry first: demo_cmds)."""

from __future__ import annotations

import os
import threading

import click

from pipeline.cli.app_context import get_app
from pipeline.cli.base import main
from pipeline.errors import ConfigError
from pipeline.publication.prepared import preparer
from pipeline.web.app import create_app


def serve_app(app, host: str, port: int) -> None:
    from waitress import serve

    click.echo(f"De webinterface draait op http://{host}:{port}/ (stoppen met Ctrl+C).")
    stop = threading.Event()
    preparer(app, stop)  # scans are redacted by OCR here, in the background, never inside a request
    try:
        serve(create_app(app), host=host, port=port, threads=8, _quiet=True)
    finally:
        stop.set()


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
