"""The composition root: settings in, a migrated registry, raw store, intake and worker out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from pipeline.acknowledge.runner import acknowledge_pass
from pipeline.config import Settings
from pipeline.deadlines.hook import deadlines_hook
from pipeline.deadlines.service import refresh
from pipeline.deadlines.terms import load_terms
from pipeline.flow import Pipeline
from pipeline.intake import Intake
from pipeline.lists.placement import placement_hook
from pipeline.privacy.detected import scan_pending
from pipeline.rawstore import RawStore
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.retry import patiently
from pipeline.worker import Summary, Worker


@dataclass
class App:
    settings: Settings
    engine: Engine
    sessions: sessionmaker
    store: RawStore
    intake: Intake
    worker: Worker

    @classmethod
    def open(cls, settings: Settings, migrate_schema: bool = True, pipeline: Pipeline | None = None) -> "App":
        """`pipeline`: rules and models built earlier (a process that forks workers builds them once)."""
        engine = make_engine(settings.registry.url, settings.registry.echo_sql, settings.registry.busy_timeout_s)
        if migrate_schema:
            migrate(engine)
        sessions = session_factory(engine)
        store = RawStore(Path(settings.registry.data_dir) / "raw")
        store.clean_stale_temps()  # half-written files of runs that were killed or hit a full disk
        intake = Intake(sessions, store, settings.intake.max_message_bytes)
        worker = Worker(sessions, store, lambda: pipeline or Pipeline.build(settings), on_filed=_filed_hooks(settings),
                        max_message_bytes=settings.intake.max_message_bytes)
        return cls(settings, engine, sessions, store, intake, worker)

    def process_pending(self, progress=None) -> Summary:
        summary = self.worker.run_pending(progress)
        self.scan_personal_data()
        self.refresh_deadlines()
        self.acknowledge()
        return summary

    def scan_personal_data(self) -> int:
        """Queued background work: detection for items without a current stored scan (filed before migration
        0009, or by an older detector); until scanned they are not publishable. Returns how many were scanned."""
        return patiently(lambda: scan_pending(self.sessions, self.store, self.settings.intake.max_nesting_depth),
                         "persoonsgegevens controleren")

    def refresh_deadlines(self) -> None:
        """Terms for items whose handling changed in review, and warnings against meetings added since."""
        with self.sessions.begin() as s:
            refresh(s, load_terms(self.settings.rules_dir, self.settings.profile.name))

    def acknowledge(self, now=None) -> int:
        """The outbox pass after filing: acknowledgements planned and sent (retries whose time has come)."""
        return acknowledge_pass(self, now)

    def close(self) -> None:
        self.engine.dispose()


def _filed_hooks(settings: Settings) -> list:
    """Things that happen in the filing transaction: placing the item by the cut-off, then its deadlines."""
    return [placement_hook(settings), deadlines_hook(settings)]  # placed first: the deadline warning needs it
