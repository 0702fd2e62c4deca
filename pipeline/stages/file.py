"""File: an analysed message becomes an item with a registration number, decisions and attachments."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from pipeline.records import Outcome
from pipeline.registry.models import Attachment, AuditEntry, Decision, Item, Message
from pipeline.registry.numbering import next_number


def item_status(outcome: Outcome) -> str:
    c = outcome.classification
    if c.document_kind == "automatisch":
        return "ignored"
    return "needs_review" if c.needs_review else "triaged"


def file_outcome(s: Session, message: Message, outcome: Outcome, doc: dict[str, Any],
                 now: datetime | None = None) -> Item:
    """Create the item for message (once: items.message_id is unique) inside the caller's transaction."""
    now = now or datetime.now(timezone.utc)
    a, c = outcome.analysis, outcome.classification
    for pos, x in enumerate(a.extracted.attachments):
        message.attachments.append(Attachment(
            position=pos, filename=x.filename, content_type=x.content_type, sha256=x.sha256, size=x.size,
            status=x.status, error=x.error, pages=x.pages, chars=x.chars, ocr=x.ocr, text=x.text,
        ))
    received = message.received_at or now
    year = received.year  # the year the mail arrived, not the year it was ingested
    seq = next_number(s, f"registration-{year}")
    status = item_status(outcome)
    item = Item(
        message_id=message.id, year=year, seq=seq, registration_number=f"{year}-{seq:04d}", status=status,
        received_at=received, letter_date=a.letter_date, subject=a.subject,
        sender_name=a.sender_name, sender_organisation=a.sender_organisation, sender_kind=c.sender_kind,
        public_label=doc["sender"]["public_label"], document_kind=c.document_kind, circular=a.circular,
        on_list=c.on_list, topic_code=c.topic.code if c.topic else None, handling_code=c.handling.code,
        committee=c.committee, analysis=doc, text=a.main_text,
    )
    s.add(item)
    s.flush()
    fields = {
        "sender_kind": (c.sender_kind, None), "document_kind": (c.document_kind, None),
        "on_list": ("true" if c.on_list else "false", None),
        "topic": (c.topic.code if c.topic else None, c.topic.score if c.topic else None),
        "handling": (c.handling.code, c.handling.score), "committee": (c.committee, None),
    }
    for name, (value, score) in fields.items():
        s.add(Decision(item_id=item.id, field=name, value=value, score=score, source="pipeline",
                       model_version=c.model_version, reasons=list(c.reasons)))
    message.state = "ignored" if status == "ignored" else "filed"
    message.last_error = None
    message.traceback = None
    s.add(AuditEntry(actor="pipeline", action="item_filed", message_id=message.id, item_id=item.id,
                     detail={"registration_number": item.registration_number, "status": status}))
    return item
