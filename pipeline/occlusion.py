"""Occlusion losses of a bag-of-words textcat in one pass: the score with each group of tokens left out, by algebra.

The classifier (textcat_arch.TextCatNormBOW) is linear after a per-document normalisation: a word counted c times
weighs (1 + log c) * idf, the vector is divided by its L2 norm, the logits are W x + b and the scores their
softmax. Leaving out a group of tokens changes only the counts of the words it contains, so each variant's norm and
logits follow from the whole letter's sums minus the changed words' old terms plus their new ones; no variant
document is built or tokenised. The sums are in float64, the classifier works in float32: callers that need the
classifier's own figures recompute the few variants near a decision boundary with it (see Judge.strongest_words).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # nothing here imports numpy or spaCy: the arrays come from the model (its ops' xp is numpy)
    import numpy
    from spacy.language import Language
    from spacy.pipeline import TextCategorizer


def _layers(textcat: TextCategorizer):
    model = textcat.model
    norm = next((node for node in model.walk() if node.name == "normalise_counts"), None)
    linear = model.get_ref("output_layer") if model.has_ref("output_layer") else None
    return norm, linear


def supports(textcat: TextCategorizer) -> bool:
    """True for the architecture this module knows (normalised counts, a sparse linear layer, softmax)."""
    norm, linear = _layers(textcat)
    return norm is not None and linear is not None and not textcat.model.attrs.get("multi_label", True)


def occluded_scores(nlp: Language, textcat: TextCategorizer, words: list[str],
                    removed: list[dict[str, int]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Softmax scores (float64) of the document `words`, and of it with each `removed` word count taken away.

    Returns (base scores [n_labels], variant scores [len(removed), n_labels]); a variant that would be left without
    any word gets NaN (the classifier reads such a document as one empty token: recompute it)."""
    norm, linear = _layers(textcat)
    xp = linear.ops.xp  # the array module of the layer's ops: numpy (the architecture runs with_cpu)
    strings = nlp.vocab.strings
    uniques = sorted(set(words))
    index = {w: i for i, w in enumerate(uniques)}
    counts = xp.zeros(len(uniques), dtype="float64")
    for w in words:
        counts[index[w]] += 1
    keys = xp.asarray([strings.add(w) for w in uniques], dtype="uint64")
    idf_table = norm.get_param("idf")
    idf = xp.asarray(idf_table[keys % idf_table.shape[0]], dtype="float64")
    # one call of the linear layer with every word alone at value 1: its column of W (plus the bias, taken off)
    ones = xp.ones(len(uniques), dtype="float32")
    lengths = xp.ones(len(uniques), dtype="int32")
    bias = xp.asarray(linear.get_param("b"), dtype="float64")
    columns = xp.asarray(linear.predict((keys, ones, lengths)), dtype="float64") - bias

    def weigh(c: numpy.ndarray) -> numpy.ndarray:
        return xp.where(c > 0, (1.0 + xp.log(xp.maximum(c, 1.0))) * idf, 0.0)

    def softmax(logits: numpy.ndarray) -> numpy.ndarray:
        e = xp.exp(logits - logits.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)

    base_v = weigh(counts)
    base = softmax(base_v @ columns / xp.sqrt((base_v ** 2).sum()) + bias)
    taken = xp.zeros((len(removed), len(uniques)), dtype="float64")
    for row, group in enumerate(removed):
        for w, n in group.items():
            taken[row, index[w]] = n
    left = counts[None, :] - taken
    v = weigh(left)
    squares = (v ** 2).sum(axis=1)
    empty = left.sum(axis=1) <= 0
    logits = (v @ columns) / xp.sqrt(xp.where(empty, 1.0, squares))[:, None] + bias
    variants = softmax(logits)
    variants[empty] = xp.nan
    return base, variants


def strongest(names: list[str], estimate: Sequence[float], k: int, exact: Callable[[int], float],
              margin: float) -> list[int]:
    """Indices of the k largest positive losses, ordered by (-loss, name), as the exact losses would order them.

    `estimate` holds the one-pass losses (NaN: unknown), `exact(i)` the classifier's own loss of variant i, and
    every estimate is within `margin` of its exact loss. Only lemmas whose estimate lies within 2 * margin of
    another estimate or of zero (or is unknown) are measured: for all others the estimate orders them rightly."""
    known = [math.inf if math.isnan(v) else v for v in map(float, estimate)]
    ordered = sorted(known)
    bar = max(ordered[-min(k, len(ordered))], 0.0) - 2 * margin
    candidates = [i for i in range(len(names)) if known[i] >= bar]
    keys: dict[int, float] = {}
    for i in candidates:
        value = known[i]
        near = bisect_right(ordered, value + 2 * margin) - bisect_left(ordered, value - 2 * margin)
        crowded = near > 1  # another estimate besides its own lies within 2 * margin
        keys[i] = exact(i) if math.isinf(value) or abs(value) <= 2 * margin or crowded else value
    chosen = sorted(candidates, key=lambda i: (-keys[i], names[i]))[:k]
    return [i for i in chosen if keys[i] > 0]
