"""CLI of the review piece: users add/list (password from standard input), train with reviewed items, evaluate."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.review import confirm, correct
from pipeline.users import authenticate
from tests.review_data import LETTERS, fill, open_registry


@pytest.fixture
def registry(tmp_path):
    url, sessions = open_registry(tmp_path)
    return url, sessions, fill(sessions)


def run(url: str, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--db", url, *args], input=input, catch_exceptions=False)


def test_users_add_reads_the_password_from_stdin_and_lists(registry):
    url, sessions, _ = registry
    r = run(url, "users", "add", "anna", "--role", "assistent", input="een-goed-wachtwoord\n")
    assert r.exit_code == 0 and "Gebruiker anna toegevoegd met rol assistent." in r.output
    with sessions() as s:
        assert authenticate(s, "anna", "een-goed-wachtwoord") is not None
        assert authenticate(s, "anna", "een-goed-wachtwoord\n") is None
    r = run(url, "users", "list", "--json")
    assert [(u["name"], u["role"]) for u in json.loads(r.output)] == [("anna", "assistent")]
    r = run(url, "users", "password", "anna", input="een-nieuw-wachtwoord\n")
    assert r.exit_code == 0 and "gewijzigd" in r.output
    with sessions() as s:
        assert authenticate(s, "anna", "een-nieuw-wachtwoord") is not None
        assert authenticate(s, "anna", "een-goed-wachtwoord") is None


def test_users_add_refuses_bad_input_with_a_sentence(registry):
    from pipeline.errors import GriffieError

    url, _, _ = registry
    with pytest.raises(GriffieError, match="minstens 8 tekens"):
        run(url, "users", "add", "piet", "--role", "lezer", input="kort\n")
    r = run(url, "users", "add", "piet", "--role", "wethouder", input="lang-genoeg\n")
    assert r.exit_code == 2 and "wethouder" in r.output
    run(url, "users", "add", "piet", "--role", "lezer", input="lang-genoeg\n")
    with pytest.raises(GriffieError, match="bestaat al"):
        run(url, "users", "add", "piet", "--role", "lezer", input="lang-genoeg\n")


@pytest.mark.slow  # trains one real spaCy pipeline for one epoch
def test_train_takes_the_reviewed_items_and_evaluate_prints_the_report(registry, tmp_path):
    url, sessions, ids = registry
    with sessions.begin() as s:
        confirm(s, ids[LETTERS[0][0]], "anna")
        correct(s, ids[LETTERS[1][0]], "anna", handling_code="college_afdoening")
    out = tmp_path / "modellen"
    r = run(url, "train", "--field", "handling", "--epochs", "1", "--models-dir", str(out), "--json")
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output[r.output.index("{"):])
    assert summary["extra_rows"] == 2
    assert summary["fields"]["handling"]["examples"] == summary["train_rows"]  # every row has a handling label
    assert (out / "handling" / "meta.json").is_file()
    r = run(url, "evaluate", "--field", "handling", "--models-dir", str(out))
    assert r.exit_code == 0 and "macro-F1" in r.output and "college_afdoening" in r.output
    from pipeline.errors import GriffieError

    with pytest.raises(GriffieError, match="draai eerst griffiepost train"):
        run(url, "evaluate", "--field", "topic", "--models-dir", str(out))
