"""docs/architecture.md stays true: the files it names exist, every command and every canonical code is in it, and
the code cites it instead of a design document outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline import vocab
from pipeline.cli.base import COMMAND_MODULES
from pipeline.stages.classify import FALLBACK_STEPS
from pipeline.stages.organisation import ORGANISATION_STEPS

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_file_it_names_exists():
    named = set(re.findall(r"`?((?:pipeline|tests|rules|docs)/[\w/.]+\.(?:py|toml|md))`?", DOC))
    named |= {f"pipeline/{m}" for m in re.findall(r"\s((?:stages|extract|rules)/\w+\.py)", DOC)}
    assert named and [p for p in named if not (ROOT / p).exists()] == []
    for constant in ("ORGANISATION_STEPS", "FALLBACK_STEPS", "COMMAND_MODULES"):
        assert constant in DOC
    assert ORGANISATION_STEPS and FALLBACK_STEPS


def test_every_command_and_canonical_code_is_in_it():
    assert [c for c in COMMAND_MODULES if f"`{c}" not in DOC] == []
    codes = (*vocab.SENDER_KINDS, *vocab.DOCUMENT_KINDS, *vocab.HANDLINGS, *vocab.ITEM_STATUSES, *vocab.MESSAGE_STATES)
    assert [c for c in codes if f"`{c}`" not in DOC] == []


def test_the_code_cites_the_repository_document():
    stale = [str(p.relative_to(ROOT)) for p in [*ROOT.glob("pipeline/**/*.py"), *ROOT.glob("tests/*.py")]
             if re.search(r"\bDESIGN\.md", p.read_text(encoding="utf-8"))]
    assert stale == []
