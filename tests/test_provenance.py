"""Issue 16: every field of a filed item has its own Decision naming who decided it (rule, knowledge entry, model with
its version and score, person), with only that field's reasons; the rule hits are stored with the item."""

from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import select

from pipeline.app import App
from pipeline.cli.intake_cmds import ingest_paths
from pipeline.registry.models import Item, Message
from pipeline.registry.truth import ANALYSED_FIELDS, JUDGED_FIELDS, latest
from pipeline.review import confirm, correct
from pipeline.web.app import create_app
from tests.conftest import SAMPLE_MAILBOX, sample_settings
from tests.helpers import make_mail

FIRST = 6  # 001 VNG ledenbrief (rules) ... 005 provincie brief (document kind by the model)
OFF_LIST = "042_brief_aan_raadslid.eml"  # a rule keeps it off the list
DRENTHE = make_mail(subject="Vaststelling omgevingsvisie", sender="Provincie Drenthe <post@drenthe.nl>",
                    body="Geachte raad,\n\nHierbij informeren wij u over de omgevingsvisie.\n\nGedeputeerde Staten\n")


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("provenance")
    box = tmp / "box"
    box.mkdir()
    for p in sorted(SAMPLE_MAILBOX.glob("*.eml"))[:FIRST]:
        shutil.copy(p, box / p.name)
    shutil.copy(SAMPLE_MAILBOX / OFF_LIST, box / OFF_LIST)
    (box / "900_drenthe.eml").write_bytes(DRENTHE)
    app = App.open(sample_settings(tmp))
    ingest_paths(app, [box], show_progress=False)
    yield app
    app.close()


def _item(app, seq: int) -> tuple[Item, dict]:
    s = app.sessions()
    item = s.scalar(select(Item).where(Item.seq == seq))
    return item, latest(item)


def test_every_field_has_one_decision_with_a_source_and_the_column_is_its_copy(registry):
    with registry.sessions() as s:
        for item in s.scalars(select(Item)):
            now = latest(item)
            assert set(now) == set(JUDGED_FIELDS + ANALYSED_FIELDS), item.registration_number
            assert len(item.decisions) == len(now)  # one per field at filing
            assert all(d.source != "pipeline" and ":" in d.source for d in now.values())
            assert now["handling"].value == item.handling_code and now["topic"].value == item.topic_code
            assert now["on_list"].value == ("true" if item.on_list else "false")
            assert now["subject"].value == item.subject and now["committee"].value == item.committee


def test_a_rule_decides_with_its_name_and_only_its_own_reasons(registry):
    item, now = _item(registry, 1)  # 001: VNG ledenbrief
    assert now["sender_kind"].source.startswith("rule:")
    assert now["sender_kind"].reasons == ["Afzender bekend: vng.nl → VNG (overheid)"]
    assert now["document_kind"].source.startswith("rule:")
    assert now["document_kind"].reasons == ["Onderwerp 'Ledenbrief': rondzendbrief"]
    assert now["handling"].source.startswith("rule:") and now["handling"].value == "vka"
    assert all("Ledenbrief" not in r for r in now["handling"].reasons + now["sender_kind"].reasons)


def test_the_rule_hits_are_stored_in_chain_order(registry):
    item, now = _item(registry, 1)
    assert item.rule_hits and len(item.rule_hits) >= 3
    for field in ("sender_kind", "document_kind", "handling"):
        assert now[field].source.removeprefix("rule:") in item.rule_hits


def test_on_list_is_a_rule_when_kept_off_and_a_default_otherwise(registry):
    _, on = _item(registry, 1)
    assert on["on_list"].value == "true" and on["on_list"].source == "default:geen regel houdt het eraf"
    with registry.sessions() as s:
        item = s.scalar(select(Item).join(Message).where(Message.subject.like("Voor raadslid%")))
        off = latest(item)
    assert item.on_list is False and off["on_list"].value == "false"
    assert off["on_list"].source.startswith("rule:") and off["on_list"].source.removeprefix("rule:") in item.rule_hits
    assert off["on_list"].reasons == ["Niet op de lijst: gericht aan één raadslid of fractie (onderwerp: 'Voor raadslid')"]
    assert off["committee"].value is None and off["committee"].source == off["on_list"].source


def test_a_knowledge_entry_is_named_as_the_source(registry):
    with registry.sessions() as s:
        item = s.scalar(select(Item).where(Item.subject == "Vaststelling omgevingsvisie"))
        now = latest(item)
    assert item.sender_kind == "overheid"
    assert now["sender_kind"].source == "knowledge:Provincie Drenthe"
    assert any("kennis: provincies" in r for r in now["sender_kind"].reasons)


def test_a_model_decision_names_the_model_its_version_and_score(registry):
    item, now = _item(registry, 5)  # 005: the document kind comes from the model
    d = now["document_kind"]
    m = re.fullmatch(r"model:document_kind@(\S+) (\d\.\d\d)", d.source)
    assert m and m.group(1) == d.model_version.split("document_kind=")[1]
    assert d.reasons and d.reasons[0].startswith("Soort document brief (")
    t = now["topic"]
    m = re.fullmatch(r"model:topic@topic-\S+ (\d\.\d\d)", t.source)
    assert m and float(m.group(1)) == round(t.score, 2) and t.reasons[0].startswith("Onderwerp ")
    assert now["committee"].source == "profile:generiek"
    assert now["committee"].reasons == [f"Commissie {item.committee} bij {t.reasons[0].split(' (')[0][10:]} "
                                        "(profiel generiek)"]


def test_the_analysed_fields_say_where_they_were_read(registry):
    item, now = _item(registry, 2)  # 002: BZK circular, letter attached
    assert now["subject"].source == "analysis:brief" and now["subject"].value == item.subject
    assert now["letter_date"].source == "analysis:brief" and now["letter_date"].value == item.letter_date.isoformat()
    assert now["circular"].value == "true" and now["circular"].source.startswith("analysis:")
    assert re.fullmatch(r"(knowledge|analysis):.+", now["sender_organisation"].source)
    assert now["sender_organisation"].reasons


def test_a_person_after_a_correction_and_a_confirmation(registry):
    with registry.sessions.begin() as s:
        correct(s, 3, "bram", handling_code="college_advies", sender_organisation="Ministerie van SZW",
                letter_date="2025-04-01")
        confirm(s, 4, "anna")
    with registry.sessions() as s:
        item = s.get(Item, 3)
        now = latest(item)
        assert now["handling"].source == "person:bram" and item.handling_code == "college_advies"
        assert now["sender_organisation"].source == "person:bram"
        assert now["letter_date"].source == "person:bram" and now["letter_date"].value == "2025-04-01"
        assert now["topic"].source.startswith("model:topic@")  # not touched: still the model's
        assert {d.source for d in latest(s.get(Item, 4)).values() if d.field in JUDGED_FIELDS} == {"person:anna"}


def test_the_item_page_says_who_decided_each_field_in_words(registry):
    web = create_app(registry)
    web.config["TESTING"] = True
    client = web.test_client()
    html = client.get("/stukken/5").get_data(as_text=True)
    decided = html.split("<h3>Wie besliste</h3>", 1)[1].split("</dl>", 1)[0]
    # one vocabulary: "soort document"; a calibrated score may read 1.00 (the document-kind model's temperature)
    assert re.search(r"<dt>Soort document</dt><dd>model soort document, score [01]\.\d\d</dd>", decided)
    assert "<dt>Datum brief</dt><dd>gelezen uit brief</dd>" in decided
    assert re.search(r"<dt>Onderwerp \(thema\)</dt><dd>model onderwerp \(thema\), score [01]\.\d\d</dd>", decided)
    assert "<dt>Soort afzender</dt><dd>regel " in decided and "<dt>Commissie</dt><dd>profiel generiek</dd>" in decided
    with registry.sessions() as s:
        drenthe = s.scalar(select(Item.id).where(Item.subject == "Vaststelling omgevingsvisie"))
    html = client.get(f"/stukken/{drenthe}").get_data(as_text=True)
    assert "<dt>Soort afzender</dt><dd>kennis Provincie Drenthe</dd>" in html
