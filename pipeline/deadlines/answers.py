"""The college's answer to a letter handed to it ter afdoening: found by In-Reply-To/References, the letter's
registration number or kenmerk, its subject, or a raadsinformatiebrief naming the letter; it closes the term."""

from __future__ import annotations

import re
from email import message_from_bytes, policy
from email.utils import getaddresses

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.deadlines.dutch_dates import dates_in, fold
from pipeline.deadlines.service import close
from pipeline.registry.models import Deadline, Item
from pipeline.registry.view import item_view

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


def _mentions_letter(answer: Item, letter: Item) -> bool:
    """'uw brief van 3 maart 2026' (the letter date or the day received) together with the writer's name or
    organisation in the answer's text."""
    text = answer.text or ""
    folded = fold(text)
    who = [w for w in (letter.sender_organisation, letter.sender_name) if w and len(w) > 3]
    if not any(fold(w) in folded for w in who):
        return False
    days = {d for d in (letter.letter_date, letter.received_at.date()) if d is not None}
    reference = answer.letter_date or answer.received_at.date()
    for m in MENTION.finditer(folded):
        for start, _end, found in dates_in(folded[m.end():m.end() + 40], reference.replace(year=reference.year - 1)):
            if start == 0 and found in days:
                return True
    return False


def why_answer(answer: Item, letter: Item, ids: set[str]) -> str | None:
    """The Dutch reason answer answers letter, or None."""
    text = f"{answer.subject or ''}\n{answer.text or ''}"
    if letter.message is not None and letter.message.message_id_header in ids:
        return "Het antwoord verwijst in zijn kopregels (In-Reply-To/References) naar het bericht van dit stuk."
    if re.search(rf"(?<![\d-]){re.escape(letter.registration_number)}(?![\d-])", text):
        return f"Het antwoord noemt het registratienummer {letter.registration_number}."
    reference = item_view(letter).reference
    if reference and len(reference) >= 4 and reference.lower() in text.lower():
        return f"Het antwoord noemt het kenmerk van de brief ({reference})."
    key = _subject_key(letter.subject)
    if len(key) >= 12 and key in _subject_key(answer.subject):
        return f"Het onderwerp van het antwoord noemt het onderwerp van de brief (“{letter.subject}”)."
    if _mentions_letter(answer, letter):
        return "Het antwoord noemt de brief van de schrijver met zijn datum."
    return None


def link_answer(s: Session, answer: Item, raw: bytes | None) -> list[Deadline]:
    """Close every open afdoening term the new item answers; only the college answers (a writer's own follow-up
    does not close his letter)."""
    if answer.sender_kind not in ANSWERING_SENDERS and answer.document_kind not in ANSWERING_KINDS:
        return []
    ids = reply_ids(raw) if raw else set()
    q = (select(Deadline).join(Item, Deadline.item_id == Item.id)
         .where(Deadline.status == "open", Deadline.kind == "afdoening", Item.id != answer.id,
                Item.received_at <= answer.received_at))
    closed = []
    for d in s.scalars(q):
        reason = why_answer(answer, d.item, ids)
        if reason is not None:
            close(s, d, f"Beantwoord door stuk {answer.registration_number}. {reason}", "pipeline", by_item=answer)
            closed.append(d)
    return closed


def recipients(raw: bytes) -> list[str]:
    msg = message_from_bytes(raw, policy=policy.compat32)
    return [a for _n, a in getaddresses(msg.get_all("To", []) + msg.get_all("Cc", []))]
