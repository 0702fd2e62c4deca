"""A throwaway Dovecot IMAP server from a generated config in a temp dir (shared by tests/imap and bench/)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import pwd
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from imapclient import IMAPClient

DOVECOT = "/usr/sbin/dovecot"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def make_certificates(directory: Path, cn: str = "griffiepost test CA") -> tuple[Path, Path, Path]:
    """A CA and a server certificate for IP 127.0.0.1 signed by it: (ca.pem, server.pem, server.key)."""
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn))
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(_name("127.0.0.1")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    ca_pem, cert_pem, key_pem = directory / "ca.pem", directory / "server.pem", directory / "server.key"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    key_pem.chmod(0o600)
    return ca_pem, cert_pem, key_pem


def _let_others_traverse(directory: Path) -> None:
    """chmod o+x the directory and its parents inside the temp dir (mkdtemp makes them 0700): the dovecot
    user must reach the passwd file, or auth fails with "Temporary authentication failure"."""
    top = Path(tempfile.gettempdir()).resolve()
    for p in [directory.resolve(), *directory.resolve().parents]:
        if p == top or top not in p.parents:
            break
        mode = p.stat().st_mode
        if not mode & 0o001:
            p.chmod(mode | 0o001)


@dataclass
class Dovecot:
    """One Dovecot instance: `start()`, `stop()`, `restart()`; mail in DIR/home/USER/Maildir."""

    directory: Path
    users: dict[str, str]  # user -> password (any Unicode)
    introspection_url: str | None = None  # enables the oauth2 passdb (XOAUTH2)
    port: int = field(default_factory=free_port)  # plain IMAP with STARTTLS
    tls_port: int = field(default_factory=free_port)  # implicit TLS
    process: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.ca_file, self.cert_file, self.key_file = make_certificates(self.directory)
        self._write_config()

    @property
    def log_path(self) -> Path:
        return self.directory / "dovecot.log"

    def _write_config(self) -> None:
        d = self.directory
        as_root = os.geteuid() == 0
        me = pwd.getpwuid(os.geteuid()).pw_name
        mail_uid, mail_gid = (65534, 65534) if as_root else (os.getuid(), os.getgid())
        internal, login = ("dovecot", "dovenull") if as_root else (me, me)
        internal_group = "dovecot" if as_root else pwd.getpwuid(os.geteuid()).pw_name
        lines = []
        for user, password in self.users.items():
            home = d / "home" / user
            (home / "Maildir").mkdir(parents=True, exist_ok=True)
            lines.append(f"{user}:{{PLAIN}}{password}:{mail_uid}:{mail_gid}::{home}")
            if as_root:
                for p in (home, home / "Maildir"):
                    os.chown(p, mail_uid, mail_gid)
        (d / "users").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if as_root:
            _let_others_traverse(d)
            (d / "home").chmod(0o711)
            (d / "users").chmod(0o644)
            self.key_file.chmod(0o600)
        oauth = ""
        mechanisms = "plain login"
        if self.introspection_url:
            mechanisms += " xoauth2 oauthbearer"
            (d / "dovecot-oauth2.conf.ext").write_text(
                f"introspection_mode = post\nintrospection_url = {self.introspection_url}\n"
                "username_attribute = username\nforce_introspection = yes\n"
                "active_attribute = active\nactive_value = true\n", encoding="utf-8")
            oauth = ("passdb {\n  driver = oauth2\n  mechanisms = xoauth2 oauthbearer\n"
                     f"  args = {d}/dovecot-oauth2.conf.ext\n}}\n")
        (d / "run").mkdir(exist_ok=True)
        (d / "state").mkdir(exist_ok=True)
        conf = f"""
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
info_log_path = {d}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = yes
ssl_cert = <{self.cert_file}
ssl_key = <{self.key_file}
disable_plaintext_auth = no
auth_mechanisms = {mechanisms}
auth_verbose = yes
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
default_internal_user = {internal}
default_internal_group = {internal_group}
default_login_user = {login}
first_valid_uid = 1
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
}}
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u {d}/users
}}
{oauth}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {self.port}
  }}
  inet_listener imaps {{
    port = {self.tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""
        (d / "dovecot.conf").write_text(conf, encoding="utf-8")

    def start(self, timeout: float = 10.0) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        self.process = subprocess.Popen([DOVECOT, "-F", "-c", str(self.directory / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode(errors="replace") if self.process.stderr else ""
                raise RuntimeError(f"dovecot exited ({self.process.returncode}): {err}\n{self._log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(200).startswith(b"* OK"):
                        break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"dovecot gave no greeting on {self.port}\n{self._log_tail()}") from None
                time.sleep(0.05)
        user, password = next(iter(self.users.items()))
        while True:  # the auth process comes up a moment after the listener
            try:
                self.client(user, password).logout()
                return
            except Exception as e:  # noqa: BLE001 - retried until the deadline, then shown with the log
                if time.monotonic() > deadline:
                    raise RuntimeError(f"first login to dovecot failed: {e}\n{self._log_tail()}") from e
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)

    def restart(self) -> None:
        self.stop()
        self.start()

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no dovecot log)"

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca_file))

    def client(self, user: str, password: str, timeout: float = 10.0) -> IMAPClient:
        """A logged-in client over implicit TLS (for seeding and checking mailboxes in tests)."""
        c = IMAPClient("127.0.0.1", port=self.tls_port, ssl=True, ssl_context=self.ssl_context(), timeout=timeout)
        try:
            if password.isascii():
                c.login(user, password)
            else:
                c.plain_login(user, password)
        except BaseException:
            c.shutdown()
            raise
        return c

    def deliver(self, user: str, data: bytes) -> Path:
        """Put a message straight into the user's Maildir INBOX, as a delivery agent would (server may be down)."""
        maildir = self.directory / "home" / user / "Maildir"
        for sub in ("tmp", "new", "cur"):
            (maildir / sub).mkdir(exist_ok=True)
        name = f"{time.time_ns()}.P{os.getpid()}.griffiepost-test"
        tmp, final = maildir / "tmp" / name, maildir / "new" / name
        tmp.write_bytes(data)
        if os.geteuid() == 0:
            for p in (maildir / "tmp", maildir / "new", maildir / "cur", tmp):
                os.chown(p, 65534, 65534)
        tmp.rename(final)
        return final

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)
