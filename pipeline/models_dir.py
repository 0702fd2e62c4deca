"""The trained pipelines' directory: which fields have a model, and whether they are there (without spaCy)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ConfigError

FIELDS = ("topic", "handling", "document_kind")


class ModelNotFound(ConfigError):
    """A pipeline directory is missing or unreadable."""


def check_models(models_dir: Path) -> None:
    """Raise ModelNotFound (a Dutch sentence) when a trained pipeline is missing; cheap, imports no spaCy."""
    for field in FIELDS:
        path = Path(models_dir).resolve() / field
        if not (path / "meta.json").exists():
            raise ModelNotFound(f"model '{field}' niet gevonden in {path}; draai eerst 'griffiepost train'")
