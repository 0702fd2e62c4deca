"""The whole pipeline on PostgreSQL by URL: ingest, the JSON contract, a meeting's list, adoption."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths, item_json
from pipeline.config import RegistrySettings, Settings
from pipeline.lists.meetings import add_meeting
from pipeline.lists.profiles import council_name
from pipeline.lists.service import adopt, generate
from pipeline.registry.models import Item, Meeting, Message
from pipeline.rules import load_profile
from tests.conftest import SAMPLE_MAILBOX
from tests.contract import check_item

pytestmark = pytest.mark.postgres


def test_sample_messages_filed_listed_and_adopted_on_postgres(postgres_url, tmp_path):
    box = tmp_path / "box"
    box.mkdir()
    for p in sorted(SAMPLE_MAILBOX.glob("*.eml"))[:10]:
        (box / p.name).write_bytes(p.read_bytes())
    settings = replace(Settings(), registry=RegistrySettings(url=postgres_url, data_dir=str(tmp_path)))
    app = App.open(settings)
    assert app.engine.dialect.name == "postgresql"
    counts = ingest_paths(app, [box], show_progress=False)
    again = ingest_paths(app, [box], show_progress=False)
    assert counts["ingested"] == 10 and again["duplicates"] == 10 and again["ingested"] == 0
    profile = load_profile(settings.rules_dir, settings.profile.name)
    with app.sessions.begin() as s:
        assert s.scalar(select(func.count(Message.id))) == 10
        items = list(s.scalars(select(Item).order_by(Item.id)))
        assert len(items) == counts["filed"] + counts["ignored"] >= 9
        for item in items:
            assert check_item(item_json(item)) == []
        meeting = add_meeting(s, profile, date(2030, 1, 10))
    with app.sessions.begin() as s:
        meeting = s.get(Meeting, meeting.id)
        on_list = [i for i in meeting.items if i.on_list]
        assert on_list, "items received before the cut-off are placed on the meeting"
        doc = json.loads(generate(s, meeting, profile, council_name(settings, profile), "json", number_by="griffie").content)
        adopt(s, meeting, profile, by="griffier", accept_unreviewed=True)
    numbers = [row["number"] for group in doc["groups"] for row in group["items"]]
    assert len(numbers) == len(on_list) and len(set(numbers)) == len(numbers)
    with app.sessions() as s:
        assert s.get(Meeting, meeting.id).status == "vastgesteld"
        assert {i.status for i in s.get(Meeting, meeting.id).items if i.on_list} == {"listed"}
    app.close()
