"""Public sender labels, residence from a postcode line, and redacted text markers."""

from __future__ import annotations

import pytest

from pipeline.privacy.detect import detect
from pipeline.privacy.labels import public_label, residence_from_text
from pipeline.privacy.redact import redact_text
from pipeline.records import PersonalDataSpan


def test_organisation_keeps_its_name() -> None:
    assert public_label("organisatie", "Landelijke Vereniging voor Kleine Kernen", None) == \
        "Landelijke Vereniging voor Kleine Kernen"
    assert public_label("overheid", "Provincie Utrecht", "Utrecht", style="inwoner_van_plaats") == "Provincie Utrecht"


@pytest.mark.parametrize("kind,organisation", [("inwoner", None), ("inwoner", "Jan de Vries"), ("onbekend", None),
                                               ("organisatie", ""), ("bedrijf", None)])
def test_private_person_becomes_inwoner(kind: str, organisation: str | None) -> None:
    assert public_label(kind, organisation, "Waterlinde") == "inwoner"
    assert public_label(kind, organisation, "Waterlinde", style="inwoner_van_plaats") == "inwoner van Waterlinde"
    assert public_label(kind, organisation, None, style="inwoner_van_plaats") == "inwoner"


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="stijl"):
        public_label("inwoner", None, None, style="naam")


def test_residence_from_postcode_line() -> None:
    letter = "J. Jansen\nKerkstraat 14\n3441 AB  Waterlinde\n\nGeachte raad,"
    assert residence_from_text(letter) == "Waterlinde"
    assert residence_from_text("Dorpsweg 1, 2400AB Alphen aan den Rijn") == "Alphen aan den Rijn"
    assert residence_from_text("Postbus 30435\n2500 GK Den Haag") == "Den Haag"
    assert residence_from_text("In 2025 is er geen adres.") is None


def test_redact_text_replaces_each_kind_with_its_marker() -> None:
    text = ("Mevrouw A. Jansen (geboren op 1 mei 1950), Kerkstraat 4, 3441 AB Waterlinde, "
            "tel. 06-12345678, a.jansen@ziggo.nl, BSN 628194821, IBAN NL20INGB0001234567.")
    redacted = redact_text(text, detect(text))
    assert redacted == ("Mevrouw [naam] (geboren op [geboortedatum]), [adres], [adres], "
                        "tel. [telefoon], [e-mail], BSN [bsn], IBAN [iban].")


def test_redact_text_merges_overlaps_and_rejects_bad_spans() -> None:
    text = "Jan de Vries schreef"
    spans = [PersonalDataSpan("person", 0, 12, "body", "Jan de Vries"),
             PersonalDataSpan("person", 4, 12, "body", "de Vries")]
    assert redact_text(text, spans) == "[naam] schreef"
    with pytest.raises(ValueError):
        redact_text(text, [PersonalDataSpan("person", 5, 99, "body", "x")])
