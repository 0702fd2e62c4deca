"""Shared fixtures: real servers started by the tests themselves."""

from __future__ import annotations

import itertools

import pytest

from tests.pgserver import PostgresServer, pg_bin

_db_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server():
    if pg_bin() is None:
        pytest.skip("PostgreSQL is not installed (make test installs the Debian package postgresql)")
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the session's PostgreSQL server."""
    return postgres_server.create_database(f"t{next(_db_names)}")
