"""Outlook containers: .msg files (extract-msg, GPL-3.0) and winmail.dat / TNEF (tnefparse)."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from email.utils import parseaddr

import extract_msg
import tnefparse
from extract_msg.enums import AttachmentType, RecipientType

from pipeline.extract.checks import decode_text
from pipeline.extract.containers import OutlookMessage, TnefContent
from pipeline.extract.damage import describe
from pipeline.extract.errors import ExtractFailure
from pipeline.records import AttachmentPart
from pipeline.text.html import html_to_text

logging.getLogger("extract_msg").setLevel(logging.ERROR)
logging.getLogger("tnefparse").setLevel(logging.ERROR)

MSG_TYPE = "application/vnd.ms-outlook"


def rtf_to_text(rtf: str) -> str:
    """A small RTF reader: drops destinations and control words, keeps text and \\'hh characters."""
    rtf = re.sub(r"\{\\\*[^{}]*(\{[^{}]*\}[^{}]*)*\}", "", rtf)
    rtf = re.sub(r"\\(par|line)\b ?", "\n", rtf)
    rtf = re.sub(r"\\'([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]).decode("cp1252", "replace"), rtf)
    rtf = re.sub(r"\\u(-?\d+)\??", lambda m: chr(int(m.group(1)) % 65536), rtf)
    rtf = re.sub(r"\\[a-zA-Z]+-?\d* ?", "", rtf)
    rtf = rtf.replace("\\{", "{").replace("\\}", "}").replace("\\\\", "\\")
    return re.sub(r"[{}]", "", rtf).strip()


def _address(recipient) -> str:
    name, email = (recipient.name or "").strip(), (recipient.email or "").strip()
    if name and email and name != email:
        return f"{name} <{email}>"
    return email or name


def _msg_attachment(att) -> AttachmentPart | None:
    kind = att.type
    if kind == AttachmentType.MSG:
        inner = att.data
        name = (getattr(inner, "subject", None) or "bericht").strip() + ".msg"
        return AttachmentPart(filename=name, content_type=MSG_TYPE, data=inner.exportBytes(allowBadEmbed=True))
    if kind in (AttachmentType.DATA, AttachmentType.SIGNED) and isinstance(att.data, bytes):
        name = att.longFilename or att.shortFilename or att.name
        return AttachmentPart(filename=name, content_type=att.mimetype or "application/octet-stream", data=att.data)
    return None  # web links (references) and OLE objects hold no file to read


def read_msg(data: bytes) -> OutlookMessage:
    """Open an Outlook .msg; raises ExtractFailure('broken'|'unsupported', ...) when it cannot be read."""
    if not data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ExtractFailure("broken", "Outlook-bericht (.msg) is beschadigd: geen OLE-bestand")
    try:
        msg = extract_msg.openMsg(data, strict=False, delayAttachments=False)
    except Exception as exc:  # olefile and extract-msg have many error classes of their own
        raise ExtractFailure("broken", f"Outlook-bericht (.msg) is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    try:
        body = getattr(msg, "body", None) or ""
        html = None
        if not body.strip() or msg.exists("__substg1.0_10130102"):  # else extract-msg makes HTML up from the text
            html_raw = getattr(msg, "htmlBody", None)
            html = decode_text(html_raw) if isinstance(html_raw, bytes) else html_raw
        if not body.strip() and html:
            body = html_to_text(html)
        if not body.strip():
            rtf = getattr(msg, "rtfBody", None)
            if rtf:
                body = rtf_to_text(rtf.decode("cp1252", "replace") if isinstance(rtf, bytes) else rtf)
        recipients = getattr(msg, "recipients", []) or []
        to = [_address(r) for r in recipients if r.type == RecipientType.TO]
        cc = [_address(r) for r in recipients if r.type == RecipientType.CC]
        date = getattr(msg, "date", None)
        sender = (getattr(msg, "sender", None) or "").strip()
        sender_name, sender_address = parseaddr(sender) if "@" in sender else (sender, "")
        if "@" not in sender_address:
            for stream in ("__substg1.0_5D01", "__substg1.0_0C1F", "__substg1.0_0065", "__substg1.0_5D02"):
                value = msg.getStringStream(stream) or ""
                if "@" in value and not value.startswith("/"):  # skip Exchange X.500 addresses
                    sender_address = value.strip()
                    break
        parts = [p for p in (_msg_attachment(a) for a in getattr(msg, "attachments", [])) if p is not None]
        return OutlookMessage(
            subject=getattr(msg, "subject", None),
            sender_name=sender_name or None,
            sender_address=sender_address or None,
            to=to,
            cc=cc,
            date=date if isinstance(date, datetime) else None,
            body=body.replace("\r\n", "\n").strip(),
            html=html,
            attachments=parts,
        )
    finally:
        msg.close()


def read_tnef(data: bytes) -> TnefContent:
    """Decode a winmail.dat: body (plain, HTML or RTF) and the files inside it."""
    try:
        tnef = tnefparse.TNEF(data, do_checksum=True)
    except (ValueError, IndexError, KeyError, UnicodeDecodeError) as exc:
        raise ExtractFailure("broken", f"winmail.dat (TNEF) is beschadigd: {describe(str(exc), type(exc).__name__)}") from exc
    bad = [o for o in tnef.objects if not o.good_checksum]
    if bad:
        raise ExtractFailure("broken", f"winmail.dat (TNEF) is beschadigd: {len(bad)} onderdelen met foute controlesom")
    subject = None
    for prop in tnef.msgprops:
        if prop.name == tnefparse.TNEF.ATTSUBJECT:
            subject = prop.data if isinstance(prop.data, str) else None
    codepage = tnef.codepage or "cp1252"
    body = tnef.body
    if isinstance(body, bytes):
        body = body.decode(codepage, "replace")
    body = (body or "").rstrip("\x00")
    if not body.strip() and tnef.htmlbody:
        html = tnef.htmlbody if isinstance(tnef.htmlbody, str) else decode_text(tnef.htmlbody)
        body = html_to_text(html)
    if not body.strip() and tnef.rtfbody:
        rtf = tnef.rtfbody
        body = rtf_to_text(rtf.decode("cp1252", "replace") if isinstance(rtf, bytes) else rtf)
    parts = []
    for att in tnef.attachments:
        if not att.data:
            continue
        name = att.long_filename() or att.name or None
        if isinstance(name, bytes):
            name = name.decode(codepage, "replace")
        parts.append(AttachmentPart(filename=(name or "").strip("\x00") or None, content_type="application/octet-stream", data=att.data))
    return TnefContent(subject, body.replace("\r\n", "\n").strip(), parts)
