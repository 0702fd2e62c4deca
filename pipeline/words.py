"""One vocabulary of the Dutch words a person reads for every code the registry stores (statuses, kinds, sources)."""

from __future__ import annotations

from typing import Any

from pipeline.vocab import TOPIC_BY_CODE

STATUS_WORDS = {
    "needs_review": "Te beoordelen", "triaged": "Voorgesteld", "reviewed": "Beoordeeld", "listed": "Op de lijst",
    "ignored": "Genegeerd", "received": "Ontvangen", "quarantined": "Quarantaine",
}
SENDER_WORDS = {
    "inwoner": "inwoner", "organisatie": "organisatie", "bedrijf": "bedrijf", "overheid": "overheid",
    "gemeenschappelijke_regeling": "gemeenschappelijke regeling", "college": "college van B&W",
    "rekenkamer": "rekenkamer", "raad": "raad", "onbekend": "onbekend",
}
KIND_WORDS = {
    "brief": "brief", "rondzendbrief": "rondzendbrief", "petitie": "petitie", "klacht": "klacht",
    "zienswijzeverzoek": "verzoek om zienswijze", "raadsinformatiebrief": "raadsinformatiebrief",
    "jaarstukken": "jaarstukken / begroting", "motie_andere_gemeente": "motie van een andere gemeente",
    "uitnodiging": "uitnodiging", "nieuwsbrief": "nieuwsbrief", "reclame": "reclame",
    "bezwaarschrift": "bezwaarschrift", "automatisch": "automatisch bericht",
}
FIELD_LABELS = {"sender_kind": "Soort afzender", "document_kind": "Soort stuk", "on_list": "Op de lijst",
                "topic": "Onderwerp", "handling": "Afhandeling", "committee": "Commissie", "subject": "Onderwerpregel",
                "letter_date": "Datum brief", "sender_organisation": "Organisatie"}
# Who made a decision (Decision.source).
SOURCE_WORDS = {"pipeline": "automatisch voorstel", "rules": "regel", "model": "model", "assistant": "beoordelaar",
                "griffier": "griffier"}
# How the text of an attachment was read (Attachment.status).
ATTACHMENT_STATUS_WORDS = {
    "ok": "tekst gelezen", "ocr": "tekst herkend (OCR)", "encrypted": "versleuteld: tekst niet leesbaar",
    "broken": "beschadigd: kon niet worden gelezen", "too_large": "te groot om te lezen",
    "unsupported": "bestandssoort niet ondersteund", "timeout": "lezen duurde te lang en is afgebroken",
}
# The canonical handling codes in words (a council profile may give its own code and words).
HANDLING_WORDS = {
    "vka": "voor kennisgeving aannemen",
    "college_afdoening": "in handen van het college stellen ter afdoening",
    "college_afdoening_informeren": "in handen van het college ter afdoening, met informatie aan de raad",
    "college_advies": "het college om advies vragen",
    "agenderen": "agenderen voor bespreking",
    "betrekken": "betrekken bij een geagendeerd onderwerp",
    "griffie": "afdoening door de griffie",
    "niet_op_lijst": "niet op de lijst",
}
BOOLEAN_WORDS = {"true": "ja", "false": "nee", True: "ja", False: "nee"}


def status_word(code: str | None) -> str:
    return STATUS_WORDS.get(code or "", code or "—")


def attachment_status_word(code: str | None) -> str:
    return ATTACHMENT_STATUS_WORDS.get(code or "", "onbekende toestand")


# The kinds of provenance a decision names since issue 16 ("rule:<name>", "person:<user>", ...: records.Provenance).
SOURCE_KIND_WORDS = {"rule": "regel", "knowledge": "kennis", "model": "model", "person": "beoordelaar",
                     "history": "eerdere lijsten", "profile": "profiel", "analysis": "uit de brief",
                     "default": "standaard"}


def source_word(code: str | None) -> str:
    """Who decided, in words: 'regel soort-brief', 'model onderwerp (0.42)', 'beoordelaar' (the actor is shown apart)."""
    kind, _, what = (code or "").partition(":")
    if not what or kind not in SOURCE_KIND_WORDS:
        return SOURCE_WORDS.get(code or "", code or "—")
    if kind == "person":
        return SOURCE_KIND_WORDS[kind]
    if kind == "model":
        name, _, rest = what.partition("@")
        score = rest.rpartition(" ")[2]
        return f"model {FIELD_LABELS.get(name, name).lower()} ({score})"
    return f"{SOURCE_KIND_WORDS[kind]} {what}"


def topic_word(code: str | None) -> str:
    return TOPIC_BY_CODE[code].label if code in TOPIC_BY_CODE else "—"


def decision_value(field: str, value: Any, handling_label: Any) -> str:
    """A stored decision value ('c_849842ac', 'college_afdoening', 'true') in the words of the item page.

    `handling_label(code)` gives the council's words for a handling code (the profile lives in the web layer).
    """
    if value is None or value == "":
        return "—"
    if field == "topic":
        return topic_word(value)
    if field == "handling":
        return handling_label(value)
    if field == "sender_kind":
        return SENDER_WORDS.get(value, value)
    if field == "document_kind":
        return KIND_WORDS.get(value, value)
    if field == "on_list" or value in ("true", "false"):
        return BOOLEAN_WORDS.get(value, value)
    return str(value)
