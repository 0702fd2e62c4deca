"""The list pages through Flask's test client: looking and downloading give no numbers; making, publishing and
adopting the list do (audited), and unreviewed items need the griffier's explicit confirmation."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pipeline.lists.meetings import add_meeting
from pipeline.lists.placement import replace_unpinned
from pipeline.lists.profiles import active_profile
from pipeline.registry.models import AuditEntry, Item, Meeting
from tests.test_review_web import login, make_web, token


@pytest.fixture
def lists_site(tmp_path):
    app, web, _ = make_web(tmp_path, require_login=True)
    with app.sessions.begin() as s:
        meeting = add_meeting(s, active_profile(app.settings), date(2030, 3, 14))
        replace_unpinned(s)
        mid = meeting.id
    client = web.test_client()
    login(client, "gijs")  # griffier: may adopt
    yield app, client, mid
    app.close()


def on_list(app, mid: int) -> list[Item]:
    with app.sessions() as s:
        return list(s.scalars(select(Item).where(Item.meeting_id == mid).order_by(Item.id)))


def test_looking_at_an_open_list_gives_no_numbers(lists_site) -> None:
    app, client, mid = lists_site
    items = on_list(app, mid)
    assert len(items) >= 2 and all(i.list_number is None for i in items)
    page = client.get(f"/lijsten/{mid}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "krijgen hun vaste nummer" in html
    assert all(i.subject in html for i in items)
    assert all(i.list_number is None for i in on_list(app, mid))


def test_downloading_gives_no_numbers_making_the_list_does_and_they_stay(lists_site) -> None:
    app, client, mid = lists_site
    for fmt in ("csv", "json", "html"):
        assert client.get(f"/lijsten/{mid}.{fmt}").status_code == 200
        assert client.get(f"/lijsten/{mid}/openbaar.{fmt}").status_code == 200  # the griffier's preview
    assert all(i.list_number is None for i in on_list(app, mid))
    html = client.get(f"/lijsten/{mid}").get_data(as_text=True)
    assert client.post(f"/lijsten/{mid}/opmaken", data={"csrf_token": token(html)}).status_code == 302
    numbers = [i.list_number for i in on_list(app, mid)]
    assert None not in numbers and len(set(numbers)) == len(numbers)
    client.get(f"/lijsten/{mid}")
    client.get(f"/lijsten/{mid}.csv")
    assert [i.list_number for i in on_list(app, mid)] == numbers
    assert "krijgen hun vaste nummer" not in client.get(f"/lijsten/{mid}").get_data(as_text=True)
    with app.sessions() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "list_numbered")).all()
    assert [(a.actor, a.detail["assigned"]) for a in audit] == [("gijs", len(numbers))]


def test_adoption_with_unreviewed_items_needs_the_griffiers_confirmation(lists_site) -> None:
    app, client, mid = lists_site
    waiting = [i for i in on_list(app, mid) if i.status in ("triaged", "needs_review")]
    assert waiting  # nobody reviewed the sample items
    html = client.get(f"/lijsten/{mid}").get_data(as_text=True)
    assert f"{len(waiting)} stuk(ken) op deze lijst zijn nog niet beoordeeld" in html
    client.post(f"/lijsten/{mid}/vaststellen", data={"csrf_token": token(html)})
    with app.sessions() as s:
        assert s.get(Meeting, mid).status == "open"
    flashed = client.get(f"/lijsten/{mid}").get_data(as_text=True)
    assert f"{len(waiting)} stuk(ken) op deze lijst zijn nog niet beoordeeld (" in flashed  # the refusal
    client.post(f"/lijsten/{mid}/vaststellen", data={"csrf_token": token(html), "accept_unreviewed": "1"})
    with app.sessions() as s:
        assert s.get(Meeting, mid).status == "vastgesteld"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "list_adopted")).one()
    assert sorted(audit.detail["unreviewed_confirmed"]) == sorted(i.id for i in waiting)


def test_adopting_from_the_page_by_item_id_before_any_number_exists(lists_site) -> None:
    app, client, mid = lists_site
    first, second = on_list(app, mid)[:2]
    html = client.get(f"/lijsten/{mid}").get_data(as_text=True)
    assert f'value="id:{first.id}"' in html and f'name="handling-id:{second.id}"' in html
    assert "Voorstel afhandeling" in html and "Besluit afhandeling" not in html
    r = client.post(f"/lijsten/{mid}/vaststellen", data={
        "csrf_token": token(html), "pull": f"id:{first.id}", f"handling-id:{second.id}": "college_advies",
        "accept_unreviewed": "1"})
    assert r.status_code == 302
    with app.sessions() as s:
        m = s.get(Meeting, mid)
        assert m.status == "vastgesteld"
        a, b = s.get(Item, first.id), s.get(Item, second.id)
        assert a.handling_code == "agenderen" and b.handling_code == "college_advies"
        assert a.list_number is not None and b.list_number is not None
    adopted = client.get(f"/lijsten/{mid}").get_data(as_text=True)
    assert "Besluit afhandeling" in adopted and "Voorstel afhandeling" not in adopted, "the column says what was decided"
    assert "college_advies" not in adopted.split("<table", 1)[1].replace('data-handling="college_advies"', "")


def test_main_menu_names_each_page_once_and_marks_where_you_are(lists_site) -> None:
    _, client, mid = lists_site
    for url in ("/lijsten", f"/lijsten/{mid}"):
        html = client.get(url).get_data(as_text=True)
        menu = html.split('<nav aria-label="Hoofdmenu">', 1)[1].split("</nav>", 1)[0]
        assert menu.count(">Lijsten</a>") == 1
        assert 'href="/lijsten" aria-current="page"' in menu and menu.count('aria-current="page"') == 1
