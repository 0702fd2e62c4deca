"""Engine, sessions and migrations: the only place that knows how to open the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import sessionmaker

from pipeline.errors import ConfigError
from pipeline.registry.errors import describe

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def make_engine(url: str, echo: bool = False, busy_timeout_s: float = 30.0) -> Engine:
    """An engine for SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, by URL. Parameters are hidden from
    error texts: they are letter text and addresses."""
    try:
        if url.startswith("sqlite"):
            path = url.split("///", 1)[-1]
            if path and path != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, echo=echo, hide_parameters=True, connect_args={"timeout": busy_timeout_s})

            @event.listens_for(engine, "connect")
            def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
                cur.close()

            return engine
        return create_engine(url, echo=echo, pool_pre_ping=True, hide_parameters=True)
    except ArgumentError as e:
        raise ConfigError(f"Ongeldige database-URL '{url}': {e}.") from e
    except ModuleNotFoundError as e:
        raise ConfigError(f"De database-driver voor '{url}' is niet geïnstalleerd ({e.name}).") from e


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (the only way tables are created)."""
    try:
        with engine.begin() as conn:
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as e:
        raise ConfigError(describe(e)) from e


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)
