"""Publication: one item's forbidden strings, OCR word matching, withheld documents, public labels, CLI and web."""

from __future__ import annotations

import io
from dataclasses import replace

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipeline.config import ProfileSettings, Settings
from pipeline.privacy.guard import public_text
from pipeline.publication import (
    PUBLISHED,
    WITHHELD,
    PublicationRefused,
    forbidden_for_item,
    redact_known,
    redacted_documents,
    redacted_text,
    text_pdf,
)
from pipeline.publication.documents import guarded
from pipeline.publication.forbidden import needle_regex, present_needles
from pipeline.publication.scan import Word, match_words, merged_rects
from pipeline.registry.models import Item
from tests.conftest import SAMPLE_MAILBOX


def _item(app, filename: str) -> Item:
    with app.sessions() as s:
        for item in s.scalars(select(Item)):
            if item.message.locator.endswith(filename):
                return item.id
    raise AssertionError(f"{filename} not filed")


def words(*texts: str) -> list[Word]:
    return [Word(t, 100 * i, 50, 80, 30) for i, t in enumerate(texts)]


def test_ocr_words_of_a_multiword_name_are_matched_consecutively() -> None:
    page = words("Met", "groet,", "Marijke", "van", "der", "Laan", "en", "van", "der", "Berg")
    groups, found = match_words(page, ["Marijke van der Laan"])
    assert found == {"Marijke van der Laan"} and groups == [[2, 3, 4, 5]]
    assert match_words(page, ["Marijke van Dam"]) == ([], set())  # not the same words in a row
    # one rectangle per line, covering all four words
    assert merged_rects(page, groups[0]) == [(200 - 6, 50 - 6, 580 + 6, 80 + 6)]


def test_ocr_phone_numbers_match_whatever_separators_were_read() -> None:
    page = words("Tel.", "06", "-", "1234", "5678,", "of", "mail", "jan.jansen@example.nl.")
    groups, found = match_words(page, ["06-12345678", "jan.jansen@example.nl", "06-99999999"])
    assert found == {"06-12345678", "jan.jansen@example.nl"}
    assert sorted(groups) == [[1, 3, 4], [7]]  # the lone "-" is a separator, covered by the line's rectangle:
    assert merged_rects(page, [1, 3, 4]) == [(100 - 6, 50 - 6, 480 + 6, 80 + 6)]


def test_known_data_is_redacted_wherever_it_occurs_and_the_guard_refuses_leftovers() -> None:
    text = "Geachte raad,\nIk, J.  Jansen, ben bereikbaar op 06 12 34 56 78.\nMet vriendelijke groet,\nJan Jansen"
    out = redact_known(text, ["Jan Jansen", "J. Jansen", "0612345678"])
    assert "Jansen" not in out and "12 34" not in out and "[telefoon]" in out and "Geachte raad" in out
    assert present_needles(text, ["0612345678", "Piet Klaassen"]) == ["0612345678"]
    assert needle_regex("06-12345678").search("bel 06 1234 5678 gerust")
    with pytest.raises(PublicationRefused, match="openbare uitvoer"):
        guarded("Brief van J. Jansen", ["J. Jansen"], "text")


def test_text_pdf_has_a_text_layer_with_the_text() -> None:
    data = text_pdf("Bijlage 1 (openbare versie)", "Eerste regel met één accent\n\n" + "lang " * 400)
    document = pdfium.PdfDocument(data)
    assert len(document) >= 1
    assert "één accent" in public_text(data, "pdf")


def test_forbidden_for_item_covers_texts_sender_and_variants(sample_app) -> None:
    item_id = _item(sample_app, "035_klacht_bijstand.eml")
    with sample_app.sessions() as s:
        item = s.get(Item, item_id)
        forbidden = {str(f) for f in forbidden_for_item(item)}
        text = redacted_text(item)
        assert item.public_label == "inwoner"  # the generic profile
        assert "Henk Verhagen" in item.text
    assert {"Henk Verhagen", "H. Verhagen", "h.verhagen@kpnmail.nl", "NL91ABNA0417164300"} <= forbidden
    assert "Henk Verhagen" not in text and "123456782" not in text and "NL91" not in text
    assert "[naam]" in text and "[iban]" in text and "[bsn]" in text


def test_encrypted_and_broken_attachments_are_not_published_with_a_dutch_note(sample_app) -> None:
    notes = {}
    for name in ("031_jeugdzorg_beveiligd.eml", "030_vluchtelingenwerk_jaarverslag.eml"):
        with sample_app.sessions() as s:
            docs = redacted_documents(sample_app, s.get(Item, _item(sample_app, name)))
        assert len(docs) == 1 and docs[0].status == WITHHELD and docs[0].data is None
        notes[name] = docs[0].note
    assert notes["031_jeugdzorg_beveiligd.eml"] == "niet gepubliceerd: versleuteld"
    assert notes["030_vluchtelingenwerk_jaarverslag.eml"] == "niet gepubliceerd: beschadigd"


def test_word_letter_is_published_as_a_redacted_pdf(sample_app) -> None:
    with sample_app.sessions() as s:
        item = s.get(Item, _item(sample_app, "037_klacht_wmo_docx.eml"))
        docs = redacted_documents(sample_app, item)
    assert [d.status for d in docs] == [PUBLISHED]
    text = public_text(docs[0].data, "pdf")
    assert "Kuipers" not in text and "Havenkade 5" not in text and "[naam]" in text
    assert docs[0].filename.endswith("-openbaar.pdf")


@pytest.mark.parametrize("profile, label", [("generiek", "inwoner"), ("steenwijkerland", "inwoner van Waterlinde")])
def test_citizen_letter_public_label_follows_the_profile(profile: str, label: str) -> None:
    from pipeline.flow import Pipeline
    from pipeline.result import outcome_json
    from pipeline.rules import load_profile

    settings = replace(Settings(), profile=ProfileSettings(name=profile))
    pipeline = Pipeline.build(settings, with_models=False)
    raw = (SAMPLE_MAILBOX / "034_klacht_geluid.eml").read_bytes()
    sender = outcome_json(pipeline.run(raw), load_profile(settings.rules_dir, profile), "x")["sender"]
    assert sender["kind"] == "inwoner" and sender["public_label"] == label
    assert "Ouali" not in sender["public_label"]


def test_cli_publish_writes_the_redacted_text_and_documents(sample_app, tmp_path) -> None:
    from pipeline.cli import main

    item_id = _item(sample_app, "034_klacht_geluid.eml")
    env = {"GRIFFIEPOST_DATA_DIR": sample_app.settings.registry.data_dir}
    result = CliRunner().invoke(main, ["--db", sample_app.settings.registry.url, "publish", str(item_id),
                                       "-o", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    with sample_app.sessions() as s:
        reg = s.get(Item, item_id).registration_number
    folder = tmp_path / reg
    text = (folder / "tekst-openbaar.txt").read_text(encoding="utf-8")
    pdfs = sorted(folder.glob("*.pdf"))
    assert "Afzender: inwoner" in text and "Fatima" not in text and "Kerkstraat 9" not in text
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")
    assert "bijlage 1: geanonimiseerd" in result.output
    usage = CliRunner().invoke(main, ["--db", sample_app.settings.registry.url, "publish"], env=env)
    assert usage.exit_code != 0 and "--meeting" in usage.output


def test_web_public_pages(sample_app) -> None:
    from pipeline.web.app import create_app

    client = create_app(sample_app).test_client()
    item_id = _item(sample_app, "034_klacht_geluid.eml")
    page = client.get(f"/stukken/{item_id}/openbaar")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "inwoner" in html and "Fatima" not in html and "[naam]" in html
    pdf = client.get(f"/stukken/{item_id}/openbaar/0.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert client.get(f"/stukken/{item_id}/openbaar/7.pdf").status_code == 404
    locked = client.get(f"/stukken/{_item(sample_app, '031_jeugdzorg_beveiligd.eml')}/openbaar/0.pdf")
    assert locked.status_code == 404 and "versleuteld" in locked.get_data(as_text=True)
    assert client.get("/stukken/99999/openbaar").status_code == 404
    internal = client.get(f"/stukken/{item_id}").get_data(as_text=True)
    assert f"/stukken/{item_id}/openbaar/0.pdf" in internal
    assert len(io.BytesIO(pdf.data).getvalue()) > 1000
