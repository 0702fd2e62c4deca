"""Read one TOML rule file and find the line of each entry and key, so errors can name file and line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import RuleError

HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(?:#.*)?$")
KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]+\")\s*=")


@dataclass
class Located:
    """One table of a TOML file with the line of its header and of each of its keys."""

    source: "RuleSource"
    data: dict[str, Any]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def where(self, key: str | None = None) -> str:
        line = self.key_lines.get(key, self.line) if key else self.line
        return f"{self.source.display}, regel {line}"

    def fail(self, key: str | None, problem: str) -> RuleError:
        return RuleError(f"{self.where(key)}: {problem}")


@dataclass
class RuleSource:
    """A parsed TOML file: its data, its display name ('rules/senders.toml') and where tables start."""

    path: Path
    display: str
    data: dict[str, Any]
    text: str

    def fail(self, line: int, problem: str) -> RuleError:
        return RuleError(f"{self.display}, regel {line}: {problem}")

    def tables(self, name: str) -> list[Located]:
        """The entries of array-of-tables `[[name]]` (or a single table `[name]`) with their lines."""
        value = self.data.get(name)
        if value is None:
            return []
        spans = self._spans(name)
        items = value if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise self.fail(self._key_line(name), f"'{name}' moet een tabel zijn ([[{name}]])")
            line, keys = spans[i] if i < len(spans) else (self._key_line(name), {})
            out.append(Located(self, item, line, keys))
        return out

    def table(self, name: str) -> Located | None:
        found = self.tables(name)
        return found[0] if found else None

    def top(self) -> Located:
        """The keys before the first table header."""
        keys: dict[str, int] = {}
        for number, line in enumerate(self.text.splitlines(), start=1):
            if HEADER.match(line):
                break
            m = KEY.match(line)
            if m:
                keys.setdefault(m.group(1).strip('"'), number)
        return Located(self, {k: v for k, v in self.data.items() if not isinstance(v, (dict, list))
                              or (isinstance(v, list) and not (v and isinstance(v[0], dict)))}, 1, keys)

    def header_lines(self) -> dict[str, int]:
        """First line where each top-level name appears as a table header or a key."""
        out: dict[str, int] = {}
        for number, line in enumerate(self.text.splitlines(), start=1):
            m = HEADER.match(line)
            if m:
                out.setdefault(m.group(2).split(".")[0].strip('"'), number)
        return out

    def _key_line(self, name: str) -> int:
        return self.header_lines().get(name, self.top().key_lines.get(name, 1))

    def _spans(self, name: str) -> list[tuple[int, dict[str, int]]]:
        spans: list[tuple[int, dict[str, int]]] = []
        current: dict[str, int] | None = None
        prefix = ""
        for number, line in enumerate(self.text.splitlines(), start=1):
            m = HEADER.match(line)
            if m:
                path = m.group(2).strip()
                if path == name:
                    current = {}
                    prefix = ""
                    spans.append((number, current))
                elif path.startswith(name + "."):
                    if current is None:  # only sub-tables such as [handling.vka]
                        current = {}
                        spans.append((number, current))
                    sub = path[len(name) + 1:]
                    current.setdefault(sub, number)
                    prefix = sub + "."
                else:
                    current = None
                continue
            k = KEY.match(line)
            if k and current is not None:
                current.setdefault(prefix + k.group(1).strip('"'), number)
        return spans


def display_name(path: Path, rules_dir: Path) -> str:
    try:
        rel = path.relative_to(rules_dir.parent)
    except ValueError:
        rel = path
    return rel.as_posix()


def read_source(path: Path, rules_dir: Path) -> RuleSource:
    display = display_name(path, rules_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{display}: kan het bestand niet lezen ({exc})") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        what = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        if m:
            raise RuleError(f"{display}, regel {m.group(1)}: geen geldige TOML ({what}, kolom {m.group(2)})") from exc
        raise RuleError(f"{display}: geen geldige TOML ({what})") from exc
    return RuleSource(path, display, data, text)
