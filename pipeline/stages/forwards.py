"""Inline forwards: find the original's header block (Outlook NL/EN, Gmail, Apple Mail) in a mail body."""

from __future__ import annotations

import re
from email.utils import parseaddr

from pipeline.records import Origin
from pipeline.text.dates import parse_datetime

MARKERS = re.compile(
    r"^[ >]*(?:-{2,}\s*(?:Forwarded message|Doorgestuurd bericht|Original Message|Oorspronkelijk bericht)\s*-{2,}"
    r"|Begin (?:forwarded message|doorgestuurd bericht):)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
FROM_LINE = re.compile(r"^[ >*]*(?:Van|From)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
FIELD = re.compile(
    r"^[ >*]*(Van|From|Verzonden|Sent|Date|Datum|Aan|To|CC|Onderwerp|Subject|Betreft)\s*:\s*(.*)$", re.IGNORECASE
)
KEYS = {
    "van": "from", "from": "from", "verzonden": "date", "sent": "date", "date": "date", "datum": "date",
    "aan": "to", "to": "to", "cc": "cc", "onderwerp": "subject", "subject": "subject", "betreft": "subject",
}


def _header_block(lines: list[str], start: int) -> tuple[dict[str, str], int] | None:
    """Read 'Key: value' lines from start; a block needs From and Subject (and usually a date)."""
    fields: dict[str, str] = {}
    i = start
    last_key = None
    while i < len(lines) and i < start + 14:
        line = lines[i]
        m = FIELD.match(line)
        if m:
            key = KEYS[m.group(1).lower()]
            if key in fields and key != "cc":
                break
            fields[key] = m.group(2).strip()
            last_key = key
        elif not line.strip():
            if "subject" in fields:
                break
        elif last_key in ("to", "cc") and not ":" in line[:20]:
            fields[last_key] += " " + line.strip()  # wrapped address list
        else:
            break
        i += 1
    if "from" in fields and "subject" in fields:
        return fields, i
    return None


def find_inline_forward(text: str) -> tuple[Origin, int] | None:
    """The original message of an inline forward and where its header block starts in text, or None.

    In a chain (a colleague forwards a forward) the original is the deepest header block that names an address:
    the blocks above it are the forwarders' own notes ('Van: Leonie Schreurs ... graag ter kennisname')."""
    found = None
    for origin, start in _header_blocks(text):
        if found is None or origin.from_address:
            found = (origin, start)
    return found


def _header_blocks(text: str):
    """Every inline header block with the message below it, top to bottom."""
    lines = text.splitlines()
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    for n, line in enumerate(lines):
        if MARKERS.match(line) or FROM_LINE.match(line):
            start = n + 1 if MARKERS.match(line) else n
            while start < len(lines) and not lines[start].strip():
                start += 1
            block = _header_block(lines, start)
            if block is None:
                continue
            fields, end = block
            name, addr = parseaddr(fields["from"].replace("[mailto:", "<").replace("]", ">"))
            if not addr and "@" in fields["from"]:
                addr = re.search(r"[\w.+-]+@[\w.-]+", fields["from"]).group(0)
            body = "\n".join(l.lstrip("> ") if l.startswith(">") else l for l in lines[end:]).strip()
            origin = Origin(
                forwarded=True,
                from_name=(name or fields["from"].split("<")[0]).strip().strip('"') or None,
                from_address=addr.lower() or None,
                date=parse_datetime(fields.get("date", "")),
                subject=fields["subject"] or None,
                text=body,
            )
            yield origin, offsets[n]
