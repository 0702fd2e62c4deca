"""Small builders for test messages (real MIME bytes, made with the standard library)."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone


def make_mail(subject: str = "Brief aan de raad", body: str = "Geachte raad,\n\nTekst.\n",
              sender: str = "Jan Jansen <jan@example.nl>", to: str = "griffie@waterlinde.nl",
              attachments: list[tuple[str, str, bytes]] = (), headers: dict[str, str] | None = None,
              when: datetime | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when or datetime(2025, 6, 5, 11, 14, tzinfo=timezone.utc))
    msg["Message-ID"] = f"<{abs(hash((subject, body))) % 10**12}@test.example>"
    for k, v in (headers or {}).items():
        msg[k] = v
    msg.set_content(body)
    for name, ctype, data in attachments:
        maintype, subtype = ctype.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()
