"""With require_login, the anonymised pages are open to visitors only when web.public_pages is set."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from pipeline.app import App
from pipeline.config import WebSettings
from pipeline.lists.meetings import add_meeting
from pipeline.lists.service import adopt
from pipeline.registry.models import Meeting
from pipeline.rules import load_profile
from pipeline.web.app import create_app
from tests.conftest import sample_settings


@pytest.mark.parametrize("public_pages", [True, False])
def test_public_pages_open_only_when_configured(tmp_path, public_pages):
    settings = replace(sample_settings(tmp_path), web=WebSettings(require_login=True, public_pages=public_pages))
    app = App.open(settings)
    with app.sessions.begin() as s:
        meeting = add_meeting(s, load_profile(settings.rules_dir, settings.profile.name), date(2030, 3, 14))
        mid = meeting.id
    client = create_app(app).test_client()
    public = client.get(f"/lijsten/{mid}/openbaar")
    internal = client.get(f"/lijsten/{mid}")
    assert internal.status_code == 302 and "/inloggen" in internal.headers["Location"]
    if public_pages:
        assert public.status_code == 404  # open to visitors, but this list is not released yet
        assert client.get("/stukken/999/openbaar").status_code == 404  # open, but no such item
        with app.sessions.begin() as s:
            adopt(s, s.get(Meeting, mid), load_profile(settings.rules_dir, settings.profile.name), "griffier")
        released = client.get(f"/lijsten/{mid}/openbaar")
        assert released.status_code == 200 and "14 maart 2030" in released.get_data(as_text=True)
    else:
        assert public.status_code == 302 and "/inloggen" in public.headers["Location"]
    assert client.get("/").status_code == 302  # the review inbox always needs a login
