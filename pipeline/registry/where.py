"""Whether a registry URL names a SQLite file that is not there, decided without importing SQLAlchemy:
`griffiepost classify` runs without a registry, and finding that out cost it SQLAlchemy's and the history
models' import (~0.9 s of CPU)."""

from __future__ import annotations

from pathlib import Path


def no_sqlite_file(url: str) -> bool:
    """True for sqlite:/// URLs without a file (empty, :memory:, or a path that does not exist)."""
    if not url.startswith("sqlite:///"):
        return False
    path = url.removeprefix("sqlite:///")
    return not path or path == ":memory:" or not Path(path).is_file()
