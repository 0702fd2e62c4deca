"""Behind a reverse proxy the login throttle sees the client's address, and only a trusted proxy can say what it is."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from pipeline.config import load_settings
from pipeline.errors import ConfigError
from pipeline.registry.models import AuditEntry
from pipeline.web.proxies import client_address
from tests.test_review_web import PASSWORD, make_web, token

PROXY = "10.0.0.5"


def fail_logins(web, remote: str, forwarded: str | None, times: int) -> list[int]:
    client = web.test_client()
    env = {"REMOTE_ADDR": remote}
    page = client.get("/inloggen", environ_base=env).get_data(as_text=True)
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return [client.post("/inloggen", data={"name": f"nobody{n}", "password": "fout", "csrf_token": token(page)},
                        environ_base=env, headers=headers).status_code for n in range(times)]


def audited_remotes(app) -> list[str]:
    with app.sessions() as s:
        rows = s.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed").order_by(AuditEntry.id))
        return [r.detail["remote"] for r in rows]


def web_with(tmp_path, trusted: tuple[str, ...]):
    app, web, _ = make_web(tmp_path, require_login=True)
    app.settings = replace(app.settings, web=replace(app.settings.web, trusted_proxies=trusted))
    return app, web


def test_a_trusted_proxy_gives_each_client_its_own_address(tmp_path):
    app, web = web_with(tmp_path, (PROXY, "192.168.0.0/16"))
    # one client mistypes five times through the proxy: its own address is held up...
    assert fail_logins(web, PROXY, "203.0.113.7", 5)[-1] == 429
    # ...but a colleague behind the same proxy is not (different accounts, so only the address could block)
    client = web.test_client()
    page = client.get("/inloggen", environ_base={"REMOTE_ADDR": PROXY}).get_data(as_text=True)
    r = client.post("/inloggen", data={"name": "anna", "password": PASSWORD, "csrf_token": token(page)},
                    environ_base={"REMOTE_ADDR": PROXY}, headers={"X-Forwarded-For": "203.0.113.8"})
    assert r.status_code == 302
    # hops added by our own proxies (a second one in 192.168/16) are skipped; what the client wrote is not believed
    fail_logins(web, PROXY, "6.6.6.6, 198.51.100.4, 192.168.1.1", 1)
    assert audited_remotes(app)[0] == "203.0.113.7" and audited_remotes(app)[-1] == "198.51.100.4"
    app.close()


def test_a_forged_header_from_an_untrusted_client_changes_nothing(tmp_path):
    app, web = web_with(tmp_path, (PROXY,))
    # a client that talks to us directly and writes a new X-Forwarded-For each time is still one address
    client = web.test_client()
    env = {"REMOTE_ADDR": "198.51.100.23"}
    page = client.get("/inloggen", environ_base=env).get_data(as_text=True)
    codes = [client.post("/inloggen", data={"name": f"nobody{n}", "password": "fout", "csrf_token": token(page)},
                         environ_base=env, headers={"X-Forwarded-For": f"203.0.113.{n}"}).status_code
             for n in range(6)]
    assert codes[:4] == [401] * 4 and codes[4:] == [429, 429]
    assert set(audited_remotes(app)) == {"198.51.100.23"}
    app.close()


def test_without_trusted_proxies_the_header_is_ignored(tmp_path):
    app, web = web_with(tmp_path, ())
    assert app.settings.web.trusted_proxies == ()  # the default
    fail_logins(web, PROXY, "203.0.113.7", 2)
    assert audited_remotes(app) == [PROXY, PROXY]
    app.close()


def test_client_address_reads_the_header_from_the_right():
    trusted = ("10.0.0.0/8", "2001:db8::/32")
    assert client_address("10.1.1.1", ["1.2.3.4, 5.6.7.8"], trusted) == "5.6.7.8"
    assert client_address("10.1.1.1", ["1.2.3.4", "5.6.7.8, 10.2.2.2"], trusted) == "5.6.7.8", "several lines"
    assert client_address("10.1.1.1", ["10.3.3.3, 10.2.2.2"], trusted) == "10.3.3.3", "all ours: the leftmost"
    assert client_address("10.1.1.1", ["nonsense, 10.2.2.2"], trusted) == "10.2.2.2", "garbage stops the walk"
    assert client_address("10.1.1.1", [], trusted) == "10.1.1.1"
    assert client_address("2001:db8::1", ["[2001:db9::5]:443"], trusted) == "2001:db9::5"
    assert client_address("5.6.7.8", ["10.9.9.9"], trusted) == "5.6.7.8", "not from a proxy of ours"


def test_trusted_proxies_are_checked_when_the_config_is_read(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text('[web]\ntrusted_proxies = ["127.0.0.1", "10.0.0.0/8", "::1"]\n', encoding="utf-8")
    assert load_settings(good, env={}).web.trusted_proxies == ("127.0.0.1", "10.0.0.0/8", "::1")
    bad = tmp_path / "bad.toml"
    bad.write_text('[web]\ntrusted_proxies = ["proxy.example.nl"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="geen IP-adres of netwerk"):
        load_settings(bad, env={})
