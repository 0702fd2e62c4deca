"""A bag-of-n-grams text classifier with sublinear, length-normalised counts (registered spaCy architecture)."""

from __future__ import annotations

from functools import partial
from typing import List, Optional, Sequence, Tuple

import numpy
from spacy.language import Language

from spacy.attrs import ORTH
from spacy.ml.extract_ngrams import extract_ngrams
from spacy.ml.models.textcat import NEG_VALUE, resize_and_set_ref
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Logistic, Model, SparseLinear_v2, chain, resizable, with_cpu
from thinc.layers.resizable import resize_linear_weighted
from thinc.types import ArrayXd, Floats2d

ARCHITECTURE = "griffiepost.TextCatNormBOW.v1"
Ngrams = Tuple[ArrayXd, ArrayXd, ArrayXd]


IDF_BUCKETS = 2 ** 15


def _normalise_forward(model: Model, ngrams: Ngrams, is_train: bool):
    """Counts -> (1 + log(count)) * idf, then divided by the document's L2 norm (TF-IDF with sublinear tf)."""
    keys, values, lengths = ngrams
    xp = model.ops.xp
    idf = model.get_param("idf")
    weights = (1.0 + xp.log(xp.maximum(values.astype("float32"), 1.0))) * idf[keys % idf.shape[0]]
    ends = xp.cumsum(lengths)
    starts = (ends - lengths).astype("int64")
    squares = xp.add.reduceat(weights ** 2, xp.minimum(starts, max(len(weights) - 1, 0))) if len(weights) \
        else xp.zeros(len(lengths), dtype="float32")
    norms = xp.sqrt(xp.where(lengths > 0, squares, 1.0)).astype("float32")
    weights = weights / xp.repeat(norms, lengths.astype("int64"))
    return (keys, weights.astype("float32"), lengths), lambda d: d  # nothing to learn before this layer


def _normalise_init(model: Model, X=None, Y=None) -> None:
    if not model.has_param("idf"):
        model.set_param("idf", model.ops.alloc1f(model.attrs["buckets"]) + 1.0)


def normalise_counts(buckets: int = IDF_BUCKETS) -> Model[Ngrams, Ngrams]:
    """The idf table has as many buckets as the linear layer's hash table (fewer collisions for n-grams)."""
    return Model("normalise_counts", _normalise_forward, init=_normalise_init, params={"idf": None},
                 attrs={"buckets": buckets})


def fit_idf(nlp: Language, docs: Sequence[Doc]) -> bool:
    """Set the idf weights from the training docs (smoothed, as scikit-learn does); False if the model has none."""
    model = nlp.get_pipe("textcat").model
    norm = next((node for node in model.walk() if node.name == "normalise_counts"), None)
    extract = next((node for node in model.walk() if node.name == "extract_ngrams"), None)
    if norm is None or extract is None:
        return False
    keys, _, lengths = extract.predict(list(docs))  # keys are unique within each doc
    buckets = int(norm.get_param("idf").shape[0])
    df = numpy.bincount(numpy.asarray(keys) % buckets, minlength=buckets).astype("float32")
    norm.set_param("idf", norm.ops.asarray1f(numpy.log((1.0 + len(lengths)) / (1.0 + df)) + 1.0))
    return True


def _softmax_hinge_forward(model: Model, logits: Floats2d, is_train: bool):
    """Scores are the softmax of the logits; training uses a one-vs-rest squared hinge loss on the logits
    (a linear SVM's margin), recovered from spaCy's textcat gradient d_scores = scores - truths."""
    scores = model.ops.softmax(logits)

    def backprop(d_scores: Floats2d) -> Floats2d:
        signs = 2.0 * (scores - d_scores) - 1.0  # +1 for the gold class, -1 for the others
        return -signs * model.ops.xp.maximum(0.0, 1.0 - signs * logits)

    return scores, backprop


def softmax_hinge() -> Model[Floats2d, Floats2d]:
    return Model("softmax_hinge", _softmax_hinge_forward)


@registry.architectures(ARCHITECTURE)
def build_norm_bow_text_classifier(exclusive_classes: bool, ngram_size: int, no_output_layer: bool,
                                   length: int = 262144, nO: Optional[int] = None) -> Model[List[Doc], Floats2d]:
    """spacy.TextCatBOW.v3 with normalise_counts between the n-gram extraction and the sparse linear layer."""
    length = 2 ** (length - 1).bit_length()
    sparse_linear = SparseLinear_v2(nO=nO, length=length)
    fill_defaults = {"b": NEG_VALUE if not no_output_layer else 0, "W": 0}
    resizable_layer = resizable(sparse_linear, resize_layer=partial(resize_linear_weighted, fill_defaults=fill_defaults))
    model = chain(extract_ngrams(ngram_size, attr=ORTH), normalise_counts(length), resizable_layer)
    model = with_cpu(model, model.ops)
    if not no_output_layer:
        output_layer = softmax_hinge() if exclusive_classes else Logistic()
        model = chain(model, with_cpu(output_layer, output_layer.ops))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse_linear)
    model.attrs["multi_label"] = not exclusive_classes
    model.attrs["resize_output"] = partial(resize_and_set_ref, resizable_layer=resizable_layer)
    return model
