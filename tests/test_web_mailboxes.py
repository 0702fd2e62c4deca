"""The mailboxes page shows each configured IMAP folder with its last poll, backlog and last error."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from pipeline.app import App
from pipeline.config import ImapAccount, ImapSettings
from pipeline.registry.models import ImapState
from pipeline.web.app import create_app
from tests.conftest import sample_settings


def test_mailboxes_page_shows_poll_backlog_and_error(tmp_path):
    settings = sample_settings(tmp_path)
    account = ImapAccount(name="griffie", host="imap.example.nl", folders=("INBOX", "Raad"))
    app = App.open(replace(settings, imap=ImapSettings(accounts=(account,))))
    with app.sessions.begin() as s:
        s.add(ImapState(account="griffie", folder="INBOX", uidvalidity=7, last_uid=42, backlog=3,
                        last_poll_at=datetime(2026, 11, 27, 9, 0, tzinfo=timezone.utc),
                        last_error="Inloggen bij imap.example.nl mislukt: verkeerd wachtwoord.",
                        last_error_at=datetime(2026, 11, 27, 9, 5, tzinfo=timezone.utc)))
    html = create_app(app).test_client().get("/postvakken").get_data(as_text=True)
    assert "2026-11-27T09:00:00+00:00" in html and ">3<" in html
    assert "verkeerd wachtwoord" in html
    assert "Raad" in html and "nog nooit" in html  # configured but never polled
