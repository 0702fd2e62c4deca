"""Intake: raw bytes kept (content-addressed) and a message row committed; from here nothing is lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.errors import MessageError
from email.header import decode_header, make_header
from email.parser import BytesHeaderParser

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from pipeline.arrival import arrival_time
from pipeline.rawstore import RawStore
from pipeline.registry.retry import patiently
from pipeline.records import Locator
from pipeline.registry.models import AuditEntry, Message, MessageLocator
from pipeline.sizes import megabytes


def too_large_reason(size: int, limit: int) -> str:
    return (f"Bericht is te groot ({megabytes(size)}, grens {megabytes(limit)}); het is bewaard maar niet verwerkt.")


@dataclass(frozen=True)
class Accepted:
    message_id: int
    sha256: str
    duplicate: bool
    quarantined: bool = False  # kept, but not to be processed (too large)


def _header_facts(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Message-ID, subject and From, read leniently for the message row (a hint, not the identity)."""
    try:
        head = BytesHeaderParser(policy=policy.compat32).parsebytes(data[:65536])

        def dec(v: object) -> str | None:
            if v is None:
                return None
            try:
                return str(make_header(decode_header(str(v)[:4000])))[:1000]
            except (ValueError, LookupError, UnicodeError, MessageError):  # a broken =?..?= word (found by fuzzing)
                return str(v)[:1000]

        return dec(head.get("Message-ID")), dec(head.get("Subject")), dec(head.get("From"))
    except (ValueError, LookupError, UnicodeError, TypeError, MessageError):
        return None, None, None


class Intake:
    def __init__(self, sessions: sessionmaker, store: RawStore, max_message_bytes: int) -> None:
        self.sessions = sessions
        self.store = store
        self.max_message_bytes = max_message_bytes

    def accept(self, data: bytes, locator: Locator, actor: str = "intake", internaldate: datetime | None = None,
               file_time: datetime | None = None) -> Accepted:
        """Keep the bytes durably, then commit one message row (or note a new locator of a known message).

        internaldate (IMAP) or file_time (a file on disk) tell when the mail arrived (pipeline/arrival.py)."""
        digest = self.store.put(data)
        arrived = arrival_time(data, internaldate, file_time)[0]

        def record() -> Accepted:
            with self.sessions.begin() as s:
                return self._record(s, data, digest, locator, actor, arrived)

        for _ in range(3):
            try:
                return patiently(record, "bericht vastleggen")
            except IntegrityError:
                continue  # another worker recorded the same bytes or locator at the same moment: look again
        return patiently(record, "bericht vastleggen")

    def _record(self, s: Session, data: bytes, digest: str, locator: Locator, actor: str,
                arrived: datetime | None = None) -> Accepted:
        msg = s.scalar(select(Message).where(Message.sha256 == digest))
        if msg is not None:
            known = s.scalar(
                select(MessageLocator).where(MessageLocator.source == locator.source, MessageLocator.ref == locator.ref)
            )
            if known is None:
                s.add(MessageLocator(message_id=msg.id, source=locator.source, ref=locator.ref))
            return Accepted(msg.id, digest, True)
        mid, subject, sender = _header_facts(data)
        msg = Message(
            sha256=digest, size=len(data), source=locator.source, locator=locator.ref,
            message_id_header=mid, subject=subject, from_address=sender, state="received",
        )
        if arrived is not None:
            msg.received_at = arrived
        if len(data) > self.max_message_bytes:
            msg.state = "quarantined"
            msg.last_error = too_large_reason(len(data), self.max_message_bytes)
        s.add(msg)
        s.flush()
        s.add(MessageLocator(message_id=msg.id, source=locator.source, ref=locator.ref))
        s.add(AuditEntry(actor=actor, action="message_received", message_id=msg.id,
                         detail={"source": locator.source, "ref": locator.ref, "sha256": digest}))
        return Accepted(msg.id, digest, False, msg.state == "quarantined")
