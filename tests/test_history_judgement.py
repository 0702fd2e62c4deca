"""The council's history in judgement: a known sender gets its past handling and committee with the list it was on;
a specific rule still wins; without imported history nothing changes; evaluate --history shows the gain."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.app import App
from pipeline.cli import main
from pipeline.flow import Pipeline
from pipeline.history.importer import import_lists
from pipeline.history.practice import Practice, load_practice
from pipeline.history.sample_generate import DEFAULT_OUT, ROOT
from pipeline.history.service import match_mailbox
from tests.conftest import sample_settings

BASE = DEFAULT_OUT / "nieuwkoop"


@pytest.fixture(scope="module")
def history_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("history")
    app = App.open(sample_settings(tmp, "nieuwkoop"))
    with app.sessions.begin() as s:
        import_lists(s, [BASE / "lists"], ROOT / "rules", "nieuwkoop")
        match_mailbox(s, [BASE / "mailbox.mbox"])
    yield app
    app.close()


def _letter(sender: str, subject: str, body: str) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "griffie@nieuwkoop.nl", subject
    msg["Date"], msg["Message-ID"] = "Mon, 02 Feb 2026 10:00:00 +0100", "<t1@test.invalid>"
    msg.set_content(body)
    return bytes(msg)


def test_practice_proposes_the_majority_and_cites_the_latest_list(history_app) -> None:
    truth = json.loads((BASE / "truth.json").read_text(encoding="utf-8"))["entries"]
    sender = "Omgevingsdienst Hollands Midden"
    mine = [e for e in truth if e["sender"] == sender]
    with history_app.sessions() as s:
        practice = Practice.from_session(s, "nieuwkoop")
    by_domain = practice.propose(None, None, "info@omgevingsdienst-hollands-midden.nl")
    by_name = practice.propose(sender, None, None)
    assert by_domain == by_name and by_domain is not None
    counts = {h: sum(e["handling"] == h for e in mine) for h in {e["handling"] for e in mine}}
    assert counts[by_domain.handling] == max(counts.values()) and by_domain.total == len(mine)
    latest = [e for e in mine if e["handling"] == by_domain.handling][-1]
    assert (by_domain.cited.meeting_date.isoformat(), by_domain.cited.number) == (latest["meeting"], latest["number"])
    # the list hides who an inwoner is, and a webmail domain says nothing about one sender
    assert practice.propose("inwoner", None, None) is None
    assert practice.propose(None, "Jan Jansen", "jan.jansen@gmail.com") is None
    # another council's profile learns nothing from Nieuwkoop's lists
    with history_app.sessions() as s:
        assert len(Practice.from_session(s, "sittard-geleen")) == 0


def test_a_known_sender_gets_its_past_handling_and_committee_with_the_list_as_reason(history_app) -> None:
    settings = history_app.settings
    pipe = Pipeline.build(settings)
    assert pipe.history is not None
    raw = _letter("Omgevingsdienst Hollands Midden <info@omgevingsdienst-hollands-midden.nl>",
                  "Informatie over de uitbreiding van het bedrijventerrein",
                  "Geachte leden van de raad,\n\nGraag informeren wij u over de stand van zaken.\n\n"
                  "Met vriendelijke groet,\n\nOmgevingsdienst Hollands Midden\n")
    proposal = pipe.history.propose(None, None, "info@omgevingsdienst-hollands-midden.nl")
    c = pipe.run(raw).classification
    assert c.handling.code == proposal.handling and c.committee == proposal.committee
    when = proposal.cited.meeting_date
    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")
    expected = f"zo behandeld op de lijst van {when.day} {months[when.month - 1]} {when.year}, nr {proposal.cited.number}"
    assert any(expected in r for r in c.reasons), c.reasons
    # issue 16: the handling's provenance is the council's own past list, with that reason only
    assert c.sources["handling"].source.startswith("history:")
    assert len(c.sources["handling"].reasons) == 1 and expected in c.sources["handling"].reasons[0]
    # the same letter judged without the registry's history: no such reason
    bare = replace(pipe, history=None).run(raw).classification
    assert not any("zo behandeld op de lijst van" in r for r in bare.reasons)


def test_a_specific_rule_keeps_the_handling_but_history_gives_the_committee(history_app) -> None:
    pipe = Pipeline.build(history_app.settings)
    address = "info@ondernemersvereniging-nieuwkoop.nl"
    proposal = pipe.history.propose(None, None, address)
    assert proposal.handling == "college_afdoening"
    raw = _letter(f"Ondernemersvereniging Nieuwkoop <{address}>", "Verzoek over de vergunning",
                  "Geachte leden van de raad,\n\nWij vragen u deze brief te betrekken bij de besluitvorming over "
                  "het bestemmingsplan.\n\nMet vriendelijke groet,\n\nOndernemersvereniging Nieuwkoop\n")
    c = pipe.run(raw).classification
    assert c.handling.code == "betrekken"  # the keyword rule the griffie wrote for this case
    assert c.sources["handling"].source.startswith("rule:")
    assert c.committee == proposal.committee
    assert any("zo behandeld op de lijst van" in r for r in c.reasons)


def test_no_history_without_a_registry_or_without_imports(tmp_path: Path) -> None:
    assert load_practice(f"sqlite:///{tmp_path}/nothing-here.db", "nieuwkoop") is None
    assert not (tmp_path / "nothing-here.db").exists()  # looking does not create a registry
    App.open(sample_settings(tmp_path, "nieuwkoop")).close()
    assert load_practice(f"sqlite:///{tmp_path}/registry.db", "nieuwkoop") is None


def test_history_never_reaches_public_output(history_app) -> None:
    """The public side of the web app and the list renderers never read the history tables."""
    import pipeline.lists as lists_pkg
    import pipeline.publication as pub_pkg
    import pipeline.web as web_pkg

    for pkg in (lists_pkg, pub_pkg, web_pkg):
        for path in Path(pkg.__file__).parent.rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert "pipeline.history" not in source and "history_entries" not in source, path


def test_evaluate_history_is_ten_points_better_on_the_later_period(tmp_path: Path) -> None:
    r = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path}/r.db", "evaluate", "--history", "nieuwkoop",
                                  "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["heldout_messages"] >= 40 and out["cutoff"] == date(2025, 7, 1).isoformat()
    assert out["handling_met"] - out["handling_zonder"] >= 0.10, out
    assert out["committee_met"] - out["committee_zonder"] >= 0.10, out
