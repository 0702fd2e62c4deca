"""Issue 18 on the sample mailbox: every message read in as it arrived (at its Date), filed by the worker, whose
outbox pass sends acknowledgements through a real loopback SMTP server (aiosmtpd), with the deadline service and
Waterlinde's 2025 council meetings. One case per acceptance point: an acknowledgement for a citizen's letter; none
for a circular, an auto-reply, a mailing list or the council's own domain; the college's raadsinformatiebrief that
closes the term of the letter it answers; a zienswijze request due before the next meeting, flagged."""

from __future__ import annotations

import os
import shutil
from datetime import date
from email import message_from_bytes
from email.utils import parsedate_to_datetime

import pytest
from sqlalchemy import select

from pipeline.cli.intake_cmds import ingest_paths
from pipeline.lists.meetings import add_meeting
from pipeline.lists.profiles import active_profile
from pipeline.registry.models import Acknowledgement, Deadline, Item
from tests.ack_support import open_app
from tests.conftest import SAMPLE_MAILBOX
from tests.smtpserver import SmtpServer

# Waterlinde's council meetings in 2025 (fictitious, with the summer recess between July and September)
MEETINGS = (date(2025, 3, 13), date(2025, 4, 17), date(2025, 5, 22), date(2025, 7, 3), date(2025, 9, 25),
            date(2025, 11, 6))


@pytest.fixture(scope="module")
def filed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sample-ack")
    box = tmp / "mailbox"
    box.mkdir()
    for path in sorted(SAMPLE_MAILBOX.glob("*.eml")):  # the file's time is the arrival when nothing better is known
        shutil.copyfile(path, box / path.name)
        stamp = parsedate_to_datetime(message_from_bytes(path.read_bytes())["Date"]).timestamp()
        os.utime(box / path.name, (stamp, stamp))
    srv = SmtpServer(tmp / "smtp", security="starttls", users={"griffie": "verzend-geheim"}).start()
    os.environ["GRIFFIEPOST_SMTP_PASSWORD"] = "verzend-geheim"
    # letters of 2025 read now: the profile acknowledges letters of any age, so its max_age_days is raised
    app = open_app(tmp, srv, username="griffie", when="filed", mode="queue", max_age_days=3650)
    try:
        with app.sessions.begin() as s:
            profile = active_profile(app.settings)
            for day in MEETINGS:
                add_meeting(s, profile, day)
        counts = ingest_paths(app, [box], show_progress=False)  # the worker files, then its outbox pass sends
        assert counts["filed"] >= 45
        with app.sessions() as s:
            items = {i.message.locators[0].ref.rsplit("/", 1)[-1]: i for i in s.scalars(select(Item))}
            acks = {name: s.scalar(select(Acknowledgement).where(Acknowledgement.item_id == i.id))
                    for name, i in items.items()}
            terms = {name: {d.kind: d for d in s.scalars(select(Deadline).where(Deadline.item_id == i.id))}
                     for name, i in items.items()}
            numbers = {name: i.registration_number for name, i in items.items()}
            s.expunge_all()
        yield {"acks": acks, "terms": terms, "numbers": numbers, "mails": srv.messages()}
    finally:
        app.close()
        srv.stop()
        os.environ.pop("GRIFFIEPOST_SMTP_PASSWORD", None)


def test_a_citizen_gets_one_acknowledgement_by_rfc_3834(filed):
    ack = filed["acks"]["033_klacht_parkeren.eml"]
    assert ack.status == "sent" and ack.recipient == "j.devries58@ziggo.nl", ack.reason
    mails = [m for m in filed["mails"] if m["To"] == "j.devries58@ziggo.nl"]
    assert len(mails) == 1
    original = message_from_bytes((SAMPLE_MAILBOX / "033_klacht_parkeren.eml").read_bytes())
    mail = mails[0]
    assert mail["Auto-Submitted"] == "auto-replied" and mail["In-Reply-To"] == original["Message-ID"]
    assert original["Message-ID"] in mail["References"] and mail["Message-ID"] == ack.message_id_header
    body = mail.get_payload(decode=True).decode("utf-8")
    assert filed["numbers"]["033_klacht_parkeren.eml"] in body and "Johan de Vries" in body


@pytest.mark.parametrize("name, because", [
    ("001_vng_ledenbrief.eml", "rondzendbrief"),
    ("019_speelruimte_oproep.eml", "rondzendbrief"),
    ("049_autoreply_vakantie.eml", "Auto-Submitted: auto-replied"),
    ("050_bounce_onbestelbaar.eml", "automatisch verstuurd"),
    ("047_nieuwsbrief_duurzaam.eml", "mailinglijst (List-Id)"),
    ("036_klacht_bomenkap_scan.eml", "scan@waterlinde.nl hoort bij de gemeente zelf"),
    ("021_huurders_fw_outlook_nl.eml", "f.jansen@waterlinde.nl hoort bij de gemeente zelf"),
    ("052_rib_knarrenhof.eml", "komt van het college"),
])
def test_no_acknowledgement_with_the_reason(filed, name, because):
    ack = filed["acks"][name]
    assert ack.status == "skipped" and because in ack.reason, ack.reason
    if ack.recipient:
        assert all(m["To"] != ack.recipient for m in filed["mails"])


def test_every_mail_at_the_server_is_one_sent_acknowledgement(filed):
    sent = sorted(a.recipient for a in filed["acks"].values() if a is not None and a.status == "sent")
    assert sorted(m["To"] for m in filed["mails"]) == sent and len(sent) == len(set(sent)) >= 10
    assert all(m["Auto-Submitted"] == "auto-replied" for m in filed["mails"])


def test_the_college_answer_closes_the_term_of_the_letter_it_answers(filed):
    term = filed["terms"]["043_knarrenhof_initiatief.eml"]["afdoening"]
    assert term.due_date == date(2025, 7, 14)  # received 19 May 2025 + 8 weeks (Awb 4:13)
    assert term.status == "gesloten", term.closed_reason
    assert filed["numbers"]["052_rib_knarrenhof.eml"] in term.closed_reason and "onderwerp" in term.closed_reason
    # the other letters handed to the college stay open: the answer closes only its own letter
    assert filed["terms"]["033_klacht_parkeren.eml"]["afdoening"].status == "open"
    assert filed["terms"]["052_rib_knarrenhof.eml"] == {}


def test_a_zienswijze_due_in_the_summer_recess_is_flagged(filed):
    late = filed["terms"]["053_afvalschap_zienswijze.eml"]["zienswijze"]
    assert late.due_date == date(2025, 8, 22) and "uiterlijk vrijdag 22 augustus 2025" in late.reason
    assert late.warning is not None and "25-09-2025" in late.warning and "22-08-2025" in late.warning
    in_time = filed["terms"]["010_veiligheidsregio_zienswijze.eml"]["zienswijze"]
    assert in_time.due_date == date(2025, 6, 20) and in_time.warning is None  # the meeting of 22 May is in time
