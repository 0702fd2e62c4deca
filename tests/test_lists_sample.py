"""Issue 7 acceptance on the sample mailbox: three meetings, every format, profiles, cut-off, leaks, adoption."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from PIL import Image
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.config import ProfileSettings, RegistrySettings, Settings, WebSettings
from pipeline.lists.meetings import add_meeting, all_meetings
from pipeline.lists.placement import replace_unpinned
from pipeline.lists.profiles import active_profile
from pipeline.lists.render import FORMATS
from pipeline.lists.service import generate
from pipeline.privacy.guard import public_text
from pipeline.registry.models import Amendment, Item, Meeting

SAMPLE = Path(__file__).resolve().parent.parent / "pipeline" / "sample"
EXPECTED = json.loads((SAMPLE / "expected.json").read_text(encoding="utf-8"))


def settings_for(tmp: Path, profile: str = "generiek") -> Settings:
    return Settings(registry=RegistrySettings(url=f"sqlite:///{tmp}/r.db", data_dir=str(tmp)),
                    profile=ProfileSettings(name=profile),
                    web=WebSettings(require_login=False, secure_cookies=False))  # like `griffiepost demo`


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The sample mailbox ingested once; three council meetings; items spread over them by received_at."""
    tmp = tmp_path_factory.mktemp("lists-sample")
    app = App.open(settings_for(tmp))
    counts = ingest_paths(app, [SAMPLE / "mailbox"], show_progress=False)
    assert counts["filed"] > 30
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        first = min(i.received_at for i in s.scalars(select(Item)))
        # meeting 1's list closed a week before intake: everything goes to later meetings at first
        day = (first + timedelta(days=8)).date()
        for offset in (0, 28, 56):
            add_meeting(s, profile, day + timedelta(days=offset))
        m1, m2, m3 = all_meetings(s)
        items = sorted(s.scalars(select(Item).where(Item.on_list.is_(True), Item.status != "ignored")),
                       key=lambda i: i.id)
        third = len(items) // 3
        for i in items[:third]:  # before meeting 1's cut-off
            i.received_at = m1.cutoff_at - timedelta(days=2)
        for i in items[third:2 * third]:  # one minute after meeting 1's cut-off: the next meeting
            i.received_at = m1.cutoff_at + timedelta(minutes=1)
        for i in items[2 * third:]:  # after meeting 2's cut-off
            i.received_at = m2.cutoff_at + timedelta(hours=1)
        for i in items:
            i.meeting_id, i.meeting = None, None
        replace_unpinned(s)
    yield app
    app.close()


def docx_rows(content: bytes) -> list[list[str]]:
    d = docx.Document(io.BytesIO(content))
    tables = [t for t in d.tables if t.rows[0].cells[1].text == "Datum brief"]  # not the amendments table
    return [[c.text for c in row.cells] for t in tables for row in list(t.rows)[1:]]


def all_formats(app: App, meeting_id: int, public: bool = False, settings: Settings | None = None) -> dict:
    settings = settings or app.settings
    profile = active_profile(settings)
    with app.sessions.begin() as s:
        m = s.get(Meeting, meeting_id)
        return {f: generate(s, m, profile, profile.council, f, public, number_by="griffie").content for f in FORMATS}


def test_items_after_the_cutoff_land_on_the_next_meeting(app) -> None:
    with app.sessions() as s:
        m1, m2, m3 = all_meetings(s)
        for item in s.scalars(select(Item).where(Item.on_list.is_(True), Item.status != "ignored")):
            expected = m1 if item.received_at < m1.cutoff_at else m2 if item.received_at < m2.cutoff_at else m3
            assert item.meeting_id == expected.id, item.registration_number
        assert all(len(m.items) >= 5 for m in (m1, m2, m3))
        off = list(s.scalars(select(Item).where(Item.on_list.is_(False))))
        assert off and all(i.meeting_id is None for i in off)  # kept off the list: no meeting


def test_every_format_for_three_meetings_agrees_with_the_registry(app, tmp_path) -> None:
    profile = active_profile(app.settings)
    numbers: list[int] = []
    for mid in (1, 2, 3):
        out = all_formats(app, mid)
        rows = docx_rows(out["docx"])
        with app.sessions() as s:
            items = {i.list_number: i for i in s.scalars(select(Item).where(Item.meeting_id == mid,
                                                                            Item.on_list.is_(True)))}
        assert sorted(int(r[0]) for r in rows) == sorted(items)
        for r in rows:
            item = items[int(r[0])]
            local, label = profile.handling[item.handling_code]
            assert r[5] == (label if local == item.handling_code else f"{local} – {label}"), "a bare canonical code is no word"
            sender = item.public_label if item.sender_kind in ("inwoner", "onbekend") or not item.sender_organisation \
                else item.sender_organisation
            assert r[3] == sender
            if item.sender_kind == "inwoner":
                assert r[3].startswith("inwoner") and (item.sender_name or "@") not in r[3]
        numbers += [int(r[0]) for r in rows]
        lines = list(csv.DictReader(io.StringIO(out["csv"].decode("utf-8-sig")), delimiter=";"))
        data = json.loads(out["json"])
        jrows = [x for g in data["groups"] for x in g["items"]]
        assert [(x["nummer"], x["afzender"], x["afhandeling_code"], x["afhandeling"]) for x in lines] == \
            [(x["number"], x["sender"], x["handling_local"], x["handling_label"]) for x in jrows]
        # the printed list shows the council's code only when it differs from the canonical one
        assert [(r[0], r[3], r[5]) for r in rows] == [
            (x["number"], x["sender"], x["handling_label"] if x["handling_local"] == x["handling"]
             else f"{x['handling_local']} – {x['handling_label']}") for x in jrows]
        assert data["meeting"]["id"] == mid and data["profile"] == "generiek"
        assert "<table" in out["html"].decode()
        pdf = tmp_path / f"m{mid}.pdf"
        pdf.write_bytes(out["pdf"])
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / f"m{mid}")], check=True)
        pages = sorted(tmp_path.glob(f"m{mid}-*.png"))
        assert pages
        for page in pages:
            gray = Image.open(page).convert("L")
            w, h = gray.size  # the body only: header and footer lines alone do not make a page non-blank
            dark = sum(gray.crop((0, int(h * 0.1), w, int(h * 0.9))).histogram()[:128])
            assert dark > 300, f"{page.name} looks blank ({dark} dark pixels in the body)"
    assert sorted(numbers) == list(range(1, len(numbers) + 1))  # one running series over the three meetings


def test_nieuwkoop_profile_changes_codes_and_words_in_every_format(app) -> None:
    nk = replace(app.settings, profile=ProfileSettings(name="nieuwkoop"))
    profile = active_profile(nk)
    out = all_formats(app, 2, settings=nk)
    rows = docx_rows(out["docx"])
    codes = {r[5].split(" – ")[0] for r in rows}
    assert codes and codes <= {"a", "b", "c", "e"}
    words = {profile.handling[c][1] for c in profile.handling if profile.handling[c][0] in codes}
    for fmt in FORMATS:
        text = public_text(out[fmt], fmt if fmt != "csv" else "text")
        for w in words:
            assert w in text or w in " ".join(text.split()), (fmt, w)
    assert "gemeente Nieuwkoop" in public_text(out["pdf"], "pdf")
    lines = list(csv.DictReader(io.StringIO(out["csv"].decode("utf-8-sig")), delimiter=";"))
    assert {x["afhandeling_code"] for x in lines} == codes


def personal_strings() -> list[str]:
    out = set()
    for entry in EXPECTED.values():
        pd = entry["personal_data"]
        for key in ("names", "emails", "phones", "addresses"):
            out.update(x for x in pd.get(key, []) if len(x) >= 4)
    return sorted(out)


def test_public_versions_leak_no_personal_data(app) -> None:
    secrets = personal_strings()
    assert len(secrets) > 20
    hits = []
    for mid in (1, 2, 3):
        out = all_formats(app, mid, public=True)
        for fmt, content in out.items():
            text = " ".join(public_text(content, fmt if fmt != "csv" else "text").split()).lower()
            hits += [(mid, fmt, x) for x in secrets if " ".join(x.split()).lower() in text]
        assert json.loads(out["json"])["version"] == "public"
    assert hits == []


def test_cli_and_adoption_freeze_the_list(app, tmp_path) -> None:
    from pipeline.cli import main

    env = {"GRIFFIEPOST_DATA_DIR": app.settings.registry.data_dir, "GRIFFIEPOST_PROFILE": "generiek"}
    db = ["--db", app.settings.registry.url]
    runner = CliRunner()
    listed = runner.invoke(main, db + ["meetings", "list", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    assert [m["items"] for m in json.loads(listed.output)][0] >= 5
    before = runner.invoke(main, db + ["list", "1", "--format", "json"], env=env)
    first = json.loads(before.output)["groups"][0]["items"]
    pulled, changed = first[0]["number"], first[1]["number"]
    res = runner.invoke(main, db + ["meetings", "adopt", "1", "--by", "griffier Jansen", "--pull", pulled,
                                    "--set-handling", f"{changed}=college_afdoening", "--accept-unreviewed"], env=env)
    assert res.exit_code == 0, res.output
    with app.sessions.begin() as s:
        m = s.get(Meeting, 1)
        assert m.status == "vastgesteld" and m.adopted_by == "griffier Jansen"
        assert {i.status for i in m.items if i.on_list} == {"listed"}
        item = next(i for i in m.items if str(i.list_number) == changed)
        item.subject = "Gecorrigeerd onderwerp"
    target = tmp_path / "lijst.docx"
    res = runner.invoke(main, db + ["list", "1", "--format", "docx", "-o", str(target)], env=env)
    assert res.exit_code == 0, res.output
    rows = {r[0]: r for r in docx_rows(target.read_bytes())}
    assert rows[changed][4] != "Gecorrigeerd onderwerp"  # frozen
    assert rows[changed][5].startswith("college_afdoening – ") or "afdoening" in rows[changed][5]
    assert "Besluit: op verzoek uit de raad" in rows[pulled][5]
    amendments = [r for t in docx.Document(str(target)).tables if t.rows[0].cells[1].text == "Datum"
                  for r in t.rows]
    assert any(r.cells[4].text == "Gecorrigeerd onderwerp" for r in amendments)  # the correction follows the list
    with app.sessions() as s:
        assert s.scalar(select(Amendment).where(Amendment.field == "subject")).new_value == "Gecorrigeerd onderwerp"
    res = runner.invoke(main, db + ["meetings", "move", "1", "2"], env=env)
    assert res.exit_code != 0


def test_web_pages_and_downloads(app) -> None:
    from pipeline.web.app import create_app

    web = create_app(app)
    client = web.test_client()
    assert "Vergaderingen" in client.get("/lijsten").get_data(as_text=True)
    page = client.get("/lijsten/2").get_data(as_text=True)
    assert "Lijst ingekomen stukken" in page and "<table" in page
    public = client.get("/lijsten/2/openbaar")
    assert public.status_code == 200 and "Openbare versie" in public.get_data(as_text=True)
    for fmt in FORMATS:
        r = client.get(f"/lijsten/2/openbaar.{fmt}")
        assert r.status_code == 200 and r.data, fmt
    assert client.get("/lijsten/2.pdf").data.startswith(b"%PDF")
    with client.session_transaction() as sess:
        sess["csrf"] = "t"
    r = client.post("/lijsten", data={"date": "2031-01-07", "body": "Commissie Ruimte", "csrf_token": "t"})
    assert r.status_code == 302
    with app.sessions() as s:
        assert any(m.body == "Commissie Ruimte" for m in all_meetings(s))

