"""Topic features that transfer (issue 11): character n-grams, the subject line, the TOOI theme lexicon; and the
calibration of the topic score."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import pytest
import spacy

from pipeline.blind import score
from pipeline.calibration import expected_calibration_error, fit_temperature, top_confidence, with_temperature
from pipeline.topic_features import (LEXICON_PREFIX, SUBWORD_PREFIX, TopicFeatures, TopicFeatureSpec, read_lexicon,
                                     subject_tokens)
from pipeline.vocab import TOPICS

MODELS = Path(__file__).resolve().parent.parent / "models"
NATUUR, FINANCIEN, CULTUUR, VERKEER = "c_afa30a11", "c_391585db", "c_0361ffb3", "c_849842ac"


@pytest.fixture(scope="module")
def features() -> TopicFeatures:
    return TopicFeatures(TopicFeatureSpec(4, 5, 7, True, read_lexicon(MODELS / "topic_lexicon.toml")))


def test_the_lexicon_names_every_theme_with_single_lower_case_terms():
    lexicon = read_lexicon(MODELS / "topic_lexicon.toml")
    assert set(lexicon) == {t.code for t in TOPICS}
    for code, terms in lexicon.items():
        assert len(terms) >= 8, code
        assert all(re.fullmatch(r"\^?[a-zë-ü]{3,}", t) for t in terms), (code, terms)


def test_a_compound_carries_the_themes_of_its_parts(features):
    found = features.word("afvalstoffenheffing")
    assert LEXICON_PREFIX + NATUUR in found and LEXICON_PREFIX + FINANCIEN in found  # afval + heffing
    assert SUBWORD_PREFIX + "<afva" in found and SUBWORD_PREFIX + "fing>" in found
    # start-only terms: "transport" is no sport, "colleges" no leges; short words get no n-grams
    assert LEXICON_PREFIX + CULTUUR not in features.word("transport")
    assert LEXICON_PREFIX + FINANCIEN not in features.word("colleges")
    assert LEXICON_PREFIX + VERKEER in features.word("fietspad") and features.word("de") == ()


def test_the_subject_line_and_betreft_lines_are_read_again():
    nlp = spacy.blank("nl")
    text = "Ledenbrief: septembercirculaire gemeentefonds\n\nGeachte leden,\n\nBetreft: ravijnjaar 2026\nTekst."
    doc = nlp.make_doc(text)
    words = [[w] if w.isalpha() else [] for w in (t.text.lower() for t in doc)]
    chosen = [doc[i].text for i in subject_tokens(doc, words)]
    assert chosen == ["Ledenbrief", "septembercirculaire", "gemeentefonds", "Betreft", "ravijnjaar"]


def test_temperature_keeps_the_order_and_sharpens_flat_scores():
    flat = {"a": 0.10, "b": 0.07, "c": 0.05}
    sharp = with_temperature(flat, 0.2)
    assert sorted(sharp, key=sharp.get) == sorted(flat, key=flat.get)
    assert sum(sharp.values()) == pytest.approx(1.0) and sharp["a"] > 0.8
    assert with_temperature(flat, 1.0) == flat


def test_fitting_recovers_the_temperature_of_overconfident_scores():
    """Letters whose true theme is drawn from softmax(z) but scored softmax(z / 0.25): the fit finds T near 4."""
    rng = random.Random(11)
    cats, ok = [], []
    for _ in range(600):
        z = {c: rng.gauss(0, 1.0) for c in "abcdef"}
        total = sum(math.exp(v) for v in z.values())
        true = {c: math.exp(v) / total for c, v in z.items()}
        pick = rng.random()
        for c, p in true.items():
            pick -= p
            if pick <= 0:
                break
        cats.append(with_temperature(true, 0.25))
        ok.append({c})
    t = fit_temperature(cats, ok)
    assert 3.0 < t < 5.5
    before = expected_calibration_error(*top_confidence(cats, ok))
    after = expected_calibration_error(*top_confidence(cats, ok, t))
    assert after < 0.05 < before


def test_ece_of_a_perfectly_calibrated_bin_is_zero():
    assert expected_calibration_error([0.8] * 10, [True] * 8 + [False] * 2) == pytest.approx(0.0)
    assert expected_calibration_error([0.9] * 4, [False] * 4) == pytest.approx(0.9)


def test_the_blind_report_gives_the_calibration_error():
    rows = [{"genre": "klacht", "labels": {"topic": "a", "topics_ok": [], "handling": "vka", "sender_kind": "inwoner",
                                           "document_kind": "klacht", "circular": False}}] * 4
    preds = [{"topic": t, "topics": [t], "topic_score": 0.75, "handling": "vka", "sender_kind": "inwoner",
              "document_kind": "klacht", "circular": False, "organisation": None} for t in "aaab"]
    report = score(rows, preds)
    assert report.topic_ece == pytest.approx(0.0)
    assert "kalibratiefout onderwerp (ECE): 0.000" in report.render()
