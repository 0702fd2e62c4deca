"""What personal-data detection found in one item, found once and stored with the item (issue 16).

Detection runs when an item is filed (stages/file.py), again for the subject when a person corrects it
(review.py), and for items filed before migration 0009 (or by an older DETECTOR_VERSION) in the worker's pass
(`scan_pending`). Every reader - public lists and pages, redacted documents, the review page, `privacy` - reads
the stored spans (pipeline/publication/forbidden.py) and never runs the detector inside a request; an item
without them is not publishable until the worker has scanned it.

Stored per item (Item.personal_data, JSON; spans as [kind, start, end, source, text]):
  letter       detect() over the letter text the judgement read (Item.text)
  attachments  [[position, spans], ...] over each attachment's text, in position order
  filenames    {position: spans} over each attachment's file name (shown, redacted, on the public page)
  subject      {"text": the subject scanned, "spans": ...}
  mail         spans over the mail body and the forwarded original (null: the kept message could not be read)
  people       [[display name, address], ...] of the mail's From and the forwarded original's From
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker, selectinload

from pipeline.privacy.detect import detect
from pipeline.rawstore import RawStore
from pipeline.records import ParsedMessage, PersonalDataSpan
from pipeline.registry.models import Attachment, Item, Message
from pipeline.stages.message import parse_any

DETECTOR_VERSION = 1  # raise it when detection changes: every item is scanned again by the worker
SCAN_BATCH = 200  # items per transaction of the worker's pass
log = logging.getLogger(__name__)


def _found(text: str | None, source: str) -> list[list[Any]]:
    return [[sp.kind, sp.start, sp.end, sp.source, sp.text] for sp in detect(text or "", source)]


def spans_of(stored: Iterable[list[Any]]) -> list[PersonalDataSpan]:
    return [PersonalDataSpan(kind, start, end, source, text) for kind, start, end, source, text in stored]


def scanned(text: str | None, subject: str | None, attachments: Iterable[Attachment],
            parsed: ParsedMessage | None) -> dict[str, Any]:
    """The stored detection of an item with this letter text, subject, attachments and parsed mail (None: the
    kept message could not be read; its body and From are then unknown)."""
    attachments = sorted(attachments, key=lambda a: a.position)
    mail: list[list[Any]] | None = None
    people: list[list[str | None]] = []
    if parsed is not None:
        mail = _found(parsed.text, "body")
        people.append([parsed.from_name, parsed.from_address])
        if parsed.origin is not None:
            people.append([parsed.origin.from_name, parsed.origin.from_address])
            if parsed.origin.text:
                mail += _found(parsed.origin.text, "origin")
    return {
        "letter": _found(text, "body"),
        "attachments": [[a.position, _found(a.text, f"attachment:{a.position}")] for a in attachments if a.text],
        "filenames": {str(a.position): _found(a.filename, "body") for a in attachments if a.filename},
        "subject": {"text": subject, "spans": _found(subject, "body")},
        "mail": mail, "people": people,
    }


def record(item: Item, attachments: Iterable[Attachment], parsed: ParsedMessage | None) -> None:
    """Store what detection finds in item (at filing, or by the worker's pass)."""
    item.personal_data = scanned(item.text, item.subject, attachments, parsed)
    item.personal_data_version = DETECTOR_VERSION


def rescan_subject(item: Item) -> None:
    """A person corrected the subject: detection over the new one (a short text; the rest stays as stored)."""
    if item.personal_data is None:
        return  # not scanned yet: the worker's pass reads the current subject
    data = dict(item.personal_data)
    data["subject"] = {"text": item.subject, "spans": _found(item.subject, "body")}
    item.personal_data = data


def pending(s: Session, limit: int) -> list[Item]:
    """Items whose stored detection is missing or was made by an older detector."""
    q = (select(Item).where(or_(Item.personal_data_version.is_(None), Item.personal_data_version != DETECTOR_VERSION))
         .order_by(Item.id).limit(limit)
         .options(selectinload(Item.message).selectinload(Message.attachments)))
    return list(s.scalars(q))


def scan_pending(sessions: sessionmaker, store: RawStore, max_nesting_depth: int) -> int:
    """The worker's pass: scan every item that waits for it (the queue is the items without a current scan)."""
    done = 0
    while True:
        with sessions.begin() as s:
            items = pending(s, SCAN_BATCH)
            for item in items:
                record(item, item.message.attachments, _parsed(store, item, max_nesting_depth))
            done += len(items)
        if len(items) < SCAN_BATCH:
            return done


def _parsed(store: RawStore, item: Item, max_nesting_depth: int) -> ParsedMessage | None:
    """The kept mail parsed as publication reads it; None (and a log line) when it cannot be read."""
    try:
        return parse_any(store.get(item.message.sha256), max_nesting_depth)
    except Exception as exc:  # a missing or unreadable raw file must not stop the pass for the other items
        log.warning("stuk %s: het bewaarde bericht kon niet gelezen worden voor de controle op persoonsgegevens "
                    "(%s)", item.registration_number, exc)
        return None
