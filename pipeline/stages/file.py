"""File: an analysed message becomes an item with a registration number, decisions and attachments."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from pipeline.privacy.detected import record
from pipeline.records import Outcome, Provenance
from pipeline.registry.models import Attachment, AuditEntry, Item, Message
from pipeline.registry.numbering import next_number
from pipeline.registry.truth import ANALYSED_FIELDS, JUDGED_FIELDS, decide


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
        received_at=received, sender_name=a.sender_name, public_label=doc["sender"]["public_label"],
        analysis=doc, text=a.main_text, rule_hits=list(c.rule_hits),
    )
    # Each field's value enters through its own Decision, with the source and reasons of whoever decided it.
    scores = {"topic": c.topic.score if c.topic else None, "handling": c.handling.score}
    values = {
        "sender_kind": c.sender_kind, "document_kind": c.document_kind, "on_list": c.on_list,
        "topic": c.topic.code if c.topic else None, "handling": c.handling.code, "committee": c.committee,
        "sender_organisation": a.sender_organisation, "subject": a.subject, "letter_date": a.letter_date,
        "circular": a.circular,
    }
    for name in JUDGED_FIELDS + ANALYSED_FIELDS:
        how = c.sources.get(name) or a.sources.get(name) or Provenance("default:onbekend")
        decide(item, name, values[name], how.source, how.reasons, score=scores.get(name),
               model_version=c.model_version if how.source.startswith("model:") else None, now=now)
    # What personal-data detection finds is stored once, here in the worker; readers never detect again.
    record(item, message.attachments, a.extracted.parsed)
    s.add(item)
    s.flush()
    message.state = "ignored" if status == "ignored" else "filed"
    message.last_error = None
    message.traceback = None
    s.add(AuditEntry(actor="pipeline", action="item_filed", message_id=message.id, item_id=item.id,
                     detail={"registration_number": item.registration_number, "status": status}))
    return item
