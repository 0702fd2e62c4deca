"""Past mail read lightly for matching: who, when, about what, and the original's sender when it is a forward.

The full pipeline parser reads attachments and converts HTML (~17 ms a message); matching a mailbox of years needs
only headers and the plain body (~0.3 ms), so RFC 822 mail is read with the standard library here. Outlook .msg
files go through the pipeline's parser, which knows them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from email import message_from_bytes, policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Iterable, Iterator

from pipeline.sources.files import RawMessage, iter_paths
from pipeline.stages.message import parse_any

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
BODY_CHARS = 4000
FORWARD_MARK = re.compile(r"(doorgestuurd bericht|oorspronkelijk bericht|forwarded message|original message)",
                          re.IGNORECASE)
FORWARD_FROM = re.compile(r"^\s*(?:van|from)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
FORWARD_SUBJECT = re.compile(r"^\s*(?:onderwerp|subject)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


@dataclass
class PastMessage:
    message_id: str
    from_name: str
    from_address: str
    sent: date | None
    subject: str
    text: str
    forwarded_from: tuple[str, str] | None = None  # (name, address) of the original when forwarded
    forwarded_subject: str | None = None


def _header(msg, name: str) -> str:
    """A header decoded (RFC 2047) to text; compat32 leaves headers raw, which is ten times faster to parse."""
    value = msg.get(name)
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (LookupError, ValueError, HeaderParseError):  # an unknown charset: the raw text is still useful
        return str(value)


def _body(msg) -> str:
    part = next((p for p in msg.walk() if p.get_content_type() == "text/plain"), None)
    if part is None:
        return ""
    payload = part.get_payload(decode=True) or b""
    try:
        return payload.decode(part.get_content_charset() or "utf-8", errors="replace")[:BODY_CHARS]
    except LookupError:  # unknown charset: read it as Latin-1, the usual culprit
        return payload.decode("latin-1")[:BODY_CHARS]


def _from_rfc822(raw: bytes, locator: str) -> PastMessage:
    msg = message_from_bytes(raw, policy=policy.compat32)
    name, addr = parseaddr(_header(msg, "From"))
    try:
        sent = parsedate_to_datetime(msg["Date"]).date() if msg["Date"] else None
    except (TypeError, ValueError):
        sent = None
    text = _body(msg)
    pm = PastMessage(_header(msg, "Message-ID").strip() or locator, name, addr.lower(), sent,
                     " ".join(_header(msg, "Subject").split()), text)
    mark = FORWARD_MARK.search(text)
    if mark:
        rest = text[mark.end():]
        f = FORWARD_FROM.search(rest)
        if f:
            pm.forwarded_from = tuple(x.lower() if i else x for i, x in enumerate(parseaddr(f.group(1))))
        s = FORWARD_SUBJECT.search(rest)
        pm.forwarded_subject = s.group(1).strip() if s else None
    return pm


def _from_msg(raw: bytes, locator: str) -> PastMessage:
    p = parse_any(raw, 3)
    pm = PastMessage(p.message_id or locator, p.from_name or "", (p.from_address or "").lower(),
                     p.date.date() if p.date else None, p.subject or "", p.text[:BODY_CHARS])
    if p.origin and p.origin.forwarded:
        pm.forwarded_from = (p.origin.from_name or "", (p.origin.from_address or "").lower())
        pm.forwarded_subject = p.origin.subject
    return pm


def letter_start(pm: PastMessage, chars: int = 200) -> str:
    """The first words of the letter itself: below the forwarded header lines when it is a forward. The start, not
    the end: the end of mail from one organisation is the same signature and disclaimer every time."""
    text = pm.text
    mark = FORWARD_MARK.search(text) if pm.forwarded_from else None
    if mark:
        rest = text[mark.end():]
        gap = re.search(r"\n\s*\n", rest)
        text = rest[gap.end():] if gap else rest
    return " ".join(text.split())[:chars]


def read_raw(raws: Iterable[RawMessage]) -> Iterator[PastMessage]:
    for raw in raws:
        data = raw.data
        yield _from_msg(data, raw.locator.ref) if data.startswith(OLE_MAGIC) else _from_rfc822(data, raw.locator.ref)


def read_mailbox(paths: list[Path]) -> Iterator[PastMessage]:
    """Every message under paths (Maildir, mbox, .eml/.msg files or folders of them)."""
    return read_raw(iter_paths(paths))
