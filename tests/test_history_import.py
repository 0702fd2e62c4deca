"""griffiepost history import: every generated list in every layout read back field for field; unknown layouts and
handling words reported in Dutch, not guessed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli import main
from pipeline.history.importer import import_lists
from pipeline.history.models import HistoryEntry, HistoryImport
from pipeline.history.sample_generate import DEFAULT_OUT, PROFILES, ROOT
from tests.conftest import sample_settings

RULES = ROOT / "rules"
FIELDS = ("meeting", "date", "sender", "subject", "handling", "committee")


def _fields(e: HistoryEntry) -> dict:
    return {"meeting": e.meeting_date.isoformat() if e.meeting_date else None,
            "date": e.letter_date.isoformat() if e.letter_date else None, "sender": e.sender,
            "subject": e.subject, "handling": e.handling_code, "committee": e.committee}


@pytest.mark.parametrize("profile", PROFILES)
def test_generated_lists_are_read_field_for_field(tmp_path: Path, profile: str) -> None:
    app = App.open(sample_settings(tmp_path, profile))
    with app.sessions.begin() as s:
        report = import_lists(s, [DEFAULT_OUT / profile / "lists"], RULES, profile)
    assert report.problems == []
    truth = json.loads((DEFAULT_OUT / profile / "truth.json").read_text(encoding="utf-8"))["entries"]
    with app.sessions() as s:
        got = {(e.meeting_date.isoformat(), e.number): e for e in s.scalars(select(HistoryEntry))}
        layouts = {i.layout for i in s.scalars(select(HistoryImport))}
        assert {"pdf-tabel", "pdf-tekst", "docx-tabel"} <= layouts and layouts & {"html-tabel", "html-blokken"}
        exact = total = 0
        for t in truth:
            e = got.get((t["meeting"], t["number"]))
            for f in FIELDS:
                total += 1
                exact += e is not None and _fields(e)[f] == t[f]
        assert len(got) == len(truth)
        assert exact / total >= 0.99, f"{exact}/{total} fields exact"
        # every entry knows where it came from
        assert all(e.source_file.startswith("lijst-") and e.source_page >= 1 for e in got.values())
        assert max(e.source_page for e in got.values()) >= 2  # long lists run over pages and say which
    app.close()


def test_a_file_read_twice_is_skipped(tmp_path: Path) -> None:
    app = App.open(sample_settings(tmp_path, "nieuwkoop"))
    one = sorted((DEFAULT_OUT / "nieuwkoop" / "lists").glob("*.docx"))[:1]
    with app.sessions.begin() as s:
        first = import_lists(s, one, RULES, "nieuwkoop")
    with app.sessions.begin() as s:
        again = import_lists(s, one, RULES, "nieuwkoop")
    assert first.entries > 0 and again.entries == 0 and again.already == [one[0].name]
    app.close()


def _html(path: Path, heads: list[str], rows: list[list[str]]) -> Path:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    path.write_text(f"<html><body><h1>Lijst ingekomen stukken raad 3 maart 2025</h1><table><tr>"
                    + "".join(f"<th>{h}</th>" for h in heads) + f"</tr>{body}</table></body></html>",
                    encoding="utf-8")
    return path


def test_unknown_layout_is_reported_in_dutch_and_nothing_is_stored(tmp_path: Path) -> None:
    app = App.open(sample_settings(tmp_path, "nieuwkoop"))
    odd = _html(tmp_path / "vreemd.html", ["Kolom A", "Kolom B"], [["12", "Iets"]])
    with app.sessions.begin() as s:
        report = import_lists(s, [odd], RULES, "nieuwkoop")
    assert report.entries == 0
    assert len(report.problems) == 1
    msg = report.problems[0]
    assert "vreemd.html: onbekende indeling" in msg and "Kolom A" in msg and "[columns]" in msg
    with app.sessions() as s:
        assert s.scalar(select(HistoryEntry.id)) is None
    app.close()


def test_unmapped_handling_words_are_reported_then_learnt_from_the_mapping(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    heads = ["Nr.", "Datum", "Afzender", "Onderwerp", "Voorstel afhandeling", "Commissie"]
    rows = [["1", "01-02-2025", "Dorpsraad Noorden", "Verzoek om een zebrapad", "Aanhouden tot na de zomer", ""],
            ["2", "02-02-2025", "inwoner", "Klacht over de stoep", "b", "Commissie Samenleving"]]
    path = _html(tmp_path / "lijst.html", heads, rows)
    app = App.open(sample_settings(tmp_path / "db", "nieuwkoop"))
    with app.sessions.begin() as s:
        report = import_lists(s, [path], rules, "nieuwkoop")
    assert report.entries == 2 and report.unmapped == 1
    assert any("'Aanhouden tot na de zomer' is niet bekend" in p and "nieuwkoop.toml" in p for p in report.problems)
    with app.sessions() as s:
        codes = {e.number: e.handling_code for e in s.scalars(select(HistoryEntry))}
    assert codes == {"1": None, "2": "college_afdoening"}  # not guessed
    with open(rules / "profiles" / "history" / "nieuwkoop.toml", "a", encoding="utf-8") as fh:
        fh.write('"aanhouden tot na de zomer" = "agenderen"\n')
    path.write_text(path.read_text(encoding="utf-8").replace("3 maart", "4 maart"), encoding="utf-8")
    with app.sessions.begin() as s:
        report = import_lists(s, [path], rules, "nieuwkoop")
    assert report.unmapped == 0 and report.problems == []
    app.close()


def test_cli_import_and_entries(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/r.db"
    lists = DEFAULT_OUT / "sittard-geleen" / "lists"
    files = [str(p) for p in sorted(lists.iterdir())[:4]]
    r = CliRunner().invoke(main, ["--db", db, "history", "import", "--profile", "sittard-geleen", *files])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("4 lijsten ingelezen, ")
    r = CliRunner().invoke(main, ["--db", db, "history", "entries", "--json"])
    rows = json.loads(r.output)
    assert rows and all(row["handling"] for row in rows)
    assert {row["source_file"].rsplit(".", 1)[1] for row in rows} == {"pdf", "docx", "html"}
