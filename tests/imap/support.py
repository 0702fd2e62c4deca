"""Helpers for the IMAP tests and the benchmark: settings, config files, the CLI as a subprocess, registry counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from email.message import EmailMessage
from email.utils import make_msgid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy import func, select

from pipeline.config import ImapAccount, ImapSettings, RegistrySettings, Settings
from pipeline.registry.models import ImapState, Item, Message, MessageLocator

ROOT = Path(__file__).resolve().parents[2]
PASSWORD_ENV = "GRIFFIEPOST_TEST_IMAP_PASSWORD"
CLI = [sys.executable, "-m", "pipeline"]  # the same entry point as the `griffiepost` console script


def mail(subject: str, body: str = "Geachte raad,\n\nGraag uw aandacht voor dit verzoek.\n",
         sender: str = "Jan Jansen <jan@example.nl>") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "griffie@waterlinde.nl"
    msg["Subject"] = subject
    msg["Date"] = "Thu, 05 Jun 2025 11:14:00 +0200"
    msg["Message-ID"] = make_msgid(domain="test.example")
    msg.set_content(body)
    return msg.as_bytes()


def settings_for(tmp: Path, account: ImapAccount, **imap: Any) -> Settings:
    return Settings(registry=RegistrySettings(url=f"sqlite:///{tmp}/registry.db", data_dir=str(tmp / "data")),
                    imap=ImapSettings(accounts=(account,), **imap))


def account_for(server: Any, folder: str, processed: str, **kw: Any) -> ImapAccount:
    base = ImapAccount(name="griffie", host="127.0.0.1", port=server.tls_port, security="tls", username="griffie",
                       password_env=PASSWORD_ENV, ca_file=str(server.ca_file), folders=(folder,),
                       processed_folder=processed)
    return replace(base, **kw)


def _toml_value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, (tuple, list)):
        return "[" + ", ".join(_toml_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)


def write_config(path: Path, settings: Settings) -> Path:
    """The same settings as a config.toml for a `griffiepost` subprocess."""
    lines = ["[registry]", f"url = {_toml_value(settings.registry.url)}",
             f"data_dir = {_toml_value(settings.registry.data_dir)}", "", "[imap]"]
    im = settings.imap
    for key in ("poll_interval_s", "idle_renew_s", "timeout_s", "batch_size", "backoff_max_s"):
        lines.append(f"{key} = {_toml_value(getattr(im, key))}")
    for acc in im.accounts:
        lines += ["", "[[imap.accounts]]"]
        for key, value in vars(acc).items():
            if key != "oauth2" and value is not None:
                lines.append(f"{key} = {_toml_value(value)}")
        if acc.oauth2 is not None:
            lines += ["", "[imap.accounts.oauth2]"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in vars(acc.oauth2).items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def cli_env(password: str | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRIFFIEPOST_")}
    env["PYTHONPATH"] = str(ROOT)
    if password is not None:
        env[PASSWORD_ENV] = password
    env.update(extra)
    return env


def run_cli(config: Path, *args: str, password: str | None = "geheim", timeout: float = 120,
            **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, "--config", str(config), *args], capture_output=True, text=True, timeout=timeout,
                          env=cli_env(password, **env), cwd=str(config.parent))


def start_cli(config: Path, *args: str, password: str | None = "geheim", **env: str) -> subprocess.Popen:
    return subprocess.Popen([*CLI, "--config", str(config), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=cli_env(password, **env), cwd=str(config.parent))


def wait_for(check: Callable[[], Any], timeout: float, interval: float = 0.05, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)


def counts(sessions: Any) -> dict[str, int]:
    with sessions() as s:
        return {
            "messages": s.scalar(select(func.count(Message.id))),
            "items": s.scalar(select(func.count(Item.id))),
            "received": s.scalar(select(func.count(Message.id)).where(Message.state == "received")),
            "locators": s.scalar(select(func.count(MessageLocator.id))),
        }


def message_states(sessions: Any) -> dict[str, str]:
    with sessions() as s:
        return {m.sha256: f"{m.state}: {m.last_error}" for m in s.scalars(select(Message))}


def filed_shas(sessions: Any) -> set[str]:
    with sessions() as s:
        return set(s.scalars(select(Message.sha256).join(Item, Item.message_id == Message.id)))


def server_actions(sessions: Any) -> dict[str, str | None]:
    with sessions() as s:
        return {loc.ref: loc.server_action for loc in s.scalars(select(MessageLocator))}


def imap_state(sessions: Any, account: str, folder: str) -> ImapState | None:
    with sessions() as s:
        return s.scalar(select(ImapState).where(ImapState.account == account, ImapState.folder == folder))


class Introspection:
    """A tiny OAuth2 token-introspection endpoint (RFC 7662 style) for Dovecot's oauth2 passdb."""

    def __init__(self) -> None:
        self.tokens: dict[str, str] = {}  # token -> username
        self.seen: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode())
                token = (form.get("token") or [""])[0]
                outer.seen.append(token)
                user = outer.tokens.get(token)
                body = json.dumps({"active": True, "username": user} if user else {"active": False}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/introspect"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
