"""The griffiepost command line: every command module registers itself on the group in base."""

from pipeline.cli import history_cmds, imap, intake_cmds, list_cmds, publish_cmds, review_cmds, rules_cmds, serve_cmds  # noqa: F401  (registers commands)
from pipeline.cli.base import main, run

__all__ = ["main", "run"]
