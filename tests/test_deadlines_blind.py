"""Deadline extraction on blind letters (tests/data/deadlines/blind.toml): 74 letters written by a writer who never
saw the extractor, following /work/briefs/s4/DEADLINE_WRITER.md, with the day received as well as the letter date.
Measured before any change for them: 64 of 74 (86.5%). The rules added then are general (a date already past when
the letter was written, 'voor'/'tot' only in a sentence about the answer, a date governed by 'per'/'sinds'/'vanaf',
a clause of reason or purpose, a sentence for someone else, paragraphs split at blank lines, more words for
answering); each has its own test below on sentences that are not in the blind set. Since then this set has been
seen, so it is no longer blind for those rules: a new blind set is needed for the next measure.

blind2.toml (70 letters, a second writer who saw neither the extractor nor the first set) was that next measure:
64 of 70 (91.4%) on the rules above, untouched. Its misses were plannings in steps ('- 19 juni: uiterste datum
zienswijze raden'), surveys, polls and votes ('de vragenlijst sluit op', 'de stemming staat open tot en met') and
'laat weten'; the general rules for those (tests/test_deadlines_extract.py, on sentences outside both sets) make
it 70 of 70, so it too is seen now. The honest figure is the next set's, measured once (BLIND3 below)."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from pipeline.deadlines.extract import extract_deadline

DATA = Path(__file__).parent / "data" / "deadlines"
LETTERS = [*tomllib.loads((DATA / "blind.toml").read_text("utf-8"))["letter"],
           *tomllib.loads((DATA / "blind2.toml").read_text("utf-8"))["letter"]]
# letters whose `expected` breaks the writer's own conventions are kept out of the measure here, with the reason
# (none so far: every expected value checked against DEADLINE_WRITER.md held)
EXCLUDED: dict[str, str] = {}


def _got(letter: dict) -> str:
    found = extract_deadline(letter["text"], date.fromisoformat(letter["letter_date"]),
                             date.fromisoformat(letter["received"]))
    return found.due.isoformat() if found else ""


def test_the_blind_set_has_the_forms_councils_use():
    assert len(LETTERS) >= 140 and len({x["id"] for x in LETTERS}) == len(LETTERS)
    assert sum(1 for x in LETTERS if not x["expected"]) >= 8
    text = "\n".join(x["text"].lower() for x in LETTERS)
    for form in ("weken na dagtekening", "na ontvangst", "werkdagen", "a.s.", "vóór", "tot en met", "dertien",
                 "uiterlijk"):
        assert form in text, form


def test_at_least_95_percent_of_the_blind_letters_right():
    measured = [x for x in LETTERS if x["id"] not in EXCLUDED]
    wrong = [(x["id"], x["expected"], _got(x)) for x in measured if _got(x) != x["expected"]]
    assert (len(measured) - len(wrong)) / len(measured) >= 0.95, wrong


@pytest.mark.parametrize("text, letter_date, due", [
    # a date already past when the letter was written is a closed consultation, not a deadline
    ("Wij danken u voor de zienswijzen die tot en met 2 maart 2026 zijn ingediend.", "2026-04-01", None),
    # 'voor'/'tot' without anything about an answer in the sentence
    ("De stukken worden vóór 1 september 2026 aan de provincie gezonden.", "2026-06-01", None),
    ("Wij sturen uw zienswijze vóór 1 september 2026 door aan de provincie.", "2026-06-01", "2026-08-31"),
    # a date governed by another preposition than the cue
    ("Wij vragen uw reactie voor de regeling die per 1 januari 2027 ingaat; graag uiterlijk 1 oktober 2026.",
     "2026-06-01", "2026-10-01"),
    # the date in a clause of reason belongs to the sender
    ("Omdat het bestuur vóór 15 juli 2026 moet besluiten, vragen wij u binnen drie weken na dagtekening te "
     "reageren.", "2026-06-01", "2026-06-22"),
    # a date for someone else, in a letter for information only
    ("De bijdrage wordt uiterlijk 30 april 2027 door de deelnemers betaald.", "2026-09-01", None),
    # the same day named as still in time later in the sentence
    ("Wij ontvangen uw reactie graag vóór 1 juli 2026, en uiterlijk op 1 juli 2026 zelf.", "2026-05-01",
     "2026-07-01"),
    # registration and questionnaires are answers too
    ("Aanmelden kan tot en met 12 juni 2026 via het secretariaat.", "2026-05-01", "2026-06-12"),
    ("De vragenlijst kan tot uiterlijk vrijdag twaalf juni worden ingevuld.", "2026-05-01", "2026-06-12"),
])
def test_the_general_rules(text, letter_date, due):
    found = extract_deadline(text, date.fromisoformat(letter_date))
    assert (found.due.isoformat() if found else None) == due, found


def test_a_heading_and_the_first_sentence_are_separate_sentences():
    text = "Nieuwsbrief voor raadsleden\n\nOp 25 juni 2026 heeft het bestuur de begroting vastgesteld."
    assert extract_deadline(text, date(2026, 6, 10)) is None


BLIND3 = tomllib.loads((DATA / "blind3.toml").read_text("utf-8"))["letter"]


def test_the_third_blind_set_measured_once_is_at_least_95_percent_right():
    """blind3.toml (74 letters, a third writer who saw neither the extractor nor the other sets) was measured once,
    after the rules were final, and nothing was changed for it: 72 of 74 (97.3%). Its misses, left as they are:
    a planning step without a word for the end of the term ('- 30 juni: zienswijze raad') and 'geagendeerd voor
    de vergadering ... op 2 juli' read as 'vóór'. Should a later change need this set to pass, it is no longer
    the honest figure: write a new one."""
    assert len(BLIND3) >= 60 and len({x["id"] for x in BLIND3}) == len(BLIND3)
    assert not {x["id"] for x in BLIND3} & {x["id"] for x in LETTERS}
    wrong = [(x["id"], x["expected"], _got(x)) for x in BLIND3 if _got(x) != x["expected"]]
    assert (len(BLIND3) - len(wrong)) / len(BLIND3) >= 0.95, wrong
