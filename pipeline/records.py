"""Typed records that flow between the stages: parse -> extract -> analyse -> classify -> file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class Locator:
    """Where a message came from: enough to find it again (or act on it on an IMAP server)."""

    source: str  # file | maildir | mbox | imap
    ref: str  # path, "path#n" for mbox, or "account/folder/uidvalidity/uid"


@dataclass
class AttachmentPart:
    """One attachment as found in the MIME tree, before any text is taken from it."""

    filename: str | None
    content_type: str
    data: bytes
    inline: bool = False
    depth: int = 0  # 0 = the outer message, 1 = inside an attached message, ...
    cut: str | None = None  # why this part was not read (a Dutch reason), e.g. nested too deep


@dataclass
class Origin:
    """The original message when the received one is a forward (inline or attached)."""

    forwarded: bool
    from_name: str | None = None
    from_address: str | None = None
    date: datetime | None = None
    subject: str | None = None
    text: str = ""  # the original's body text


@dataclass
class ParsedMessage:
    message_id: str | None
    from_name: str | None
    from_address: str | None
    to: list[str]
    cc: list[str]
    date: datetime | None
    subject: str | None
    text: str  # the plain text of the mail body (HTML converted when there is no plain part)
    headers: dict[str, list[str]]  # lower-case header name -> values
    attachments: list[AttachmentPart] = field(default_factory=list)
    origin: Origin | None = None
    defects: list[str] = field(default_factory=list)
    raw_size: int = 0
    notes: list[str] = field(default_factory=list)  # what parsing cut or repaired, in Dutch, for the reasons

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None


ATTACHMENT_STATUSES = ("ok", "ocr", "encrypted", "broken", "too_large", "unsupported", "timeout")


@dataclass
class ExtractedAttachment:
    filename: str | None
    content_type: str
    sha256: str
    size: int
    status: str  # one of ATTACHMENT_STATUSES
    text: str = ""
    first_page_text: str = ""  # the letterhead/date/subject block, layout-aware where possible
    pages: int | None = None
    chars: int = 0
    ocr: bool = False
    error: str | None = None


@dataclass
class Extracted:
    parsed: ParsedMessage
    attachments: list[ExtractedAttachment]


@dataclass
class Provenance:
    """Who decided one field of an item and why (issue 16): stored as that field's Decision.

    `source` is one of: "rule:<name>", "knowledge:<entry>", "model:<name>@<version> <score>", "person:<user>",
    "history:<sender>" (the council's own past lists), "profile:<name>" (the council profile's table),
    "analysis:<step>" (read off the letter by the analyse stage) or "default:<why>" (nothing decided; a fallback).
    """

    source: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class PersonalDataSpan:
    kind: str  # person | email | phone | address | iban | bsn | birthdate
    start: int
    end: int
    source: str  # "body", "origin" or "attachment:<index>"
    text: str


@dataclass
class Analysis:
    """What a person reads off the letter: who, when, what about, to whom."""

    extracted: Extracted
    sender_name: str | None
    sender_address: str | None
    sender_organisation: str | None
    letter_date: date | None
    subject: str | None
    reference: str | None
    addressee: str | None
    circular: bool
    main_text: str  # the letter's text the judgement reads (attachment text first, then body)
    personal_data: list[PersonalDataSpan] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    sender_match: Any = None  # pipeline.rules.knowledge.Match: the knowledge entry the organisation was found as
    organisation_step: str | None = None  # the organisation step that found it (stages/organisation.py)
    sources: dict[str, Provenance] = field(default_factory=dict)  # sender_organisation, subject, letter_date...


@dataclass
class Scored:
    code: str
    score: float


@dataclass
class Classification:
    sender_kind: str
    document_kind: str
    on_list: bool
    topic: Scored | None
    topics: list[Scored]
    handling: Scored
    committee: str | None
    reasons: list[str]
    needs_review: bool
    model_version: str | None = None
    rule_hits: list[str] = field(default_factory=list)
    sources: dict[str, Provenance] = field(default_factory=dict)  # each judged field: who decided it, and why


@dataclass
class Outcome:
    """The whole result of one message through the pipeline (before it is filed)."""

    analysis: Analysis
    classification: Classification
