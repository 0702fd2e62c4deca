"""Issue 16: personal data is detected once (at filing, or by the worker's pass for an old registry) and stored
with the item; public lists and pages, the review page and `privacy` read it and never detect in a request. An
item that was not scanned yet is not publishable."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from pipeline.app import App
from pipeline.lists.build import build_list
from pipeline.lists.meetings import add_meeting
from pipeline.lists.service import generate, publish
from pipeline.privacy import detect as detect_module
from pipeline.privacy import detected
from pipeline.privacy.detect import detect
from pipeline.publication import forbidden
from pipeline.publication import NotScanned, PublicationRefused, forbidden_for_item, item_spans, publication
from pipeline.registry.models import Item, Meeting
from pipeline.review import correct
from pipeline.rules import load_profile
from pipeline.web.app import create_app
from tests.conftest import sample_settings
from tests.lists_helpers import make_item, registry, utc

DATA = Path(__file__).resolve().parent / "data" / "truth"


def _detect_now(item: Item) -> list:
    """What the readers detected per request before issue 16 (letter text, then each attachment's text)."""
    spans = list(detect(item.text or "", "body"))
    for a in item.message.attachments:
        if a.text:
            spans += detect(a.text, f"attachment:{a.position}")
    return spans


def test_filing_stores_what_detection_finds(sample_app) -> None:
    with sample_app.sessions() as s:
        items = s.scalars(select(Item).order_by(Item.id)).all()
        assert items and all(i.personal_data_version == detected.DETECTOR_VERSION for i in items)
        assert all(i.personal_data["mail"] is not None for i in items)  # every kept mail was read at filing
        found = 0
        for item in items:
            stored = [sp for sp in item_spans(item) if sp.source != "sender"]
            assert stored == _detect_now(item), item.registration_number
            found += len(stored)
        assert found > 20  # the sample's citizen letters hold names, addresses, phone numbers


def test_public_outputs_and_review_page_never_detect(sample_app, monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise AssertionError("detection ran inside a read")

    monkeypatch.setattr(detect_module, "detect", refuse)
    monkeypatch.setattr(detected, "detect", refuse)
    monkeypatch.setattr(forbidden, "detect", refuse)
    client = create_app(sample_app).test_client()  # the demo's local griffier may preview unreleased items
    with sample_app.sessions() as s:
        citizen = s.scalars(select(Item).where(Item.sender_kind == "inwoner").order_by(Item.id)).first()
        pub = publication(sample_app, citizen, with_documents=False)
        assert pub.needles and citizen.sender_name not in pub.text
        item_id = citizen.id
    page = client.get(f"/stukken/{item_id}/openbaar")
    assert page.status_code == 200 and "Openbare versie" in page.get_data(as_text=True)
    review = client.get(f"/stukken/{item_id}")
    assert review.status_code == 200 and 'class="pd pd-' in review.get_data(as_text=True)


@pytest.fixture
def old_registry(tmp_path):
    """A registry made before migration 0009 (tests/data/truth: 0006, filed by an earlier main)."""
    shutil.copy(DATA / "registry_0006.db", tmp_path / "registry.db")
    app = App.open(sample_settings(tmp_path))
    yield app
    app.close()


def test_old_registry_is_not_published_until_the_worker_scanned_it(old_registry) -> None:
    app = old_registry
    profile = load_profile(app.settings.rules_dir, app.settings.profile.name)
    with app.sessions.begin() as s:
        assert detected.pending(s, 100), "an old registry's items wait for their scan"
        meeting = add_meeting(s, profile, date(2030, 5, 1))
        for item in s.scalars(select(Item)):
            item.meeting_id, item.on_list = meeting.id, True
        s.flush()
        publish(s, meeting, profile, "griffier", accept_unreviewed=True)
        mid = meeting.id
    client = create_app(app).test_client()
    with app.sessions() as s:
        meeting = s.get(Meeting, mid)
        assert build_list(s, meeting, profile, "Proef", "internal").doc.rows  # internal: no personal data needed
        with pytest.raises(NotScanned) as refused:
            generate(s, meeting, profile, "Proef", "html", public=True)
        assert isinstance(refused.value, PublicationRefused) and "nog niet op persoonsgegevens" in str(refused.value)
        item_id = s.scalars(select(Item.id).order_by(Item.id)).first()
    assert client.get(f"/lijsten/{mid}/openbaar").status_code == 409
    assert client.get(f"/stukken/{item_id}/openbaar").status_code == 409
    review = client.get(f"/stukken/{item_id}")
    assert review.status_code == 200 and "nog niet op persoonsgegevens gecontroleerd" in review.get_data(as_text=True)

    assert app.scan_personal_data() == 6  # the worker's pass (run after filing and on watch's clock)
    with app.sessions() as s:
        assert not detected.pending(s, 100)
        item = s.get(Item, item_id)
        assert item.personal_data["mail"] is None  # this copy has no kept mails: the lists' spans only
        assert forbidden_for_item(item) is not None
        out = generate(s, s.get(Meeting, mid), profile, "Proef", "html", public=True)
        assert len(out.built.doc.rows) == 6
    assert client.get(f"/lijsten/{mid}/openbaar").status_code == 200
    assert client.get(f"/stukken/{item_id}/openbaar").status_code == 409  # its mail body was never scanned


def test_a_corrected_subject_is_scanned_again(tmp_path) -> None:
    sessions = registry(tmp_path)
    with sessions.begin() as s:
        item = make_item(s, received_at=utc(2025, 3, 1), subject="Stoep", kind="inwoner", organisation=None)
        item_id = item.id
    with sessions.begin() as s:
        correct(s, item_id, "anna", subject="Klacht van Jan de Vries, Kerkstraat 12")
    with sessions() as s:
        item = s.get(Item, item_id)
        stored = item.personal_data["subject"]
        assert stored["text"] == item.subject and {sp[0] for sp in stored["spans"]} >= {"person"}
