"""The isolated worker: a hanging, crashing or memory-hungry parser never takes the caller down."""

from __future__ import annotations

import time

from pipeline.extract import ExtractLimits, _ocr_page, extract_attachment
from pipeline.extract.worker import WorkerPool
from pipeline.records import AttachmentPart
from test_extract_helpers import image_pdf, scan_image


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


def test_a_scanned_pdf_crosses_to_the_child_once_and_again_only_after_a_restart(monkeypatch):
    """The text pass keeps the PDF in the child; its OCR pages name it instead of sending the bytes again (issue
    13). A child restarted in between (a page that timed out) no longer has it: the bytes are then sent again."""
    data = image_pdf([scan_image("Geachte leden van de raad, wij vragen uw aandacht voor de brug.")])
    sent: list[tuple[str, bool]] = []
    real_run = WorkerPool.run

    def spy(self, name, args, timeout_s):
        sent.append((name, any(isinstance(a, bytes) for a in args)))
        return real_run(self, name, args, timeout_s)

    monkeypatch.setattr(WorkerPool, "run", spy)
    result = extract_attachment(AttachmentPart("scan.pdf", "application/pdf", data), ExtractLimits())
    assert result.status == "ocr" and "brug" in result.text
    assert sent == [("pdf_text", True), ("pdf_ocr_page", False)]

    pool = WorkerPool(memory_mb=1024)
    try:
        sent.clear()
        job = _ocr_page(pool, data, 0, "a key this new child never saw", ExtractLimits())
        assert job.ok and "brug" in job.value
        assert sent == [("pdf_ocr_page", False), ("pdf_ocr_page", True)]
    finally:
        pool.close()
