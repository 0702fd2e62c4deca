"""Build sample e-mails (plain, HTML, attachments, forwards, reports) with fixed dates, ids and boundaries."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
GRIFFIE = ("Griffie Waterlinde", "griffie@waterlinde.nl")
RAAD = ("Gemeenteraad Waterlinde", "raad@waterlinde.nl")
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

DAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")


def when(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    """A local Dutch time (CET/CEST) for a Date header."""
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def addr(pair: tuple[str, str]) -> str:
    return formataddr(pair)


def mail(*, sender: tuple[str, str], to: list[tuple[str, str]], subject: str, date: datetime, msgid: str,
         text: str | None = None, html: str | None = None, cc: list[tuple[str, str]] | None = None,
         attachments: list[tuple[str, str, bytes]] | None = None, messages: list[EmailMessage] | None = None,
         headers: list[tuple[str, str]] | None = None) -> EmailMessage:
    """One message; attachments are (filename, content type, bytes); messages are attached as message/rfc822."""
    msg = EmailMessage(policy=policy.default)
    msg["From"] = addr(sender)
    msg["To"] = ", ".join(addr(t) for t in to)
    if cc:
        msg["Cc"] = ", ".join(addr(c) for c in cc)
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = msgid
    for name, value in headers or []:
        msg[name] = value
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    elif html is not None:
        msg.set_content(html, subtype="html")
    for filename, ctype, data in attachments or []:
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    for inner in messages or []:
        msg.add_attachment(inner, filename=f"{inner['Subject']}.eml")
    return msg


def finalize(msg: EmailMessage, slug: str) -> bytes:
    """Give every multipart a fixed boundary (the library draws random ones) and serialise."""
    for number, part in enumerate(msg.walk()):
        if part.is_multipart() and part.get_content_maintype() == "multipart":
            part.set_boundary(f"=_wl_{slug}_{number}")
    return msg.as_bytes(policy=policy.default)


def dutch_date(d: datetime) -> str:
    """'donderdag 5 juni 2025 13:14' as Outlook NL writes it."""
    return f"{DAYS_NL[d.weekday()]} {d.day} {MONTHS_NL[d.month - 1]} {d.year} {d:%H:%M}"


def long_date(d: datetime) -> str:
    """'5 juni 2025'."""
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def outlook_nl_block(orig: EmailMessage, body: str) -> str:
    """The quoted original of an Outlook inline forward in a Dutch Outlook."""
    date = _header_date(orig)
    lines = ["________________________________", f"Van: {_outlook_addr(orig['From'])}",
             f"Verzonden: {dutch_date(date)}", f"Aan: {orig['To']}"]
    if orig["Cc"]:
        lines.append(f"CC: {orig['Cc']}")
    lines += [f"Onderwerp: {orig['Subject']}", "", body]
    return "\n".join(lines)


def outlook_en_block(orig: EmailMessage, body: str) -> str:
    """The quoted original of an Outlook inline forward in an English Outlook."""
    d = _header_date(orig)
    hour = d.hour % 12 or 12
    sent = f"{DAYS_EN[d.weekday()]}, {MONTHS_EN[d.month - 1]} {d.day}, {d.year} {hour}:{d:%M} {'AM' if d.hour < 12 else 'PM'}"
    lines = ["________________________________", f"From: {_outlook_addr(orig['From'])}", f"Sent: {sent}",
             f"To: {orig['To']}", f"Subject: {orig['Subject']}", "", body]
    return "\n".join(lines)


def gmail_block(orig: EmailMessage, body: str) -> str:
    """The quoted original of a Gmail forward (Dutch Gmail writes the date in Dutch)."""
    d = _header_date(orig)
    date = f"{DAYS_NL[d.weekday()][:2]} {d.day} {MONTHS_NL[d.month - 1][:3]} {d.year} om {d:%H:%M}"
    lines = ["---------- Forwarded message ---------", f"Van: {orig['From']}", f"Date: {date}",
             f"Subject: {orig['Subject']}", f"To: {orig['To']}", "", body]
    return "\n".join(lines)


def _header_date(msg: EmailMessage) -> datetime:
    return msg["Date"].datetime.astimezone(AMS)


def _outlook_addr(value: str) -> str:
    """Outlook shows 'Name <address>' with the address in angle brackets, never quoted."""
    name, address = parseaddr(value)
    return f"{name} <{address}>" if name else address
