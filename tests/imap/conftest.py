"""Fixtures: a real Dovecot (session-wide, plus a restartable one), a token-introspection endpoint, a registry."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from tests.imap.dovecot import DOVECOT, Dovecot
from tests.imap.support import PASSWORD_ENV, Introspection

USERS = {"griffie": "geheim", "tweede": "wachtwoord€ß"}
_folders = itertools.count(1)


def need_dovecot() -> None:
    if not Path(DOVECOT).exists():
        pytest.skip(f"{DOVECOT} is missing: install Debian's dovecot-imapd (make test does)")


@pytest.fixture(scope="session")
def introspection():
    endpoint = Introspection()
    yield endpoint
    endpoint.close()


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory: pytest.TempPathFactory, introspection: Introspection):
    need_dovecot()
    server = Dovecot(tmp_path_factory.mktemp("dovecot"), USERS, introspection_url=introspection.url)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def restartable_dovecot(tmp_path: Path):
    need_dovecot()
    server = Dovecot(tmp_path / "dovecot", USERS)
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def imap_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, USERS["griffie"])


@pytest.fixture
def folders(dovecot: Dovecot) -> tuple[str, str]:
    """A fresh watched folder and processed folder for one test, so tests on the shared server never meet."""
    n = next(_folders)
    inbox, done = f"T{os.getpid()}-{n}-in", f"T{os.getpid()}-{n}-done"
    c = dovecot.client("griffie", USERS["griffie"])
    c.create_folder(inbox)
    c.logout()
    return inbox, done


@pytest.fixture
def imap(dovecot: Dovecot):
    """A second, independent connection (the outside world that delivers and looks)."""
    c = dovecot.client("griffie", USERS["griffie"])
    yield c
    c.logout()
