"""Typed reading of rule-file values: every wrong value becomes a RuleError naming file, line and problem."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pipeline.rules.source import Located
from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, SENDER_KINDS

CHOICES = {
    "sender_kind": ("soort afzender", SENDER_KINDS),
    "document_kind": ("soort document", DOCUMENT_KINDS),
    "handling": ("afhandeling", HANDLINGS),
}


def check_keys(entry: Located, allowed: Iterable[str]) -> None:
    allowed = set(allowed)
    for key in entry.data:
        if key not in allowed:
            raise entry.fail(key, f"onbekende sleutel '{key}' (toegestaan: {', '.join(sorted(allowed))})")


def text(entry: Located, key: str, required: bool = True, default: str | None = None) -> str | None:
    value = entry.data.get(key)
    if value is None:
        if required:
            raise entry.fail(None, f"'{key}' ontbreekt")
        return default
    if not isinstance(value, str) or not value.strip():
        raise entry.fail(key, f"'{key}' moet een niet-lege tekst zijn")
    return value.strip()


def number(entry: Located, key: str, default: float | None = None, low: float = 0.0,
           high: float = 1.0) -> float | None:
    value = entry.data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise entry.fail(key, f"'{key}' moet een getal van {low:g} tot en met {high:g} zijn, niet {value!r}")
    return float(value)


def flag(entry: Located, key: str) -> bool | None:
    value = entry.data.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise entry.fail(key, f"'{key}' moet true of false zijn, niet {value!r}")


def texts(entry: Located, key: str, required: bool = False) -> list[str]:
    value = entry.data.get(key)
    if value is None:
        if required:
            raise entry.fail(None, f"'{key}' ontbreekt")
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise entry.fail(key, f"'{key}' moet een lijst met teksten zijn")
    return [v.strip() for v in value]


def choice(entry: Located, key: str, vocabulary: str, required: bool = True) -> str | None:
    label, allowed = CHOICES[vocabulary]
    value = text(entry, key, required)
    if value is None:
        return None
    if value not in allowed:
        raise entry.fail(key, f"onbekende {label} '{value}' (toegestaan: {', '.join(allowed)})")
    return value


def choices(entry: Located, key: str, vocabulary: str) -> list[str]:
    label, allowed = CHOICES[vocabulary]
    values = texts(entry, key)
    for value in values:
        if value not in allowed:
            raise entry.fail(key, f"onbekende {label} '{value}' (toegestaan: {', '.join(allowed)})")
    return values


def one_of(entry: Located, key: str, allowed: Iterable[str], what: str, default: str | None = None) -> str:
    allowed = tuple(allowed)
    value = text(entry, key, required=default is None, default=default)
    if value not in allowed:
        raise entry.fail(key, f"onbekende {what} '{value}' (toegestaan: {', '.join(allowed)})")
    return value  # type: ignore[return-value]


def regex(entry: Located, key: str, pattern: str, substitutions: dict[str, str] | None = None) -> re.Pattern:
    for name, value in (substitutions or {}).items():
        pattern = pattern.replace("{" + name + "}", re.escape(value))
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise entry.fail(key, f"ongeldig patroon {pattern!r} ({exc})") from exc


def target(entry: Located, fields: tuple[str, ...]) -> tuple[str, Any]:
    """Exactly one of the fields a rule may set (document_kind, handling, sender_kind, on_list)."""
    present = [f for f in fields if f in entry.data]
    if len(present) != 1:
        raise entry.fail(None, f"geef precies één van {', '.join(fields)} op (nu: {', '.join(present) or 'geen'})")
    key = present[0]
    if key == "on_list":
        value = flag(entry, key)
        if value is not False:
            raise entry.fail(key, "'on_list' kan alleen false zijn (een regel haalt iets van de lijst)")
        return key, False
    return key, choice(entry, key, key)


def grouped_words(entry: Located, key: str) -> list[list[str]]:
    """['zienswijze', ['begroting', 'ontwerpbegroting']] -> every group must match, one word of a group is enough."""
    value = entry.data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise entry.fail(key, f"'{key}' moet een lijst zijn")
    groups = []
    for item in value:
        group = [item] if isinstance(item, str) else item
        if not isinstance(group, list) or not group or not all(isinstance(w, str) and w.strip() for w in group):
            raise entry.fail(key, f"'{key}' bevat {item!r}: gebruik teksten of lijsten met teksten")
        groups.append([w.strip() for w in group])
    return groups
