"""The review inbox through Flask's test client: pages, login, roles, CSRF, confirm, correct, quarantine, users."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from sqlalchemy import select

from pipeline.app import App
from pipeline.config import Settings
from pipeline.records import Locator
from pipeline.registry.models import AuditEntry, Item, Message
from pipeline.users import add_user
from pipeline.web.app import create_app
from tests.review_data import LETTERS, VERKEER, fill

ZEBRAPAD, ZIENSWIJZE, KINDEROPVANG = LETTERS[1][0], LETTERS[2][0], LETTERS[0][0]
PASSWORD = "correct-paard-batterij"


def make_web(tmp_path, require_login: bool):
    settings = Settings()
    settings = replace(settings,
                       registry=replace(settings.registry, url=f"sqlite:///{tmp_path}/register.db",
                                        data_dir=str(tmp_path / "data")),
                       web=replace(settings.web, require_login=require_login, secure_cookies=False))
    app = App.open(settings)
    ids = fill(app.sessions)
    with app.sessions.begin() as s:
        for name, role in (("anna", "assistent"), ("gijs", "griffier"), ("lotte", "lezer")):
            add_user(s, name, role, PASSWORD)
    web = create_app(app)
    web.config["TESTING"] = True
    return app, web, ids


@pytest.fixture
def site(tmp_path):
    app, web, ids = make_web(tmp_path, require_login=True)
    yield app, web.test_client(), ids
    app.close()


def token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def login(client, name: str, password: str = PASSWORD):
    page = client.get("/inloggen").get_data(as_text=True)
    return client.post("/inloggen", data={"name": name, "password": password, "csrf_token": token(page), "next": "/"})


def test_login_is_required_and_wrong_passwords_are_refused(site):
    app, client, _ = site
    r = client.get("/")
    assert r.status_code == 302 and "/inloggen" in r.headers["Location"]
    assert client.get("/health").status_code == 200
    r = login(client, "anna", "fout-wachtwoord")
    assert r.status_code == 401 and "onjuist wachtwoord" in r.get_data(as_text=True)
    r = login(client, "anna")
    assert r.status_code == 302 and r.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert "anna (griffie-assistent)" in page
    with app.sessions() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.action.like("login%")))]
    assert actions == ["login_failed", "login"]


def test_login_does_not_redirect_off_site(site):
    _, client, _ = site
    page = client.get("/inloggen").get_data(as_text=True)
    r = client.post("/inloggen", data={"name": "anna", "password": PASSWORD, "csrf_token": token(page),
                                       "next": "//evil.example/"})
    assert r.headers["Location"] == "/"


def test_inbox_lists_needs_review_first_with_badges_reasons_and_profile_words(site):
    _, client, ids = site
    login(client, "anna")
    html = client.get("/").get_data(as_text=True)
    order = [html.index(f'id="item-{ids[subject]}"') for subject in (ZEBRAPAD, ZIENSWIJZE, KINDEROPVANG)]
    assert order[0] > 0 and order[2] > max(order[:2]), "needs_review items come before triaged ones"
    assert re.search(r'Te beoordelen <span class="badge badge-needs_review">2</span>', html)
    assert 'badge-reviewed zero">0<' in html
    assert "Waarom dit voorstel?" in html and "regel soort-zienswijzeverzoek" in html
    # A card links to the item page's correction form instead of carrying every vocabulary itself.
    assert f'href="/stukken/{ids[ZEBRAPAD]}#corrigeren"' in html and 'id="handling-' not in html
    assert "Voor kennisgeving aannemen" in html  # the generic profile's words for vka
    filtered = client.get("/?status=ignored").get_data(as_text=True)
    assert "Nieuwsbrief woningbouw" in filtered and ZEBRAPAD not in filtered
    wrong = client.get("/?status=onzin")
    assert wrong.status_code == 400 and "Onbekende status" in wrong.get_data(as_text=True)


def test_assistant_confirms_and_corrects_with_csrf(site):
    app, client, ids = site
    login(client, "anna")
    html = client.get("/").get_data(as_text=True)
    r = client.post(f"/stukken/{ids[KINDEROPVANG]}/bevestigen", data={"csrf_token": "vervalst"})
    assert r.status_code == 400 and "CSRF" in r.get_data(as_text=True)
    r = client.post(f"/stukken/{ids[KINDEROPVANG]}/bevestigen", data={"csrf_token": token(html), "next": "/"})
    assert r.status_code == 302
    r = client.post(f"/stukken/{ids[ZEBRAPAD]}/corrigeren", follow_redirects=True, data={
        "csrf_token": token(html), "handling_code": "college_afdoening", "topic_code": VERKEER, "on_list": "ja",
        "document_kind": "brief", "sender_kind": "inwoner", "committee": "Samenleving", "subject": ZEBRAPAD,
        "letter_date": "2025-06-05", "sender_organisation": "", "note": ""})
    text = r.get_data(as_text=True)
    assert "gecorrigeerd: afhandeling." in text
    with app.sessions() as s:
        confirmed, corrected = s.get(Item, ids[KINDEROPVANG]), s.get(Item, ids[ZEBRAPAD])
        assert (confirmed.status, confirmed.reviewed_by) == ("reviewed", "anna")
        assert (corrected.status, corrected.handling_code) == ("reviewed", "college_afdoening")
    detail = client.get(f"/stukken/{ids[ZEBRAPAD]}").get_data(as_text=True)
    assert "Gecorrigeerd door anna: afhandeling van" in detail and "Geschiedenis van de beslissingen" in detail
    r = client.post(f"/stukken/{ids[ZEBRAPAD]}/corrigeren", follow_redirects=True,
                    data={"csrf_token": token(html), "handling_code": "bestaat_niet"})
    assert "Ongeldige waarde" in r.get_data(as_text=True)


def test_reader_may_read_but_not_review_or_manage_users(site):
    app, client, ids = site
    login(client, "lotte")
    html = client.get("/").get_data(as_text=True)
    assert "Bevestigen" not in html and "Correctie opslaan" not in html
    r = client.post(f"/stukken/{ids[ZEBRAPAD]}/bevestigen", data={"csrf_token": token(html)})
    assert r.status_code == 403 and "lezer" in r.get_data(as_text=True)
    assert client.get("/gebruikers").status_code == 403
    with app.sessions() as s:
        assert s.get(Item, ids[ZEBRAPAD]).status == "needs_review"


def test_griffier_manages_users_and_logout_ends_the_session(site):
    _, client, _ = site
    login(client, "anna")
    assert client.get("/gebruikers").status_code == 403
    html = client.get("/").get_data(as_text=True)
    client.post("/uitloggen", data={"csrf_token": token(html)})
    assert client.get("/").status_code == 302
    login(client, "gijs")
    page = client.get("/gebruikers").get_data(as_text=True)
    assert "lotte" in page
    r = client.post("/gebruikers", follow_redirects=True, data={
        "csrf_token": token(page), "name": "bram", "role": "assistent", "password": "bram-wachtwoord"})
    assert "Gebruiker bram toegevoegd" in r.get_data(as_text=True)
    r = client.post("/gebruikers", follow_redirects=True, data={
        "csrf_token": token(page), "name": "bram", "role": "assistent", "password": "bram-wachtwoord"})
    assert "bestaat al" in r.get_data(as_text=True)
    client.post("/uitloggen", data={"csrf_token": token(page)})
    assert login(client, "bram", "bram-wachtwoord").status_code == 302


@pytest.mark.slow  # the worker's pass after the request runs the real pipeline (models, OCR workers) once
def test_quarantine_page_shows_the_error_and_retries(site, tmp_path):
    app, client, _ = site
    raw = b"From: iemand@example.nl\r\nSubject: kapot\r\n\r\nniets"
    accepted = app.intake.accept(raw, Locator("file", str(tmp_path / "kapot.eml")), actor="test")
    with app.sessions.begin() as s:
        msg = s.get(Message, accepted.message_id)
        msg.state, msg.last_error = "quarantined", "De PDF-bijlage is beschadigd (Unexpected EOF)."
        mid = msg.id
    login(client, "anna")
    inbox = client.get("/").get_data(as_text=True)
    assert "1 bericht staat" in inbox and "in quarantaine" in inbox
    page = client.get("/quarantaine").get_data(as_text=True)
    assert "De PDF-bijlage is beschadigd (Unexpected EOF)." in page and "Opnieuw proberen" in page
    r = client.post("/quarantaine/opnieuw", follow_redirects=True,
                    data={"csrf_token": token(page), "message_id": str(mid)})
    assert "1 bericht staat weer in de wachtrij" in r.get_data(as_text=True)
    with app.sessions() as s:
        msg = s.get(Message, mid)
        attempts = msg.attempts
        assert msg.state == "received" and msg.claimed_by is None  # queued: the request ran no pipeline
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "retry_requested")).actor == "anna"
    app.process_pending()  # the worker's pass (watch, retry, ingest) picks the queued message up
    with app.sessions() as s:
        msg = s.get(Message, mid)
        assert msg.attempts == attempts + 1
        assert msg.state in ("filed", "ignored", "quarantined")


def test_without_require_login_the_local_user_can_review(tmp_path):
    app, web, ids = make_web(tmp_path, require_login=False)
    client = web.test_client()
    html = client.get("/").get_data(as_text=True)
    assert "lokaal" in html and "Bevestigen" in html
    client.post(f"/stukken/{ids[ZEBRAPAD]}/bevestigen", data={"csrf_token": token(html)})
    with app.sessions() as s:
        assert s.get(Item, ids[ZEBRAPAD]).reviewed_by == "lokaal"
    assert client.get("/stukken/9999").status_code == 404
    app.close()


def test_item_history_reads_in_words_not_codes(site):
    """GIVEN a pipeline proposal and a correction WHEN the item page is shown THEN no code reaches the reader."""
    app, client, ids = site
    login(client, "anna")
    zebrapad = ids[ZEBRAPAD]
    html = client.get(f"/stukken/{zebrapad}").get_data(as_text=True)
    token_ = token(html)
    client.post(f"/stukken/{zebrapad}/corrigeren", data={"csrf_token": token_, "handling_code": "college_afdoening",
                                                         "on_list": "nee", "topic_code": "c_124eaf3a"})
    html = client.get(f"/stukken/{zebrapad}").get_data(as_text=True)
    history = html.split("Geschiedenis van de beslissingen", 1)[1].split("<h2>Tekst</h2>")[0]
    for code in ("c_849842ac", "c_124eaf3a", ">college_afdoening<", ">true<", ">false<", ">pipeline<", ">assistant<"):
        assert code not in history, code
    assert "automatisch voorstel" in history and "beoordelaar" in history and "wonen" in history
    assert "in handen van het college stellen ter afdoening" in history or "ter afdoening" in history
    # A pipeline decision with two reasons says two and lists exactly those two.
    assert re.search(r"<summary>2 redenen</summary><ul><li>regel soort-brief: brief</li><li>model onderwerp", history)
