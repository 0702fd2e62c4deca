"""The generated past of the bundled profiles: deterministic, committed as generated, small, in every layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.history.sample_generate import DEFAULT_OUT, PROFILES, ROOT, write_profile

MAX_BYTES = 5 * 1024 * 1024


@pytest.mark.parametrize("profile", PROFILES)
def test_committed_sample_history_is_what_the_generator_writes(tmp_path: Path, profile: str) -> None:
    write_profile(ROOT / "rules", profile, tmp_path)
    fresh = sorted(p.relative_to(tmp_path) for p in (tmp_path / profile).rglob("*") if p.is_file())
    committed = sorted(p.relative_to(DEFAULT_OUT) for p in (DEFAULT_OUT / profile).rglob("*") if p.is_file())
    assert fresh == committed
    changed = [str(p) for p in fresh if (tmp_path / p).read_bytes() != (DEFAULT_OUT / p).read_bytes()]
    assert changed == [], "regenerate with: python -m pipeline.history.sample_generate"


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_has_lists_in_each_layout_and_a_mailbox(profile: str) -> None:
    lists = list((DEFAULT_OUT / profile / "lists").iterdir())
    suffixes = {p.suffix for p in lists}
    assert {".pdf", ".docx", ".html"} <= suffixes
    assert any("pdf_text" in p.name for p in lists)
    assert all(p.stat().st_size < MAX_BYTES for p in lists)
    truth = json.loads((DEFAULT_OUT / profile / "truth.json").read_text(encoding="utf-8"))
    cases = {m["case"] for m in truth["mails"].values()}
    assert {"original", "forward", "resend", "noise", "unlisted"} <= cases
    assert len(truth["entries"]) > 200
    total = sum(p.stat().st_size for p in (DEFAULT_OUT / profile).rglob("*") if p.is_file())
    assert total < MAX_BYTES
