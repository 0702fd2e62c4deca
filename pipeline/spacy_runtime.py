"""spaCy imported for prediction, without its command line (issue 13: `classify` starts in under 2 s).

`import spacy` runs `from .cli.info import info`, and with it every spaCy CLI command and what they need (typer,
rich, weasel, requests, httpx, jinja2: ~360 modules, ~0.25 s of CPU of every `classify` and worker start). Nothing
that loads or runs a pipeline uses them. import_spacy() imports spaCy with stand-ins for `spacy.cli` and
`spacy.cli.info` and removes them right after, so a later `import spacy.cli` (training, `python -m spacy`) loads
the real package; only `spacy.info` stays the stand-in's, which says where the real one is. Call it before the
first spaCy import of a process (pipeline.judge does); once spaCy is imported it only returns it.
"""

from __future__ import annotations

import sys
from types import ModuleType

STAND_INS = ("spacy.cli", "spacy.cli.info")


def _info(*args: object, **kwargs: object) -> None:
    raise RuntimeError("spacy.info is not loaded in this process (pipeline.spacy_runtime); use spacy.cli.info")


def import_spacy() -> ModuleType:
    """The spacy module, imported without its command line when this is the process's first spaCy import."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    cli, info = ModuleType(STAND_INS[0]), ModuleType(STAND_INS[1])
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    installed = {STAND_INS[0]: cli, STAND_INS[1]: info}
    sys.modules.update(installed)
    try:
        import spacy  # here, on purpose: the stand-ins must be in place first (the order matters)
    finally:
        for name, module in installed.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        if getattr(sys.modules.get("spacy"), "cli", None) is cli:
            delattr(sys.modules["spacy"], "cli")
    return spacy
