"""Deadline extraction on letters written for the project (tests/data/deadlines/letters.toml) and the forms
councils use: written numerals, 'a.s.', 'vóór', 'binnen zes weken na dagtekening', werkdagen, after receipt."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from pipeline.deadlines.dutch_dates import dates_in, fold
from pipeline.deadlines.extract import extract_deadline, sentences

LETTERS = tomllib.loads((Path(__file__).parent / "data" / "deadlines" / "letters.toml").read_text("utf-8"))["letter"]


def _got(letter: dict) -> str:
    found = extract_deadline(letter["text"], date.fromisoformat(letter["letter_date"]))
    return found.due.isoformat() if found else ""


def test_at_least_95_percent_of_60_written_letters_right():
    assert len(LETTERS) >= 60
    assert len({x["id"] for x in LETTERS}) == len(LETTERS)
    assert sum(1 for x in LETTERS if not x["expected"]) >= 5  # letters without a deadline are in the set too
    wrong = [(x["id"], x["expected"], _got(x)) for x in LETTERS if _got(x) != x["expected"]]
    right = len(LETTERS) - len(wrong)
    assert right / len(LETTERS) >= 0.95, wrong


@pytest.mark.parametrize("text, letter_date, due", [
    ("Wij ontvangen uw zienswijze graag vóór 1 juli a.s.", "2026-04-02", "2026-06-30"),
    ("Uw zienswijze ontvangen wij graag uiterlijk 1 juli a.s.", "2026-04-02", "2026-07-01"),
    ("Wij ontvangen uw zienswijze uiterlijk 15 januari a.s.", "2026-11-20", "2027-01-15"),  # the next year
    ("U kunt binnen zes weken na dagtekening van deze brief een zienswijze indienen.", "2026-03-30", "2026-05-11"),
    ("Reageer binnen 10 werkdagen na dagtekening.", "2026-05-01", "2026-05-15"),
    ("Zienswijzen kunnen tot en met eenendertig mei worden ingediend.", "2026-04-01", "2026-05-31"),
    ("De termijn voor een zienswijze sluit op 22-06-2026.", "2026-04-01", "2026-06-22"),
    ("Wij zien uw reactie uiterlijk 2026-06-01 tegemoet.", "2026-04-01", "2026-06-01"),
])
def test_the_forms_councils_use(text, letter_date, due):
    found = extract_deadline(text, date.fromisoformat(letter_date))
    assert found is not None and found.due == date.fromisoformat(due)
    assert found.reason == text  # the sentence is the reason


def test_after_receipt_counts_from_the_day_received_not_the_letter_date():
    text = "Wij vragen u binnen vier weken na ontvangst van deze brief te reageren."
    found = extract_deadline(text, date(2026, 5, 1), received=date(2026, 5, 11))
    assert found.due == date(2026, 6, 8) and found.kind == "relative"


def test_the_sentence_about_the_answer_wins_over_other_dated_sentences():
    text = ("Wij danken u voor uw brief van 3 maart 2026. Het algemeen bestuur vergadert op 2 juli 2026.\n"
            "Uw zienswijze ontvangen wij graag uiterlijk 12 juni 2026.")
    found = extract_deadline(text, date(2026, 4, 1))
    assert found.due == date(2026, 6, 12)
    assert found.reason == "Uw zienswijze ontvangen wij graag uiterlijk 12 juni 2026."


def test_no_deadline_in_a_letter_with_only_other_dates():
    assert extract_deadline("Op 15 april 2026 heeft het bestuur de begroting vastgesteld.", date(2026, 4, 20)) is None
    assert extract_deadline("", None) is None


def test_sentences_keep_abbreviations_and_dates_together():
    parts = sentences("Graag vóór 1 juli a.s. uw reactie. Het bestuur\nvergadert op 2 juli.")
    assert parts == ["Graag vóór 1 juli a.s. uw reactie.", "Het bestuur vergadert op 2 juli."]


def test_dates_in_written_numerals_and_year():
    folded = fold("negentien juni tweeduizend zesentwintig en de 1e juli")
    found = [d for _s, _e, d in dates_in(folded, date(2026, 1, 1))]
    assert found == [date(2026, 6, 19), date(2026, 7, 1)]


def test_profile_deadline_terms_are_read_and_a_wrong_key_is_refused_with_its_line(tmp_path):
    import shutil

    from pipeline.deadlines.terms import load_terms
    from pipeline.errors import RuleError
    from pipeline.rules.profile import load_profile

    rules = Path(__file__).resolve().parent.parent / "rules"
    assert load_terms(rules, "generiek").afdoening_weeks == 8
    load_profile(rules, "generiek")  # the profile loader accepts the [deadlines] table
    shutil.copytree(rules / "profiles", tmp_path / "profiles")
    path = tmp_path / "profiles" / "generiek.toml"
    path.write_text(path.read_text("utf-8").replace("afdoening_weeks = 8", "afdoening_weken = 8"), "utf-8")
    with pytest.raises(RuleError, match=r"generiek\.toml, regel \d+: onbekende sleutel 'afdoening_weken'"):
        load_terms(tmp_path, "generiek")


@pytest.mark.parametrize("text, due", [
    # a planning in steps: the step that ends the council's term, not the board's meeting after it
    ("Tijdpad:\n- 2 mei 2026: toezending aan de raden\n- 26 juni 2026: laatste dag voor zienswijzen van de raden\n"
     "- 9 juli 2026: vaststelling door het algemeen bestuur", "2026-06-26"),
    ("Planning\n1. 11 maart 2026: verzending\n2. 29 april 2026: einde reactietermijn gemeenteraden\n"
     "3. 20 mei 2026: besluit dagelijks bestuur", "2026-04-29"),
    # surveys, polls and votes are answers too
    ("De peiling onder raadsleden sluit op 3 juni 2026.", "2026-06-03"),
    ("De enquête staat open tot en met vrijdag 12 juni 2026.", "2026-06-12"),
    ("Wilt u vóór 1 juni 2026 laat weten of uw raad deelneemt?", "2026-05-31"),
])
def test_plannings_surveys_and_votes(text, due):
    found = extract_deadline(text, date(2026, 4, 20))
    assert found is not None and found.due == date.fromisoformat(due)


def test_a_planning_step_that_is_not_the_answer_sets_no_deadline():
    text = "Tijdpad:\n- 2 mei 2026: toezending aan de raden\n- 9 juli 2026: vaststelling door het algemeen bestuur"
    assert extract_deadline(text, date(2026, 4, 20)) is None
