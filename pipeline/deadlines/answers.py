"""The college's answer to a letter handed to it ter afdoening: found by In-Reply-To/References, the letter's
registration number or kenmerk, its subject, or a raadsinformatiebrief naming the letter; it closes the term."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.utils import getaddresses

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from pipeline.deadlines.dutch_dates import dates_in, fold
from pipeline.deadlines.service import close
from pipeline.registry.models import Deadline, Item
from pipeline.registry.view import filed_reference

ANSWERING_SENDERS = ("college",)
ANSWERING_KINDS = ("raadsinformatiebrief",)
REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|antw|aw|fw|fwd|doorst)\s*:\s*|beantwoording\s+(?:van\s+)?|antwoord\s+op\s+|"
                          r"reactie\s+op\s+)+", re.I)
MENTION = re.compile(r"(?:brief|e-?mail|schrijven|verzoek|petitie)\s+(?:van|d\.d\.|gedateerd)\s+", re.I)


def reply_ids(raw: bytes) -> set[str]:
    """The message ids in In-Reply-To and References of a raw message."""
    msg = message_from_bytes(raw, policy=policy.compat32)
    ids: set[str] = set()
    for name in ("In-Reply-To", "References"):
        for value in msg.get_all(name) or []:
            ids.update(re.findall(r"<[^<>\s]+>", str(value)))
    return ids


def _subject_key(subject: str | None) -> str:
    return re.sub(r"\W+", " ", fold(REPLY_PREFIX.sub("", subject or ""))).strip()


@dataclass(frozen=True)
class _Answer:
    """What every candidate letter is compared with, computed once per answer (not once per open term)."""

    item: Item
    ids: frozenset[str]
    text: str  # subject and text
    lowered: str
    folded_text: str  # the text alone, folded (for "uw brief van <datum>")
    subject_key: str

    @classmethod
    def of(cls, answer: Item, ids: set[str]) -> "_Answer":
        text = f"{answer.subject or ''}\n{answer.text or ''}"
        return cls(answer, frozenset(ids), text, text.lower(), fold(answer.text or ""), _subject_key(answer.subject))


def _mentions_letter(answer: _Answer, letter: Item) -> bool:
    """'uw brief van 3 maart 2026' (the letter date or the day received) together with the writer's name or
    organisation in the answer's text."""
    folded = answer.folded_text
    who = [w for w in (letter.sender_organisation, letter.sender_name) if w and len(w) > 3]
    if not any(fold(w) in folded for w in who):
        return False
    days = {d for d in (letter.letter_date, letter.received_at.date()) if d is not None}
    reference = answer.item.letter_date or answer.item.received_at.date()
    for m in MENTION.finditer(folded):
        for start, _end, found in dates_in(folded[m.end():m.end() + 40], reference.replace(year=reference.year - 1)):
            if start == 0 and found in days:
                return True
    return False


def _why(answer: _Answer, letter: Item) -> str | None:
    if letter.message is not None and letter.message.message_id_header in answer.ids:
        return "Het antwoord verwijst in zijn kopregels (In-Reply-To/References) naar het bericht van dit stuk."
    if letter.registration_number in answer.text and re.search(
            rf"(?<![\d-]){re.escape(letter.registration_number)}(?![\d-])", answer.text):
        return f"Het antwoord noemt het registratienummer {letter.registration_number}."
    reference = filed_reference(letter)
    if reference and len(reference) >= 4 and reference.lower() in answer.lowered:
        return f"Het antwoord noemt het kenmerk van de brief ({reference})."
    key = _subject_key(letter.subject)
    if len(key) >= 12 and key in answer.subject_key:
        return f"Het onderwerp van het antwoord noemt het onderwerp van de brief (“{letter.subject}”)."
    if _mentions_letter(answer, letter):
        return "Het antwoord noemt de brief van de schrijver met zijn datum."
    return None


def link_answer(s: Session, answer: Item, raw: bytes | None) -> list[Deadline]:
    """Close every open afdoening term the new item answers; only the college answers (a writer's own follow-up
    does not close his letter). The answer's text is prepared once and each open term's letter and message come
    with the one query: a college item was compared with every open term, each loading its letter, message,
    decisions and meeting apart (issue 13: 5 terms per item after 1,000 messages, 36 ms of 120)."""
    if not answers_letters(answer):
        return []
    prepared = _Answer.of(answer, reply_ids(raw) if raw else set())
    q = (select(Deadline).join(Item, Deadline.item_id == Item.id)
         .where(Deadline.status == "open", Deadline.kind == "afdoening", Item.id != answer.id,
                Item.received_at <= answer.received_at)
         .options(contains_eager(Deadline.item).joinedload(Item.message)).order_by(Deadline.id))
    closed = []
    for d in s.scalars(q).unique():
        reason = _why(prepared, d.item)
        if reason is not None:
            close(s, d, f"Beantwoord door stuk {answer.registration_number}. {reason}", "pipeline", by_item=answer)
            closed.append(d)
    return closed


def answers_letters(item: Item) -> bool:
    """Only the college (or a raadsinformatiebrief) answers a letter handed to it."""
    return item.sender_kind in ANSWERING_SENDERS or item.document_kind in ANSWERING_KINDS


def recipients(raw: bytes) -> list[str]:
    msg = message_from_bytes(raw, policy=policy.compat32)
    return [a for _n, a in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))]
