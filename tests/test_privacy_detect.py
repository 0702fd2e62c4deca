"""Precision and recall of personal-data detection per kind on the annotated letters in tests/privacy/.

Matching: a predicted span and a gold span match when they have the same kind and their overlap covers at least
half of the gold span (for recall) or at least half of the predicted span (for precision). Letters whose name
starts with "h" were held out while the detector was written; both splits are printed and must pass.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from pipeline.privacy.detect import detect
from pipeline.records import PersonalDataSpan
from pipeline.vocab import PERSONAL_DATA_KINDS

HERE = Path(__file__).resolve().parent / "privacy"
ANNOTATIONS = json.loads((HERE / "annotations.json").read_text(encoding="utf-8"))
MIN_RECALL, MIN_PRECISION = 0.95, 0.85


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def evaluate(split: str | None) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Counts per kind {gold, found, recalled, correct} and a list of misses for the report."""
    counts = {k: {"gold": 0, "found": 0, "recalled": 0, "correct": 0} for k in PERSONAL_DATA_KINDS}
    misses: list[str] = []
    for name, entry in sorted(ANNOTATIONS.items()):
        if split is not None and entry["split"] != split:
            continue
        text = (HERE / "letters" / name).read_text(encoding="utf-8")
        gold = entry["spans"]
        predicted: list[PersonalDataSpan] = detect(text)
        for g in gold:
            counts[g["kind"]]["gold"] += 1
            hit = any(p.kind == g["kind"] and _overlap(p.start, p.end, g["start"], g["end"]) * 2
                      >= g["end"] - g["start"] for p in predicted)
            counts[g["kind"]]["recalled"] += hit
            if not hit:
                misses.append(f"{name}: missed {g['kind']} {g['text']!r}")
        for p in predicted:
            counts[p.kind]["found"] += 1
            ok = any(g["kind"] == p.kind and _overlap(p.start, p.end, g["start"], g["end"]) * 2
                     >= p.end - p.start for g in gold)
            counts[p.kind]["correct"] += ok
            if not ok:
                misses.append(f"{name}: spurious {p.kind} {p.text!r}")
    return counts, misses


def table(counts: dict[str, dict[str, int]], title: str) -> str:
    rows = [title, f"{'kind':<10} {'gold':>5} {'found':>5} {'recall':>7} {'precision':>9}"]
    for kind, c in counts.items():
        recall = c["recalled"] / c["gold"] if c["gold"] else 1.0
        precision = c["correct"] / c["found"] if c["found"] else 1.0
        rows.append(f"{kind:<10} {c['gold']:>5} {c['found']:>5} {recall:>7.3f} {precision:>9.3f}")
    return "\n".join(rows)


def test_test_set_is_large_enough() -> None:
    assert len(ANNOTATIONS) >= 30
    kinds = {s["kind"] for entry in ANNOTATIONS.values() for s in entry["spans"]}
    assert kinds == set(PERSONAL_DATA_KINDS)


@pytest.mark.parametrize("split", ["dev", "heldout"])
def test_recall_and_precision_per_kind(split: str) -> None:
    counts, misses = evaluate(split)
    report = table(counts, f"personal data detection, {split} letters") + "\n" + "\n".join(misses)
    print("\n" + report)
    for kind, c in counts.items():
        recall = c["recalled"] / c["gold"] if c["gold"] else 1.0
        precision = c["correct"] / c["found"] if c["found"] else 1.0
        assert recall >= MIN_RECALL, f"{kind} recall {recall:.3f}\n{report}"
        assert precision >= MIN_PRECISION, f"{kind} precision {precision:.3f}\n{report}"


def test_spans_are_sorted_non_overlapping_and_exact() -> None:
    for name in ANNOTATIONS:
        text = (HERE / "letters" / name).read_text(encoding="utf-8")
        spans = detect(text, source="attachment:0")
        for a, b in zip(spans, spans[1:]):
            assert a.end <= b.start, (name, a, b)
        for s in spans:
            assert text[s.start:s.end] == s.text and s.source == "attachment:0"


def test_five_page_letter_is_fast() -> None:
    letters = [(HERE / "letters" / n).read_text(encoding="utf-8") for n in sorted(ANNOTATIONS)]
    text = "\n\n".join(letters)[:15000]  # about five pages of letter text
    assert len(text) == 15000
    detect(text)  # warm up: the name lists load once
    timings = []
    for _ in range(3):  # best of three, in CPU time: the machine is shared with other jobs
        started = time.process_time()
        spans = detect(text)
        timings.append(time.process_time() - started)
    elapsed = min(timings)
    assert spans and elapsed < 0.05, f"{elapsed * 1000:.1f} ms for {len(text)} characters"
