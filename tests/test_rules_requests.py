"""Handling rules that read the request a letter makes, run through classify with the real models."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_rules_helpers import analysis_of, eml, ruleset

from pipeline.stages.classify import classify

MODELS = Path(__file__).resolve().parents[1] / "models"
SIGN = "\n\nMet vriendelijke groet,\n\n"
ORG_SIGN = SIGN + "P. de Wit\nsecretaris Buurtvereniging De Linde\n"


@pytest.fixture(scope="module")
def judge():
    from pipeline.judge import load_judge

    return load_judge(MODELS)


def letter(body: str, subject: str = "Speelplein Lindeplein",
           sender: str = "Buurtvereniging De Linde <bestuur@buurtverenigingdelinde.nl>") -> bytes:
    return eml(sender=sender, subject=subject, body="Geachte leden van de raad,\n\n" + body + ORG_SIGN)


def test_subject_that_says_klacht_makes_a_complaint_for_the_college(judge) -> None:
    raw = eml(sender="Café Het Anker <info@cafehetanker.nl>", subject="Klacht: laad- en losplaats Marktstraat",
              body="Geachte raad,\n\nSinds maart mogen onze leveranciers niet meer laden en lossen voor het café."
              + SIGN + "H. Verhoef\neigenaar Café Het Anker\n")
    c = classify(analysis_of(raw), ruleset(), judge)
    assert c.document_kind == "klacht"
    assert "onderwerp-klacht" in c.rule_hits and "klacht-college" in c.rule_hits
    assert c.handling.code == "college_afdoening"


def test_request_to_inform_the_council_wins_over_the_plain_request(judge) -> None:
    c = classify(analysis_of(letter("Het speelplein is al maanden afgesloten. Wij vragen het college het hek te "
                                    "repareren en de raad over de uitkomst te informeren.")), ruleset(), judge)
    assert c.handling.code == "college_afdoening_informeren" and c.handling.score == pytest.approx(0.9)
    assert "college-afdoening-raad-informeren" in c.rule_hits
    assert "college-afdoening-verzoek-aan-gemeente" not in c.rule_hits
    assert any("de raad over de uitkomst te informeren" in r for r in c.reasons)


def test_concrete_request_to_the_municipality_goes_to_the_college(judge) -> None:
    c = classify(analysis_of(letter("Het speelplein is al maanden afgesloten. Wij vragen de gemeente het hek "
                                    "voor de zomer te repareren.")), ruleset(), judge)
    assert c.handling.code == "college_afdoening" and "college-afdoening-verzoek-aan-gemeente" in c.rule_hits


@pytest.mark.parametrize("body", [
    "Wij vragen het college de APV te wijzigen, zodat buurtfeesten zonder vergunning mogen.",
    "Wij vragen het college de raad eerst te adviseren over het sluiten van het speelplein.",
    "Wij vragen de gemeente dit onderwerp op de agenda van de commissie te zetten.",
])
def test_requests_that_need_the_council_are_not_college_afdoening_by_rule(judge, body: str) -> None:
    c = classify(analysis_of(letter(body)), ruleset(), judge)
    assert "college-afdoening-verzoek-aan-gemeente" not in c.rule_hits


def test_telling_the_council_something_is_no_request_to_inform_it(judge) -> None:
    c = classify(analysis_of(letter("Met deze brief informeren wij de raad over ons jubileumjaar. Wij vieren in "
                                    "september ons vijftigjarig bestaan met een buurtfeest.")), ruleset(), judge)
    assert "college-afdoening-raad-informeren" not in c.rule_hits


def test_an_ordinary_letter_of_a_province_is_taken_for_notice(judge) -> None:
    raw = eml(sender="Provincie Zuid-Holland <toezicht@pzh.nl>", subject="Uitkomst beoordeling jaarrekening 2024",
              body="Geachte raad,\n\nWij hebben de jaarrekening 2024 van uw gemeente beoordeeld. Wij hebben geen "
              "opmerkingen; het toezicht blijft repressief." + SIGN + "Gedeputeerde Staten van Zuid-Holland\n")
    c = classify(analysis_of(raw), ruleset(), judge)
    assert c.sender_kind == "overheid" and c.document_kind == "brief"  # the model calls it an ordinary letter
    # the rule decides (its confidence 0.8), not the model
    assert c.handling.code == "vka" and c.handling.score == pytest.approx(0.8) and "overheid-brief-vka" in c.rule_hits
