"""Browser test fixtures: a filled registry, a real `griffiepost serve` subprocess and Debian's headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pipeline.registry.db import make_engine, migrate, session_factory
from tests.review_data import add_item, fill

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
MAILBOX = Path(__file__).resolve().parents[2] / "pipeline" / "sample" / "mailbox"
SAMPLE_MAILS = ("001_vng_ledenbrief.eml", "010_veiligheidsregio_zienswijze.eml")
PASSWORD = "assistent-wachtwoord"
BULK = ("Verzoek om een bankje bij de vijver", "Vraag over de openingstijden van de bibliotheek")


@dataclass
class Server:
    url: str
    config: Path
    ids: dict[str, int]
    tmp: Path

    def cli(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        """Run griffiepost on the same registry as the server (a real process, as a user would)."""
        return subprocess.run([sys.executable, "-m", "pipeline", "--config", str(self.config), *args], input=input,
                              capture_output=True, text=True, timeout=300, cwd=self.tmp, check=False)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"griffiepost serve stopped with exit code {proc.returncode}: {proc.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"griffiepost serve did not answer on {url} within {timeout} s")


def serving(srv: Server):
    """`griffiepost serve` on srv's config at a free loopback port for as long as the generator is not closed."""
    port = free_port()
    env = dict(os.environ, GRIFFIEPOST_SECRET_KEY="browser-test-geheim")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "--config", str(srv.config), "serve", "--port",
                             str(port)], cwd=srv.tmp, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    srv.url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(srv.url, proc)
        yield srv
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Items created directly (known statuses) plus real sample mails through the pipeline, then `serve`."""
    tmp = tmp_path_factory.mktemp("webserver")
    config = tmp / "config.toml"
    config.write_text(f'[registry]\nurl = "sqlite:///{tmp}/register.db"\ndata_dir = "{tmp}/data"\n\n'
                      f'[web]\nrequire_login = true\nsecure_cookies = false\n', encoding="utf-8")
    engine = make_engine(f"sqlite:///{tmp}/register.db")
    migrate(engine)
    sessions = session_factory(engine)
    ids = fill(sessions)
    with sessions.begin() as s:  # test_bulk_confirm_of_ticked_items's own two, so it never takes another test's
        for n, subject in enumerate(BULK, start=91):
            ids[subject] = add_item(s, n, subject, None, "inwoner", "brief", "c_0361ffb3", "vka", "needs_review",
                                    f"{subject}. Met vriendelijke groet, een inwoner.",
                                    datetime(2025, 5, 1, 9, n - 90, tzinfo=timezone.utc)).id
    engine.dispose()
    srv = Server("", config, ids, tmp)
    done = srv.cli("ingest", *(str(MAILBOX / name) for name in SAMPLE_MAILS))
    assert done.returncode == 0, done.stderr
    added = srv.cli("users", "add", "anna", "--role", "assistent", input=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    yield from serving(srv)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (make test installs the Debian package chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
