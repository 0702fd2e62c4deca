"""The classify stage with the real trained models from models/: rules first, models fill the rest."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rules_helpers import analysis_of, eml, ruleset

from pipeline.dryrun import dry_run
from pipeline.flow import Pipeline
from pipeline.stages.classify import classify, explain_rules
from pipeline.vocab import TOPIC_BY_CODE
from tests.conftest import sample_settings

MODELS = Path(__file__).resolve().parents[1] / "models"
SEED = sorted((Path(__file__).resolve().parents[2] / "shared" / "seed").glob("*.txt"))
SIGN = "\n\nMet vriendelijke groet,\n\n"


@pytest.fixture(scope="module")
def judge():
    from pipeline.judge import load_judge

    return load_judge(MODELS)


def seed_raw() -> bytes:
    text = SEED[0].read_text(encoding="utf-8") if SEED else (
        "Beste leden van de gemeenteraden van Nederland,\n\nNamens de Landelijke Vereniging voor Kleine Kernen "
        "(LVKK) vragen wij aandacht voor ontmoeting, eenzaamheid en mantelzorgers. Overwegingen die u kunt "
        "meenemen bij het opstellen van de kadernota of begroting.\n")
    return eml(sender="Griffie Dordrecht <griffie@dordrecht.nl>", to="raad@waterlinde.nl",
               subject="FW: Oproep aan gemeenteraden: investeer in ontmoeting en dorpskracht", body=text)


def test_seed_letter_social_topic_and_betrekken_with_reasons(judge) -> None:
    c = classify(analysis_of(seed_raw()), ruleset(), judge)
    assert TOPIC_BY_CODE[c.topic.code].label in ("zorg en gezondheid", "sociale zekerheid")
    assert c.handling.code in ("vka", "betrekken")
    assert c.handling.code == "betrekken" and c.handling.score == pytest.approx(0.9)
    assert any("'kadernota'" in r for r in c.reasons)
    assert c.sender_kind == "organisatie" and c.document_kind == "rondzendbrief" and c.on_list
    assert c.committee == "Commissie Samenleving"
    assert "betrekken-kadernota" in c.rule_hits and "rondzendbrief" in c.rule_hits
    topic_reason = next(r for r in c.reasons if r.startswith("Onderwerp "))
    assert " door: " in topic_reason and f"({c.topic.score:.2f})" in topic_reason
    assert c.model_version == judge.version and "topic=" in c.model_version
    assert 1 <= len(c.topics) <= 3 and c.topics[0] == c.topic


def test_models_fill_what_rules_leave_open(judge) -> None:
    raw = eml(sender="Stichting <info@speeltuinmolenwijk.nl>", subject="Onderhoud speeltoestellen",
              body="Geachte raad,\n\nDe speeltoestellen in de Molenwijk zijn verouderd en onveilig. Wij hopen dat "
              "het speelplein snel weer veilig is; wij horen graag wat daarvoor nodig is." + SIGN +
              "R. Jansen\nVoorzitter Stichting Speeltuin Molenwijk\n")
    c = classify(analysis_of(raw), ruleset(), judge, top_k=2)
    assert c.sender_kind == "organisatie" and c.rule_hits == ["organisatie"]
    assert len(c.topics) == 2
    kind_reason = next(r for r in c.reasons if r.startswith("Soort document "))
    handling_reason = next(r for r in c.reasons if r.startswith("Afhandeling "))
    assert "(" in kind_reason and "(" in handling_reason
    assert c.handling.code != "niet_op_lijst" and c.on_list
    assert 0.0 < c.handling.score <= 1.0
    # a threshold above every score sends it to review, one below keeps it out
    assert classify(analysis_of(raw), ruleset(), judge, review_threshold=1.01).needs_review
    low = classify(analysis_of(raw), ruleset(), judge, review_threshold=0.0)
    assert not low.needs_review


def test_unknown_sender_needs_review(judge) -> None:
    raw = eml(sender="<noreply@portaal.example>", subject="Melding", body="Er is een nieuw document beschikbaar.")
    c = classify(analysis_of(raw), ruleset(), judge, review_threshold=0.0)
    assert c.sender_kind == "onbekend" and c.needs_review
    assert "Soort afzender onbekend: geen regel herkent de afzender" in c.reasons


def test_profile_switch_keeps_canonical_codes(judge) -> None:
    a = analysis_of(seed_raw())
    generic = classify(a, ruleset("generiek"), judge)
    sittard = classify(analysis_of(seed_raw(), "sittard-geleen"), ruleset("sittard-geleen"), judge)
    assert generic.handling.code == sittard.handling.code
    assert generic.topic.code == sittard.topic.code
    assert generic.committee != sittard.committee == "Commissie Sociaal Domein"


def test_without_judge_is_flagged_and_explained() -> None:
    raw = eml(sender="Anna de Boer <anna.deboer@gmail.com>", subject="Vraag",
              body="Geachte raad,\n\nWanneer wordt het park opgeknapt?" + SIGN + "Anna de Boer\n")
    c = classify(analysis_of(raw), ruleset(), None)
    assert c.needs_review and c.topic is None and c.model_version is None
    lines = explain_rules(analysis_of(raw), ruleset())
    assert "[particulier] Particulier: een naam, geen organisatie (privé-mailadres): inwoner" in lines
    assert "soort document: geen regel; het model beslist" in lines


def test_rules_check_report(tmp_path) -> None:
    settings = sample_settings(tmp_path, "nieuwkoop")
    report = dry_run(Pipeline.build(settings, with_models=False), seed_raw()).report
    assert "Profiel: nieuwkoop (gemeente Nieuwkoop)" in report
    assert "[betrekken-kadernota] Trefwoorden 'kadernota' en 'meenemen'" in report
    assert "Met het model" not in report and "zonder-model-soort-document: geen model: voorlopig brief" in report
    assert "1. ondertekening-college: de ondertekening" in report  # the organisation precedence, step by step
    with_model = dry_run(Pipeline.build(settings), seed_raw()).report
    assert "afhandeling: betrekken = e 'Agenderen voor een commissie of de raad'" in with_model
    assert "model-onderwerp: het model kiest" in with_model


def test_model_reasons_never_give_the_writers_name_as_a_word(judge) -> None:
    name = "Wilhelmina Oudshoorn-Terpstra"
    body = (f"Geachte raad,\n\nIk ben {name}. Familie Oudshoorn woont al veertig jaar aan de Dorpsstraat. "
            "De bus naar het ziekenhuis rijdt niet meer; ouderen kunnen hun afspraken niet halen. Oudshoorn en "
            "Terpstra zijn bekende namen in het dorp." + SIGN + f"{name}\n")
    analysis = analysis_of(eml(sender=f"{name} <w.oudshoorn@gmail.com>", subject="Busverbinding", body=body))
    c = classify(analysis, ruleset(), judge)
    model_reasons = [r for r in c.reasons if " door: " in r]
    assert model_reasons, c.reasons
    words = {w.strip().lower() for r in model_reasons for w in r.split(" door: ", 1)[1].split(",")}
    assert words and not words & {"wilhelmina", "oudshoorn", "terpstra"}, model_reasons
