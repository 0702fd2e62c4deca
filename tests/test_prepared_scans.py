"""Issue 16: a scan's public PDF is redacted from OCR word boxes in the background (publication/prepared.py), never
inside the web request; until it is prepared the page says so, and a reviewer's verdict prepares it again."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.lists.meetings import add_meeting
from pipeline.publication import prepared as prepared_module
from pipeline.publication import scan as scan_module
from pipeline.publication.prepared import needs_ocr, prepare_pending
from pipeline.publication.verdicts import detected_strings, mark
from pipeline.registry.models import Item
from pipeline.rules import load_profile
from pipeline.web.app import create_app
from tests.conftest import SAMPLE_MAILBOX, sample_settings

SCAN = "036_klacht_bomenkap_scan.eml"


def test_a_scan_is_redacted_in_the_background_and_the_request_only_reads_it(tmp_path, monkeypatch) -> None:
    app = App.open(sample_settings(tmp_path))
    ingest_paths(app, [SAMPLE_MAILBOX / SCAN], show_progress=False)
    with app.sessions.begin() as s:
        item = s.scalars(select(Item)).one()
        scans = [a.position for a in item.message.attachments if needs_ocr(a)]
        assert scans, "the sample scan was read by OCR at intake"
        item.on_list = True
        add_meeting(s, load_profile(app.settings.rules_dir, app.settings.profile.name), date(2030, 6, 4))
        item_id, position = item.id, scans[0]
    client = create_app(app).test_client()  # the local griffier may preview an unreleased item
    url = f"/stukken/{item_id}/openbaar/{position}.pdf"

    real_ocr = scan_module.tesseract_output
    monkeypatch.setattr(scan_module, "tesseract_output", lambda *a, **k: (_ for _ in ()).throw(
        AssertionError("OCR ran inside a request")))
    waiting = client.get(url)
    assert waiting.status_code == 503 and "wordt nog geanonimiseerd" in waiting.get_data(as_text=True)

    monkeypatch.setattr(scan_module, "tesseract_output", real_ocr)
    assert prepare_pending(app) == 1 and prepare_pending(app) == 0  # prepared once, then found
    monkeypatch.setattr(scan_module, "tesseract_output", lambda *a, **k: (_ for _ in ()).throw(
        AssertionError("OCR ran inside a request")))
    ready = client.get(url)
    assert ready.status_code == 200 and ready.data.startswith(b"%PDF")

    with app.sessions.begin() as s:  # a verdict changes what is forbidden: the document is prepared again
        item = s.get(Item, item_id)
        found = detected_strings(item)[0]  # judged not personal data: it may now be shown
        mark(s, item, found.kind, found.text, "geen", "anna")
    assert client.get(url).status_code == 503
    monkeypatch.setattr(scan_module, "tesseract_output", real_ocr)
    assert prepare_pending(app) == 1
    assert client.get(url).status_code == 200
    assert list((tmp_path / "openbaar" / "keys").glob("*.json")) and prepared_module.PREPARED_VERSION
    app.close()
