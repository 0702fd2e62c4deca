"""The click group, global options and the one place where errors become a sentence and an exit code."""

from __future__ import annotations

import importlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import click

from pipeline.config import ConfigDeprecationWarning, Settings, load_settings
from pipeline.errors import GriffieError
from pipeline.registry.errors import describe


class Context:
    def __init__(self, config: str | None, db: str | None) -> None:
        self.config_path = config
        self.db = db
        self._settings: Settings | None = None
        self.app = None  # the App, opened by pipeline.cli.app_context.get_app for commands that use the registry

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            with warnings.catch_warnings(record=True) as caught:  # a renamed setting: one Dutch line, no traceback
                warnings.simplefilter("always", ConfigDeprecationWarning)
                s = load_settings(self.config_path)
            for w in caught:
                if issubclass(w.category, ConfigDeprecationWarning):
                    click.echo(f"Let op: {w.message}", err=True)
                else:
                    warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            if self.db:
                s = replace(s, registry=replace(s.registry, url=self.db))
            self._settings = s
        return self._settings


# Which module defines each command: a command's module (and what it imports: SQLAlchemy, spaCy, the web app) is
# imported only when that command runs, so `griffiepost --version` or a cron `fetch` does not pay for the others.
# tests/test_cli_startup.py checks that this table names every command exactly once.
COMMAND_MODULES = {
    "fetch": "imap", "watch": "imap", "status": "imap",
    "ingest": "intake_cmds", "retry": "intake_cmds", "messages": "intake_cmds", "items": "intake_cmds",
    "show": "intake_cmds", "classify": "classify_cmd",
    "list": "list_cmds", "meetings": "list_cmds",
    "publish": "publish_cmds", "privacy": "publish_cmds",
    "users": "review_cmds", "train": "model_cmds", "evaluate": "model_cmds",
    "rules": "rules_cmds",
    "serve": "serve_cmds", "demo": "demo_cmds",
    "deadlines": "deadline_cmds", "acknowledge": "ack_cmds", "history": "history_cmds",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module (which registers it on `main`) when the command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMAND_MODULES))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"pipeline.cli.{COMMAND_MODULES[cmd_name]}")
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config", metavar="FILE", help="Configuratiebestand (standaard config.toml).")
@click.option("--db", metavar="URL", help="Database-URL, bijv. sqlite:///data/griffiepost.db.")
@click.version_option(package_name="griffiepost")
@click.pass_context
def main(ctx: click.Context, config: str | None, db: str | None) -> None:
    """griffiepost: post voor de gemeenteraad ontvangen, lezen, voorstellen en op de lijst zetten."""
    ctx.obj = Context(config, db)


def get_ctx(ctx: click.Context) -> Context:
    return ctx.find_root().obj


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit(data: Any, as_json: bool, lines: Callable[[Any], Iterable[str]]) -> None:
    """JSON for scripts (--json), else the Dutch lines for a person: the one shape of every listing command."""
    if as_json:
        emit_json(data)
        return
    for line in lines(data):
        click.echo(line)


def analysis_lines(doc: dict[str, Any]) -> list[str]:
    """One analysed message (the JSON contract) for a person: `classify FILE` and `show ID`."""
    sender = doc["sender"]
    return [f"Afzender:     {sender['organisation'] or sender['name']} ({sender['kind']})",
            f"Onderwerp:    {doc['letter']['subject']}",
            f"Datum brief:  {doc['letter']['date']}",
            f"Soort:        {doc['document_kind']}{' (rondzendbrief)' if doc['circular'] else ''}",
            f"Onderwerp/TOOI: {(doc['topic'] or {}).get('label')}",
            f"Afhandeling:  {doc['handling']['local_code']} {doc['handling']['label']}",
            *(f"  - {r}" for r in doc["reasons"])]


def emit_json_list(rows: Iterable[Any]) -> None:
    """Write a JSON array element by element, byte for byte what emit_json(list(rows)) writes, without holding
    the whole list (or its text) in memory: `items --json` at 10,000 items starts at once and stays small."""
    first = True
    for row in rows:  # json.dumps escapes newlines inside strings: every "\n" here is the layout's
        body = json.dumps(row, ensure_ascii=False, indent=2, default=str).replace("\n", "\n  ")
        click.echo(("[\n  " if first else ",\n  ") + body, nl=False)
        first = False
    click.echo("[]" if first else "\n]")


def run() -> None:
    """Entry point: errors become one sentence and a non-zero exit, never a traceback."""
    try:
        main.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except GriffieError as e:
        click.echo(f"Fout: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("Afgebroken.", err=True)
        sys.exit(130)
    except Exception as e:  # the last resort: one sentence; the traceback only on request
        if os.environ.get("GRIFFIEPOST_DEBUG"):
            raise
        if type(e).__module__.startswith("sqlalchemy"):  # never the statement: its parameters are letter text
            click.echo(f"Fout: {describe(e)}", err=True)
            sys.exit(1)
        click.echo(f"Fout: onverwachte fout ({type(e).__name__}): {e}. Zet GRIFFIEPOST_DEBUG=1 voor details.",
                   err=True)
        sys.exit(1)
