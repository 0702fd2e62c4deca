"""A MIME message or an Outlook .msg file, read into the same ParsedMessage (the first stage of every caller)."""

from __future__ import annotations

from pipeline.extract import ExtractLimits, read_msg
from pipeline.records import ParsedMessage
from pipeline.stages.parse import parse_message

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def parse_any(raw: bytes, max_depth: int, limits: ExtractLimits = ExtractLimits(), max_header_bytes: int = 8192,
              max_headers: int = 500) -> ParsedMessage:
    """A MIME message, or an Outlook .msg file (read in the extraction child) turned into the same record."""
    if raw.startswith(OLE_MAGIC):
        m = read_msg(raw, limits)
        return ParsedMessage(
            message_id=None, from_name=m.sender_name, from_address=(m.sender_address or "").lower() or None,
            to=m.to, cc=m.cc, date=m.date, subject=m.subject, text=m.body, headers={},
            attachments=m.attachments, raw_size=len(raw),
        )
    return parse_message(raw, max_depth=max_depth, max_header_bytes=max_header_bytes, max_headers=max_headers)
