"""Shorthands the catalogues use: a letter sent as an attachment, a letter in the mail body, date strings."""

from __future__ import annotations

from datetime import date, datetime

from .documents import broken_pdf, encrypted_pdf, letter_docx, scanned_pdf, text_pdf
from .expect import ENCRYPTED_PASSWORD, Sample
from .letters import Letter
from .mails import DOCX, GRIFFIE, MONTHS_NL, PDF, finalize, mail

RENDERERS = ("pdf", "scan", "docx", "encrypted", "broken")


def nl_date(d: date) -> str:
    """'12 mei 2025'."""
    return f"{d.day} {MONTHS_NL[d.month - 1]} {d.year}"


def num_date(d: date) -> str:
    """'12-05-2025'."""
    return f"{d:%d-%m-%Y}"


def msgid(slug: str, sent: datetime, sender_email: str) -> str:
    """A fixed Message-ID in the sender's domain."""
    return f"<{slug.replace('_', '.')}.{sent:%Y%m%d%H%M}@{sender_email.split('@', 1)[1]}>"


def render(letter: Letter, how: str, title: str) -> tuple[str, bytes]:
    """The attachment's content type and bytes for one way of sending the letter."""
    if how == "pdf":
        return PDF, text_pdf(letter, title)
    if how == "scan":
        return PDF, scanned_pdf(letter)
    if how == "docx":
        return DOCX, letter_docx(letter, title)
    if how == "encrypted":
        return PDF, encrypted_pdf(letter, title, ENCRYPTED_PASSWORD)
    if how == "broken":
        return PDF, broken_pdf(letter, title)
    raise ValueError(f"unknown renderer {how!r}; expected one of {RENDERERS}")


def letter_mail(slug: str, *, sender: tuple[str, str], sent: datetime, subject: str, body: str,
                letter: Letter, filename: str, expected: dict, how: str = "pdf",
                to: list[tuple[str, str]] | None = None, cc: list[tuple[str, str]] | None = None,
                extra: list[tuple[str, str, bytes]] | None = None,
                headers: list[tuple[str, str]] | None = None) -> Sample:
    """A mail that carries the letter as an attachment (plus optional extra attachments)."""
    ctype, data = render(letter, how, subject)
    msg = mail(sender=sender, to=to or [GRIFFIE], cc=cc, subject=subject, date=sent,
               msgid=msgid(slug, sent, sender[1]), text=body,
               attachments=[(filename, ctype, data), *(extra or [])], headers=headers)
    return Sample(slug, finalize(msg, slug), expected)


def text_mail(slug: str, *, sender: tuple[str, str], sent: datetime, subject: str, body: str | None,
              expected: dict, html: str | None = None, to: list[tuple[str, str]] | None = None,
              cc: list[tuple[str, str]] | None = None, headers: list[tuple[str, str]] | None = None) -> Sample:
    """A mail whose body is the whole letter (plain, HTML-only or both)."""
    msg = mail(sender=sender, to=to or [GRIFFIE], cc=cc, subject=subject, date=sent,
               msgid=msgid(slug, sent, sender[1]), text=body, html=html, headers=headers)
    return Sample(slug, finalize(msg, slug), expected)
