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
from pipeline.calibration import (META_KEY as CALIBRATION_KEY, expected_calibration_error, fit_temperature,
                                  top_confidence, with_temperature)
from pipeline.judge import feature_doc, load_judge
from pipeline.topic_features import (LEXICON_PREFIX, META_KEY, SUBJECT_PREFIX, SUBWORD_PREFIX, TopicFeatures,
                                     TopicFeatureSpec, read_lexicon, subject_tokens)
from pipeline.training import train_field
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


def test_a_topic_model_trained_with_the_features_reads_them_back(tmp_path):
    """topic.cfg's topic_features on: the spec and lexicon go into the model's meta and prediction reads them."""
    cfg = (MODELS / "config" / "topic.cfg").read_text().replace("topic_features = false", "topic_features = true")
    cfg = cfg.replace('lexicon = "topic_lexicon.toml"', f'lexicon = "{MODELS / "topic_lexicon.toml"}"')
    (tmp_path / "topic.cfg").write_text(cfg)
    rows = [{"id": "a", "text": "Onderwerp: afvalstoffenheffing\n\nDe heffing stijgt.", "topic": FINANCIEN},
            {"id": "b", "text": "Betreft: fietspad\n\nHet fietspad is kapot.", "topic": VERKEER}]
    train_field(rows, "topic", tmp_path / "topic.cfg", tmp_path / "topic", epochs=2)
    nlp = spacy.load(tmp_path / "topic")
    spec = TopicFeatureSpec.from_meta(nlp.meta[META_KEY])
    assert spec.lexicon == read_lexicon(MODELS / "topic_lexicon.toml") and (spec.ngram_min, spec.ngram_max) == (4, 5)
    words = [t.text for t in feature_doc(nlp, "Onderwerp: afvalstoffenheffing\n\nGeachte raad", field="topic")]
    assert SUBJECT_PREFIX + "afvalstoffenheffing" in words and LEXICON_PREFIX + NATUUR in words
    assert any(w.startswith(SUBWORD_PREFIX) for w in words)
    plain = [t.text for t in feature_doc(nlp, "Onderwerp: afvalstoffenheffing\n\nGeachte raad", field="handling")]
    assert plain == ["onderwerp", "afvalstoffenheffing", "geachte", "raad"]


def test_the_judge_gives_calibrated_topic_scores():
    judge = load_judge(MODELS)
    nlp = judge._nlp["topic"]
    calibration = nlp.meta[CALIBRATION_KEY]
    assert calibration["ece_dev"] <= 0.05 < calibration["ece_dev_uncalibrated"] and calibration["dev_letters"] >= 200
    text = "Betreft: verkeersveiligheid bij de basisschool\n\nDe oversteek is gevaarlijk."
    raw = nlp.get_pipe("textcat")(feature_doc(nlp, text, field="topic")).cats
    calibrated = with_temperature(raw, calibration["temperature"])
    preds = judge.topics(text)
    assert [p.code for p in preds[:3]] == sorted(calibrated, key=lambda c: (-calibrated[c], c))[:3]
    assert all(p.score == pytest.approx(calibrated[p.code], abs=1e-9) for p in preds)
    assert judge.topics(text)[0].score > max(raw.values())  # the raw hinge-trained scores are flat
    assert max(p.stat().st_size for p in (MODELS / "topic").rglob("*") if p.is_file()) < 5_000_000
