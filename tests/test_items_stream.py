"""`items --json` streams: the same bytes as the whole list dumped at once, on the filed sample mailbox."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from pipeline.cli import main
from pipeline.cli.intake_cmds import item_json
from pipeline.registry.models import Item


def test_items_json_streams_exactly_what_one_dump_of_the_list_gives(sample_app):
    with sample_app.sessions() as s:
        whole = [item_json(i) for i in s.scalars(select(Item).options(selectinload(Item.meeting)).order_by(Item.id))]
    expected = json.dumps(whole, ensure_ascii=False, indent=2, default=str) + "\n"
    result = CliRunner().invoke(main, ["--db", sample_app.settings.registry.url, "items", "--json"])
    assert result.exit_code == 0, result.output
    assert len(whole) > 40 and result.output == expected


def test_items_json_of_an_empty_registry_is_an_empty_list(tmp_path):
    result = CliRunner().invoke(main, ["--db", f"sqlite:///{tmp_path}/leeg.db", "items", "--json"])
    assert result.exit_code == 0 and result.output == "[]\n"
