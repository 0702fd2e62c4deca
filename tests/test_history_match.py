"""griffiepost history match: the generated mailboxes pair with their lists (precision >= 95%, recall >= 90%), and
forwards, re-sent letters and near-identical subjects never pair with the wrong entry."""

from __future__ import annotations

import json
from datetime import date
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.cli import main
from pipeline.history.match import Candidate, match
from pipeline.history.pastmail import read_mailbox
from pipeline.history.sample_generate import DEFAULT_OUT, PROFILES


def _truth(profile: str) -> tuple[list[dict], dict[str, str | None]]:
    t = json.loads((DEFAULT_OUT / profile / "truth.json").read_text(encoding="utf-8"))
    return t["entries"], {mid: v["entry"] for mid, v in t["mails"].items()}


def _score(pairs: list[tuple[str, str]], truth: dict[str, str | None]) -> tuple[float, float]:
    """pairs: (message id, entry key). Recall over the entries that have at least one message."""
    correct = {key for mid, key in pairs if truth[mid] == key}
    precision = sum(truth[mid] == key for mid, key in pairs) / len(pairs)
    with_mail = {k for k in truth.values() if k}
    return precision, len(correct) / len(with_mail)


@pytest.mark.parametrize("profile", PROFILES)
def test_generated_mailbox_pairs_with_its_lists(profile: str) -> None:
    entries, truth = _truth(profile)
    cands = [Candidate(i, date.fromisoformat(e["meeting"]), date.fromisoformat(e["date"]), e["sender"], e["subject"])
             for i, e in enumerate(entries)]
    messages = list(read_mailbox([DEFAULT_OUT / profile / "mailbox.mbox"]))
    result = match(cands, messages)
    precision, recall = _score([(p.message.message_id, entries[p.entry_id]["key"]) for p in result.pairs], truth)
    assert precision >= 0.95 and recall >= 0.90, (precision, recall)
    # every message is either paired or listed as unmatched; every entry likewise
    assert len(result.pairs) + len(result.unmatched_messages) == len(messages)
    assert len(result.pairs) + len(result.unmatched_entries) == len(entries)
    # nothing that never reached a list (newsletters, agenda mail, letters kept off) is paired
    assert not [p for p in result.pairs if truth[p.message.message_id] is None]


def test_cli_match_after_import_stores_pairs_with_scores(tmp_path: Path) -> None:
    from pipeline.app import App
    from pipeline.history.models import HistoryEntry, HistoryMatch
    from tests.conftest import sample_settings

    db = f"sqlite:///{tmp_path}/registry.db"  # the file sample_settings opens below
    base = DEFAULT_OUT / "steenwijkerland"
    r = CliRunner().invoke(main, ["--db", db, "history", "import", "--profile", "steenwijkerland", str(base / "lists")])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["--db", db, "history", "match", str(base / "mailbox.mbox"), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["pairs"] and out["unmatched_entries"] and out["unmatched_messages"]
    assert all(0.55 <= p["score"] <= 1 and set(p["parts"]) == {"subject", "sender", "date"} for p in out["pairs"])
    entries, truth = _truth("steenwijkerland")
    app = App.open(sample_settings(tmp_path, "steenwijkerland"))
    with app.sessions() as s:
        stored = {m.message_id: s.get(HistoryEntry, m.entry_id) for m in s.scalars(select(HistoryMatch))}
    app.close()
    keys = {(e["meeting"], e["number"]): e["key"] for e in entries}
    precision, recall = _score([(mid, keys[(e.meeting_date.isoformat(), e.number)]) for mid, e in stored.items()],
                               truth)
    assert precision >= 0.95 and recall >= 0.90
    # a second run over the same mailbox replaces its pairs instead of adding to them
    r = CliRunner().invoke(main, ["--db", db, "history", "match", str(base / "mailbox.mbox")])
    assert r.exit_code == 0 and r.output.startswith(f"{len(stored)} berichten gekoppeld")


def _eml(folder: Path, name: str, sender: str, subject: str, day: date, body: str) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, "griffie@voorbeeld.nl", subject
    msg["Date"] = format_datetime(datetime(day.year, day.month, day.day, 10, tzinfo=timezone.utc))
    msg["Message-ID"] = f"<{name}@test.invalid>"
    msg.set_content(body)
    (folder / f"{name}.eml").write_bytes(bytes(msg))


GGD = "GGD Rivierenland <info@ggd-rivierenland.nl>"
VR = "Veiligheidsregio Rivierenland <post@vr-rivierenland.nl>"


def _forward(sender: str, subject: str, body: str) -> str:
    return f"-----Oorspronkelijk bericht-----\nVan: {sender}\nOnderwerp: {subject}\n\n{body}"


def test_forwards_resent_letters_and_near_identical_subjects_do_not_pair_wrongly(tmp_path: Path) -> None:
    entries = [
        Candidate(1, date(2024, 5, 27), date(2024, 5, 3), "GGD Rivierenland", "Voortgangsrapportage GGD mei 2024"),
        Candidate(2, date(2024, 6, 24), date(2024, 6, 3), "GGD Rivierenland", "Voortgangsrapportage GGD juni 2024"),
        Candidate(3, date(2024, 6, 24), date(2024, 6, 4), "Veiligheidsregio Rivierenland",
                  "Voortgangsrapportage veiligheidsregio juni 2024"),
        Candidate(4, date(2024, 6, 24), date(2024, 6, 5), "Veiligheidsregio Rivierenland",
                  "Zienswijze op de ontwerpbegroting 2025"),
    ]
    may = "Geachte raad, hierbij de voortgangsrapportage over mei. Met vriendelijke groet, de directeur"
    june = "Geachte raad, hierbij de voortgangsrapportage over juni. Met vriendelijke groet, de directeur"
    vr_june = "Geachte raad, de veiligheidsregio rapporteert over juni."
    budget = "Geachte raad, wij vragen uw zienswijze op onze ontwerpbegroting 2025."
    box = tmp_path / "box"
    box.mkdir()
    _eml(box, "a-orig", GGD, "Voortgangsrapportage GGD mei 2024", date(2024, 5, 3), may)
    _eml(box, "a-fwd", "Secretariaat <secretariaat@voorbeeld.nl>", "FW: Voortgangsrapportage GGD mei 2024",
         date(2024, 5, 4), _forward(GGD, "Voortgangsrapportage GGD mei 2024", may))
    # the May report sent again in June: close in date to the June entries, but it is still May's letter
    _eml(box, "a-resent", GGD, "Voortgangsrapportage GGD mei 2024", date(2024, 6, 2), may)
    _eml(box, "b-orig", GGD, "Voortgangsrapportage GGD juni 2024", date(2024, 6, 3), june)
    _eml(box, "c-orig", VR, "Voortgangsrapportage veiligheidsregio juni 2024", date(2024, 6, 4), vr_june)
    # the budget letter reached the griffie only as a forward: the forward pairs, by its original's sender
    _eml(box, "d-fwd", "Secretariaat <secretariaat@voorbeeld.nl>", "Doorst: Zienswijze op de ontwerpbegroting 2025",
         date(2024, 6, 6), _forward(VR, "Zienswijze op de ontwerpbegroting 2025", budget))
    messages = list(read_mailbox([box]))
    got = {p.message.message_id: p.entry_id for p in match(entries, messages).pairs}
    assert got == {"<a-orig@test.invalid>": 1, "<b-orig@test.invalid>": 2, "<c-orig@test.invalid>": 3,
                   "<d-fwd@test.invalid>": 4}

    # without June's own letter, neither the re-sent May report nor the veiligheidsregio's June report takes entry 2
    (box / "b-orig.eml").unlink()
    got = {p.message.message_id: p.entry_id for p in match(entries, list(read_mailbox([box]))).pairs}
    assert 2 not in got.values()
    assert got["<a-orig@test.invalid>"] == 1 and got["<c-orig@test.invalid>"] == 3

    # and without the original, the forward of the May report pairs with May, not with June
    (box / "a-orig.eml").unlink()
    got = {p.message.message_id: p.entry_id for p in match(entries, list(read_mailbox([box]))).pairs}
    assert got.get("<a-fwd@test.invalid>") == 1 and 2 not in got.values()
