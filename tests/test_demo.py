"""`griffiepost demo --no-serve`: the sample mailbox filed, and council meetings so a list shows at once."""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from pipeline.cli import main


def test_demo_files_the_sample_and_puts_every_listed_item_on_a_meeting(tmp_path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["demo", "--data-dir", str(tmp_path), "--no-serve"])
    assert res.exit_code == 0, res.output
    assert "Vergaderingen toegevoegd voor de demo" in res.output
    assert "Voorbeeldgeschiedenis van nieuwkoop: " in res.output  # issue 17: the past lists come in first
    engine = create_engine(f"sqlite:///{tmp_path}/griffiepost.db")
    with engine.connect() as c:
        meetings = c.execute(text("SELECT count(*) FROM meetings")).scalar()
        on_list = c.execute(text("SELECT count(*) FROM items WHERE on_list = 1 AND status != 'ignored'")).scalar()
        placed = c.execute(text("SELECT count(*) FROM items WHERE on_list = 1 AND status != 'ignored' "
                                "AND meeting_id IS NOT NULL")).scalar()
    assert meetings == 2 and on_list > 30 and placed == on_list
    again = runner.invoke(main, ["demo", "--data-dir", str(tmp_path), "--no-serve"])
    assert again.exit_code == 0 and "toegevoegd voor de demo" not in again.output  # a second run adds none
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM meetings")).scalar() == meetings
