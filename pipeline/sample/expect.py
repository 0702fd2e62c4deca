"""The labels a careful griffie assistant would register for a sample message (expected.json entries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, SENDER_KINDS, TOPIC_BY_LABEL

from .letters import Person

ATTACHMENT_EXPECTATIONS = ("ok", "ocr", "encrypted", "broken", "unsupported")
# Kept in the generator so the tests can open the encrypted sample; never written into a message.
ENCRYPTED_PASSWORD = "Waterlinde2025!"


@dataclass
class Sample:
    """One generated message: its file name (without .eml), raw bytes and expected labels."""

    slug: str
    raw: bytes
    expected: dict


def personal_data(people: list[Person] | tuple[Person, ...]) -> dict[str, list[str]]:
    """Every private person's data in the message, each value an exact substring of the decoded text."""
    out: dict[str, list[str]] = {k: [] for k in ("names", "emails", "phones", "addresses", "ibans", "bsns",
                                                 "birthdates")}

    def add(key: str, value: str | None) -> None:
        if value and value not in out[key]:
            out[key].append(value)

    for p in people:
        add("names", p.name)
        add("emails", p.email)
        add("phones", p.phone)
        add("addresses", p.street)
        add("addresses", p.postcode)
        add("ibans", p.iban)
        add("bsns", p.bsn)
        add("birthdates", p.birthdate)
    return out


def expect(*, org: str | None, name: str | None, kind: str, subject: str, letter_date: date,
           doc: str, topic: str, handling: str, reference: str | None = None, circular: bool = False,
           on_list: bool = True, forwarded: bool = False, attachments: tuple[str, ...] = (),
           people: tuple[Person, ...] = (), mime_defects: tuple[str, ...] = ()) -> dict:
    """Build and check one expected.json entry; topic is given by its TOOI label."""
    if kind not in SENDER_KINDS or doc not in DOCUMENT_KINDS or handling not in HANDLINGS:
        raise ValueError(f"unknown code in {kind!r}, {doc!r}, {handling!r}")
    if topic not in TOPIC_BY_LABEL:
        raise ValueError(f"unknown TOOI topic label {topic!r}")
    if (handling == "niet_op_lijst") == on_list:
        raise ValueError(f"on_list={on_list} contradicts handling {handling!r}")
    bad = [s for s in attachments if s not in ATTACHMENT_EXPECTATIONS]
    if bad:
        raise ValueError(f"unknown attachment status {bad}")
    return {
        "sender_organisation": org,
        "sender_name": name,
        "sender_kind": kind,
        "subject": subject,
        "letter_date": letter_date.isoformat(),
        "reference": reference,
        "document_kind": doc,
        "circular": circular,
        "on_list": on_list,
        "topic": TOPIC_BY_LABEL[topic].code,
        "topic_label": topic,
        "handling": handling,
        "forwarded": forwarded,
        "attachment_statuses": list(attachments),
        "personal_data": personal_data(people),
        "mime_defects": list(mime_defects),
    }
