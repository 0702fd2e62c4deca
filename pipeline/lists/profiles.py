"""The active council profile for lists, loaded once per (rules dir, name)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.config import Settings
from pipeline.rules.profile import Profile, load_profile


@lru_cache(maxsize=16)
def _cached(rules_dir: str, name: str) -> Profile:
    return load_profile(Path(rules_dir), name)


def active_profile(settings: Settings) -> Profile:
    """The profile named in the settings (rules/profiles/<name>.toml)."""
    return _cached(str(settings.rules_dir), settings.profile.name)


def council_name(settings: Settings, profile: Profile) -> str:
    """The council's name for list headings: profile.council in the settings when it is set, else the profile's."""
    return settings.profile.council or profile.council
