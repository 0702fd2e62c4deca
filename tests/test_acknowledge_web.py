"""The acknowledgement on the item page (Flask test client, real loopback SMTP): sent after confirmation by the
worker's pass; drafted, edited and sent by the assistant; skipped; the sent mail downloadable as it went out."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from pipeline.registry.models import Acknowledgement, Item
from pipeline.web.app import create_app
from tests.ack_support import MAILS, deliver, open_app
from tests.smtpserver import SmtpServer


@pytest.fixture
def site(tmp_path):
    srv = SmtpServer(tmp_path / "smtp", security="none").start()
    yield tmp_path, srv
    srv.stop()


def _client(app):
    web = create_app(app)
    web.config["TESTING"] = True
    return web.test_client()


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def _item_id(app) -> int:
    with app.sessions() as s:
        return s.scalar(select(Item.id).order_by(Item.id))


def test_confirming_the_item_sends_the_acknowledgement_on_the_next_worker_pass(site):
    tmp, srv = site
    app = open_app(tmp, srv, when="confirmed", mode="queue")
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        assert srv.messages() == []  # filed, not yet confirmed: nothing goes out
        client = _client(app)
        item_id = _item_id(app)
        page = client.get(f"/stukken/{item_id}").get_data(as_text=True)
        assert "Nog geen ontvangstbevestiging" in page
        client.post(f"/stukken/{item_id}/bevestigen", data={"csrf_token": _token(page)})
        app.process_pending()
        assert len(srv.messages()) == 1
        page = client.get(f"/stukken/{item_id}").get_data(as_text=True)
        assert "Verstuurd" in page and "s.vandijk@ziggo.nl" in page and "Verstuurde e-mail (.eml)" in page
    finally:
        app.close()


def test_the_assistant_previews_edits_and_sends_or_skips(site):
    tmp, srv = site
    app = open_app(tmp, srv, when="confirmed", mode="draft")
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        client = _client(app)
        item_id = _item_id(app)
        page = client.get(f"/stukken/{item_id}").get_data(as_text=True)
        client.post(f"/stukken/{item_id}/ontvangstbevestiging", data={"csrf_token": _token(page)})
        page = client.get(f"/stukken/{item_id}").get_data(as_text=True)
        assert "Concept" in page and "<textarea" in page and "Geachte Sanne van Dijk" in page
        with app.sessions() as s:
            ack = s.scalar(select(Acknowledgement))
            body = ack.body + "\nWij danken u voor de foto's.\n"
            ack_id = ack.id
        client.post(f"/stukken/{item_id}/ontvangstbevestiging/{ack_id}",
                    data={"csrf_token": _token(page), "action": "versturen", "subject": "Uw brief over het Kanaalpad",
                          "body": body})
        sent = srv.messages()
        assert len(sent) == 1 and sent[0]["Subject"] == "Uw brief over het Kanaalpad"
        assert "Wij danken u voor de foto's." in sent[0].get_payload(decode=True).decode("utf-8")
        raw = client.get(f"/stukken/{item_id}/ontvangstbevestiging.eml")
        assert raw.status_code == 200 and b"Auto-Submitted: auto-replied" in raw.data
        # the second letter of another writer: drafted, then skipped by the assistant
        deliver(app, (MAILS / "02_rondzendbrief.eml").read_bytes(), "rondzend")
        with app.sessions() as s:
            other = s.scalar(select(Item.id).order_by(Item.id.desc()))
        client.post(f"/stukken/{other}/ontvangstbevestiging", data={"csrf_token": _token(page)})
        with app.sessions() as s:
            skipped = s.scalar(select(Acknowledgement).where(Acknowledgement.item_id == other))
            assert skipped.status == "skipped" and "rondzendbrief" in skipped.reason
        assert len(srv.messages()) == 1
    finally:
        app.close()


def test_cli_acknowledge_sends_and_lists_the_outbox(site):
    import json

    from click.testing import CliRunner

    from pipeline.cli import main

    tmp, srv = site
    app = open_app(tmp, srv, when="filed", mode="queue")
    try:
        app.intake.accept((MAILS / "01_inwoner_brief.eml").read_bytes(),
                          __import__("pipeline.records", fromlist=["Locator"]).Locator(source="file", ref="x"))
        app.worker.run_pending()  # filed only: the outbox pass is the command's
        assert srv.messages() == []
        config = tmp / "config.toml"
        s = app.settings
        config.write_text(f'[registry]\nurl = "{s.registry.url}"\ndata_dir = "{s.registry.data_dir}"\n'
                          f'[profile]\nrules_dir = "{s.profile.rules_dir}"\n'
                          f'[smtp]\nhost = "127.0.0.1"\nport = {srv.port}\nsecurity = "none"\n', "utf-8")
        r = CliRunner().invoke(main, ["--config", str(config), "acknowledge", "--json"], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        rows = json.loads(r.output)
        assert [x["status"] for x in rows] == ["sent"] and len(srv.messages()) == 1
    finally:
        app.close()


def test_cli_acknowledge_lists_the_outbox_in_dutch_words(site, tmp_path):
    """The plain output names each waiting acknowledgement's state as the item page does, not by its code: a refused
    connection leaves the mail queued for a retry, shown as 'Klaar om te versturen' with the Dutch error."""
    import socket

    from click.testing import CliRunner

    from pipeline.cli import main
    from pipeline.records import Locator

    tmp, srv = site
    app = open_app(tmp, srv, when="filed", mode="queue")
    try:
        app.intake.accept((MAILS / "01_inwoner_brief.eml").read_bytes(), Locator(source="file", ref="x"))
        app.worker.run_pending()
        with socket.socket() as probe:  # a loopback port nobody listens on: the SMTP connection is refused
            probe.bind(("127.0.0.1", 0))
            closed = probe.getsockname()[1]
        s = app.settings
        config = tmp / "config.toml"
        config.write_text(f'[registry]\nurl = "{s.registry.url}"\ndata_dir = "{s.registry.data_dir}"\n'
                          f'[profile]\nrules_dir = "{s.profile.rules_dir}"\n'
                          f'[smtp]\nhost = "127.0.0.1"\nport = {closed}\nsecurity = "none"\n', "utf-8")
        r = CliRunner().invoke(main, ["--config", str(config), "acknowledge"], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        lines = r.output.splitlines()
        assert lines[0] == "0 ontvangstbevestiging(en) verstuurd."
        assert len(lines) == 2 and "  Klaar om te versturen " in lines[1] and "queued" not in lines[1], r.output
        assert "niet bereikbaar" in lines[1]
    finally:
        app.close()
