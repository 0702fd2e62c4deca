"""Deadlines in a real migrated SQLite registry, fed with test mails of our own (tests/data/termijnen/):
a zienswijze request flagged against the next meeting, afdoening terms from the profile, the college's answers
(In-Reply-To, a raadsinformatiebrief naming the letter) closing them, an overdue one listed; CLI, CSV, DOCX, web."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from email import message_from_bytes
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli import main
from pipeline.deadlines.service import overview, refresh
from pipeline.deadlines.terms import load_terms
from pipeline.lists.meetings import add_meeting
from pipeline.lists.profiles import active_profile
from pipeline.records import Locator
from pipeline.registry.models import Deadline, Item, Message
from pipeline.review import correct
from pipeline.web.app import create_app
from tests.conftest import sample_settings

MAILS = Path(__file__).parent / "data" / "termijnen"
TODAY = date(2026, 4, 25)


def deliver(app: App, name: str) -> Item:
    """Take one mail in as if it arrived at its Date (the registry counts terms from receipt) and file it."""
    raw = (MAILS / name).read_bytes()
    accepted = app.intake.accept(raw, Locator(source="file", ref=str(MAILS / name)))
    with app.sessions.begin() as s:
        msg = s.get(Message, accepted.message_id)
        msg.received_at = parsedate_to_datetime(message_from_bytes(raw)["Date"])
    app.process_pending()
    with app.sessions() as s:
        return s.scalar(select(Item).where(Item.message_id == accepted.message_id))


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("termijnen")
    app = App.open(sample_settings(tmp))
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        add_meeting(s, profile, date(2026, 4, 16))  # its list closed on 10 April: before the request came in
        add_meeting(s, profile, date(2026, 7, 9))
    items = {name: deliver(app, name) for name in ("01_zienswijze_vrrp.eml", "02_brief_oversteek.eml",
                                                   "04_brief_speelplaats.eml", "06_brief_bankjes.eml")}
    with app.sessions.begin() as s:  # the assistant hands the three letters to the college
        for name in ("02_brief_oversteek.eml", "04_brief_speelplaats.eml", "06_brief_bankjes.eml"):
            correct(s, items[name].id, "anna", profile=profile, handling_code="college_afdoening")
        refresh(s, load_terms(app.settings.rules_dir, app.settings.profile.name))
    for name in ("03_antwoord_oversteek.eml", "05_rib_speelplaats.eml"):
        items[name] = deliver(app, name)
    yield app, items
    app.close()


def _deadlines(app, item: Item) -> dict[str, Deadline]:
    with app.sessions() as s:
        rows = list(s.scalars(select(Deadline).where(Deadline.item_id == item.id)))
        for d in rows:
            s.expunge(d)
        return {d.kind: d for d in rows}


def test_zienswijze_deadline_is_read_from_the_letter_and_flagged_against_the_next_meeting(registry):
    app, items = registry
    d = _deadlines(app, items["01_zienswijze_vrrp.eml"])["zienswijze"]
    assert d.due_date == date(2026, 6, 26)
    assert "uiterlijk vrijdag 26 juni 2026" in d.reason
    # the meeting of 16 April closed before the letter came in; the next one (9 July) is after 26 June
    assert d.warning is not None and "09-07-2026" in d.warning and "26-06-2026" in d.warning


def test_an_earlier_meeting_clears_the_warning(tmp_path):
    app = App.open(sample_settings(tmp_path))
    try:
        with app.sessions.begin() as s:
            add_meeting(s, active_profile(app.settings), date(2026, 6, 11))
        item = deliver(app, "01_zienswijze_vrrp.eml")
        d = _deadlines(app, item)["zienswijze"]
        assert d.due_date == date(2026, 6, 26) and d.warning is None
    finally:
        app.close()


def test_afdoening_gets_the_profile_term_and_the_college_answer_closes_it(registry):
    app, items = registry
    oversteek = _deadlines(app, items["02_brief_oversteek.eml"])["afdoening"]
    assert oversteek.due_date == date(2026, 4, 27)  # 2 March + 8 weeks (the profile's term, Awb 4:13)
    assert "Awb" in oversteek.reason
    assert oversteek.status == "gesloten"
    assert oversteek.closed_by_item_id == items["03_antwoord_oversteek.eml"].id
    assert "In-Reply-To" in oversteek.closed_reason


def test_a_raadsinformatiebrief_naming_the_letter_closes_its_term(registry):
    app, items = registry
    speelplaats = _deadlines(app, items["04_brief_speelplaats.eml"])["afdoening"]
    assert speelplaats.status == "gesloten"
    assert speelplaats.closed_by_item_id == items["05_rib_speelplaats.eml"].id


def test_an_unanswered_letter_is_overdue_and_answers_close_nothing_else(registry):
    app, items = registry
    bankjes = _deadlines(app, items["06_brief_bankjes.eml"])["afdoening"]
    assert bankjes.status == "open" and bankjes.due_date == date(2026, 3, 9)
    terms = load_terms(app.settings.rules_dir, app.settings.profile.name)
    with app.sessions() as s:
        buckets = {r.deadline.item.registration_number: r.bucket for r in overview(s, TODAY, terms)}
    assert buckets == {items["06_brief_bankjes.eml"].registration_number: "verlopen",
                       items["01_zienswijze_vrrp.eml"].registration_number: "open"}


def test_cli_deadlines_json_csv_and_docx(registry, tmp_path):
    app, items = registry
    runner = CliRunner()
    db = app.settings.registry.url
    r = runner.invoke(main, ["--db", db, "deadlines", "--json", "--today", "2026-06-15"], catch_exceptions=False)
    assert r.exit_code == 0, r.output
    data = {d["item"]: d for d in json.loads(r.output)}
    zw = data[items["01_zienswijze_vrrp.eml"].registration_number]
    assert zw["bucket"] == "binnenkort" and zw["days_left"] == 11 and zw["due_date"] == "2026-06-26"
    assert zw["warning"] and zw["kind"] == "zienswijze"
    assert data[items["06_brief_bankjes.eml"].registration_number]["bucket"] == "verlopen"
    r = runner.invoke(main, ["--db", db, "deadlines", "--json", "--all", "--today", "2026-06-15"])
    closed = [d for d in json.loads(r.output) if d["status"] == "gesloten"]
    assert {d["closed_by"] for d in closed} == {items["03_antwoord_oversteek.eml"].registration_number,
                                               items["05_rib_speelplaats.eml"].registration_number}
    r = runner.invoke(main, ["--db", db, "deadlines", "--format", "csv", "--today", "2026-06-15"])
    rows = list(csv.reader(io.StringIO(r.output.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Stuk", "Soort termijn", "Uiterste datum"] and len(rows) == 3
    assert "Henk Smulders" not in r.output  # a private writer appears as 'inwoner' in the overview
    target = tmp_path / "termijnen.docx"
    r = runner.invoke(main, ["--db", db, "deadlines", "--format", "docx", "-o", str(target), "--today", "2026-06-15"])
    assert r.exit_code == 0, r.output
    text = "\n".join(c.text for t in Document(str(target)).tables for row in t.rows for c in row.cells)
    assert "26-06-2026" in text and "Verloopt binnenkort" in text and "Henk Smulders" not in text


def test_web_page_termijnen_and_close_by_hand(registry):
    app, items = registry
    web = create_app(app)
    web.config["TESTING"] = True
    client = web.test_client()
    page = client.get("/termijnen").get_data(as_text=True)
    assert "Termijnen" in page and "Verlopen (2)" in page  # today both 26 June and 9 March 2026 are past
    assert items["06_brief_bankjes.eml"].registration_number in page and "Let op:" in page
    assert client.get("/termijnen.csv").status_code == 200
    assert client.get("/termijnen.docx").data[:2] == b"PK"
    import re
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    bankjes = _deadlines(app, items["06_brief_bankjes.eml"])["afdoening"]
    r = client.post(f"/termijnen/{bankjes.id}/sluiten", data={"reason": "per post beantwoord", "csrf_token": token})
    assert r.status_code == 302
    closed = _deadlines(app, items["06_brief_bankjes.eml"])["afdoening"]
    assert closed.status == "gesloten" and "per post beantwoord" in closed.closed_reason


def test_the_overview_for_the_council_papers_passes_the_privacy_guard(tmp_path):
    app = App.open(sample_settings(tmp_path))
    try:
        item = deliver(app, "06_brief_bankjes.eml")
        profile = active_profile(app.settings)
        with app.sessions.begin() as s:
            correct(s, item.id, "anna", profile=profile, handling_code="college_afdoening",
                    subject="Henk Smulders vraagt om bankjes")  # a subject that names the writer
            refresh(s, load_terms(app.settings.rules_dir, app.settings.profile.name))
        r = CliRunner().invoke(main, ["--db", app.settings.registry.url, "deadlines", "--format", "csv"])
        from pipeline.privacy.guard import PublicationRefused

        assert isinstance(r.exception, PublicationRefused) and "Henk Smulders" not in r.output
    finally:
        app.close()
