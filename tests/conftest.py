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


SAMPLE_MAILBOX = __import__("pathlib").Path(__file__).resolve().parent.parent / "pipeline" / "sample" / "mailbox"


def sample_settings(tmp_dir, profile: str = "generiek"):
    from dataclasses import replace

    from pipeline.config import ProfileSettings, RegistrySettings, Settings, WebSettings

    # Like `griffiepost demo`: open to whoever runs it locally (tests that need login set it themselves).
    return replace(Settings(), registry=RegistrySettings(url=f"sqlite:///{tmp_dir}/registry.db", data_dir=str(tmp_dir)),
                   profile=ProfileSettings(name=profile), web=WebSettings(require_login=False, secure_cookies=False))


@pytest.fixture(scope="session")
def sample_app(tmp_path_factory):
    """The whole sample mailbox filed once per test session (SQLite); read-only for the tests that use it."""
    from pipeline.app import App
    from pipeline.cli.intake_cmds import ingest_paths

    tmp = tmp_path_factory.mktemp("sample-registry")
    app = App.open(sample_settings(tmp))
    counts = ingest_paths(app, [SAMPLE_MAILBOX], show_progress=False)
    app.ingest_counts = counts
    yield app
    app.close()
