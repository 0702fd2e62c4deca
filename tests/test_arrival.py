"""Received is the mail's own arrival time: IMAP INTERNALDATE, else the top Received header, else the file time."""

from __future__ import annotations

import os
from datetime import datetime, timezone

from sqlalchemy import select

from pipeline.app import App
from pipeline.arrival import arrival_time, top_received
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.registry.models import Item, Message
from tests.conftest import SAMPLE_MAILBOX, sample_settings

RECEIVED = (b"Received: from mx.example.nl (mx.example.nl [192.0.2.1]) by mail.waterlinde.nl with ESMTPS;\r\n"
            b" Tue, 16 Dec 2025 16:42:07 +0100\r\n"
            b"Received: from laptop by mx.example.nl; Tue, 16 Dec 2025 16:41:00 +0100\r\n")


def test_the_top_received_header_wins_over_the_file_time_and_internaldate_over_both():
    data = RECEIVED + b"From: a@example.nl\r\nSubject: x\r\n\r\nTekst\r\n"
    assert top_received(data) == datetime(2025, 12, 16, 15, 42, 7, tzinfo=timezone.utc)
    file_time = datetime(2026, 12, 3, 10, tzinfo=timezone.utc)
    assert arrival_time(data, file_time=file_time) == (datetime(2025, 12, 16, 15, 42, 7, tzinfo=timezone.utc),
                                                       "received")
    imap = datetime(2025, 12, 16, 15, 43, tzinfo=timezone.utc)
    assert arrival_time(data, internaldate=imap, file_time=file_time) == (imap, "imap")
    bare = b"From: a@example.nl\r\nSubject: x\r\n\r\nTekst\r\n"
    assert arrival_time(bare, file_time=file_time) == (file_time, "file")
    assert arrival_time(bare)[1] == "ingest"
    assert top_received(b"Received: garbage without a date\r\n\r\n") is None


def test_a_letter_of_2025_ingested_later_reads_2025_and_gets_a_2025_number(tmp_path):
    sample = sorted(SAMPLE_MAILBOX.glob("*.eml"))[0]
    copy = tmp_path / "mail" / "brief.eml"
    copy.parent.mkdir()
    copy.write_bytes(RECEIVED + sample.read_bytes())
    plain = tmp_path / "mail" / "zonder-received.eml"
    plain.write_bytes(sorted(SAMPLE_MAILBOX.glob("*.eml"))[1].read_bytes())
    stamp = datetime(2025, 11, 3, 8, 30, tzinfo=timezone.utc).timestamp()
    os.utime(plain, (stamp, stamp))
    app = App.open(sample_settings(tmp_path))
    ingest_paths(app, [copy.parent], show_progress=False)
    with app.sessions() as s:
        items = {m.locator.rsplit("/", 1)[-1]: (m.received_at, m.item) for m in s.scalars(select(Message))}
        received, item = items["brief.eml"]
        assert received == datetime(2025, 12, 16, 15, 42, 7, tzinfo=timezone.utc)
        assert item is not None and item.received_at == received and item.registration_number.startswith("2025-")
        received, item = items["zonder-received.eml"]
        assert received == datetime(2025, 11, 3, 8, 30, tzinfo=timezone.utc), "the file time as last resort"
        assert s.scalar(select(Item.year).where(Item.id == item.id)) == 2025
    app.close()
