"""Two griffiepost instances that acknowledge each other's mail exchange at most one message each: the
acknowledgement carries Auto-Submitted: auto-replied, and when a relay strips that header, 'one per writer per day'
still stops the second round. Each instance sends through its own real SMTP server on loopback."""

from __future__ import annotations

import mailbox

import pytest

from tests.ack_support import deliver, open_app
from tests.smtpserver import SmtpServer

LETTER = """Return-Path: <griffie@{src}>
From: Griffie {src} <griffie@{src}>
To: Griffie <griffie@{dst}>
Subject: Voorstel voor een gezamenlijke raadsledenavond over de energiestrategie
Date: Tue, 01 Dec 2026 10:00:00 +0100
Message-ID: <uitnodiging.{src}.20261201@{src}>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Geachte raad,

Wij stellen voor dat de raden van onze gemeenten samen een avond houden over de regionale energiestrategie en
vragen u of uw raad daaraan wil meedoen. Wij horen graag van u.

Met vriendelijke groet,
de griffier van {src}
"""
STRIPPED = ("Auto-Submitted", "X-Auto-Response-Suppress")


def _reasons(app) -> list[str]:
    from sqlalchemy import select

    from pipeline.registry.models import Acknowledgement

    with app.sessions() as s:
        return [a.reason or "" for a in s.scalars(select(Acknowledgement).where(Acknowledgement.status == "skipped"))]


@pytest.mark.parametrize("relay_strips_headers", [False, True])
def test_two_instances_auto_replying_to_each_other_exchange_at_most_one_message_each(tmp_path, relay_strips_headers):
    domains = {"a": "waterlinde.nl", "b": "rijnstad.example"}
    servers = {k: SmtpServer(tmp_path / f"smtp-{k}", security="none").start() for k in domains}
    apps = {k: open_app(tmp_path / k, servers[k], domain=domains[k]) for k in domains}
    other = {"a": "b", "b": "a"}
    try:
        for k in domains:  # each griffie writes once to the other council
            deliver(apps[other[k]], LETTER.format(src=domains[k], dst=domains[other[k]]).encode(), f"brief-{k}")
        seen = {k: 0 for k in domains}
        for _round in range(4):  # whatever one sends arrives at the other, which files (and may answer) it
            for k in domains:
                mails = list(mailbox.Maildir(str(servers[k].maildir), create=False)) \
                    if servers[k].maildir.exists() else []
                for mail in mails[seen[k]:]:
                    if relay_strips_headers:
                        for name in STRIPPED:
                            del mail[name]
                    deliver(apps[other[k]], mail.as_bytes(), f"smtp-{k}-{seen[k]}")
                seen[k] = len(mails)
        reasons = {k: _reasons(apps[k]) for k in domains}
        assert len(servers["a"].messages()) == 1 and len(servers["b"].messages()) == 1, reasons
        # the acknowledgement that came back was filed and answered with nothing, for the reason the test expects
        expected = "vandaag al" if relay_strips_headers else "Auto-Submitted"
        assert all(sum(expected in r for r in reasons[k]) == 1 for k in domains), reasons
        assert servers["a"].messages()[0]["To"] == "griffie@rijnstad.example"
    finally:
        for k in domains:
            apps[k].close()
            servers[k].stop()
