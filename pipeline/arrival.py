"""When a message arrived: the IMAP server's INTERNALDATE, else the top Received header, else the file's time.

The registry used the moment of ingest, so a letter of 2025 ingested in 2026 read "ontvangen 2026" and got a 2026
number. A person means the moment the mail reached the griffie.
"""

from __future__ import annotations

from datetime import datetime, timezone
from email import policy
from email.parser import BytesHeaderParser
from email.utils import parsedate_to_datetime


def utc(value: datetime) -> datetime:
    """Aware UTC; a naive value is taken as this machine's local time (imapclient normalises to that)."""
    return value.astimezone(timezone.utc) if value.tzinfo else value.astimezone().astimezone(timezone.utc)


def top_received(data: bytes) -> datetime | None:
    """The date of the first (newest, added by our own server) Received header: the part after the last ';'."""
    try:
        head = BytesHeaderParser(policy=policy.compat32).parsebytes(data[:65536])
        values = head.get_all("Received") or []
    except (ValueError, LookupError, UnicodeError, TypeError):
        return None
    for value in values[:1]:
        stamp = str(value).rsplit(";", 1)[-1].strip() if ";" in str(value) else ""
        try:
            return utc(parsedate_to_datetime(stamp)) if stamp else None
        except (TypeError, ValueError, IndexError):
            return None
    return None


def arrival_time(data: bytes, internaldate: datetime | None = None, file_time: datetime | None = None,
                 now: datetime | None = None) -> tuple[datetime, str]:
    """(moment, how it was known): 'imap', 'received', 'file' or 'ingest' (nothing better was there)."""
    if internaldate is not None:
        return utc(internaldate), "imap"
    received = top_received(data)
    if received is not None:
        return received, "received"
    if file_time is not None:
        return utc(file_time), "file"
    return now or datetime.now(timezone.utc), "ingest"
