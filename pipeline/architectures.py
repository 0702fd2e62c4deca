"""griffiepost's own spaCy architectures, imported by the name a model's config gives them.

A model's config.cfg names the architecture of its textcat (`@architectures = "griffiepost.TextCatNormBOW.v1"`),
and spaCy finds it in its registry, where the module that defines it puts it when that module is imported. Such a
module needs spaCy and thinc at its top (~0.7 s of CPU), so it is imported here, chosen by the config, when a model
is built or loaded, and not by every module that may one day see a model (flow, the web app, the CLI). spaCy's
entry points do the same for an installed package; this is one of the places where pipeline code imports a module
chosen by data (named in tests/test_imports.py)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

# architecture name, as a config writes it -> the module that registers it (and may define fit_idf(nlp, docs):
# what it learns from the whole training set before the first update)
MODULES = {"griffiepost.TextCatNormBOW.v1": "pipeline.textcat_arch"}
ARCHITECTURE_LINE = re.compile(r'^@architectures\s*=\s*"([^"]+)"', re.MULTILINE)  # as spaCy writes config.cfg


def named_in(config: Mapping[str, Any]) -> list[str]:
    """Every `@architectures` value of a (nested) config, in order."""
    found: list[str] = []
    for key, value in config.items():
        if isinstance(value, Mapping):
            found += named_in(value)
        elif key == "@architectures":
            found.append(str(value))
    return found


def register(config: Mapping[str, Any]) -> dict[str, ModuleType]:
    """Import the module of each of our architectures that `config` names (importing it registers it with spaCy);
    spaCy's own architectures need nothing. Returns {name: module}."""
    return _import(named_in(config))


def _import(names: list[str]) -> dict[str, ModuleType]:
    return {name: importlib.import_module(MODULES[name]) for name in dict.fromkeys(names) if name in MODULES}


def register_saved(path: Path) -> dict[str, ModuleType]:
    """register() for the config.cfg of a saved pipeline directory (its `@architectures = "..."` lines are read as
    text: parsing the whole config again would cost ~2 ms a model at every start)."""
    text = (Path(path) / "config.cfg").read_text(encoding="utf-8")
    return _import(ARCHITECTURE_LINE.findall(text))


def load(path: Path, **kwargs: Any) -> Language:
    """spacy.load of a saved griffiepost pipeline: the architectures its config names are registered first."""
    import spacy

    register_saved(path)
    return spacy.load(path, **kwargs)
