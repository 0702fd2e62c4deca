"""The profile's [acknowledge] table: whether and when writers get an acknowledgement, from which address, which
domains are the council's own, and where its Jinja2 templates live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.rules.source import read_source

WHEN = ("confirmed", "filed")  # after the assistant confirmed (or corrected) the item | as soon as it is filed
MODES = ("queue", "draft")  # queue: the worker sends it | draft: the assistant previews and sends it


@dataclass(frozen=True)
class AckPolicy:
    enabled: bool = False
    when: str = "confirmed"
    mode: str = "queue"
    from_address: str = ""
    from_name: str = ""
    own_domains: tuple[str, ...] = ()
    templates: Path = Path()
    max_age_days: int = 14  # letters received longer ago get none (switching it on does not write to old writers)


KEYS = {"enabled", "when", "mode", "from_address", "from_name", "own_domains", "templates", "max_age_days"}


def load_policy(rules_dir: Path, profile: str) -> AckPolicy:
    """The [acknowledge] table of rules/profiles/<profile>.toml; without it nothing is acknowledged."""
    src = read_source(rules_dir / "profiles" / f"{profile}.toml", rules_dir)
    t = src.table("acknowledge")
    if t is None:
        return AckPolicy()
    for key in t.data:
        if key not in KEYS:
            raise t.fail(key, f"onbekende sleutel '{key}' (toegestaan: {', '.join(sorted(KEYS))})")
    data = t.data
    enabled = data.get("enabled", False)
    if not isinstance(enabled, bool):
        raise t.fail("enabled", "'enabled' moet true of false zijn")
    when, mode = data.get("when", "confirmed"), data.get("mode", "queue")
    if when not in WHEN:
        raise t.fail("when", f"'when' moet een van {', '.join(WHEN)} zijn, niet {when!r}")
    if mode not in MODES:
        raise t.fail("mode", f"'mode' moet een van {', '.join(MODES)} zijn, niet {mode!r}")
    address = data.get("from_address", "")
    if enabled and (not isinstance(address, str) or "@" not in address):
        raise t.fail("from_address", "'from_address' moet een e-mailadres zijn")
    domains = data.get("own_domains", [])
    if not isinstance(domains, list) or not all(isinstance(d, str) and d.strip() for d in domains):
        raise t.fail("own_domains", "'own_domains' moet een lijst met domeinnamen zijn")
    folder = rules_dir / "profiles" / str(data.get("templates", "ontvangstbevestiging"))
    if enabled and not (folder / "standaard.txt.j2").is_file():
        raise t.fail("templates", f"map met sjablonen {folder} mist standaard.txt.j2")
    age = data.get("max_age_days", 14)
    if isinstance(age, bool) or not isinstance(age, int) or age < 0:
        raise t.fail("max_age_days", "'max_age_days' moet een geheel getal >= 0 zijn")
    own = tuple(d.strip().lower().lstrip("@") for d in domains)
    own += (address.rsplit("@", 1)[-1].lower(),) if "@" in address else ()
    return AckPolicy(enabled=enabled, when=when, mode=mode, from_address=address,
                     from_name=str(data.get("from_name", "")), own_domains=tuple(dict.fromkeys(own)),
                     templates=folder, max_age_days=age)
