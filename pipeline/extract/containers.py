"""What a .msg or winmail.dat holds, as records: the extraction child reads them (extract/outlook.py) and sends
these back; the main process needs only this module, not extract_msg or tnefparse."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from pipeline.records import AttachmentPart


@dataclass
class OutlookMessage:
    """What the lead needs to build a ParsedMessage from a top-level .msg file."""

    subject: str | None
    sender_name: str | None
    sender_address: str | None
    to: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    date: datetime | None = None
    body: str = ""  # plain text body (from HTML or RTF when there is no plain body)
    html: str | None = None  # the HTML body as sent, if any
    attachments: list[AttachmentPart] = field(default_factory=list)


@dataclass
class TnefContent:
    subject: str | None
    body: str
    attachments: list[AttachmentPart]
