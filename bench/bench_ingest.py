"""End-to-end ingest per message on three generated corpora, each against its floor measured in the same run.

Corpora (bench/corpus.py): plain-text letters, letters as a 2-page text PDF, 1-page scans. Sizes from the
environment: BENCH_PLAIN (default 2000), BENCH_PDF (200), BENCH_SCANS (10).

End to end = intake (raw bytes kept + message row committed, one transaction per message, as `ingest` does)
+ the worker (parse, extract, analyse, classify with reasons, file). Rules and models are loaded before the
clock starts (printed apart): their one-off cost is not a per-message cost.

The floor per message, measured here on the same messages, in one process: the standard library's parse of the
message, the text of every PDF page with pypdfium2 (scans: Tesseract alone on the same rendered page), one textcat
call of the topic model on the text, and a batched insert of the message into SQLite.

The scan corpus also runs without the read-ahead (each message read, then judged, in turn): the overlap's gain.
Memory: resident size after 1,000 plain messages and at the end (flat means no growth per message), peak of the
process and of the extraction child.
"""

from __future__ import annotations

import email
import os
import resource
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from email import policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pypdfium2 as pdfium  # noqa: E402

import corpus  # noqa: E402
from pipeline.app import App  # noqa: E402
from pipeline.config import RegistrySettings, Settings  # noqa: E402
from pipeline.extract import ExtractLimits  # noqa: E402
from pipeline.extract.ocr import run_tesseract  # noqa: E402
from pipeline.extract.pdf import render_page  # noqa: E402
from pipeline.extract.worker import close_pools  # noqa: E402
from pipeline.judge import feature_doc, load_judge  # noqa: E402
from pipeline.records import Locator  # noqa: E402
from pipeline.stages.parse import parse_message  # noqa: E402

SIZES = {"plain": int(os.environ.get("BENCH_PLAIN", 2000)), "pdf": int(os.environ.get("BENCH_PDF", 200)),
         "scan": int(os.environ.get("BENCH_SCANS", 10))}


def rss_now_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024


def floor_ms(raws: list[bytes], scan_pages: list | None = None) -> float:
    """Per message: stdlib parse + PDF text (pypdfium2) or Tesseract alone + one textcat call + batched insert."""
    nlp = load_judge(Settings().models_dir)._nlp["topic"]
    textcat = nlp.get_pipe("textcat")
    rows = []
    started = time.perf_counter()
    for i, raw in enumerate(raws):
        msg = email.message_from_bytes(raw, policy=policy.default)
        texts = [msg.get_body(("plain",)).get_content()]
        for part in msg.iter_attachments():
            data = part.get_payload(decode=True)
            if scan_pages is not None:
                texts.append(run_tesseract(scan_pages[i], "nld", 120))
                continue
            with pdfium.PdfDocument(data) as doc:
                texts += [doc[n].get_textpage().get_text_range() for n in range(len(doc))]
        text = "\n\n".join(texts)
        textcat(feature_doc(nlp, text, field="topic"))
        rows.append((i, msg["Message-ID"], text))
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE m (id INTEGER PRIMARY KEY, message_id TEXT, text TEXT)")
    with db:
        db.executemany("INSERT INTO m VALUES (?, ?, ?)", rows)
    db.close()
    return (time.perf_counter() - started) * 1000 / len(raws)


def ingest_ms(raws: list[bytes], read_ahead: bool = True, checkpoints: dict | None = None) -> tuple[float, dict]:
    """Intake + worker per message, in a fresh SQLite registry; rules and models loaded before the clock."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = replace(Settings(), registry=RegistrySettings(url=f"sqlite:///{tmp}/b.db", data_dir=tmp))
        app = App.open(settings)
        t0 = time.perf_counter()
        _ = app.worker.pipeline.judge
        load_s = time.perf_counter() - t0
        done = [0]

        def progress(n: int) -> None:
            done[0] += n
            if checkpoints is not None and done[0] % 1000 == 0:
                checkpoints[done[0]] = rss_now_mb()

        started = time.perf_counter()
        for i, raw in enumerate(raws):
            app.intake.accept(raw, Locator("file", f"bench/{i}.eml"))
        intake_s = time.perf_counter() - started
        if read_ahead:
            summary = app.process_pending(progress)
        else:  # the same worker, each message read and then judged in turn
            for mid in app.worker.pending_ids():
                if app.worker.claim(mid):
                    app.worker.process(mid)
            summary = None
        total_s = time.perf_counter() - started
        app.close()
    info = {"load_s": load_s, "intake_ms": intake_s * 1000 / len(raws), "summary": summary}
    return total_s * 1000 / len(raws), info


def check_texts(raws: list[bytes]) -> None:
    """The corpus is what it says: every message parses and has its attachment."""
    for raw in raws[:3]:
        assert parse_message(raw, max_depth=5).subject


def main() -> None:
    start_rss = rss_now_mb()
    results = []
    plain = corpus.plain(SIZES["plain"])
    check_texts(plain)
    floor = floor_ms(plain)
    checkpoints: dict[int, float] = {}
    ours, info = ingest_ms(plain, checkpoints=checkpoints)
    print(f"plain: {len(plain)} messages, models loaded in {info['load_s']:.1f} s; intake {info['intake_ms']:.1f} "
          f"ms/msg; {info['summary']}")
    results.append(("plain", ours, floor))

    pdfs = corpus.pdf(SIZES["pdf"])
    floor = floor_ms(pdfs)
    ours, info = ingest_ms(pdfs)
    print(f"pdf: {len(pdfs)} messages (2-page text PDF); intake {info['intake_ms']:.1f} ms/msg; {info['summary']}")
    results.append(("pdf", ours, floor))

    pages = corpus.scan_pages(SIZES["scan"])
    scans = corpus.scans(pages)
    rendered = [render_page(corpus_pdf, 0, ExtractLimits()) for corpus_pdf in
                (next(email.message_from_bytes(r, policy=policy.default).iter_attachments()).get_payload(decode=True)
                 for r in scans)]
    floor = floor_ms(scans, scan_pages=rendered)
    overlapped, info = ingest_ms(scans)
    sequential, _ = ingest_ms(scans, read_ahead=False)
    print(f"scan: {len(scans)} messages (1-page scan); overlapped {overlapped:.0f} ms/msg, in turn {sequential:.0f}")
    results.append(("scan", overlapped, floor))

    close_pools()  # reap the children so their peak is counted
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    marks = ", ".join(f"{n}: {mb:.0f} MB" for n, mb in sorted(checkpoints.items()))
    print(f"memory: {start_rss:.0f} MB at start; resident after n plain messages: {marks}; peak {peak:.0f} MB; "
          f"extraction child peak {child:.0f} MB")
    for name, ours, floor in results:
        print(f"RESULT end_to_end_{name}_ms_per_msg {ours:.1f} ms baseline {floor:.1f} ratio {floor / ours:.3f}")
    print(f"RESULT scan_msgs_per_s_overlapped {1000 / overlapped:.3f} msg/s baseline {1000 / sequential:.3f} "
          f"ratio {sequential / overlapped:.2f}")
    if len(checkpoints) >= 2:
        first, last = checkpoints[min(checkpoints)], checkpoints[max(checkpoints)]
        print(f"RESULT ingest_rss_growth_{min(checkpoints)}_to_{max(checkpoints)} {last:.0f} MB baseline {first:.0f} "
              f"ratio {first / last:.2f}")
    print(f"RESULT ingest_peak_rss {peak:.0f} MB baseline 800 ratio {800 / peak:.2f}")


if __name__ == "__main__":
    main()
