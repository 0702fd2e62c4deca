"""Opening an IMAP connection: TLS or STARTTLS with verification, password or XOAUTH2 login, Dutch errors."""

from __future__ import annotations

import imaplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from pipeline.config import ImapAccount, secret_from
from pipeline.errors import ConfigError, SourceError
from pipeline.sources.oauth2 import TokenProvider, token_provider

# What can go wrong on the wire: socket problems, TLS, and imaplib's own errors (abort = connection lost).
WIRE_ERRORS: tuple[type[BaseException], ...] = (OSError, imaplib.IMAP4.error, IMAPClientError, EOFError)


def ssl_context(account: ImapAccount) -> ssl.SSLContext:
    """The system trust store plus `ca_file`; verification is off only when verify_tls = false."""
    ctx = ssl.create_default_context()
    if account.ca_file:
        try:
            ctx.load_verify_locations(cafile=account.ca_file)
        except (OSError, ssl.SSLError) as e:
            raise ConfigError(f"IMAP-account '{account.name}': het CA-bestand {account.ca_file} kan niet worden "
                              f"gelezen ({e}).") from e
    if not account.verify_tls:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    return ctx


def where(account: ImapAccount) -> str:
    return f"IMAP-account '{account.name}' ({account.host}:{account.port})"


def explain(account: ImapAccount, exc: BaseException) -> str:
    """One Dutch sentence for a connection problem."""
    w = where(account)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"Het TLS-certificaat van {w} wordt niet vertrouwd ({exc.verify_message}); "
                "stel ca_file in met de juiste CA of controleer de servernaam.")
    if isinstance(exc, ssl.SSLError):
        return f"De TLS-verbinding met {w} is mislukt ({exc.reason or exc}); klopt security = tls/starttls?"
    if isinstance(exc, ConnectionRefusedError):
        return f"De IMAP-server van {w} is niet bereikbaar: de verbinding werd geweigerd."
    if isinstance(exc, socket.gaierror):
        return f"De servernaam van {w} is onbekend ({exc.strerror})."
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"De IMAP-server van {w} antwoordt niet binnen de tijdslimiet."
    if isinstance(exc, LoginError):
        return f"Inloggen bij {w} is mislukt: gebruikersnaam, wachtwoord of token onjuist ({_text(exc)})."
    if isinstance(exc, (imaplib.IMAP4.abort, EOFError)):
        return f"De verbinding met {w} is onderbroken ({_text(exc)})."
    if isinstance(exc, OSError):
        return f"De IMAP-server van {w} is niet bereikbaar ({exc.strerror or exc})."
    return f"De IMAP-server van {w} gaf een fout: {_text(exc)}."


def _text(exc: BaseException) -> str:
    arg = exc.args[0] if exc.args else str(exc)
    if isinstance(arg, bytes):
        arg = arg.decode("utf-8", errors="replace")
    return str(arg).strip().rstrip(".")


class Credentials:
    """The secret of one account: a password, or a token provider for XOAUTH2 (built once, cached tokens)."""

    def __init__(self, account: ImapAccount, http_client: Any = None) -> None:
        self.account = account
        self.provider: TokenProvider | None = None
        self.password: str | None = None
        if account.oauth2 is not None:
            self.provider = token_provider(account.name, account.oauth2, http_client=http_client)
        else:
            self.password = secret_from(account.password_env, account.password_file,
                                        f"IMAP-account '{account.name}'")

    def login(self, client: IMAPClient) -> None:
        if self.provider is not None:
            try:
                client.oauth2_login(self.account.username, self.provider.token())
            except LoginError:
                self.provider.invalidate()  # perhaps revoked: the next attempt fetches a fresh one
                raise
        elif self.password is not None and self.password.isascii():
            client.login(self.account.username, self.password)
        else:  # LOGIN cannot carry non-ASCII; SASL PLAIN sends UTF-8
            client.plain_login(self.account.username, self.password or "")


def open_client(account: ImapAccount, credentials: Credentials, timeout_s: float) -> IMAPClient:
    """A logged-in client, or SourceError with one Dutch sentence."""
    if account.security not in ("tls", "starttls"):
        raise ConfigError(f"IMAP-account '{account.name}': security moet \"tls\" of \"starttls\" zijn, "
                          f"niet \"{account.security}\".")
    ctx = ssl_context(account)
    client: IMAPClient | None = None
    try:
        client = IMAPClient(account.host, port=account.port, ssl=account.security == "tls", ssl_context=ctx,
                            timeout=timeout_s)
        if account.security == "starttls":
            if not client.has_capability("STARTTLS"):
                raise SourceError(f"{where(account)} biedt geen STARTTLS aan; de verbinding is niet versleuteld "
                                  "en wordt niet gebruikt.")
            client.starttls(ctx)
        credentials.login(client)
        return client
    except SourceError:
        _close(client)
        raise
    except WIRE_ERRORS as e:
        _close(client)
        raise SourceError(explain(account, e)) from e


def _ends(client: IMAPClient | None, how: str) -> bool:
    """Call client.<how>() (logout, shutdown); False when the connection broke on it."""
    if client is None:
        return True
    try:
        getattr(client, how)()
    except WIRE_ERRORS:
        return False
    return True


def _close(client: IMAPClient | None) -> None:
    _ends(client, "shutdown")  # already gone: nothing left to close


def close_client(client: IMAPClient | None) -> None:
    """Log out politely; a connection that is already broken is just closed."""
    if not _ends(client, "logout"):
        _close(client)


@contextmanager
def connected(account: ImapAccount, credentials: Credentials, timeout_s: float) -> Iterator[IMAPClient]:
    client = open_client(account, credentials, timeout_s)
    try:
        yield client
    finally:
        close_client(client)
