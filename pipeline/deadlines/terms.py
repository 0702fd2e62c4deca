"""The profile's [deadlines] table: the answer term for letters handed to the college, and when a term is 'soon'."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.rules.source import read_source

AFDOENING = ("college_afdoening", "college_afdoening_informeren")


@dataclass(frozen=True)
class DeadlineTerms:
    afdoening_weeks: int = 8  # Awb 4:13: a reasonable term, at most eight weeks after receipt
    afdoening_basis: str = "Awb artikel 4:13: binnen een redelijke termijn, uiterlijk acht weken na ontvangst"
    soon_days: int = 14  # the Termijnen page shows what falls due within this many days
    zienswijze_margin_days: int = 0  # the council's decision must be this many days before the due date

    def weeks_for(self, handling: str) -> int | None:
        return self.afdoening_weeks if handling in AFDOENING else None


def _whole(located, key: str, default: int, high: int) -> int:
    value = located.data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise located.fail(key, f"'{key}' moet een geheel getal van 0 tot en met {high} zijn, niet {value!r}")
    return value


def load_terms(rules_dir: Path, profile: str) -> DeadlineTerms:
    """The [deadlines] table of rules/profiles/<profile>.toml; absent keys keep the defaults above."""
    src = read_source(rules_dir / "profiles" / f"{profile}.toml", rules_dir)
    table = src.table("deadlines")
    if table is None:
        return DeadlineTerms()
    allowed = {"afdoening_weeks", "afdoening_basis", "soon_days", "zienswijze_margin_days"}
    for key in table.data:
        if key not in allowed:
            raise table.fail(key, f"onbekende sleutel '{key}' (toegestaan: {', '.join(sorted(allowed))})")
    basis = table.data.get("afdoening_basis", DeadlineTerms.afdoening_basis)
    if not isinstance(basis, str) or not basis.strip():
        raise table.fail("afdoening_basis", "'afdoening_basis' moet een niet-lege tekst zijn")
    return DeadlineTerms(afdoening_weeks=_whole(table, "afdoening_weeks", 8, 52), afdoening_basis=basis.strip(),
                         soon_days=_whole(table, "soon_days", 14, 365),
                         zienswijze_margin_days=_whole(table, "zienswijze_margin_days", 0, 90))
