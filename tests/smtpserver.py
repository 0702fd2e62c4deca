"""A real SMTP server for tests (aiosmtpd, Apache-2.0) on a loopback port, delivering into a Maildir: plain,
STARTTLS or implicit TLS, password login (PLAIN/LOGIN) or XOAUTH2, and answers that fail on purpose."""

from __future__ import annotations

import base64
from collections.abc import Callable
import mailbox
import ssl
from dataclasses import dataclass, field
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import AuthResult, LoginPassword

from tests.imap.dovecot import free_port, make_certificates


class _Handler(Mailbox):
    def __init__(self, maildir: Path, server: SmtpServer) -> None:
        super().__init__(str(maildir))
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.server.temporary_failures > 0:
            self.server.temporary_failures -= 1
            return "451 4.3.0 Tijdelijk niet beschikbaar (test)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)  # stored in the Maildir: accepted
        if self.server.after_store is not None:
            self.server.after_store()  # e.g. kill the client before it hears "250", the crash window under test
        if self.server.drop_after_data:
            server.transport.abort()  # stored, but the client never hears so: a connection lost at the end
        return answer

    async def auth_XOAUTH2(self, server, args):  # noqa: N802  (aiosmtpd finds mechanisms by this name)
        raw = base64.b64decode(args[1]).decode() if len(args) > 1 else ""
        fields = dict(part.split("=", 1) for part in raw.split("\x01") if "=" in part)
        ok = fields.get("auth") == f"Bearer {self.server.token}" and self.server.token is not None
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


@dataclass
class SmtpServer:
    directory: Path
    security: str = "starttls"  # starttls | tls | none
    users: dict[str, str] = field(default_factory=dict)  # empty: no login required
    token: str | None = None  # XOAUTH2 bearer token accepted
    temporary_failures: int = 0  # the first N recipients are refused with 451
    after_store: Callable[[], None] | None = None  # called once a message is stored, before the server answers
    drop_after_data: bool = False  # drop the connection after storing a message, before answering "250"

    def __post_init__(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.maildir = self.directory / "Maildir"
        self.ca = None
        self.port = free_port()
        self._controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and \
            self.users.get(auth_data.login.decode()) == auth_data.password.decode()
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself

    def start(self) -> "SmtpServer":
        kwargs: dict = {}
        if self.security != "none":
            self.ca, cert, key = make_certificates(self.directory)
            ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            ctx.load_cert_chain(str(cert), str(key))
            kwargs["ssl_context" if self.security == "tls" else "tls_context"] = ctx
            if self.security == "starttls":
                kwargs["require_starttls"] = True
        if self.users or self.token:
            # aiosmtpd counts only STARTTLS as encryption; with implicit TLS the whole connection already is
            kwargs.update(authenticator=self._authenticate, auth_required=True,
                          auth_require_tls=self.security == "starttls")
        self._controller = Controller(_Handler(self.maildir, self), hostname="127.0.0.1", port=self.port,
                                      **kwargs)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def messages(self) -> list:
        if not self.maildir.exists():
            return []
        return list(mailbox.Maildir(str(self.maildir), create=False))
