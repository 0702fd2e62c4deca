"""Canonical vocabularies (DESIGN.md): codes are stable, councils map them to their own words in profiles."""

from __future__ import annotations

from dataclasses import dataclass

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
