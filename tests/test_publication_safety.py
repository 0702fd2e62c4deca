"""Issue 12: nothing public that is not on a released list; a guard that never blocks on a false name; safe CSV;
adoption asks about unreviewed items; no GET changes the registry; public documents linked and safely named.

One registry for the module: the sample mailbox plus five crafted mails, three meetings — the first adopted, the
second published by the griffier while open, the third open and not released.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli import main
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.config import ProfileSettings, RegistrySettings, Settings, WebSettings
from pipeline.lists.build import list_items
from pipeline.lists.meetings import add_meeting, all_meetings, move_item
from pipeline.lists.placement import replace_unpinned
from pipeline.lists.profiles import active_profile
from pipeline.lists.render import FORMATS
from pipeline.lists.service import adopt, generate, guard_list, publish
from pipeline.privacy.guard import PublicationRefused, public_text
from pipeline.publication import publication
from pipeline.registry.models import AuditEntry, Base, Item, Meeting, PrivacyVerdict
from pipeline.review import confirm
from pipeline.users import add_user
from pipeline.web.app import create_app
from tests.conftest import SAMPLE_MAILBOX
from tests.test_review_web import PASSWORD, login, token

PARTY_SUBJECT = "Steun van Lijst van der Does voor het dorpshuis"
FORMULA = '=HYPERLINK("http://evil.example/?x=1","klik hier")'
TRAVERSAL = "../../../../etc/passwd"


def _pdf(text: str) -> bytes:
    from pipeline.publication import text_pdf

    return text_pdf("Brief", text)


def crafted_mails(folder: Path) -> None:
    """Six mails written for these tests (fictitious people and organisations)."""
    def mail(name: str, sender: str, subject: str, body: str, attachment: tuple[str, bytes] | None = None) -> None:
        m = EmailMessage()
        m["From"], m["To"], m["Subject"] = sender, "griffie@waterlinde.nl", subject
        m["Date"], m["Message-ID"] = "Mon, 02 Jun 2025 10:00:00 +0200", f"<{name}@test.example>"
        m.set_content(body)
        if attachment:
            m.add_attachment(attachment[1], maintype="application", subtype="pdf", filename=attachment[0])
        (folder / f"{name}.eml").write_bytes(m.as_bytes())

    folder.mkdir()
    mail("party", "Lijst van der Does <fractie@lijstvanderdoes.nl>", PARTY_SUBJECT,
         "Geachte raad,\n\nLijst van der Does vraagt steun voor het dorpshuis. Wij vragen de raad dit mee te nemen "
         "bij de begroting.\n\nMet vriendelijke groet,\nLijst\nvan der Does\n\nPieter de Wit, fractievoorzitter\n")
    mail("citizen", "Jan Smeets <j.smeets@hotmail.com>", "Klacht over de kapotte stoep",
         "Geachte raad,\n\nDe stoep voor mijn huis is al maanden kapot. Wilt u dit laten repareren?\n\n"
         "Met vriendelijke groet,\n\nJan Smeets\nDorpsstraat 4\n1234 AB Ee\n")
    mail("formula", "Stichting Formule <info@stichting-formule.nl>", FORMULA,
         "Geachte raad,\n\nWij bieden u ons jaarverslag aan.\n\nMet vriendelijke groet,\n\nStichting Formule\n")
    mail("traversal", "Vereniging Pad <bestuur@vereniging-pad.nl>", "Jaarverslag vereniging Pad",
         "Geachte raad,\n\nIn de bijlage ons jaarverslag.\n\nMet vriendelijke groet,\n\nVereniging Pad\n",
         (TRAVERSAL, _pdf("Jaarverslag 2024 van de vereniging Pad. Wij hielden vier ledenvergaderingen.")))
    mail("travel", "Reisbureau Marco Polo <info@marcopolo-reizen.nl>", "Reisbureau Marco Polo opent vestiging",
         "Geachte raad,\n\nReisbureau Marco Polo opent een nieuwe vestiging aan de Markt.\n\n"
         "Met vriendelijke groet,\n\nMarco Polo\nReisbureau Marco Polo B.V.\n")
    mail("ship", "Stichting Zeilvaart Waterlinde <info@zeilvaart-waterlinde.nl>",
         "Zeilschip Willem Barentsz zoekt ligplaats",
         "Geachte raad,\n\nHet zeilschip Willem Barentsz zoekt een vaste ligplaats in de haven.\n\n"
         "Met vriendelijke groet,\n\nWillem Barentsz\nStichting Zeilvaart Waterlinde\n")


def _crafted(s, name: str) -> Item:
    return next(i for i in s.scalars(select(Item)) if i.message.locator.endswith(f"{name}.eml"))


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("publication-safety")
    crafted_mails(tmp / "crafted")
    settings = Settings(registry=RegistrySettings(url=f"sqlite:///{tmp}/r.db", data_dir=str(tmp / "data")),
                        profile=ProfileSettings(name="generiek"),
                        web=WebSettings(require_login=True, public_pages=True))
    app = App.open(settings)
    counts = ingest_paths(app, [SAMPLE_MAILBOX, tmp / "crafted"], show_progress=False)
    assert counts["filed"] > 30
    profile = active_profile(settings)
    with app.sessions.begin() as s:
        items = sorted(s.scalars(select(Item).where(Item.on_list.is_(True))), key=lambda i: i.id)
        day = (max(i.received_at for i in items) + timedelta(days=30)).date()
        for offset in (0, 28, 56):
            add_meeting(s, profile, day + timedelta(days=offset))
        m1, m2, m3 = all_meetings(s)
        for n, i in enumerate(items):  # spread: a third before each cut-off
            i.received_at = [m1, m2, m3][n % 3].cutoff_at - timedelta(days=1)
            i.meeting_id, i.meeting = None, None
        replace_unpinned(s)
        for name in ("party", "citizen", "formula", "traversal", "travel", "ship"):
            move_item(s, _crafted(s, name), m2)
        for i in list_items(s, m1)[:3]:
            confirm(s, i.id, "anna")
        adopt(s, m1, profile, "gijs", accept_unreviewed=True)
        publish(s, m2, profile, "gijs", accept_unreviewed=True)
        add_user(s, "anna", "assistent", PASSWORD)
        add_user(s, "gijs", "griffier", PASSWORD)
        add_user(s, "lotte", "lezer", PASSWORD)
        ids = {"m1": m1.id, "m2": m2.id, "m3": m3.id}
    yield app, ids
    app.close()


def released_item_ids(app) -> set[int]:
    """Computed here from the frozen snapshot and the published release, not by the code under test."""
    with app.sessions() as s:
        out: set[int] = set()
        for m in all_meetings(s):
            if m.status == "vastgesteld":
                from pipeline.registry.models import ListSnapshot
                snap = s.scalar(select(ListSnapshot).where(ListSnapshot.meeting_id == m.id))
                out |= {r["item_id"] for r in snap.rows}
            elif m.published_at is not None:
                out |= set(m.published_items)
        return {i for i in out if s.get(Item, i).on_list}


def test_anonymous_enumeration_finds_only_items_on_a_released_list(registry) -> None:
    app, ids = registry
    client = create_app(app).test_client()
    with app.sessions() as s:
        all_ids = sorted(s.scalars(select(Item.id)))
        kinds = {i.id: (i.document_kind, i.status, i.on_list, i.meeting_id) for i in s.scalars(select(Item))}
    public = released_item_ids(app)
    assert public and len(public) < len(all_ids)
    # the kinds the issue found open: an objection, an auto-reply, unreviewed items on an open list
    assert any(k[0] == "bezwaarschrift" and i not in public for i, k in kinds.items())
    assert any(k[0] == "automatisch" and i not in public for i, k in kinds.items())
    assert any(k[3] == ids["m3"] and k[1] in ("triaged", "needs_review") for k in kinds.values())
    missing = client.get(f"/stukken/{max(all_ids) + 1}/openbaar")
    assert missing.status_code == 404
    for item_id in all_ids + [max(all_ids) + 7]:
        r = client.get(f"/stukken/{item_id}/openbaar")
        if item_id in public:
            assert r.status_code == 200, item_id
            assert "Voorbeeld voor de griffie" not in r.get_data(as_text=True)
        else:
            assert r.status_code == 404, (item_id, kinds.get(item_id))
            same = r.get_data(as_text=True).replace(str(item_id), "N")
            assert same == missing.get_data(as_text=True).replace(str(max(all_ids) + 1), "N")
            assert client.get(f"/stukken/{item_id}/openbaar/0.pdf").status_code == 404


def test_public_lists_exist_only_once_released_and_link_their_documents(registry) -> None:
    app, ids = registry
    client = create_app(app).test_client()
    assert client.get(f"/lijsten/{ids['m3']}/openbaar").status_code == 404
    assert client.get(f"/lijsten/{ids['m3']}/openbaar.json").status_code == 404
    public = released_item_ids(app)
    for key in ("m1", "m2"):
        page = client.get(f"/lijsten/{ids[key]}/openbaar")
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        linked = {int(x) for x in re.findall(r'href="/stukken/(\d+)/openbaar"', html)}
        with app.sessions() as s:
            on_it = {i.id for i in list_items(s, s.get(Meeting, ids[key]))}
        assert linked == on_it & public  # every public item, nothing else
        data = json.loads(client.get(f"/lijsten/{ids[key]}/openbaar.json").get_data(as_text=True))
        docs = [d for g in data["groups"] for r in g["items"] for d in r["documents"]]
        assert docs and all(d["url"].startswith("/stukken/") and "/openbaar" in d["url"] for d in docs)
        pdf = client.get(f"/lijsten/{ids[key]}/openbaar.pdf").data
        assert "/stukken/" in public_text(pdf, "pdf") or "openbare versie" in public_text(pdf, "pdf").lower()


def test_a_party_named_after_a_person_blocks_no_public_format_but_a_real_name_is_refused(registry) -> None:
    app, ids = registry
    profile = active_profile(app.settings)
    with app.sessions() as s:
        m2 = s.get(Meeting, ids["m2"])
        party = _crafted(s, "party")
        outputs = {fmt: generate(s, m2, profile, "gemeente Waterlinde", fmt, public=True) for fmt in FORMATS}
        for fmt, out in outputs.items():
            text = public_text(out.content, fmt)
            assert "Lijst van der Does" in text, fmt  # the party's name stays: it is an organisation
            if fmt in ("docx", "pdf", "html"):  # the list's own title holds the word 'Lijst'
                assert "lijst ingekomen stukken" in text.lower(), fmt
            for name in ("Pieter de Wit", "Jan Smeets", "Dorpsstraat 4", "j.smeets@hotmail.com"):
                assert name not in text, (fmt, name)
        # A real person's name that reaches a public field is still refused, naming the item and field.
        built = outputs["html"].built
        row = next(r for r in built.doc.rows if r.item_id == party.id)
        groups = tuple(replace(g, rows=tuple(replace(r, subject=r.subject + " (Jan Smeets)") if r is row else r
                                             for r in g.rows)) for g in built.doc.groups)
        leaked = replace(built, doc=replace(built.doc, groups=groups))
        from pipeline.lists.render import renderer
        for fmt in FORMATS:
            with pytest.raises(PublicationRefused) as refused:
                guard_list(leaked, renderer(fmt)(leaked.doc), fmt)
            assert f"stuk {row.number} (onderwerp)" in str(refused.value) and "een naam" in str(refused.value)
            assert "Jan Smeets" not in str(refused.value)


def test_cli_public_list_of_the_party_meeting_is_made_in_every_format(registry, tmp_path) -> None:
    app, ids = registry
    runner = CliRunner()
    db = ["--db", app.settings.registry.url]
    env = {"GRIFFIEPOST_DATA_DIR": app.settings.registry.data_dir, "GRIFFIEPOST_PROFILE": "generiek"}
    for fmt in FORMATS:
        target = tmp_path / f"lijst.{fmt}"
        res = runner.invoke(main, db + ["list", str(ids["m2"]), "--format", fmt, "--public", "-o", str(target)],
                            env=env)
        assert res.exit_code == 0, res.output
        assert "Lijst van der Does" in public_text(target.read_bytes(), fmt)


def test_csv_cells_a_spreadsheet_would_evaluate_are_neutralised(registry) -> None:
    app, ids = registry
    profile = active_profile(app.settings)
    with app.sessions() as s:
        m2 = s.get(Meeting, ids["m2"])
        for public in (False, True):
            content = generate(s, m2, profile, "gemeente Waterlinde", "csv", public=public).content
            rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
            cells = [c for r in rows for c in r]
            assert "'" + FORMULA in cells, public
            assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_a_company_named_after_its_owner_keeps_its_name_in_public(registry) -> None:
    app, ids = registry
    client = create_app(app).test_client()
    with app.sessions() as s:
        travel = _crafted(s, "travel")
    page = client.get(f"/stukken/{travel.id}/openbaar")
    assert page.status_code == 200 and "Marco Polo" in page.get_data(as_text=True)


def test_published_documents_are_named_by_item_and_position_only(registry, tmp_path) -> None:
    app, _ = registry
    with app.sessions() as s:
        item = _crafted(s, "traversal")
        pub = publication(app, item)
    [doc] = pub.documents
    assert doc.filename == f"stuk-{item.registration_number}-bijlage-1-openbaar.pdf"
    assert doc.original == TRAVERSAL  # shown as text, never used as a path
    runner = CliRunner()
    res = runner.invoke(main, ["--db", app.settings.registry.url, "publish", item.registration_number, "-o",
                               str(tmp_path / "out")], env={"GRIFFIEPOST_DATA_DIR": app.settings.registry.data_dir})
    assert res.exit_code == 0, res.output
    written = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == [f"{item.registration_number}/stuk-{item.registration_number}-bijlage-1-openbaar.pdf",
                       f"{item.registration_number}/tekst-openbaar.txt"]


def test_a_reviewer_marks_a_false_name_and_the_public_list_shows_it_with_audit(registry) -> None:
    app, ids = registry
    profile = active_profile(app.settings)
    web = create_app(app)
    client = web.test_client()
    login(client, "anna")

    def public_subject() -> str:
        with app.sessions() as s:
            travel = _crafted(s, "ship")
            out = generate(s, s.get(Meeting, ids["m2"]), profile, "gemeente Waterlinde", "json", public=True)
            rows = [r for g in json.loads(out.content)["groups"] for r in g["items"]]
            return next(r["subject"] for r in rows if r["item_id"] == travel.id)

    assert "Willem Barentsz" not in public_subject()  # the ship's name, detected as a person: redacted
    with app.sessions() as s:
        travel_id = _crafted(s, "ship").id
    page = client.get(f"/stukken/{travel_id}").get_data(as_text=True)
    assert "Gevonden persoonsgegevens" in page and "Willem Barentsz" in page
    r = client.post(f"/stukken/{travel_id}/persoonsgegevens",
                    data={"csrf_token": token(page), "kind": "person", "text": "Willem Barentsz", "verdict": "geen"})
    assert r.status_code == 302
    assert "Zeilschip Willem Barentsz zoekt ligplaats" in public_subject()
    page = client.get(f"/stukken/{travel_id}").get_data(as_text=True)
    assert "geen persoonsgegeven" in page
    # a string detection missed, marked 'wel': redacted from then on
    r = client.post(f"/stukken/{travel_id}/persoonsgegevens",
                    data={"csrf_token": token(page), "kind": "person", "text": "zoekt ligplaats", "verdict": "wel"})
    assert "zoekt ligplaats" not in public_subject() and "[geanonimiseerd]" in public_subject()
    with app.sessions() as s:
        verdicts = {(v.text, v.verdict, v.actor) for v in s.scalars(select(PrivacyVerdict))}
        audit = [a.detail for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "privacy_verdict"))]
    assert verdicts == {("Willem Barentsz", "geen", "anna"), ("zoekt ligplaats", "wel", "anna")}
    assert [(a["verdict"], a["kind"]) for a in audit] == [("geen", "person"), ("wel", "person")]
    assert all("Willem" not in json.dumps(a) for a in audit)  # the audit names the decision, not the data
    lotte = create_app(app).test_client()
    login(lotte, "lotte")
    assert lotte.post(f"/stukken/{travel_id}/persoonsgegevens", data={
        "csrf_token": token(lotte.get("/").get_data(as_text=True)), "kind": "person", "text": "x y",
        "verdict": "geen"}).status_code == 403  # a reader may not decide


def test_cli_adoption_with_unreviewed_items_needs_explicit_confirmation(registry) -> None:
    app, ids = registry
    runner = CliRunner()
    db = ["--db", app.settings.registry.url]
    env = {"GRIFFIEPOST_DATA_DIR": app.settings.registry.data_dir, "GRIFFIEPOST_PROFILE": "generiek"}
    with app.sessions() as s:
        waiting = [i for i in list_items(s, s.get(Meeting, ids["m3"])) if i.status in ("triaged", "needs_review")]
    assert waiting
    res = runner.invoke(main, db + ["meetings", "adopt", str(ids["m3"]), "--by", "gijs"], env=env)
    said = res.output + str(res.exception)  # the sentence `griffiepost` prints (cli.run renders the error)
    assert res.exit_code != 0 and f"{len(waiting)} stuk(ken) op deze lijst zijn nog niet beoordeeld" in said
    assert "--accept-unreviewed" in said
    res = runner.invoke(main, db + ["meetings", "publish", str(ids["m3"]), "--by", "gijs"], env=env)
    assert res.exit_code != 0 and "nog niet beoordeeld" in res.output + str(res.exception)
    with app.sessions() as s:
        m3 = s.get(Meeting, ids["m3"])
        assert m3.status == "open" and m3.published_at is None


def _dump(app) -> dict[str, list[str]]:
    with app.sessions() as s:
        return {t.name: sorted(repr(tuple(r)) for r in s.execute(select(t))) for t in Base.metadata.sorted_tables}


def test_no_get_route_changes_the_registry_for_any_role(registry) -> None:
    app, ids = registry
    web = create_app(app)
    with app.sessions() as s:
        public_id = min(released_item_ids(app))
        other_id = next(i for i in s.scalars(select(Item.id)) if i not in released_item_ids(app))
    values = {"item_id": [public_id, other_id], "meeting_id": list(ids.values()), "fmt": list(FORMATS),
              "position": [0]}
    rules = [r for r in web.url_map.iter_rules() if "GET" in r.methods and r.endpoint != "static"]
    assert len(rules) >= 12
    clients = {}
    for name in ("gijs", "anna", "lotte", None):  # griffier, assistent, lezer, visitor (public pages on)
        client = web.test_client()
        if name:
            assert login(client, name).status_code == 302
        clients[name] = client
    before = _dump(app)
    seen = 0
    for rule in rules:
        combos = [{}]
        for arg in rule.arguments:
            combos = [dict(c, **{arg: v}) for c in combos for v in values[arg]]
        for combo in combos:
            url = rule.rule
            for arg, v in combo.items():
                url = re.sub(rf"<(?:\w+:)?{arg}>", str(v), url)
            for client in clients.values():
                assert client.get(url).status_code < 500, url
                seen += 1
    assert seen > 100
    assert _dump(app) == before
