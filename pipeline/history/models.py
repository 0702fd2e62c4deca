"""Registry tables of imported history: the list files read, their entries, and past messages paired with them.

Internal only: nothing here is published (the web's public pages and the list renderers never read these tables).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pipeline.registry.models import Base, UTCDateTime, utcnow


class HistoryImport(Base):
    """One list file read by `griffiepost history import` (known by its sha256: a file is read once)."""

    __tablename__ = "history_imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    profile: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    layout: Mapped[str] = mapped_column(String(32))
    meeting_date: Mapped[date | None] = mapped_column(Date)
    entries: Mapped[int] = mapped_column(Integer)
    problems: Mapped[list] = mapped_column(JSON, default=list)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(128))


class HistoryEntry(Base):
    """One line of a past list, in the council's words, with the canonical handling when the mapping knows it."""

    __tablename__ = "history_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("history_imports.id", ondelete="CASCADE"), index=True)
    profile: Mapped[str] = mapped_column(String(64), index=True)
    meeting_date: Mapped[date | None] = mapped_column(Date, index=True)
    number: Mapped[str] = mapped_column(String(64))
    letter_date: Mapped[date | None] = mapped_column(Date)
    sender: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    handling_text: Mapped[str] = mapped_column(Text)
    handling_code: Mapped[str | None] = mapped_column(String(32))
    committee: Mapped[str | None] = mapped_column(Text)
    source_file: Mapped[str] = mapped_column(Text)
    source_page: Mapped[int] = mapped_column(Integer)


class HistoryMatch(Base):
    """A past message paired with an entry by `griffiepost history match`, with its score and its text."""

    __tablename__ = "history_matches"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("history_entries.id", ondelete="CASCADE"), unique=True)
    message_id: Mapped[str] = mapped_column(Text)  # the Message-ID header (or the file's locator without one)
    from_address: Mapped[str | None] = mapped_column(Text)
    sent: Mapped[date | None] = mapped_column(Date)
    subject: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float] = mapped_column(Float)
    matched_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
