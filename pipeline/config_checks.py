"""What a setting may be, beyond its type: the range of every number and the choices of every word-setting.
Declared with the setting itself in pipeline/config.py (`bounded`, `one_of`, `networks` put it in the field's
metadata) and checked when config.toml is read, so a wrong value stops the start, not a fetch an hour later."""

from __future__ import annotations

import ipaddress
from dataclasses import Field, field, fields, is_dataclass
from typing import Any, get_args, get_type_hints


def bounded(default: float, lowest: float, highest: float) -> Any:
    """A number setting and its inclusive range."""
    return field(default=default, metadata={"range": (lowest, highest)})


def one_of(*choices: str) -> Any:
    """A word-setting and the words it may be; the first is the default."""
    return field(default=choices[0], metadata={"choices": choices})


def networks() -> Any:
    """A list of IP addresses or networks (10.0.0.1, 10.0.0.0/8, 2001:db8::/32), empty by default."""
    return field(default=(), metadata={"networks": True})


def declared(cls: type, what: str, prefix: str = "") -> dict[str, Any]:
    """Every setting below the settings class `cls` that declares `what` ("range", "choices", "networks"), by
    dotted key (array tables without index: "imap.accounts.port")."""
    out: dict[str, Any] = {}
    hints = get_type_hints(cls)
    for f in fields(cls):
        hint = hints[f.name]
        inner = [a for a in (hint, *get_args(hint)) if is_dataclass(a)]
        if inner:
            out.update(declared(inner[0], what, f"{prefix}{f.name}."))
        elif what in f.metadata:
            out[prefix + f.name] = f.metadata[what]
    return out


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else str(value)


def problem(setting: Field, value: Any) -> str | None:
    """A Dutch description of what is wrong with this (already typed) value of the setting, or None."""
    declared = setting.metadata
    if "range" in declared and isinstance(value, (int, float)):
        lo, hi = declared["range"]
        if not lo <= value <= hi:
            return f"moet tussen {_number(lo)} en {_number(hi)} liggen, niet {_number(value)}"
    if declared.get("networks"):
        for entry in value:
            try:
                ipaddress.ip_network(entry.strip(), strict=False)
            except ValueError:
                return f"bevat {entry!r}: geen IP-adres of netwerk (zoals 10.0.0.1 of 10.0.0.0/8)"
    if "choices" in declared and value not in declared["choices"]:
        return f"moet een van {', '.join(declared['choices'])} zijn, niet {value!r}"
    return None
