"""Ingest throughput and memory: the whole sample mailbox through the pipeline into SQLite.

Baselines, measured in the same process:
- speed: the intake alone (raw bytes kept + message row committed) for the same messages, i.e. the part of
  the work that must happen before a message is safe; the ratio shows what the reading and judging costs.
- memory: the process's resident size after start-up (imports, no pipeline loaded) against its peak during the
  run, and the extraction worker's peak (the child process that parses PDFs and runs OCR).
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.app import App  # noqa: E402
from pipeline.config import RegistrySettings, Settings  # noqa: E402
from pipeline.sources.files import iter_path  # noqa: E402

MAILBOX = ROOT / "pipeline" / "sample" / "mailbox"


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    messages = list(iter_path(MAILBOX))
    start_rss = rss_mb()
    with tempfile.TemporaryDirectory() as tmp:
        app = App.open(replace(Settings(), registry=RegistrySettings(url=f"sqlite:///{tmp}/b.db", data_dir=tmp)))
        t0 = time.perf_counter()
        for m in messages:
            app.intake.accept(m.data, m.locator)
        intake_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = app.process_pending()
        pipeline_s = time.perf_counter() - t0
        app.close()
    from pipeline.extract.worker import get_pool

    get_pool(Settings().limits.worker_memory_mb).close()  # reap the worker so its peak is counted
    n = len(messages)
    intake_rate, pipeline_rate = n / intake_s, n / pipeline_s
    peak, child = rss_mb(), rss_mb(resource.RUSAGE_CHILDREN)
    print(f"{n} messages: intake {intake_s:.2f} s, pipeline {pipeline_s:.2f} s (incl. loading rules and models, "
          f"OCR of the scans); filed {summary.filed}, ignored {summary.ignored}, quarantined {summary.quarantined}")
    print(f"memory: {start_rss:.0f} MB after start-up, peak {peak:.0f} MB; extraction worker peak {child:.0f} MB")
    print(f"RESULT ingest_msgs_per_s {pipeline_rate:.2f} msg/s baseline {intake_rate:.2f} "
          f"ratio {pipeline_rate / intake_rate:.3f}")
    print(f"RESULT ingest_peak_rss {peak:.0f} MB baseline {start_rss:.0f} ratio {start_rss / peak:.2f}")


if __name__ == "__main__":
    main()
