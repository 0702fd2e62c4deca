"""SQLAlchemy 2 typed models of the registry. Schema changes go through Alembic migrations only."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON, BigInteger, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, TypeDecorator, UniqueConstraint,
    Index, false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every backend (SQLite gives naive values back, PostgreSQL aware ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    pass


class Message(Base):
    """One kept message, known by the sha256 of its raw bytes."""

    __tablename__ = "messages"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # first source: file | maildir | mbox | imap
    locator: Mapped[str] = mapped_column(Text)  # first locator
    message_id_header: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    from_address: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(16), default="received", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    traceback: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    locators: Mapped[list[MessageLocator]] = relationship(back_populates="message", cascade="all, delete-orphan")
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="message", cascade="all, delete-orphan", order_by="Attachment.position"
    )
    item: Mapped[Item | None] = relationship(back_populates="message", uselist=False)


class MessageLocator(Base):
    """Every place a message was seen (the same bytes may arrive twice); IMAP actions use these."""

    __tablename__ = "message_locators"
    __table_args__ = (UniqueConstraint("source", "ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(16))
    ref: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    server_action: Mapped[str | None] = mapped_column(String(16))  # done: moved | keyword | deleted | none
    message: Mapped[Message] = relationship(back_populates="locators")


class Attachment(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    filename: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(128))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[int | None] = mapped_column(Integer)
    chars: Mapped[int] = mapped_column(Integer, default=0)
    ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[Message] = relationship(back_populates="attachments")


class Meeting(Base):
    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    body: Mapped[str] = mapped_column(String(64), default="raad")
    title: Mapped[str | None] = mapped_column(Text)
    cutoff_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | vastgesteld
    adopted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    adopted_by: Mapped[str | None] = mapped_column(String(128))
    # Released to the public before adoption by an explicit act of the griffier: the items released then.
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_by: Mapped[str | None] = mapped_column(String(128))
    published_items: Mapped[list[int] | None] = mapped_column(JSON)
    items: Mapped[list[Item]] = relationship(back_populates="meeting")


class Item(Base):
    """A filed incoming document with its current proposal; decisions keep the history and reasons."""

    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("year", "seq"),
        # Covering index for the inbox's filters, counts and sort (migration 0005).
        Index("ix_items_inbox", "status", "topic_code", "handling_code", "sender_kind", "committee", "meeting_id",
              "assigned_to", "received_at", "message_id", "year", "seq"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    registration_number: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    letter_date: Mapped[date | None] = mapped_column(Date)
    subject: Mapped[str | None] = mapped_column(Text)
    sender_name: Mapped[str | None] = mapped_column(Text)
    sender_organisation: Mapped[str | None] = mapped_column(Text)
    sender_kind: Mapped[str] = mapped_column(String(32))
    public_label: Mapped[str] = mapped_column(Text)
    document_kind: Mapped[str] = mapped_column(String(32))
    circular: Mapped[bool] = mapped_column(Boolean, default=False)
    on_list: Mapped[bool] = mapped_column(Boolean, default=True)
    topic_code: Mapped[str | None] = mapped_column(String(16))
    handling_code: Mapped[str] = mapped_column(String(32))
    committee: Mapped[str | None] = mapped_column(Text)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    meeting_pinned: Mapped[bool] = mapped_column(Boolean, default=False)  # moved by hand: cut-off no longer applies
    list_number: Mapped[int | None] = mapped_column(Integer)
    # The docs/architecture.md contract as filed, never edited after: the current value of a field is its latest
    # Decision (the columns above are that value's cached copy, written by registry/truth.py) - issue 16.
    analysis: Mapped[dict[str, Any]] = mapped_column(JSON)
    rule_hits: Mapped[list[str] | None] = mapped_column(JSON)  # every rule that fired, in chain order (None: pre-0007)
    text: Mapped[str] = mapped_column(Text, default="")  # the letter text the judgement read
    # What personal-data detection found in the item's texts, stored at filing (privacy/detected.py); NULL or an
    # older detector's version: not yet scanned, queued for the worker and not publishable (migration 0009).
    # Deferred: read only by public outputs and the item page (a list of 10,000 items does not decode them).
    personal_data: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    personal_data_version: Mapped[int | None] = mapped_column(Integer)
    reviewed_by: Mapped[str | None] = mapped_column(String(128))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assigned_to: Mapped[str | None] = mapped_column(String(128), index=True)  # a colleague's user name
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    message: Mapped[Message] = relationship(back_populates="item")
    meeting: Mapped[Meeting | None] = relationship(back_populates="items")
    decisions: Mapped[list[Decision]] = relationship(
        back_populates="item", cascade="all, delete-orphan", order_by="Decision.id"
    )
    privacy_verdicts: Mapped[list[PrivacyVerdict]] = relationship(
        cascade="all, delete-orphan", order_by="PrivacyVerdict.id"
    )


class ItemRow:
    """The key of a row that belongs to one item and goes with it (decisions, amendments, notes, verdicts, terms)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)


class FieldChange(ItemRow):
    """A row about one field of one item (a Decision, an Amendment)."""

    field: Mapped[str] = mapped_column(String(32))


class Decision(FieldChange, Base):
    """One proposal or correction for one field of an item, with its reasons and score."""

    __tablename__ = "decisions"
    value: Mapped[str | None] = mapped_column(Text)
    score: Mapped[float | None] = mapped_column(Float)
    # rule:<name> | knowledge:<entry> | model:<name>@<version> <score> | person:<user> | history:<sender> |
    # profile:<name> | analysis:<step> | default:<why> (records.Provenance); before 0007: pipeline | assistant | griffier
    source: Mapped[str] = mapped_column(String(255))
    model_version: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    actor: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    item: Mapped[Item] = relationship(back_populates="decisions")


class Counter(Base):
    """Running numbers (registration per year, list numbers per series), taken under a row lock."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[int | None] = mapped_column(Integer, index=True)
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # assistent | griffier | lezer
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Raised on logout, password change, role change and disabling: a session cookie carries the version it
    # was made with, and an older version no longer counts (server-side revocation of every session).
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ItemNote(ItemRow, Base):
    """An internal note on an item by a colleague; never in a public output."""

    __tablename__ = "item_notes"
    author: Mapped[str] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LoginThrottle(Base):
    """Failed logins per key ("account:<name>" or "address:<ip>") and until when the next try must wait."""

    __tablename__ = "login_throttle"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ImapState(Base):
    """Per account and folder: where the last poll got to and what went wrong (shown by `status`)."""

    __tablename__ = "imap_state"
    __table_args__ = (UniqueConstraint("account", "folder"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    account: Mapped[str] = mapped_column(String(128))
    folder: Mapped[str] = mapped_column(Text)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int] = mapped_column(BigInteger, default=0)
    last_poll_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    backlog: Mapped[int] = mapped_column(Integer, default=0)


class ListSnapshot(Base):
    """The frozen lijst ingekomen stukken of an adopted meeting: rows as adopted, and the decisions taken."""

    __tablename__ = "list_snapshots"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), unique=True)
    profile: Mapped[str] = mapped_column(String(64))
    adopted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    adopted_by: Mapped[str] = mapped_column(String(128))
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # one dict per item, both sender versions
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # pulled items, changed handling


class Amendment(FieldChange, Base):
    """A change to an item after its list was adopted: recorded, never a silent edit of the frozen list."""

    __tablename__ = "amendments"
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PrivacyVerdict(ItemRow, Base):
    """A reviewer's verdict on one detected (or missed) personal-data string of an item: `geen` (not personal
    data: the public outputs may show it) or `wel` (personal data: never shown, even when detection misses it)."""

    __tablename__ = "privacy_verdicts"
    __table_args__ = (UniqueConstraint("item_id", "key"),)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)  # the guard's normalised form of text
    verdict: Mapped[str] = mapped_column(String(16))  # geen | wel
    actor: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Deadline(ItemRow, Base):
    """A term the griffie must not miss: a zienswijze the letter asks for by a date, or the college's answer to a
    letter handed to it ter afdoening. Closed by the answer (linked item) or by hand, never deleted."""

    __tablename__ = "deadlines"
    __table_args__ = (UniqueConstraint("item_id", "kind"),)
    kind: Mapped[str] = mapped_column(String(16))  # zienswijze | afdoening
    due_date: Mapped[date] = mapped_column(Date, index=True)  # the last day still in time
    reason: Mapped[str] = mapped_column(Text)  # the sentence of the letter, or the profile's term
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | closed
    warning: Mapped[str | None] = mapped_column(Text)  # the next meeting falls after the due date
    closed_by_item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))
    closed_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    item: Mapped[Item] = relationship(foreign_keys="Deadline.item_id")
    closed_by: Mapped[Item | None] = relationship(foreign_keys="Deadline.closed_by_item_id")


class Acknowledgement(Base):
    """An acknowledgement of receipt to a writer: drafted, queued, sent by the worker (raw kept) or skipped."""

    __tablename__ = "acknowledgements"
    id: Mapped[int] = mapped_column(primary_key=True)
    # one per item, held by the database: two passes planning at once cannot both queue one (migration 0007)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True, unique=True)
    recipient: Mapped[str] = mapped_column(Text, index=True)
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), index=True)  # draft | queued | sent | failed | skipped
    reason: Mapped[str | None] = mapped_column(Text)  # why it was drafted, skipped or failed (Dutch)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    raw_sha256: Mapped[str | None] = mapped_column(String(64))  # the mail as sent, in the raw store
    message_id_header: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    item: Mapped[Item] = relationship()
