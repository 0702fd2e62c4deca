"""Fixtures: a real Dovecot (session-wide, plus a restartable one), a token-introspection endpoint, a registry."""

from __future__ import annotations

import itertools
import os
import tempfile
from pathlib import Path

import pytest

from tests.imap.dovecot import DOVECOT, Dovecot
from tests.imap.support import PASSWORD_ENV, Introspection

USERS = {"griffie": "geheim", "tweede": "wachtwoord€ß"}
_folders = itertools.count(1)


def private_dir() -> Path:
    """Not under pytest's basetemp: a concurrent pytest run resets /tmp/pytest-of-USER to 0700, which locks the
    dovecot user out of the passwd file mid-session."""
    return Path(tempfile.mkdtemp(prefix="griffiepost-dovecot-"))


def need_dovecot() -> None:
    if not Path(DOVECOT).exists():
        pytest.skip(f"{DOVECOT} is missing: install Debian's dovecot-imapd (make test does)")


@pytest.fixture(scope="session")
def introspection():
    endpoint = Introspection()
    yield endpoint
    endpoint.close()


@pytest.fixture(scope="session")
def dovecot(introspection: Introspection):
    need_dovecot()
    server = Dovecot(private_dir(), USERS, introspection_url=introspection.url)
    server.start()
    yield server
    server.cleanup()


@pytest.fixture(scope="session")
def failing_dovecot(introspection: Introspection):
    """A second server for wrong passwords and refused tokens: Dovecot's auth penalty slows every later login
    from the same IP for seconds, which must not slow the tests that log in right."""
    need_dovecot()
    server = Dovecot(private_dir(), USERS, introspection_url=introspection.url)
    server.start()
    yield server
    server.cleanup()


@pytest.fixture
def restartable_dovecot():
    need_dovecot()
    server = Dovecot(private_dir(), USERS)
    server.start()
    yield server
    server.cleanup()


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
