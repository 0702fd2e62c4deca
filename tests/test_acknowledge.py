"""Acknowledgements of receipt against a real SMTP server on loopback (aiosmtpd): one for a citizen's letter, none
for a circular, an auto-reply, a mailing list, bulk mail or the council's own domain, one per writer per day;
STARTTLS with a password, implicit TLS, XOAUTH2; retry with backoff; the raw mail kept."""

from __future__ import annotations

import email
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from pipeline.acknowledge.compose import render, template_names
from pipeline.acknowledge.eligibility import reply_address, why_not
from pipeline.acknowledge.policy import load_policy
from pipeline.config import OAuth2Settings
from pipeline.registry.models import Acknowledgement, Item
from pipeline.rules.profile import load_profile
from pipeline.vocab import HANDLINGS
from tests.ack_support import MAILS, deliver, open_app, rules_with_acknowledgements
from tests.smtpserver import SmtpServer

PASSWORD = "verzend-geheim"


@pytest.fixture
def server(tmp_path):
    srv = SmtpServer(tmp_path / "smtp", security="starttls", users={"griffie": PASSWORD}).start()
    yield srv
    srv.stop()


def _acks(app) -> dict[str, Acknowledgement]:
    with app.sessions() as s:
        out = {}
        for a in s.scalars(select(Acknowledgement)):
            out[a.item.message.message_id_header] = a
            s.expunge(a)
        return out


def test_one_acknowledgement_for_the_citizen_and_none_for_the_rest(tmp_path, server, monkeypatch):
    monkeypatch.setenv("GRIFFIEPOST_SMTP_PASSWORD", PASSWORD)
    app = open_app(tmp_path, server, username="griffie")
    try:
        for path in sorted(MAILS.glob("*.eml")):
            app.intake.accept(path.read_bytes(), __import__("pipeline.records", fromlist=["Locator"])
                              .Locator(source="file", ref=str(path)))
        app.process_pending()
        acks = _acks(app)
        citizen = acks["<zwerfafval.kanaalpad.20261201@example.net>"]
        assert citizen.status == "sent" and citizen.recipient == "s.vandijk@ziggo.nl", citizen.last_error
        reasons = {mid: a.reason for mid, a in acks.items() if a.status == "skipped"}
        assert "Auto-Submitted" in reasons["<afwezig.20261201@example.com>"]
        assert "mailinglijst" in reasons["<platform.wonen.20261201@bewonersplatform.example.org>"]
        assert "Precedence: bulk" in reasons["<actie.20261201@vergaderstoel.example.com>"]
        assert "gemeente zelf" in reasons["<planning.20261201@waterlinde.nl>"]
        assert "rondzendbrief" in reasons["<oproep.speeltuinen.20261201@bond-van-speeltuinen.example.org>"]
        assert "vandaag al" in reasons["<zwerfafval.aanvulling.20261201@example.net>"]  # same writer, same day
        delivered = server.messages()
        assert len(delivered) == 1
        mail = delivered[0]
        assert mail["To"] == "s.vandijk@ziggo.nl" and mail["Auto-Submitted"] == "auto-replied"
        assert mail["In-Reply-To"] == "<zwerfafval.kanaalpad.20261201@example.net>"
        assert "<zwerfafval.kanaalpad.20261201@example.net>" in mail["References"]
        body = mail.get_payload(decode=True).decode("utf-8")
        with app.sessions() as s:
            item = s.scalar(select(Item).where(Item.id == citizen.item_id))
            assert item.registration_number in body and "Geachte Sanne van Dijk" in body
        kept = email.message_from_bytes(app.store.get(citizen.raw_sha256))
        assert kept["Message-ID"] == mail["Message-ID"] == citizen.message_id_header
        app.process_pending()  # a second pass sends nothing again
        assert len(server.messages()) == 1
    finally:
        app.close()


def test_a_refused_login_is_retried_later_with_backoff_and_then_sent(tmp_path, monkeypatch):
    srv = SmtpServer(tmp_path / "smtp", security="starttls", users={"griffie": PASSWORD}, temporary_failures=1).start()
    monkeypatch.setenv("GRIFFIEPOST_SMTP_PASSWORD", PASSWORD)
    app = open_app(tmp_path, srv, username="griffie", backoff_s=60.0)
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        ack = next(iter(_acks(app).values()))
        assert ack.status == "queued" and ack.attempts == 1 and "451" in ack.last_error
        now = datetime.now(timezone.utc)
        assert now + timedelta(seconds=30) < ack.next_attempt_at <= now + timedelta(seconds=61)
        assert app.acknowledge(now) == 0  # not yet: the wait has not passed
        assert app.acknowledge(now + timedelta(seconds=61)) == 1
        ack = next(iter(_acks(app).values()))
        assert ack.status == "sent" and ack.attempts == 2 and len(srv.messages()) == 1
    finally:
        app.close()
        srv.stop()


def test_wrong_password_fails_after_max_attempts_with_a_dutch_reason(tmp_path, server, monkeypatch):
    monkeypatch.setenv("GRIFFIEPOST_SMTP_PASSWORD", "fout")
    app = open_app(tmp_path, server, username="griffie", max_attempts=2, backoff_s=1.0, timeout_s=10.0)
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        app.acknowledge(datetime.now(timezone.utc) + timedelta(seconds=5))
        ack = next(iter(_acks(app).values()))
        assert ack.status == "failed" and ack.attempts == 2 and "weigert de aanmelding" in ack.last_error
        assert server.messages() == []
    finally:
        app.close()


def test_implicit_tls_and_xoauth2(tmp_path):
    srv = SmtpServer(tmp_path / "smtp", security="tls", token="toegangs-token-123").start()
    oauth = OAuth2Settings(provider="command", token_command="printf toegangs-token-123")
    app = open_app(tmp_path, srv, username="griffie@waterlinde.nl", oauth2=oauth)
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        ack = next(iter(_acks(app).values()))
        assert ack.status == "sent" and len(srv.messages()) == 1, ack.last_error
    finally:
        app.close()
        srv.stop()


def test_reply_address_and_header_rules():
    def msg(headers: str):
        return email.message_from_string(headers + "\n\nTekst\n")

    assert reply_address(msg("From: a@x.nl\nReply-To: b@y.nl\nReturn-Path: <c@z.nl>")) == "b@y.nl"
    assert reply_address(msg("From: a@x.nl\nReturn-Path: <c@z.nl>")) == "c@z.nl"
    assert reply_address(msg("From: a@x.nl\nReturn-Path: <>")) is None
    ok = msg("From: a@x.nl\nAuto-Submitted: no")
    assert why_not("brief", "inwoner", False, ok, ("waterlinde.nl",)) is None
    for headers in ("Precedence: junk", "Precedence: list", "Auto-Submitted: auto-generated", "List-Id: <l.x.nl>"):
        assert why_not("brief", "inwoner", False, msg("From: a@x.nl\n" + headers), ()) is not None
    assert "onbestelbaarheid" in why_not("brief", "onbekend", False, msg("From: a@x.nl\nReturn-Path: <>"), ())
    assert "systeemadres" in why_not("brief", "onbekend", False, msg("From: MAILER-DAEMON@x.nl"), ())
    assert why_not("nieuwsbrief", "organisatie", False, ok, ()) is not None
    assert why_not("brief", "college", False, ok, ()) is not None
    assert "gemeente zelf" in why_not("brief", "inwoner", False, msg("From: a@raad.waterlinde.nl"), ("waterlinde.nl",))


def test_xoauth2_with_a_wrong_token_is_refused_and_retried_later(tmp_path):
    srv = SmtpServer(tmp_path / "smtp", security="tls", token="het-goede-token").start()
    oauth = OAuth2Settings(provider="command", token_command="printf een-verlopen-token")
    app = open_app(tmp_path, srv, username="griffie@waterlinde.nl", oauth2=oauth)
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        ack = next(iter(_acks(app).values()))
        assert ack.status == "queued" and "weigert de aanmelding" in ack.last_error and srv.messages() == []
    finally:
        app.close()
        srv.stop()


def test_the_outbox_clock_sends_a_retry_without_new_mail(tmp_path, monkeypatch):
    """`griffiepost watch` runs the outbox pass on a clock: a refused first attempt goes out after its backoff
    although no further mail arrives (runner.outbox_clock, the same function watch starts)."""
    import threading

    from pipeline.acknowledge.runner import outbox_clock

    srv = SmtpServer(tmp_path / "smtp", security="starttls", users={"griffie": PASSWORD}, temporary_failures=1).start()
    monkeypatch.setenv("GRIFFIEPOST_SMTP_PASSWORD", PASSWORD)
    app = open_app(tmp_path, srv, username="griffie", backoff_s=1.0)
    stop, said = threading.Event(), []
    try:
        deliver(app, (MAILS / "01_inwoner_brief.eml").read_bytes(), "brief")
        assert srv.messages() == [] and next(iter(_acks(app).values())).status == "queued"
        clock = outbox_clock(app, stop, threading.Lock(), said.append, every_s=0.2)
        for _ in range(100):
            if srv.messages():
                break
            stop.wait(0.1)
        stop.set()
        clock.join(timeout=15)
        assert len(srv.messages()) == 1 and next(iter(_acks(app).values())).status == "sent"
        assert "1 ontvangstbevestiging(en) verstuurd." in said
    finally:
        stop.set()
        app.close()
        srv.stop()


@pytest.mark.parametrize("handling", HANDLINGS)
@pytest.mark.parametrize("kind", ["inwoner", "organisatie"])
def test_every_handling_has_words_that_fit_it(tmp_path, handling, kind):
    """Each handling of the vocabulary renders from a template of its own in every profile's folder (never the
    catch-all that would tell a writer 'het voorstel aan de raad is: niet op de lijst')."""
    rules = rules_with_acknowledgements(tmp_path / "rules")
    policy = load_policy(rules, "generiek")
    profile = load_profile(rules, "generiek")
    item = Item(handling_code=handling, sender_kind=kind, sender_name="Sanne van Dijk" if kind == "inwoner" else None,
                sender_organisation=None if kind == "inwoner" else "Sportraad Waterlinde", subject="Het Kanaalpad",
                letter_date=datetime(2026, 3, 2).date(), received_at=datetime(2026, 3, 3, 9, tzinfo=timezone.utc),
                registration_number="2026-0042", committee="Commissie Ruimte")
    used = next(name for name in template_names(item) if (policy.templates / name).is_file())
    assert used.startswith(handling + "."), used
    subject, body = render(item, profile, policy, term=datetime(2026, 4, 28).date() if "afdoening" in handling
                           else None)
    assert subject == "Ontvangstbevestiging: Het Kanaalpad" and "2026-0042" in body and "3 maart 2026" in body
    assert ("Geachte Sanne van Dijk," if kind == "inwoner" else "Geacht bestuur van Sportraad Waterlinde,") in body
    assert ("niet bestemd voor de lijst" in body) == (handling == "niet_op_lijst")
    assert ("28 april 2026" in body) == ("afdoening" in handling)
    assert "{{" not in body and "\n\n\n" not in body
