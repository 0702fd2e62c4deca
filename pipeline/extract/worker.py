"""A reusable one-process pool that runs risky parsing with a wall-clock limit and a memory rlimit."""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any


@dataclass
class JobResult:
    """`value` when ok; else `status` (broken, timeout, ...) and a Dutch `error`."""

    ok: bool
    value: Any = None
    status: str = "ok"
    error: str | None = None
    seconds: float = 0.0


class WorkerPool:
    """One child (`python -m pipeline.extract.child`), started on first use and restarted after a kill or crash."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self._proc: subprocess.Popen | None = None
        self._send: Connection | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()
        self.restarts = 0

    def _start(self) -> None:
        # A fresh interpreter rather than multiprocessing's spawn: no re-import of the caller's __main__.
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        root = str(Path(__file__).resolve().parents[2])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(x for x in (root, os.environ.get("PYTHONPATH")) if x))
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "pipeline.extract.child", str(to_child_r), str(from_child_w), str(self.memory_mb)],
                pass_fds=(to_child_r, from_child_w),
                start_new_session=True,
                env=env,
            )
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self._send = Connection(to_child_w, readable=False)
        self._conn = Connection(from_child_r, writable=False)

    def _alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _kill(self) -> None:
        proc = self._proc
        if proc is not None:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the worker and any Tesseract it started
            except ProcessLookupError:
                pass  # already gone: nothing left to stop
            proc.wait(5)
        for conn in (self._send, self._conn):
            if conn is not None:
                conn.close()
        self._proc, self._send, self._conn = None, None, None

    def _ensure_started(self) -> None:
        """(Re)start the child unless it runs; the caller holds the lock."""
        if not self._alive():
            if self._proc is not None:
                self._kill()
                self.restarts += 1
            self._start()

    def warm(self) -> None:
        """Start the child now, so it imports its libraries while the caller goes on (no-op when it runs)."""
        with self._lock:
            self._ensure_started()

    def run(self, name: str, args: tuple, timeout_s: float) -> JobResult:
        """Run one job; never raises for what the job does."""
        with self._lock:
            self._ensure_started()
            assert self._conn is not None and self._send is not None and self._proc is not None
            started = time.monotonic()
            try:
                self._send.send((name, args))
            except (BrokenPipeError, OSError):
                pass  # the child died at start-up; the poll below sees the closed pipe and reports it
            if not self._conn.poll(timeout_s):
                self._kill()
                self.restarts += 1
                return JobResult(False, status="timeout", error=f"Verwerking duurde langer dan {timeout_s:g} s en is afgebroken",
                                 seconds=time.monotonic() - started)
            try:
                reply = self._conn.recv()
            except (EOFError, ConnectionResetError, OSError):
                code = self._proc.wait(5)
                self._kill()
                self.restarts += 1
                how = f"signaal {signal.Signals(-code).name}" if code is not None and code < 0 else f"code {code}"
                return JobResult(False, status="broken", error=f"Bestand liet de verwerking vastlopen (gestopt met {how})",
                                 seconds=time.monotonic() - started)
            seconds = time.monotonic() - started
            if reply[0] == "ok":
                return JobResult(True, value=reply[1], seconds=seconds)
            return JobResult(False, status=reply[1], error=reply[2], seconds=seconds)

    def close(self) -> None:
        """Stop the child at once: it keeps nothing (it only parses the bytes it is sent), and waiting for its
        interpreter to wind down cost a one-shot command such as `classify` ~0.2 s at exit (issue 13)."""
        with self._lock:
            self._kill()


_pools: dict[tuple[int, int], WorkerPool] = {}
_pools_lock = threading.Lock()
_slot = threading.local()


def use_slot(slot: int) -> None:
    """Let the calling thread use extraction child `slot` (threads use child 0 unless they say otherwise): the
    worker's read-ahead threads each take their own, so two scans are read by OCR on two cores at once."""
    _slot.n = slot


def get_pool(memory_mb: int) -> WorkerPool:
    """The pool for this memory limit and the calling thread's slot (normally exactly one)."""
    key = (memory_mb, getattr(_slot, "n", 0))
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            pool = _pools[key] = WorkerPool(memory_mb)
        return pool


@atexit.register
def close_pools() -> None:
    """Stop every extraction child (at exit; the benchmarks call it to count the children's peak memory)."""
    for pool in list(_pools.values()):
        pool.close()

