"""Sending one mail through the council's SMTP server: STARTTLS or TLS, a password or XOAUTH2 (Microsoft 365)."""

from __future__ import annotations

import smtplib
import socket
import ssl

from pipeline.config import SmtpSettings, secret_from
from pipeline.errors import ConfigError, GriffieError
from pipeline.sources.oauth2 import token_provider  # the same token code as IMAP intake


class SendError(GriffieError):
    """Sending failed; `permanent` when retrying cannot help (the server refused the recipient or the login);
    `uncertain` when the connection broke after the message was sent, so the server may have accepted it."""

    def __init__(self, message: str, permanent: bool = False, uncertain: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.uncertain = uncertain  # the whole mail was handed over, but the server's answer never came


def _context(settings: SmtpSettings) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=settings.ca_file or None)
    if not settings.verify_tls:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def _login(smtp: smtplib.SMTP, settings: SmtpSettings) -> None:
    if settings.oauth2 is not None:
        provider = token_provider(f"smtp:{settings.username}", settings.oauth2)
        token = provider.token()
        smtp.auth("XOAUTH2", lambda challenge=None: f"user={settings.username}\x01auth=Bearer {token}\x01\x01")
        return
    if settings.username:
        password = secret_from(settings.password_env, settings.password_file, f"SMTP-gebruiker {settings.username}")
        # one mechanism, not smtplib's login() that tries the next one after a refusal (some servers then hang)
        offered = smtp.esmtp_features.get("auth", "").upper().split()
        mechanism = "PLAIN" if "PLAIN" in offered or "LOGIN" not in offered else "LOGIN"
        smtp.user, smtp.password = settings.username, password
        smtp.auth(mechanism, getattr(smtp, f"auth_{mechanism.lower()}"))


def send(settings: SmtpSettings, raw: bytes, sender: str, recipient: str) -> None:
    """Hand raw to the server for one recipient; SendError (Dutch) on failure, permanent for 5xx answers."""
    if not settings.host:
        raise ConfigError("Er is geen SMTP-server ingesteld ([smtp] host).")
    if settings.security not in ("starttls", "tls", "none"):
        raise ConfigError(f"[smtp] security '{settings.security}' is onbekend (starttls, tls of none).")
    try:
        if settings.security == "tls":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout_s,
                                                  context=_context(settings))
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout_s)
        with smtp:
            smtp.ehlo()
            if settings.security == "starttls":
                smtp.starttls(context=_context(settings))
                smtp.ehlo()
            _login(smtp, settings)
            _transmit(smtp, sender, recipient, raw)
    except smtplib.SMTPAuthenticationError as e:
        raise SendError(f"De SMTP-server weigert de aanmelding: {e.smtp_code} {_text(e.smtp_error)}.",
                        permanent=False) from e
    except smtplib.SMTPRecipientsRefused as e:
        code, text = next(iter(e.recipients.values()))
        raise SendError(f"De SMTP-server weigert het adres {recipient}: {code} {_text(text)}.",
                        permanent=code >= 500) from e
    except smtplib.SMTPResponseException as e:
        raise SendError(f"De SMTP-server weigert het bericht: {e.smtp_code} {_text(e.smtp_error)}.",
                        permanent=e.smtp_code >= 500) from e
    except (smtplib.SMTPException, OSError, socket.timeout, ssl.SSLError) as e:
        raise SendError(f"De SMTP-server {settings.host}:{settings.port} is niet bereikbaar of brak de "
                        f"verbinding af: {e}.") from e


def _transmit(smtp: smtplib.SMTP, sender: str, recipient: str, raw: bytes) -> None:
    """sendmail's steps one by one, so that a connection lost after the data went out is told apart: the server may
    have taken the mail then (RFC 5321 section 6.1 warns of duplicates), and it must not be retried by itself."""
    code, text = smtp.mail(sender)
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, text, sender)
    code, text = smtp.rcpt(recipient)
    if code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (code, text)})
    try:
        smtp.data(raw)
    except (smtplib.SMTPServerDisconnected, OSError) as e:
        raise SendError(f"De verbinding met de SMTP-server brak af nadat het bericht was verstuurd ({e}); de server "
                        "heeft het misschien aangenomen.", uncertain=True) from e


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
