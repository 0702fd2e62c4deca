"""Issue 15, point 6: a required rule file that is missing is refused, naming it, in Dutch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import RuleError
from pipeline.rules import load_ruleset
from pipeline.rules.loader import REQUIRED_FILES

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.mark.parametrize("name", ["senders.toml", "chain.toml", "keywords.toml", "kennis/gemeenten.toml"])
def test_missing_required_rule_file_is_refused_by_name(tmp_path, name):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    (rules / name).unlink()
    with pytest.raises(RuleError) as e:
        load_ruleset(rules, "generiek")
    assert name in str(e.value) and "ontbreekt" in str(e.value)


def test_every_shipped_rule_file_is_required_or_known_optional():
    shipped = {p.relative_to(RULES).as_posix() for p in RULES.glob("**/*.toml") if "profiles" not in p.parts}
    assert set(REQUIRED_FILES) <= shipped
    assert "senders.toml" in REQUIRED_FILES
