"""Calibrated topic scores: temperature scaling of the classifier's softmax, fitted on letters the model did not
train on, so that a score of 0.8 is right about 80% of the time; and the expected calibration error (ECE) that
measures it. The temperature is stored in the model's meta (models/topic_calibrate.py fits it)."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence

META_KEY = "griffiepost_calibration"
ECE_BINS = 10


def with_temperature(scores: Mapping[str, float], temperature: float) -> dict[str, float]:
    """softmax(logits / T) from softmax(logits): p_i^(1/T), renormalised (the same order, other confidence)."""
    if temperature == 1.0 or not scores:
        return dict(scores)
    logs = {c: math.log(max(p, 1e-300)) / temperature for c, p in scores.items()}
    top = max(logs.values())
    exp = {c: math.exp(v - top) for c, v in logs.items()}
    total = sum(exp.values())
    return {c: v / total for c, v in exp.items()}


def expected_calibration_error(confidences: Sequence[float], correct: Sequence[bool], bins: int = ECE_BINS) -> float:
    """Sum over equal-width confidence bins of (share of rows) x |accuracy - mean confidence| in the bin."""
    if not confidences:
        return 0.0
    groups: dict[int, list[tuple[float, bool]]] = {}
    for conf, ok in zip(confidences, correct):
        groups.setdefault(min(int(conf * bins), bins - 1), []).append((conf, ok))
    return sum(abs(sum(ok for _, ok in g) / len(g) - sum(c for c, _ in g) / len(g)) * len(g)
               for g in groups.values()) / len(confidences)


def _nll(cats: Sequence[Mapping[str, float]], ok: Sequence[Collection[str]], temperature: float) -> float:
    """Mean -log P(an acceptable theme) under the temperature."""
    total = 0.0
    for scores, good in zip(cats, ok):
        scaled = with_temperature(scores, temperature)
        total -= math.log(max(sum(scaled.get(c, 0.0) for c in good), 1e-12))
    return total / len(cats)


def fit_temperature(cats: Sequence[Mapping[str, float]], ok: Sequence[Collection[str]]) -> float:
    """The temperature (log-spaced grid 0.01-10, then refined) with the lowest log loss on these letters."""
    grid = [10 ** (k / 50) for k in range(-100, 51)]
    best = min(grid, key=lambda t: _nll(cats, ok, t))
    fine = [best * 10 ** (k / 1000) for k in range(-20, 21)]
    return min(fine, key=lambda t: _nll(cats, ok, t))


def top_confidence(cats: Sequence[Mapping[str, float]], ok: Sequence[Collection[str]],
                   temperature: float = 1.0) -> tuple[list[float], list[bool]]:
    """The best theme's (calibrated) score per letter, and whether that theme is acceptable."""
    confs, right = [], []
    for scores, good in zip(cats, ok):
        scaled = with_temperature(scores, temperature)
        best = max(scaled, key=scaled.__getitem__)
        confs.append(scaled[best])
        right.append(best in good)
    return confs, right
