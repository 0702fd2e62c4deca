"""The isolated worker: a hanging, crashing or memory-hungry parser never takes the caller down."""

from __future__ import annotations

import time

from pipeline.extract.worker import WorkerPool


def test_hang_is_killed_crash_and_memory_are_reported_and_pool_restarts():
    pool = WorkerPool(memory_mb=512)
    try:
        warm = pool.run("debug_alloc", (10,), 30)
        assert warm.ok and warm.value == 10

        started = time.monotonic()
        hung = pool.run("debug_sleep", (30,), 0.5)
        assert hung.status == "timeout" and "langer dan 0.5 s" in hung.error
        assert time.monotonic() - started < 5

        crashed = pool.run("debug_crash", (), 30)
        assert crashed.status == "broken" and "SIGSEGV" in crashed.error

        hungry = pool.run("debug_alloc", (1024 * 1024 * 1024,), 30)
        assert hungry.status == "broken" and "Onvoldoende geheugen (limiet 512 MB)" in hungry.error

        again = pool.run("debug_alloc", (3,), 30)
        assert again.ok and again.value == 3
        assert pool.restarts == 2  # after the kill and after the crash; MemoryError keeps the worker alive
    finally:
        pool.close()


def test_reused_worker_has_low_overhead():
    pool = WorkerPool(memory_mb=1024)
    try:
        pool.run("debug_alloc", (1,), 30)  # start-up, paid once
        started = time.monotonic()
        for _ in range(50):
            assert pool.run("debug_alloc", (1,), 30).ok
        per_job = (time.monotonic() - started) / 50
        print(f"worker round trip: {per_job * 1000:.2f} ms")
        assert per_job < 0.02
    finally:
        pool.close()
