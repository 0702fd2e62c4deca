"""Handling never below the default (issue 11, point 4): a model proposal other than voor kennisgeving aannemen
stands only with a ground in the letter that the reasons name (a request sentence, a deadline, a planned council
decision) or a rule that fired; without one the default for the document kind stands."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from test_rules_helpers import analysis_of, eml, ruleset

from pipeline.judge import Prediction
from pipeline.stages.classify import classify
from pipeline.stages.handling_evidence import DEADLINE, DECISION, REQUEST, find_evidence, supporting

MODELS = Path(__file__).resolve().parents[1] / "models"
PRIVATE = "Jan de Vries <j.devries1962@gmail.com>"
SIGN = "\n\nMet vriendelijke groet,\n\nJan de Vries\nKerkstraat 4\nWaterlinde\n"
STORY = ("Geachte raad,\n\nIn onze straat staat sinds vorig jaar een lantaarnpaal die 's avonds niet brandt. "
         "De buurt is er al een paar keer over in gesprek geweest.\n\n")


@pytest.fixture(scope="module")
def judge():
    from pipeline.judge import load_judge

    return load_judge(MODELS)


class Proposing:
    """The real models, except that the handling model proposes `code` first (and the document-kind model
    'brief'): what a model-only deviation looks like, whatever the trained model would say of this text."""

    def __init__(self, judge, code: str):
        self._judge, self._code = judge, code
        self.versions, self.version = judge.versions, judge.version

    def handling(self, text: str) -> list[Prediction]:
        rest = [p for p in self._judge.handling(text) if p.code != self._code]
        return [Prediction(self._code, 0.91)] + rest

    def document_kind(self, text: str) -> list[Prediction]:
        return [Prediction("brief", 0.9)] + [p for p in self._judge.document_kind(text) if p.code != "brief"]

    def topics(self, text: str) -> list[Prediction]:
        return self._judge.topics(text)

    def strongest_words(self, *args, **kwargs) -> list[str]:
        return self._judge.strongest_words(*args, **kwargs)


def run(judge, code: str, body: str):
    raw = eml(sender=PRIVATE, subject="Lantaarnpaal Kerkstraat", body=STORY + body + SIGN)
    return classify(analysis_of(raw), ruleset(), Proposing(judge, code))


def test_request_sentence_is_evidence() -> None:
    found = find_evidence("Het gaat om de Kerkstraat. Wilt u ervoor zorgen dat de lamp wordt gerepareerd? Dank.")
    assert set(found) == {REQUEST}
    assert found[REQUEST].sentence == "Wilt u ervoor zorgen dat de lamp wordt gerepareerd?"
    assert [e.kind for e in supporting("college_afdoening", found)] == [REQUEST]
    assert supporting("betrekken", found) == []  # a request alone does not make a planned decision


def test_deadline_is_evidence() -> None:
    found = find_evidence("Wij ontvangen uw zienswijze uiterlijk 1 juli 2026.", letter_date=date(2026, 4, 2))
    assert set(found) == {DEADLINE}
    assert "uiterlijk 1 juli 2026" in found[DEADLINE].reason()
    assert supporting("agenderen", found) and not supporting("college_afdoening", found)
    # a date without a word about the council's answer is not a deadline for it
    assert DEADLINE not in find_evidence("De markt is voor 1 juli 2026 verplaatst.", letter_date=date(2026, 4, 2))


def test_planned_council_decision_is_evidence() -> None:
    found = find_evidence("Het raadsvoorstel over het zwembad staat in maart op de raadsagenda.")
    assert set(found) == {DECISION}
    assert [e.kind for e in supporting("betrekken", found)] == [DECISION]


@pytest.mark.parametrize(("code", "body", "ground"), [
    ("college_afdoening", "Wilt u ervoor zorgen dat de lantaarnpaal snel wordt gerepareerd?", "verzoek in de brief"),
    ("agenderen", "Wij ontvangen uw reactie op ons plan graag uiterlijk 1 juli 2025.", "termijn in de brief"),
    ("betrekken", "Het raadsvoorstel over de openbare verlichting staat in juli op de raadsagenda.",
     "gepland besluit van de raad"),
])
def test_model_deviation_with_its_ground_stands_and_names_it(judge, code: str, body: str, ground: str) -> None:
    c = run(judge, code, body)
    assert c.handling.code == code
    assert c.sources["handling"].source.startswith("model:handling@")
    named = [r for r in c.sources["handling"].reasons if r.startswith("Grond voor ")]
    assert len(named) == 1 and ground in named[0] and named[0] in c.reasons


def test_model_only_deviation_falls_back_to_the_default(judge) -> None:
    c = run(judge, "college_advies", "Het is al lang zo en de buurt vindt het jammer.")
    assert c.handling.code == "vka"
    source = c.sources["handling"]
    assert source.source == "default:standaard voor brief, geen grond voor college_advies"
    assert "het model stelde in handen van het college stellen voor advies aan de raad voor (0.91)" in source.reasons[0]
    assert "geen verzoek in de brief" in source.reasons[0] and source.reasons[0] in c.reasons


def test_a_rule_that_fired_decides_without_the_model(judge) -> None:
    # 'vragen het college' is the rule college-afdoening-verzoek-aan-gemeente: the model is not asked
    c = run(judge, "betrekken", "Wij vragen het college de lantaarnpaal te laten repareren.")
    assert c.handling.code == "college_afdoening"
    assert c.sources["handling"].source == "rule:college-afdoening-verzoek-aan-gemeente"
    assert "college-afdoening-verzoek-aan-gemeente" in c.rule_hits
