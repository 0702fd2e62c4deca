"""Hostile and malformed messages are kept, quarantined or filed with a clear reason; the rest goes on."""

from __future__ import annotations

from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.rawstore import sha256_hex
from pipeline.registry.models import Message
from tests.conftest import sample_settings
from tests.helpers import make_mail

DEEP = (b"From: a@b.nl\r\nSubject: diep\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        + b"".join(f"--b{i}\r\nContent-Type: multipart/mixed; boundary=b{i + 1}\r\n\r\n".encode()
                   for i in range(3000)) + b"x\r\n")
CASES = {
    "a_unknown_charset.eml": b"From: a@b.nl\r\nSubject: Vraag\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\n"
                             b"Geachte raad, wanneer gaat de bibliotheek weer open? Hall\xe9.\r\n",
    "b_deep.eml": DEEP,
    "c_no_headers.eml": b"\r\n\r\nalleen tekst, geen kopregels",
    "d_binary.eml": bytes(range(256)) * 50,
    "e_good.eml": make_mail(subject="Verzoek om een extra bankje", body="Geachte raad,\n\nGraag een bankje.\n"),
}


def test_each_hostile_message_is_kept_with_a_dutch_reason_and_the_rest_is_filed(tmp_path):
    box = tmp_path / "in"
    box.mkdir()
    for name, raw in CASES.items():
        (box / name).write_bytes(raw)
    app = App.open(sample_settings(tmp_path))
    counts = ingest_paths(app, [box], show_progress=False)
    assert counts["ingested"] == len(CASES)
    with app.sessions() as s:
        by_name = {m.locator.rsplit("/", 1)[-1]: m for m in s.scalars(select(Message))}
    for name, raw in CASES.items():
        assert app.store.get(sha256_hex(raw)) == raw  # every message kept, byte for byte
    assert by_name["a_unknown_charset.eml"].state == "filed"
    assert by_name["e_good.eml"].state == "filed"
    deep = by_name["b_deep.eml"]  # refused before parsing (too many MIME boundaries) or while nesting
    assert deep.state == "quarantined" and ("te diep genest" in deep.last_error or "MIME-grenzen" in deep.last_error)
    for name in ("c_no_headers.eml", "d_binary.eml"):
        assert by_name[name].state == "quarantined" and "geen e-mailbericht" in by_name[name].last_error
