"""The griffiepost command line: each command module registers itself on the group in base when its command runs."""

from pipeline.cli.base import main, run

__all__ = ["main", "run"]
