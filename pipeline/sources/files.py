"""Message files on disk: single .eml/.msg files, directories of them, Maildir folders and mbox files."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pipeline.errors import SourceError
from pipeline.records import Locator


@dataclass
class RawMessage:
    data: bytes
    locator: Locator
    file_time: datetime | None = None  # the file's modification time: the arrival time of last resort


def _file_time(path: Path) -> datetime:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)


def is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def is_mbox(path: Path) -> bool:
    if not path.is_file():
        return False
    with open(path, "rb") as fh:
        return fh.read(5) == b"From "


def iter_path(path: Path) -> Iterator[RawMessage]:
    """Every message under path, in a stable order."""
    if not path.exists():
        raise SourceError(f"Bestand of map niet gevonden: {path}.")
    if is_maildir(path):
        yield from _iter_maildir(path)
    elif path.is_dir():
        for child in sorted(path.iterdir()):
            if child.name.startswith(".") or child.name == "expected.json":
                continue
            if is_maildir(child) or child.is_dir():
                yield from iter_path(child)
            elif is_mbox(child):
                yield from _iter_mbox(child)
            elif child.suffix.lower() in {".eml", ".msg"}:
                yield RawMessage(child.read_bytes(), Locator("file", str(child.resolve())), _file_time(child))
    elif is_mbox(path):
        yield from _iter_mbox(path)
    else:
        yield RawMessage(path.read_bytes(), Locator("file", str(path.resolve())), _file_time(path))


def _iter_maildir(path: Path) -> Iterator[RawMessage]:
    for sub in ("new", "cur"):
        for f in sorted((path / sub).iterdir()):
            if f.is_file() and not f.name.startswith("."):
                yield RawMessage(f.read_bytes(), Locator("maildir", f"{path.resolve()}/{sub}/{f.name.split(':')[0]}"),
                                 _file_time(f))
    for child in sorted(path.iterdir()):  # Maildir++ subfolders (.Folder)
        if child.name.startswith(".") and is_maildir(child):
            yield from _iter_maildir(child)


def _iter_mbox(path: Path) -> Iterator[RawMessage]:
    box = mailbox.mbox(str(path), create=False)
    try:
        for n, key in enumerate(box.iterkeys()):
            data = box.get_bytes(key, from_=False)
            yield RawMessage(data, Locator("mbox", f"{path.resolve()}#{n}"))
    finally:
        box.close()


def iter_paths(paths: list[Path]) -> Iterator[RawMessage]:
    for p in paths:
        yield from iter_path(Path(p))
