"""Accounts that hold: server-side session revocation, login throttling, user management, security headers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli import main
from pipeline.config import Settings
from pipeline.registry.models import AuditEntry, Item, User
from pipeline.throttle import blocked_for, record_failure, wait_seconds
from pipeline.users import set_password
from pipeline.web.app import create_app
from tests.test_review_web import PASSWORD, login, make_web, site, token  # noqa: F401  (site is a fixture)


def logged_in(web, name: str):
    client = web.test_client()
    assert login(client, name).status_code == 302
    return client


def is_in(client) -> bool:
    return client.get("/").status_code == 200


def test_logout_ends_every_session_of_that_user_also_a_copied_cookie(tmp_path):
    app, web, _ = make_web(tmp_path, require_login=True)
    first, second = logged_in(web, "anna"), logged_in(web, "anna")
    saved = first.get_cookie("session").value
    page = first.get("/").get_data(as_text=True)
    first.post("/uitloggen", data={"csrf_token": token(page)})
    assert not is_in(second), "the other session of anna ended too"
    thief = web.test_client()
    thief.set_cookie("session", saved)
    assert not is_in(thief), "a cookie saved before logout no longer works"
    app.close()


def test_password_change_ends_every_session(tmp_path):
    app, web, _ = make_web(tmp_path, require_login=True)
    anna, gijs = logged_in(web, "anna"), logged_in(web, "gijs")
    with app.sessions.begin() as s:
        set_password(s, "anna", "een-heel-nieuw-wachtwoord")
    assert not is_in(anna) and is_in(gijs)
    app.close()


def test_growing_waits_per_account_and_per_address(site):  # noqa: F811
    app, client, _ = site
    assert [wait_seconds(n) for n in range(1, 8)] == [0, 0, 0, 2, 4, 8, 16]
    page = client.get("/inloggen").get_data(as_text=True)
    for _ in range(4):
        r = client.post("/inloggen", data={"name": "anna", "password": "fout", "csrf_token": token(page)})
        assert r.status_code == 401
    # the 5th try is the right password, but the account waits now: refused without looking at it
    r = client.post("/inloggen", data={"name": "anna", "password": PASSWORD, "csrf_token": token(page)})
    assert r.status_code == 429 and "Te veel mislukte pogingen" in r.get_data(as_text=True)
    # the same address trying another account waits too
    r = client.post("/inloggen", data={"name": "gijs", "password": PASSWORD, "csrf_token": token(page)})
    assert r.status_code == 429
    with app.sessions() as s:
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.action.like("login%")))]
    assert "login_throttled" in actions and actions.count("login_refused_throttled") == 2
    # another address for another account is not held up by this address
    other = app.sessions
    with other() as s:
        assert blocked_for(s, "lotte", "10.0.0.9") == 0


def test_the_wait_runs_out_and_grows_with_each_failure(tmp_path):
    app, _, _ = make_web(tmp_path, require_login=True)
    now = datetime(2026, 1, 5, 9, tzinfo=timezone.utc)
    with app.sessions.begin() as s:
        for n in range(5):
            record_failure(s, "anna", "10.0.0.1", now)
        assert blocked_for(s, "anna", "10.0.0.1", now) == 5  # 4 s (5th failure) and a second of margin
        assert blocked_for(s, "anna", "10.0.0.1", now + timedelta(seconds=5)) == 0
        record_failure(s, "anna", "10.0.0.1", now + timedelta(seconds=6))
        assert blocked_for(s, "anna", "10.0.0.1", now + timedelta(seconds=6)) == 9
    app.close()


def test_griffier_disables_changes_role_resets_and_removes_users_in_the_ui(tmp_path):
    app, web, _ = make_web(tmp_path, require_login=True)
    anna, gijs = logged_in(web, "anna"), logged_in(web, "gijs")
    page = gijs.get("/gebruikers").get_data(as_text=True)
    csrf = token(page)
    assert anna.post("/gebruikers/lotte/wijzigen", data={"action": "disable", "csrf_token": token(
        anna.get("/").get_data(as_text=True))}).status_code == 403, "an assistant does not manage users"
    gijs.post("/gebruikers/anna/wijzigen", data={"action": "disable", "csrf_token": csrf})
    assert not is_in(anna)
    assert login(web.test_client(), "anna").status_code == 401, "a disabled user cannot log in"
    gijs.post("/gebruikers/anna/wijzigen", data={"action": "enable", "csrf_token": csrf})
    anna = logged_in(web, "anna")
    gijs.post("/gebruikers/anna/wijzigen", data={"action": "role", "role": "lezer", "csrf_token": csrf})
    assert not is_in(anna)
    gijs.post("/gebruikers/anna/wijzigen", data={"action": "password", "password": "nieuw-wachtwoord-1",
                                                  "csrf_token": csrf})
    assert login(web.test_client(), "anna", "nieuw-wachtwoord-1").status_code == 302
    refused = gijs.post("/gebruikers/gijs/wijzigen", data={"action": "role", "role": "lezer", "csrf_token": csrf},
                        follow_redirects=True).get_data(as_text=True)
    assert "laatste actieve griffier" in refused
    gijs.post("/gebruikers/lotte/wijzigen", data={"action": "remove", "csrf_token": csrf})
    with app.sessions() as s:
        users = {u.name: (u.role, u.disabled) for u in s.scalars(select(User))}
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.action.like("user_%")))]
    assert users == {"anna": ("lezer", False), "gijs": ("griffier", False)}
    assert {"user_disabled", "user_enabled", "user_role_changed", "user_removed"} <= set(actions)
    app.close()


def test_users_role_disable_enable_remove_on_the_command_line(tmp_path):
    url = f"sqlite:///{tmp_path}/r.db"
    run = lambda *a, input=None: CliRunner().invoke(main, ["--db", url, *a], input=input)  # noqa: E731
    assert run("users", "add", "gijs", "--role", "griffier", input="wachtwoord-1\n").exit_code == 0
    assert run("users", "add", "anna", "--role", "assistent", input="wachtwoord-1\n").exit_code == 0
    assert run("users", "role", "anna", "lezer").exit_code == 0
    assert run("users", "disable", "anna").exit_code == 0
    assert "anna                     lezer  (uitgeschakeld)" in run("users", "list").output
    assert run("users", "enable", "anna").exit_code == 0
    last = run("users", "disable", "gijs")
    assert last.exit_code != 0 and "laatste actieve griffier" in str(last.exception)  # printed by __main__
    assert run("users", "remove", "anna").exit_code == 0
    assert "anna" not in run("users", "list").output


def test_security_headers_and_no_inline_script(site):  # noqa: F811
    _, client, _ = site
    for path in ("/inloggen", "/health"):
        r = client.get(path)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] == "same-origin" and r.headers["X-Frame-Options"] == "DENY"
    login(client, "anna")
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "every script is a file"
    assert " style=" not in html


def test_secure_cookie_setting_and_login_required_by_default(tmp_path):
    assert Settings().web.require_login is True and Settings().web.secure_cookies is True
    app, _, _ = make_web(tmp_path, require_login=True)
    secure = create_app(replace(app, settings=replace(app.settings, web=replace(app.settings.web,
                                                                                 secure_cookies=True))))
    r = secure.test_client().get("/inloggen")
    assert "Secure" in r.headers["Set-Cookie"] and "HttpOnly" in r.headers["Set-Cookie"]
    app.close()


def test_serve_refuses_to_start_with_login_and_no_secret_key(tmp_path, monkeypatch):
    config = tmp_path / "config.toml"
    config.write_text(f'[registry]\nurl = "sqlite:///{tmp_path}/r.db"\n\n[web]\nrequire_login = true\n',
                      encoding="utf-8")
    monkeypatch.delenv("GRIFFIEPOST_SECRET_KEY", raising=False)
    r = CliRunner().invoke(main, ["--config", str(config), "serve", "--port", "1"])
    assert r.exit_code != 0 and "GRIFFIEPOST_SECRET_KEY" in str(r.exception) and "sessiesleutel" in str(r.exception)


def test_dutch_error_pages_for_a_huge_id_and_an_unknown_page(site):  # noqa: F811
    _, client, _ = site
    login(client, "anna")
    for path in ("/stukken/99999999999999999999", "/bestaat-niet"):
        r = client.get(path)
        assert r.status_code == 404 and "Niet gevonden" in r.get_data(as_text=True) and '<html lang="nl">' in \
            r.get_data(as_text=True)


def test_an_unexpected_error_is_a_dutch_500_without_the_exception_text(tmp_path):
    app, web, _ = make_web(tmp_path, require_login=True)
    web.config.update(TESTING=False, PROPAGATE_EXCEPTIONS=False)  # as in production: the handler answers
    client = web.test_client()
    login(client, "anna")
    with app.engine.begin() as conn:  # a registry broken behind the app's back: a real error, not a stub
        conn.exec_driver_sql("DROP TABLE item_notes")
    r = client.get(f"/stukken/{_first_item(app)}")
    body = r.get_data(as_text=True)
    assert r.status_code == 500 and "Er ging iets mis" in body and '<html lang="nl">' in body
    assert "item_notes" not in body and "Traceback" not in body and "OperationalError" not in body
    app.close()


def _first_item(app) -> int:
    with app.sessions() as s:
        return s.scalars(select(Item.id)).first()
