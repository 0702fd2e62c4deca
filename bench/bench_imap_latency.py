"""Benchmark: APPEND -> filed item latency of `griffiepost watch` (IDLE) against a poll-only watcher, same run."""

from __future__ import annotations

import argparse
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.app import App  # noqa: E402
from tests.imap.dovecot import Dovecot  # noqa: E402
from tests.imap.support import (  # noqa: E402
    account_for, filed_shas, imap_state, mail, settings_for, start_cli, wait_for, write_config,
)

USERS = {"griffie": "geheim"}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def measure(server: Dovecot, work: Path, label: str, count: int, no_idle: bool, poll_interval: float) -> list[float]:
    """Start `watch`, APPEND `count` messages one at a time, and time each until its item is filed."""
    work.mkdir(parents=True)
    inbox, done = f"Bench-{label}", f"Bench-{label}-verwerkt"
    client = server.client("griffie", USERS["griffie"])
    client.create_folder(inbox)
    settings = settings_for(work, account_for(server, inbox, done), poll_interval_s=poll_interval)
    config = write_config(work / "config.toml", settings)
    app = App.open(settings)
    proc = start_cli(config, "watch", *(["--no-idle"] if no_idle else []), password=USERS["griffie"])
    latencies: list[float] = []
    rng = random.Random(4)
    try:
        wait_for(lambda: (s := imap_state(app.sessions, "griffie", inbox)) and s.last_poll_at, 120,
                 what=f"{label}: the first poll")
        for i in range(count):
            if no_idle:  # arrive at a random moment of the poll cycle, as real mail does
                time.sleep(rng.uniform(0, poll_interval))
            before = len(filed_shas(app.sessions))
            started = time.monotonic()
            client.append(inbox, mail(f"Benchmarkbrief {label} {i}: verzoek om een reactie"))
            wait_for(lambda: len(filed_shas(app.sessions)) > before, poll_interval * 3 + 30, interval=0.01,
                     what=f"{label}: message {i} filed")
            latencies.append(time.monotonic() - started)
            print(f"  {label} {i + 1}/{count}: {latencies[-1]:.2f} s", file=sys.stderr)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
        client.logout()
        app.close()
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=50, help="messages for the IDLE measurement")
    parser.add_argument("--baseline-messages", type=int, default=8, help="messages for the poll-only baseline")
    parser.add_argument("--poll-interval", type=float, default=10.0,
                        help="poll_interval_s of the baseline (production default: 180 s)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="griffiepost-bench-") as tmp:
        server = Dovecot(Path(tmp) / "dovecot", USERS)
        server.start()
        try:
            idle = measure(server, Path(tmp) / "idle", "idle", args.messages, no_idle=False, poll_interval=300.0)
            poll = measure(server, Path(tmp) / "poll", "poll", args.baseline_messages, no_idle=True,
                           poll_interval=args.poll_interval)
        finally:
            server.stop()
    p50, p95 = statistics.median(idle), percentile(idle, 0.95)
    base = statistics.median(poll)
    print(f"watch (IDLE), {len(idle)} messages: median {p50:.2f} s, p95 {p95:.2f} s, max {max(idle):.2f} s")
    print(f"baseline: watch --no-idle (polling only) with poll_interval_s={args.poll_interval:g}, {len(poll)} "
          "messages arriving at random moments: "
          f"median {base:.2f} s, p95 {percentile(poll, 0.95):.2f} s (polling waits scale with the interval; "
          "the production default is 180 s)")
    print(f"RESULT imap_watch_latency_p50 {p50:.3f} s baseline {base:.3f} ratio {base / p50:.2f}")
    print(f"RESULT imap_watch_latency_p95 {p95:.3f} s baseline {percentile(poll, 0.95):.3f} "
          f"ratio {percentile(poll, 0.95) / p95:.2f}")


if __name__ == "__main__":
    main()
