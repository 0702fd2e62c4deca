"""The one-pass occlusion gives exactly the reasons the per-word re-scoring gave (tests/judge_oracle.py)."""

from __future__ import annotations

import json

import numpy
import pytest
from spacy.tokens import Doc

from pipeline.config import Settings
from pipeline.judge import FIELDS, OCCLUSION_MARGIN, feature_tokens, load_judge
from pipeline.occlusion import occluded_scores
from tests.judge_oracle import FIXTURE, oracle_strongest_words, sample_model_texts, text_sha


@pytest.fixture(scope="module")
def judge():
    return load_judge(Settings().models_dir)


@pytest.fixture(scope="module")
def sample_texts(tmp_path_factory):
    return sample_model_texts(tmp_path_factory.mktemp("judge-texts"))


def test_strongest_words_equal_the_recorded_oracle_on_every_sample_message(judge, sample_texts):
    """GIVEN the words the old algorithm chose for every sample message, field and label (recorded before the
    change) WHEN the one-pass version chooses them THEN they are the same words in the same order."""
    recorded = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert len(sample_texts) == len(recorded) == 53
    compared = 0
    for name, text, skip in sample_texts:
        assert text_sha(text) == recorded[name]["text_sha256"], f"{name}: the model text changed"
        for field in FIELDS:
            for code, words in recorded[name]["words"][field].items():
                assert judge.strongest_words(text, field, code, k=5, skip=skip) == words, (name, field, code)
                compared += 1
    assert compared > 53 * 3 * 8


def test_strongest_words_equal_the_live_oracle_for_other_k_and_skips(judge, sample_texts):
    """The live old algorithm (not only its recording) agrees for k=10 and with no words skipped."""
    for name, text, _ in sample_texts[::5]:
        for field in FIELDS:
            codes = list(judge._nlp[field].get_pipe("textcat").labels)[:4]
            old = oracle_strongest_words(judge, text, field, codes, k=10)
            assert {c: judge.strongest_words(text, field, c, k=10) for c in codes} == old, (name, field)


def test_one_pass_scores_match_the_classifier_well_within_the_margin(judge, sample_texts):
    """The algebraic variant scores differ from the classifier's own by far less than the re-measuring margin."""
    worst = 0.0
    for name, text, _ in sample_texts[:12]:
        for field in FIELDS:
            nlp = judge._nlp[field]
            textcat = nlp.get_pipe("textcat")
            pairs = feature_tokens(nlp.make_doc(text), field)
            if not pairs:
                continue
            drops = sorted({i for i, _ in pairs})[:: max(1, len(pairs) // 20)]
            removed = [{w: sum(1 for j, x in pairs if j == i and x == w) for j, w in pairs if j == i} for i in drops]
            base, variants = occluded_scores(nlp, textcat, [w for _, w in pairs], removed)
            real = [textcat(Doc(nlp.vocab, words=[w for j, w in pairs if j != i] or [""])).cats for i in drops]
            labels = list(textcat.labels)
            expect = numpy.array([[c[label] for label in labels] for c in real])
            ok = ~numpy.isnan(variants).any(axis=1)
            worst = max(worst, float(numpy.abs(variants[ok] - expect[ok]).max()))
    assert worst < OCCLUSION_MARGIN / 10
