"""The registry side of a command: the App (SQLAlchemy, migrations, raw store) opened once per command run.

Apart from pipeline.cli.base so that `griffiepost --version`, `classify` and `rules check` never import it: only
the command modules that use the registry import this one (the lazy command table does the rest)."""

from __future__ import annotations

import click

from pipeline.app import App
from pipeline.cli.base import get_ctx


def get_app(ctx: click.Context) -> App:
    root = get_ctx(ctx)
    if root.app is None:
        root.app = App.open(root.settings)
    return root.app
