"""The one vocabulary: every code the registry stores, with the Dutch words a person reads for it (and the TOOI URI
for topics). Codes are stable; a council maps handling codes to its own words in its profile. The UI, the lists,
the CLI and the JSON all read their words here (docs/architecture.md, "Vocabulary")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SENDER_KINDS = (
    "inwoner", "organisatie", "bedrijf", "overheid", "gemeenschappelijke_regeling",
    "college", "rekenkamer", "raad", "onbekend",
)
DOCUMENT_KINDS = (
    "brief", "rondzendbrief", "petitie", "klacht", "zienswijzeverzoek", "raadsinformatiebrief",
    "jaarstukken", "motie_andere_gemeente", "uitnodiging", "nieuwsbrief", "reclame", "bezwaarschrift",
    "automatisch",
)
HANDLINGS = (
    "vka", "college_afdoening", "college_afdoening_informeren", "college_advies", "agenderen",
    "betrekken", "griffie", "niet_op_lijst",
)
ITEM_STATUSES = ("received", "quarantined", "triaged", "needs_review", "reviewed", "listed", "ignored")
MESSAGE_STATES = ("received", "filed", "ignored", "quarantined")
PERSONAL_DATA_KINDS = ("person", "email", "phone", "address", "iban", "bsn", "birthdate")

TOOI_BASE = "https://identifier.overheid.nl/tooi/def/thes/top/"


@dataclass(frozen=True)
class Topic:
    code: str
    label: str

    @property
    def uri(self) -> str:
        return TOOI_BASE + self.code


TOPICS: tuple[Topic, ...] = (
    Topic("c_0361ffb3", "cultuur en recreatie"),
    Topic("c_d363776f", "economie"),
    Topic("c_f47ad6ca", "internationaal"),
    Topic("c_399f194b", "migratie en integratie"),
    Topic("c_afa30a11", "natuur en milieu"),
    Topic("c_c232ae4a", "onderwijs en wetenschap"),
    Topic("c_d58b78ca", "openbare orde en veiligheid"),
    Topic("c_3eb6243b", "organisatie en bedrijfsvoering"),
    Topic("c_391585db", "overheidsfinanciën"),
    Topic("c_f4679acc", "recht"),
    Topic("c_cfc7d5ab", "ruimte en infrastructuur"),
    Topic("c_d4890526", "sociale zekerheid"),
    Topic("c_849842ac", "verkeer"),
    Topic("c_9d1917e9", "werk"),
    Topic("c_124eaf3a", "wonen"),
    Topic("c_d0463fb7", "zorg en gezondheid"),
)
TOPIC_BY_CODE = {t.code: t for t in TOPICS}
TOPIC_BY_LABEL = {t.label: t for t in TOPICS}

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
# Every field a person sees by name (a decision's field and the item's column of the same judgement), lower case as
# inside a sentence; field_label(name, capital=True) for a heading.
FIELD_WORDS = {
    "sender_kind": "soort afzender", "document_kind": "soort document", "on_list": "op de lijst",
    "topic": "onderwerp (thema)", "topic_code": "onderwerp (thema)", "handling": "afhandeling",
    "handling_code": "afhandeling", "committee": "commissie", "subject": "onderwerp", "letter_date": "datum brief",
    "sender_organisation": "organisatie", "sender_name": "naam afzender", "public_label": "afzender",
    "meeting_id": "vergadering", "list_number": "nummer", "circular": "rondzendbrief",
}
FIELD_LABELS = {name: word[:1].upper() + word[1:] for name, word in FIELD_WORDS.items()}
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
ACK_STATUS_WORDS = {"draft": "Concept", "queued": "Klaar om te versturen", "sending": "Wordt verstuurd",
                    "uncertain": "Mogelijk verzonden", "sent": "Verstuurd", "failed": "Mislukt",
                    "skipped": "Niet verstuurd"}  # an acknowledgement of receipt's state (pipeline/acknowledge)
BOOLEAN_WORDS = {"true": "ja", "false": "nee", True: "ja", False: "nee"}
MESSAGE_STATE_WORDS = {"received": "in de wachtrij", "filed": "geregistreerd", "ignored": "genegeerd",
                       "quarantined": "in quarantaine"}
PERSONAL_DATA_WORDS = {"person": "naam", "email": "e-mailadres", "phone": "telefoonnummer", "address": "adres",
                       "iban": "rekeningnummer", "bsn": "burgerservicenummer", "birthdate": "geboortedatum"}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")

# Codes the code itself names (not bare strings): the safe defaults when neither a rule nor a model decides.
LETTER = "brief"  # document kind of an ordinary letter, and of a weak guess
NOTED = "vka"  # handling: voor kennisgeving aannemen
NOT_ON_LIST = "niet_op_lijst"  # handling that only a rule may choose
UNKNOWN_SENDER = "onbekend"  # sender kind no rule recognised
NO_RULE = "geen regel"  # Decision.source when nothing decided (classify's fixed steps)
MODEL = "model"  # Decision.source when a trained model decided


def field_label(name: str, capital: bool = False) -> str:
    word = FIELD_WORDS.get(name, name)
    return word[:1].upper() + word[1:] if capital else word


def long_date(day) -> str:
    """'3 maart 2025': a date as a Dutch letter writes it ('' for none)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else ""


def handling_words(profile: Any, code: str) -> tuple[str, str]:
    """The council's own (code, words) for a canonical handling code; without a profile (or a code the profile
    does not name) the canonical code and words, never a bare code as words."""
    if profile is not None and code in getattr(profile, "handling", {}):
        local, label = profile.handling[code]
        return local, label
    return code, HANDLING_WORDS.get(code, code)


def attachment_status_word(code: str | None) -> str:
    return ATTACHMENT_STATUS_WORDS.get(code or "", "onbekende toestand")


# The kinds of provenance a decision names since issue 16 ("rule:<name>", "person:<user>", ...: records.Provenance).
SOURCE_KIND_WORDS = {"rule": "regel", "knowledge": "kennis", "model": "model", "person": "beoordelaar",
                     "history": "eerdere lijsten", "profile": "profiel", "analysis": "gelezen uit",
                     "default": "standaard"}


def source_word(code: str | None) -> str:
    """Who decided, in words: 'regel soort-brief', 'model onderwerp (thema), score 0.42', 'beoordelaar' (the
    actor is shown apart)."""
    kind, _, what = (code or "").partition(":")
    if not what or kind not in SOURCE_KIND_WORDS:
        return SOURCE_WORDS.get(code or "", code or "—")
    if kind == "person":
        return SOURCE_KIND_WORDS[kind]
    if kind == "model":
        name, _, rest = what.partition("@")
        score = rest.rpartition(" ")[2]
        return f"model {FIELD_LABELS.get(name, name).lower()}, score {score}"
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
