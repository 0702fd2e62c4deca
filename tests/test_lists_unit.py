"""Lists on small registries: cut-off rules, placement, numbering, formats agreeing, adoption and amendments."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timezone

import docx
import pytest
from sqlalchemy import select

from lists_helpers import make_item, registry, small_profile, utc
from pipeline.errors import GriffieError
from pipeline.lists.amendments import amend_item
from pipeline.registry.truth import latest
from pipeline.lists.cutoff import cutoff_at
from pipeline.lists.meetings import add_meeting, move_item
from pipeline.lists.placement import place_item
from pipeline.lists.service import adopt, generate
from pipeline.registry.models import Amendment, Item, Meeting
from pipeline.rules.profile import Cutoff

CITIZEN_TEXT = ("Geachte raad,\nIk woon aan de Dorpsstraat 12, 1234 AB Proefdorp en de stoep is kapot.\n"
                "Met vriendelijke groet,\nJan de Vries\n06-12345678\njan.devries@example.nl\n")


def test_cutoff_rules_in_local_time() -> None:
    tuesday = date(2025, 3, 18)
    assert cutoff_at(tuesday, Cutoff("hours_before", hours=48)) == datetime(2025, 3, 16, 18, 30, tzinfo=timezone.utc)
    # ten days before: the end of Saturday 8 March (midnight Amsterdam = 23:00 UTC in winter)
    assert cutoff_at(tuesday, Cutoff("days_before", days=10)) == datetime(2025, 3, 8, 23, 0, tzinfo=timezone.utc)
    # the Friday two weekends before a Tuesday meeting: Friday 7 March, list closes at its end
    assert cutoff_at(tuesday, Cutoff("weekday_before", weekday="friday", weeks=2)) == \
        datetime(2025, 3, 7, 23, 0, tzinfo=timezone.utc)
    # summer time: 48 hours before 19:30 CEST is 17:30 UTC two days earlier
    assert cutoff_at(date(2025, 6, 24), Cutoff("hours_before", hours=48)) == \
        datetime(2025, 6, 22, 17, 30, tzinfo=timezone.utc)


@pytest.fixture
def sessions(tmp_path):
    return registry(tmp_path)


def test_late_items_go_to_next_meeting_and_pinned_items_stay(sessions) -> None:
    p = small_profile()
    with sessions.begin() as s:
        m1 = add_meeting(s, p, date(2025, 3, 18))
        m2 = add_meeting(s, p, date(2025, 4, 15))
        early = make_item(s, received_at=utc(2025, 3, 16, 18, 29))
        late = make_item(s, received_at=utc(2025, 3, 16, 18, 31))
        off = make_item(s, received_at=utc(2025, 3, 1), on_list=False)
        after_all = make_item(s, received_at=utc(2025, 5, 1))
        for i in (early, late, off, after_all):
            place_item(s, i)
        assert (early.meeting_id, late.meeting_id, off.meeting_id, after_all.meeting_id) == (m1.id, m2.id, None, None)
        move_item(s, late, m1)
        m3 = add_meeting(s, p, date(2025, 5, 20))  # a new meeting places waiting items, never pinned ones
        assert after_all.meeting_id == m3.id and late.meeting_id == m1.id and late.meeting_pinned


def test_numbers_continue_across_meetings_and_are_never_reused(sessions) -> None:
    p = small_profile(prefix="IS")
    with sessions.begin() as s:
        m1, m2 = add_meeting(s, p, date(2025, 3, 18)), add_meeting(s, p, date(2025, 4, 15))
        a = make_item(s, received_at=utc(2025, 3, 1), kind="inwoner", organisation=None)
        b = make_item(s, received_at=utc(2025, 3, 2), kind="overheid", organisation="Provincie Zuid-Holland")
        c = make_item(s, received_at=utc(2025, 4, 1))
        for i in (a, b, c):
            place_item(s, i)
        out = generate(s, m1, p, "gemeente Proefdorp", "json", number_by="griffie")
        rows = [r for g in json.loads(out.content)["groups"] for r in g["items"]]
        # group order first: the government's letter is number 1 although it arrived later
        assert [(r["number"], r["registration_number"]) for r in rows] == [("IS1", b.registration_number),
                                                                              ("IS2", a.registration_number)]
        generate(s, m1, p, "gemeente Proefdorp", "csv", number_by="griffie")  # again: the same numbers
        assert (a.list_number, b.list_number) == (2, 1)
        move_item(s, a, m2)
        generate(s, m2, p, "gemeente Proefdorp", "json", number_by="griffie")
        assert (a.list_number, c.list_number) == (2, 3)  # a keeps its number; c continues the series


def _formats(s, meeting, profile, public=False) -> dict[str, bytes]:
    return {f: generate(s, meeting, profile, "gemeente Proefdorp", f, public, number_by="griffie").content
            for f in ("docx", "pdf", "html", "csv", "json")}


def docx_rows(content: bytes) -> list[list[str]]:
    d = docx.Document(io.BytesIO(content))
    tables = [t for t in d.tables if t.rows[0].cells[1].text == "Datum brief"]  # not the amendments table
    return [[c.text for c in row.cells] for t in tables for row in list(t.rows)[1:]]


def test_formats_agree_and_use_the_profiles_words(sessions) -> None:
    p = small_profile()
    with sessions.begin() as s:
        m = add_meeting(s, p, date(2025, 3, 18))
        make_item(s, received_at=utc(2025, 3, 3), kind="gemeenschappelijke_regeling", organisation="GGD Proefland",
                  subject="Ontwerpbegroting 2026", handling="college_advies", letter_date=date(2025, 2, 28))
        make_item(s, received_at=utc(2025, 3, 4), kind="inwoner", organisation=None, name="Jan de Vries",
                  subject="Kapotte stoep", handling="college_afdoening", text=CITIZEN_TEXT, attachments=("brief.pdf",))
        for i in s.scalars(select(Item)):
            place_item(s, i)
        out = _formats(s, m, p)
    rows = docx_rows(out["docx"])
    assert [r[0] for r in rows] == ["1", "2"]
    assert rows[0][3] == "GGD Proefland" and rows[0][5] == "C – om advies naar het college"
    assert rows[1][3] == "inwoner van Proefdorp"  # a private person is never named, not even internally
    assert rows[0][1] == "28-02-2025" and rows[0][2] == "03-03-2025"
    lines = list(csv.DictReader(io.StringIO(out["csv"].decode("utf-8-sig")), delimiter=";"))
    data = json.loads(out["json"])
    items = [r for g in data["groups"] for r in g["items"]]
    assert [(x["nummer"], x["afzender"], x["afhandeling_code"]) for x in lines] == \
        [(r[0], r[3], r[5].split(" – ")[0]) for r in rows] == \
        [(x["number"], x["sender"], x["handling_local"]) for x in items]
    assert data["version"] == "internal" and data["meeting"]["date"] == "2025-03-18"
    assert out["csv"].startswith(b"\xef\xbb\xbf")
    assert out["pdf"].startswith(b"%PDF") and b"Jan de Vries" not in out["html"]
    assert "brief.pdf" in out["html"].decode() and "/stukken/" in out["html"].decode()


def test_public_version_scrubs_and_passes_the_guard(sessions) -> None:
    p = small_profile()
    with sessions.begin() as s:
        m = add_meeting(s, p, date(2025, 3, 18))
        i = make_item(s, received_at=utc(2025, 3, 4), kind="inwoner", organisation=None, name="Jan de Vries",
                      subject="Klacht van Jan de Vries over de stoep", text=CITIZEN_TEXT,
                      from_address="jan.devries@example.nl")
        place_item(s, i)
        out = _formats(s, m, p, public=True)
        internal = generate(s, m, p, "gemeente Proefdorp", "html", number_by="griffie").content.decode()
    assert "Jan de Vries" in internal  # the subject as written is kept internally
    for fmt, content in out.items():
        text = content.decode("utf-8", "replace") if fmt not in ("docx", "pdf") else ""
        assert "Jan de Vries" not in text and "Vries" not in text, fmt
    assert "[geanonimiseerd]" in out["html"].decode()
    assert json.loads(out["json"])["version"] == "public"
    assert docx_rows(out["docx"])[0][4] == "Klacht van [geanonimiseerd] over de stoep"
    assert docx_rows(out["docx"])[0][7] == ""  # no internal links in public


def test_adoption_freezes_and_later_edits_are_amendments(sessions) -> None:
    p = small_profile()
    with sessions.begin() as s:
        m = add_meeting(s, p, date(2025, 3, 18))
        a = make_item(s, received_at=utc(2025, 3, 3), subject="Begroting GGD", kind="gemeenschappelijke_regeling",
                      organisation="GGD Proefland")
        b = make_item(s, received_at=utc(2025, 3, 4), subject="Verkeer in de Dorpsstraat")
        for i in (a, b):
            place_item(s, i)
        with pytest.raises(GriffieError):
            adopt(s, m, p, "griffier", handling={"1": "Z"}, accept_unreviewed=True)
    with sessions.begin() as s:
        m = s.get(Meeting, 1)
        adopt(s, m, p, "M. Griffier", pulled=["2"], handling={"1": "B"}, accept_unreviewed=True)
    with sessions.begin() as s:
        m = s.get(Meeting, 1)
        a, b = s.get(Item, 1), s.get(Item, 2)
        assert m.status == "vastgesteld" and {a.status, b.status} == {"listed"}
        assert (a.handling_code, b.handling_code) == ("college_afdoening", "agenderen")
        before = docx_rows(generate(s, m, p, "gemeente Proefdorp", "docx", number_by="griffie").content)
        a.subject = "Begroting GGD 2026 (gecorrigeerd)"  # a silent edit through the ORM
        amend_item(s, b, {"committee": "Commissie Ruimte"}, actor="M. Griffier", reason="verkeerde commissie")
        with pytest.raises(GriffieError):
            move_item(s, a, m)
    with sessions.begin() as s:
        m = s.get(Meeting, 1)
        rows = {(x.field, x.new_value, x.actor) for x in s.scalars(select(Amendment))}
        assert ("subject", "Begroting GGD 2026 (gecorrigeerd)", "onbekend") in rows
        assert ("committee", "Commissie Ruimte", "M. Griffier") in rows
        committee = latest(s.get(Item, 2))["committee"]  # issue 16: the amendment is also the field's decision
        assert (committee.value, committee.source) == ("Commissie Ruimte", "person:M. Griffier")
        doc = generate(s, m, p, "gemeente Proefdorp", "docx", number_by="griffie").content
        html = generate(s, m, p, "gemeente Proefdorp", "html", number_by="griffie").content.decode()
        with pytest.raises(GriffieError):
            adopt(s, m, p, "griffier", accept_unreviewed=True)
    after = docx_rows(doc)
    assert after[:2] == before[:2]  # the frozen list is unchanged ...
    assert after[0][4] == "Begroting GGD" and "B – ter afdoening" in after[0][5]
    assert "Besluit: op verzoek uit de raad" in after[1][5]
    assert "Wijzigingen na vaststelling" in html and "gecorrigeerd" in html  # ... and the amendments follow it
