"""The inbox at scale: paging, search (FTS5 / PostgreSQL), filters with counts, sort, URL state and bulk confirm."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from pipeline.errors import GriffieError
from pipeline.inbox import FILE_MAILBOX, InboxQuery, fts_available, inbox_page
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.models import AuditEntry, Item, Meeting
from tests.review_data import VERKEER, WONEN, ZORG, add_item
from tests.test_review_web import login, make_web, token

START = datetime(2025, 3, 1, 8, 0, tzinfo=timezone.utc)


def many(sessions, n: int = 120) -> dict[str, int]:
    """n items: every third about traffic, a few special ones to search for; returns names -> item id."""
    special = {}
    with sessions.begin() as s:
        meeting = Meeting(date=date(2025, 9, 1), body="raad")
        s.add(meeting)
        s.flush()
        for k in range(1, n + 1):
            topic = (VERKEER, ZORG, WONEN)[k % 3]
            subject = f"Brief nummer {k} over {('verkeer', 'zorg', 'wonen')[k % 3]}"
            text = "Geachte raad, een gewone brief."
            org, skind, status = "Stichting Voorbeeld", "organisatie", ("needs_review", "triaged")[k % 2]
            if k == 7:
                subject, text = "Zienswijze financiën Veiligheidsregio", "Wij vragen uw zienswijze op de begroting."
            if k == 8:
                org, skind, text = None, "inwoner", "Er is overlast van brommers in de Kerkstraat."
            item = add_item(s, 100 + k, subject, org, skind, "brief", topic, "vka" if k % 4 else "agenderen", status, text,
                            START + timedelta(days=k))
            if k == 9:
                item.meeting_id = meeting.id
                item.message.source, item.message.locator = "imap", "griffie/INBOX/1/9"
                item.message.from_address = "j.jansen@voorbeeld.nl"
            special[k] = item.id
        special["meeting"] = meeting.id
    return special


@pytest.fixture
def web(tmp_path):
    app, web, ids = make_web(tmp_path, require_login=True)
    extra = many(app.sessions)
    client = web.test_client()
    login(client, "anna")
    yield app, client, extra
    app.close()


def card_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'<li id="item-(\d+)" class="card', html)]


def test_inbox_pages_of_fifty_with_links_that_keep_the_choice(web):
    _, client, _ = web
    first = client.get("/?sort=oudste").get_data(as_text=True)
    assert len(card_ids(first)) == 50 and "pagina 1 van 3" in first
    assert 'href="/?sort=oudste&amp;page=2"' in first
    third = client.get("/?sort=oudste&page=3").get_data(as_text=True)
    assert len(card_ids(third)) == 124 - 100
    assert not set(card_ids(first)) & set(card_ids(third))
    assert client.get("/?page=0").status_code == 400
    assert len(first.encode()) < 300_000


def test_search_finds_subject_sender_text_numbers_and_address(web):
    app, client, extra = web
    with app.sessions() as s:
        assert fts_available(s), "SQLite here has FTS5: the search uses the index"

    def found(q: str) -> list[int]:
        return card_ids(client.get("/", query_string={"q": q}).get_data(as_text=True))

    assert found("financien") == [extra[7]], "diacritics folded, subject"
    assert found("brommers kerkstraat") == [extra[8]], "text, every word"
    assert extra[7] in found("zienswij"), "prefix"
    assert extra[9] in found("j.jansen@voorbeeld.nl"), "the sender's address"
    with app.sessions() as s:
        number = s.get(Item, extra[9]).registration_number
    assert found(number) == [extra[9]], "registration number"
    assert found("Voorbeeld") and len(found("Voorbeeld")) == 50, "sender organisation, paged"
    assert found("qqqnietsqqq") == []
    assert "voldoen" in client.get("/?q=qqqnietsqqq").get_data(as_text=True)


def test_each_filter_narrows_and_shows_counts(web):
    app, client, extra = web
    html = client.get("/", query_string={"topic": VERKEER}).get_data(as_text=True)
    with app.sessions() as s:
        verkeer = s.query(Item).filter_by(topic_code=VERKEER).count()
    assert len(card_ids(html)) == verkeer == 41  # 40 of the 120 and the base letter about a zebra crossing
    assert re.search(rf'<option value="{VERKEER}" selected>verkeer \({verkeer}\)</option>', html)
    # counts of other filters follow the chosen topic
    with app.sessions() as s:
        agenderen = s.query(Item).filter_by(topic_code=VERKEER, handling_code="agenderen").count()
    assert re.search(rf'<option value="agenderen" ?>[^<]*\({agenderen}\)</option>', html)
    checks = {
        "handling=agenderen": lambda i: i.handling_code == "agenderen",
        "sender_kind=inwoner": lambda i: i.sender_kind == "inwoner",
        "committee=Samenleving": lambda i: i.committee == "Samenleving",
        "status=triaged": lambda i: i.status == "triaged",
        f"meeting={extra['meeting']}": lambda i: i.meeting_id == extra["meeting"],
        "meeting=geen": lambda i: i.meeting_id is None,
        "van=2025-03-10&tot=2025-03-12": lambda i: date(2025, 3, 10) <= i.received_at.date() <= date(2025, 3, 12),
    }
    with app.sessions() as s:
        every = list(s.scalars(select(Item)))
    for args, wanted in checks.items():
        expected = sorted(i.id for i in every if wanted(i))
        shown = []
        for n in range(1, 4):
            shown += card_ids(client.get(f"/?{args}&page={n}").get_data(as_text=True))
        assert sorted(set(shown)) == expected, args
    with app.sessions() as s:
        imap = inbox_page(s, InboxQuery(mailbox="griffie"), ["griffie", FILE_MAILBOX])
        files = inbox_page(s, InboxQuery(mailbox=FILE_MAILBOX), ["griffie", FILE_MAILBOX])
    assert [i.id for i in imap.items] == [extra[9]] and files.total == len(every) - 1
    assert imap.counts["mailbox"] == {"griffie": 1, FILE_MAILBOX: len(every) - 1}


def test_wrong_filter_values_are_a_dutch_400():
    for args, words in (({"topic": "c_onzin"}, "Onbekend onderwerp"), ({"van": "gisteren"}, "Ongeldige datum"),
                        ({"sort": "random"}, "Onbekende sortering"), ({"meeting": "x"}, "Onbekende vergadering")):
        with pytest.raises(GriffieError, match=words):
            InboxQuery.from_args(args)


def test_bulk_confirm_of_selected_items(web):
    app, client, extra = web
    html = client.get("/?status=needs_review").get_data(as_text=True)
    chosen = card_ids(html)[:3]
    r = client.post("/stukken/bevestigen", data={"item_id": [str(i) for i in chosen], "csrf_token": token(html),
                                                  "next": "/?status=needs_review"})
    assert r.status_code == 302 and r.headers["Location"] == "/?status=needs_review"
    with app.sessions() as s:
        assert {s.get(Item, i).status for i in chosen} == {"reviewed"}
        confirmed = s.scalars(select(AuditEntry.item_id).where(AuditEntry.action == "item_confirmed")).all()
    assert sorted(confirmed) == sorted(chosen)
    assert "3 stukken bevestigd" in client.get("/?status=needs_review").get_data(as_text=True)
    assert client.post("/stukken/bevestigen", data={"item_id": [str(chosen[0])]}).status_code == 400, "CSRF"


def test_search_on_postgresql_uses_full_text(postgres_url):
    engine = make_engine(postgres_url)
    migrate(engine)
    sessions = session_factory(engine)
    extra = many(sessions, n=30)
    with sessions() as s:
        assert [i.id for i in inbox_page(s, InboxQuery(q="financiën")).items] == [extra[7]]
        assert [i.id for i in inbox_page(s, InboxQuery(q="brommers Kerkstr")).items] == [extra[8]]
        assert [i.id for i in inbox_page(s, InboxQuery(q="voorbeeld.nl")).items] == [extra[9]]
        number = s.get(Item, extra[9]).registration_number
        assert [i.id for i in inbox_page(s, InboxQuery(q=number)).items] == [extra[9]]
        page = inbox_page(s, InboxQuery(topic=VERKEER, sort="nummer"))
        assert page.total == 10 and page.counts["topic"][VERKEER] == 10
        plan = s.connection().exec_driver_sql(
            "EXPLAIN SELECT id FROM items WHERE " + __import__("pipeline.inbox", fromlist=["x"]).PG_DOCUMENT
            + " @@ to_tsquery('simple', 'brommers')").fetchall()
    assert plan, "the query runs with the same expression as the index"
    engine.dispose()
