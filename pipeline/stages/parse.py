"""Parse: the MIME tree into a ParsedMessage (bodies, attachments, forwarded originals), leniently."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime

import mailparser

from pipeline.records import AttachmentPart, Origin, ParsedMessage
from pipeline.stages.headers import (HEADER_BUDGET, MAX_HEADER_BYTES, MAX_HEADERS, SMALL_HEADER, BoundedPolicy,
                                     HeaderBudget, cut_headers)
from pipeline.stages.forwards import find_inline_forward
from pipeline.text.charset import decode_body
from pipeline.text.html import html_to_text

FORWARD_SUBJECT = re.compile(r"^\s*((fw|fwd|doorgestuurd|tr|wg)\s*:\s*)+", re.IGNORECASE)
FORWARD_MARKER = re.compile(
    r"^[ >]*(?:-{2,}\s*(?:Forwarded message|Doorgestuurd bericht)\s*-{2,}|Begin (?:forwarded message|doorgestuurd bericht):)",
    re.IGNORECASE | re.MULTILINE)
REPLY_PREFIX = re.compile(r"^\s*((fw|fwd|re|aw|antw|doorgestuurd|tr|wg)\s*:\s*)+", re.IGNORECASE)


MAX_PARTS = 1000  # MIME parts read per message; more is hostile (or broken), the rest is said, not read
MAILPARSER_MAX_BYTES = 5_000_000  # above this mail-parser's second opinion on defects costs seconds
MAX_DELIMITER_LINES = 2 * MAX_PARTS  # lines starting with "--", counted before parsing (the parser is not bounded)


class ParseError(ValueError):
    """The bytes are not a message we can read at all."""


def clean_subject(subject: str | None) -> str | None:
    if not subject:
        return None
    cleaned = REPLY_PREFIX.sub("", subject).strip()
    return cleaned or None


def _header_str(msg: EmailMessage, name: str) -> str | None:
    """A decoded header value; a header the policy cannot parse falls back to its raw text."""
    try:
        value = msg.get(name)
    except (ValueError, IndexError, TypeError, AttributeError):
        value = next((v for k, v in msg.raw_items() if k.lower() == name.lower()), None)
    return None if value is None else str(value)[: getattr(msg.policy, "max_header_bytes", MAX_HEADER_BYTES)]


def _headers(msg: EmailMessage, max_headers: int, notes: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    items = list(msg.raw_items())
    if len(items) > max_headers:
        notes.append(f"bericht heeft {len(items)} kopregels; alleen de eerste {max_headers} zijn gelezen "
                     "(het origineel is bewaard)")
        items = items[:max_headers]
    for key, value in items:
        try:
            text = str(msg.policy.header_fetch_parse(key, value))  # cut by BoundedPolicy when too long
        except (ValueError, IndexError, TypeError, AttributeError):
            text = str(value)[: getattr(msg.policy, "max_header_bytes", MAX_HEADER_BYTES)]
        out.setdefault(key.lower(), []).append(text)
    return out


def _addresses(values: list[str]) -> list[str]:
    return [addr.lower() for _, addr in getaddresses(values) if addr]


def _date(msg: EmailMessage) -> datetime | None:
    raw = msg.get("Date", failobj=None) if "Date" in msg else None
    if raw is None:
        return None
    try:
        d = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    return d.replace(tzinfo=timezone.utc) if d.tzinfo is None else d


def _decode_text(part: EmailMessage, notes: list[str]) -> str:
    payload = part.get_payload(decode=True)
    if payload is None:  # a multipart/* without boundary: its body is a string, not parts
        raw = part.get_payload()
        payload = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""
    try:
        declared = part.get_content_charset()
    except (ValueError, LookupError, UnicodeError):
        declared = None
    text, note = decode_body(payload, declared)
    if note:
        notes.append(note)
    return text


def _filename(part: EmailMessage) -> str | None:
    try:
        name = part.get_filename()
    except (ValueError, IndexError, TypeError):
        name = None
    return name.strip() if name else None


@dataclass(frozen=True)
class _Limits:
    max_depth: int
    max_header_bytes: int
    max_headers: int


def parse_message(raw: bytes, max_depth: int = 5, max_header_bytes: int = MAX_HEADER_BYTES,
                  max_headers: int = MAX_HEADERS) -> ParsedMessage:
    """Parse raw bytes; defects are recorded, not raised. Raises ParseError only for non-messages."""
    if not raw.strip():
        raise ParseError("Het bericht is leeg.")
    delimiters = raw.count(b"\n--")
    if delimiters > MAX_DELIMITER_LINES:  # tens of thousands of MIME parts: no letter looks like that
        raise ParseError(f"Het bericht heeft {delimiters} MIME-grenzen (meer dan {MAX_DELIMITER_LINES}); het is "
                         "bewaard maar niet verwerkt.")
    budget = HeaderBudget(HEADER_BUDGET)
    bounded = BoundedPolicy().clone(max_header_bytes=max_header_bytes, budget=budget)
    msg = BytesParser(policy=bounded).parsebytes(raw)
    if not msg.keys():
        raise ParseError("Het bericht heeft geen kopregels; het is geen e-mailbericht.")
    parsed = _parse_tree(msg, 0, _Limits(max_depth, max_header_bytes, max_headers))
    if budget.spent_out:
        parsed.notes.append(f"de kopregels zijn samen erg lang; latere kopregels zijn na {SMALL_HEADER} tekens "
                            "ingekort (het origineel is bewaard)")
    parsed.raw_size = len(raw)
    parsed.defects = sorted(set(parsed.defects) | _mailparser_defects(raw))
    automated = msg.get_content_type() == "multipart/report"
    if automated:
        parsed.origin = None  # a bounce carries the returned message: that is not a forward
    elif parsed.origin is None and (FORWARD_SUBJECT.match(parsed.subject or "") or FORWARD_MARKER.search(parsed.text)):
        inline = find_inline_forward(parsed.text)
        if inline is not None:
            parsed.origin = inline[0]
    return parsed


def _mailparser_defects(raw: bytes) -> set[str]:
    """mail-parser's view of the defects (it also checks header encodings the stdlib accepts silently).
    It parses the whole message again, unbounded: a large one gets the stdlib's view only."""
    if len(raw) > MAILPARSER_MAX_BYTES:
        return set()
    logging.getLogger("mailparser").setLevel(logging.ERROR)  # its notices on unhandled parts go to our defects

    try:
        return set(mailparser.parse_from_bytes(raw).defects_categories)
    except Exception as e:  # a second opinion only: its own bugs on hostile input (found by fuzzing) are a defect
        return {f"MailParserError:{type(e).__name__}"}


def _parse_tree(msg: EmailMessage, depth: int, limits: _Limits) -> ParsedMessage:
    notes: list[str] = []
    cut_headers(msg, limits.max_header_bytes, notes)
    from_name, from_addr = parseaddr(_header_str(msg, "From") or "")
    plain: list[str] = []
    html: list[str] = []
    attachments: list[AttachmentPart] = []
    defects = [type(d).__name__ for d in msg.defects]
    attached: list[ParsedMessage] = []
    for n, part in enumerate(_walk_own(msg)):
        if n == MAX_PARTS:
            notes.append(f"bericht heeft meer dan {MAX_PARTS} MIME-delen; de rest is niet gelezen "
                         "(het origineel is bewaard)")
            break
        defects.extend(type(d).__name__ for d in part.defects if part is not msg)
        ctype = part.get_content_type()
        if part.is_multipart():
            continue
        if ctype.startswith("multipart/"):  # no boundary: the parts cannot be told apart, the text is kept
            plain.append(_decode_text(part, notes))
            notes.append(f"MIME-deel {ctype} zonder grens (boundary): de inhoud is als tekst bewaard")
            continue
        if ctype == "message/rfc822" or (ctype.startswith("message/") and ctype != "message/delivery-status"):
            continue  # handled below via iter_attachments on the container
        disposition = part.get_content_disposition()
        filename = _filename(part)
        if ctype in ("text/plain", "text/html", "message/delivery-status", "text/rfc822-headers") and (
            disposition != "attachment" and not filename
        ):
            (html if ctype == "text/html" else plain).append(_decode_text(part, notes))
            continue
        data = part.get_payload(decode=True)
        if data is None:
            data = part.get_payload().encode("utf-8", "replace") if isinstance(part.get_payload(), str) else b""
        attachments.append(AttachmentPart(filename, ctype, data, disposition == "inline", depth))
    for part in _rfc822_parts(msg):
        inner = part.get_payload()
        inner_msg = inner[0] if isinstance(inner, list) and inner else None
        if inner_msg is None:
            defects.append("EmptyAttachedMessage")
            continue
        if depth + 1 > limits.max_depth:
            defects.append("NestingTooDeep")
            reason = (f"doorgestuurd bericht op niveau {depth + 1} is te diep genest (meer dan {limits.max_depth} "
                      "niveaus) en niet gelezen; het origineel is bewaard")
            notes.append(reason)
            attachments.append(AttachmentPart(_filename(part) or "doorgestuurd-bericht.eml", "message/rfc822",
                                              _message_bytes(inner_msg), depth=depth + 1, cut=reason))
            continue
        attached.append(_parse_tree(inner_msg, depth + 1, limits))
    text = "\n\n".join(t.strip() for t in plain if t.strip())
    if not text and html:
        text = "\n\n".join(html_to_text(h) for h in html)
    parsed = ParsedMessage(
        message_id=(_header_str(msg, "Message-ID") or "").strip() or None,
        from_name=from_name or None,
        from_address=from_addr.lower() or None,
        to=_addresses([_header_str(msg, "To") or ""]) if "To" in msg else [],
        cc=_addresses([_header_str(msg, "Cc") or ""]) if "Cc" in msg else [],
        date=_date(msg),
        subject=_header_str(msg, "Subject"),
        text=text,
        headers=_headers(msg, limits.max_headers, notes),
        attachments=attachments,
        defects=sorted(set(defects)),
    )
    for inner in attached:
        parsed.attachments.extend(inner.attachments)
        parsed.defects.extend(d for d in inner.defects if d not in parsed.defects)
        notes.extend(n for n in inner.notes if n not in notes)
    parsed.notes = list(dict.fromkeys(notes))
    if attached:
        first = attached[0]
        original = first.origin if first.origin is not None else Origin(
            forwarded=True, from_name=first.from_name, from_address=first.from_address, date=first.date,
            subject=first.subject, text=first.text,
        )
        original.forwarded = True
        parsed.origin = original
    return parsed


def _message_bytes(msg: EmailMessage) -> bytes:
    """The bytes of an attached message that is not read (kept with its attachment record)."""
    try:
        return msg.as_bytes(policy=policy.compat32)
    except (RecursionError, ValueError, TypeError, LookupError, UnicodeError):
        return b""  # the kept original still holds it


def _walk_own(msg: EmailMessage):
    """Like msg.walk(), but does not descend into attached messages (they are parsed on their own)."""
    yield msg
    if msg.is_multipart() and msg.get_content_type() != "message/rfc822":
        payload = msg.get_payload()
        if isinstance(payload, list):
            for sub in payload:
                yield from _walk_own(sub)


def _rfc822_parts(msg: EmailMessage) -> list[EmailMessage]:
    found = []
    stack = [msg]
    while stack:
        node = stack.pop(0)
        if node.get_content_type() == "message/rfc822":
            found.append(node)
            continue
        if node.is_multipart():
            payload = node.get_payload()
            if isinstance(payload, list):
                stack.extend(payload)
    return found
