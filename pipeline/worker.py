"""The worker: claims received messages, runs the pipeline, files items, quarantines what breaks."""

from __future__ import annotations

import os
import socket
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from itertools import count, islice

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload, sessionmaker

from pipeline.errors import GriffieError
from pipeline.extract.worker import use_slot
from pipeline.flow import Pipeline
from pipeline.intake import too_large_reason
from pipeline.rawstore import RawStore, process_alive
from pipeline.records import Extracted
from pipeline.registry.models import AuditEntry, Item, Message
from pipeline.registry.retry import patiently
from pipeline.result import outcome_json
from pipeline.stages.file import file_outcome
from pipeline.stages.parse import ParseError

STALE_CLAIM = timedelta(minutes=15)
# Messages read (parsed and extracted) while the one before is judged and filed, each by its own thread and
# extraction child: on two cores two scans are OCR'd at once while the main thread judges and files.
READERS = max(1, min(2, os.cpu_count() or 1))
FiledHook = Callable[[Session, Item], None]


class TooLarge(GriffieError):
    """The message is larger than intake.max_message_bytes: kept, never read (also not on retry)."""


@dataclass
class Summary:
    filed: int = 0
    ignored: int = 0
    quarantined: int = 0


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def readable_error(exc: BaseException) -> str:
    if isinstance(exc, (GriffieError, ParseError)):
        return str(exc)
    if isinstance(exc, RecursionError):
        return "Het bericht is te diep genest (MIME-delen binnen MIME-delen); het origineel is bewaard."
    return f"Onverwachte fout bij verwerken ({type(exc).__name__}): {exc}"


class Worker:
    def __init__(self, sessions: sessionmaker, store: RawStore, pipeline_factory: Callable[[], Pipeline],
                 on_filed: list[FiledHook] | None = None, max_message_bytes: int | None = None) -> None:
        self.sessions = sessions
        self.max_message_bytes = max_message_bytes
        self.store = store
        self._factory = pipeline_factory
        self._pipeline: Pipeline | None = None
        self.on_filed = on_filed or []
        self.me = worker_id()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self._factory()
        return self._pipeline

    def pending_ids(self) -> list[int]:
        patiently(self.release_dead_claims, "vrijgeven van claims")

        def ids() -> list[int]:
            with self.sessions() as s:
                return list(s.scalars(select(Message.id).where(Message.state == "received").order_by(Message.id)))

        return patiently(ids, "wachtrij lezen")

    def release_dead_claims(self) -> int:
        """Claims of workers on this host whose process is gone (killed mid-message) are released at once."""
        host = self.me.rsplit(":", 1)[0]
        released = 0
        with self.sessions.begin() as s:
            rows = s.execute(select(Message.id, Message.claimed_by).where(
                Message.state == "received", Message.claimed_by.like(f"{host}:%"))).all()
            for mid, owner in rows:
                pid = owner.rsplit(":", 1)[1]
                if pid.isdigit() and owner != self.me and not process_alive(int(pid)):
                    s.execute(update(Message).where(Message.id == mid, Message.claimed_by == owner)
                              .values(claimed_by=None))
                    released += 1
        return released

    def claim(self, message_id: int) -> bool:
        return self.claim_facts(message_id) is not None

    def claim_facts(self, message_id: int) -> tuple[str, int] | None:
        """Claim a received message; its sha256 and size when this worker has it, None when another one does.
        One statement (UPDATE ... RETURNING): the claim and the facts the worker needs next."""
        now = datetime.now(timezone.utc)
        with self.sessions.begin() as s:
            row = s.execute(
                update(Message)
                .where(Message.id == message_id, Message.state == "received")
                .where((Message.claimed_by.is_(None)) | (Message.claimed_at < now - STALE_CLAIM)
                       | (Message.claimed_by == self.me))
                .values(claimed_by=self.me, claimed_at=now, attempts=Message.attempts + 1)
                .returning(Message.sha256, Message.size)
            ).first()
            return (row[0], row[1]) if row is not None else None

    def _facts(self, message_id: int) -> tuple[str, int]:
        """The message's sha256 and size (waited for patiently when the database is busy)."""
        def facts() -> tuple[str, int]:
            with self.sessions() as s:
                msg = s.get(Message, message_id)
                return msg.sha256, msg.size

        return patiently(facts, f"bericht {message_id} lezen")

    def _too_large(self, size: int) -> bool:
        return self.max_message_bytes is not None and size > self.max_message_bytes

    def _read(self, digest: str) -> Extracted:
        return self.pipeline.read(self.store.get(digest))

    def _read_ahead(self, facts: tuple[str, int]) -> tuple[str, Extracted | None]:
        digest, size = facts
        return digest, None if self._too_large(size) else self._read(digest)  # never read past the intake limit

    def process(self, message_id: int, read: Future | None = None, facts: tuple[str, int] | None = None) -> str:
        """Run one claimed message through the pipeline; returns its new state. `read`: its parse and extraction,
        already started by run_pending's read-ahead; `facts`: its sha256 and size, already looked up there."""
        pipeline = self.pipeline  # rules or models that cannot load stop the run here: no message is to blame
        _ = pipeline.judge
        digest, size = facts or self._facts(message_id)
        if self._too_large(size):  # a retry keeps the intake limit
            return self._quarantine(message_id, TooLarge(too_large_reason(size, self.max_message_bytes)))
        try:
            if read is not None:
                digest, extracted = read.result()
            else:
                extracted = self._read(digest)
            outcome = pipeline.judge_read(extracted)
            doc = outcome_json(outcome, pipeline.ruleset.profile, digest)
        except Exception as exc:  # any failure of a stage quarantines this message only; the run goes on
            return self._quarantine(message_id, exc)
        return patiently(lambda: self._file(message_id, outcome, doc), f"bericht {message_id} registreren")

    def _file(self, message_id: int, outcome, doc: dict) -> str:
        with self.sessions.begin() as s:
            msg = s.get(Message, message_id, options=[joinedload(Message.item)])  # one query for both
            if msg.item is not None:  # filed already by an earlier run that died before marking the state
                msg.state = "filed"
                return msg.state
            item = file_outcome(s, msg, outcome, doc)
            for hook in self.on_filed:
                hook(s, item)
            msg.claimed_by = None
            return msg.state

    def _quarantine(self, message_id: int, exc: BaseException) -> str:
        return patiently(lambda: self._store_quarantine(message_id, exc), f"bericht {message_id} in quarantaine")

    def _store_quarantine(self, message_id: int, exc: BaseException) -> str:
        with self.sessions.begin() as s:
            msg = s.get(Message, message_id)
            msg.state = "quarantined"
            msg.last_error = readable_error(exc)
            msg.traceback = "".join(traceback.format_exception(exc))
            msg.claimed_by = None
            s.add(AuditEntry(actor="pipeline", action="message_quarantined", message_id=message_id,
                             detail={"error": msg.last_error}))
        return "quarantined"

    def run_pending(self, progress: Callable[[int], None] | None = None) -> Summary:
        """Process every pending message, filed in order. Reading (parse + extraction, which mostly waits on an
        extraction child: OCR) runs READERS messages ahead in threads, so messages n+1, n+2 are read while
        message n is judged and filed."""
        summary = Summary()
        pending = self.pending_ids()
        if not pending:
            return summary
        _ = self.pipeline  # load rules (and start the models) once, before any message is claimed
        slots = count()
        with ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="griffiepost-read",
                                initializer=lambda: use_slot(next(slots))) as reader:
            claimed = ((mid, facts) for mid in pending
                       if (facts := patiently(lambda mid=mid: self.claim_facts(mid), f"bericht {mid} claimen")))
            ahead = [(mid, facts, reader.submit(self._read_ahead, facts)) for mid, facts in islice(claimed, READERS)]
            while ahead:
                mid, facts, read = ahead.pop(0)
                ahead.extend((m, f, reader.submit(self._read_ahead, f)) for m, f in islice(claimed, 1))
                state = self.process(mid, read, facts)
                if state == "filed":
                    summary.filed += 1
                elif state == "ignored":
                    summary.ignored += 1
                else:
                    summary.quarantined += 1
                if progress:
                    progress(1)
        return summary

    def requeue_quarantined(self, ids: list[int] | None = None) -> int:
        """Put quarantined messages back in the queue (griffiepost retry)."""
        with self.sessions.begin() as s:
            q = update(Message).where(Message.state == "quarantined")
            if ids:
                q = q.where(Message.id.in_(ids))
            result = s.execute(q.values(state="received", claimed_by=None))
            s.add(AuditEntry(actor="cli", action="retry", detail={"count": result.rowcount, "ids": ids or []}))
            return result.rowcount
