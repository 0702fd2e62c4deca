"""How one council's lists are read: column headers to fields, and its handling words to the canonical codes.

The mapping lives in rules/profiles/history/ (generiek.toml for every council plus one file per profile), so a griffie
adds a header or a word the import reports as unknown without touching code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import RuleError
from pipeline.rules.profile import Profile
from pipeline.vocab import HANDLINGS

FIELDS = ("number", "date", "sender", "subject", "handling", "committee")
# what a table must have before it counts as a list of incoming documents
REQUIRED = ("number", "sender", "subject")
FIELD_WORDS = {"number": "nummer", "date": "datum", "sender": "afzender", "subject": "onderwerp",
               "handling": "afhandeling", "committee": "commissie"}


def norm(text: str) -> str:
    """Lower case, single spaces, no punctuation at either end: how headers and handling words are compared."""
    return " ".join(text.lower().split()).strip(" .:;,-–()")


@dataclass(frozen=True)
class ListMapping:
    profile: Profile
    columns: dict[str, str]  # normalised header -> field
    words: dict[str, str]  # normalised handling words -> canonical code
    source: str  # the file a griffie edits, named in messages

    def field_for(self, header: str) -> str | None:
        return self.columns.get(norm(header))

    def handling_for(self, text: str) -> str | None:
        """The canonical code for the council's handling words, or None when they are not known (never a guess)."""
        key = norm(text)
        if not key:
            return None
        if key in self.words:
            return self.words[key]
        # "a. Voor kennisgeving aannemen", "II - In handen van ...": a known code followed by words
        m = re.match(r"^(?:categorie\s+)?([0-9]+|[a-z]|[ivx]+)\s*[.:)\-–]\s*(.+)$", key)
        if m and m.group(1) in self.words:
            code = self.words[m.group(1)]
            rest = self.words.get(norm(m.group(2)))
            return code if rest in (None, code) else None  # a code and words that disagree are not guessed
        return None


def _own_words(profile: Profile) -> dict[str, str]:
    """The profile's own codes and labels; a canonical code that falls back to another is written as that one."""
    out: dict[str, str] = {}
    for canonical in HANDLINGS:
        if canonical in profile.handling_fallbacks or canonical == "niet_op_lijst":
            continue
        code, label = profile.local(canonical)
        for key in (code, f"categorie {code}", label, f"{code}. {label}", f"{code} - {label}"):
            out.setdefault(norm(key), canonical)
    return out


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise RuleError(f"{path}: {e}") from e


def load_mapping(rules_dir: Path, profile: Profile) -> ListMapping:
    folder = rules_dir / "profiles" / "history"
    files = [folder / "generiek.toml", folder / f"{profile.name}.toml"]
    columns: dict[str, str] = {}
    words = _own_words(profile)
    for path in files:
        if not path.is_file():
            continue
        data = _read(path)
        for field, headers in data.get("columns", {}).items():
            if field not in FIELDS:
                raise RuleError(f"{path}: onbekend veld '{field}' in [columns] (wel: {', '.join(FIELDS)})")
            for header in headers:
                columns[norm(header)] = field
        for word, canonical in data.get("handling", {}).items():
            if canonical not in HANDLINGS:
                raise RuleError(f"{path}: onbekende afhandeling '{canonical}' voor '{word}' "
                                f"(wel: {', '.join(HANDLINGS)})")
            words[norm(word)] = canonical
    return ListMapping(profile, columns, words, str(files[-1]))
