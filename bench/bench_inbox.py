"""Benchmark: the review inbox with 10,000 items: first page, a search and a filter (server time and size).

Issue 14 asks for the first page in < 200 ms server time and < 300 KB, a search in < 300 ms; printed, not asserted.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.app import App  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.web.app import create_app  # noqa: E402
from tests.review_data import VERKEER, WONEN, ZORG, add_item  # noqa: E402

N = 10_000
REPEAT = 5
WORDS = ("zebrapad", "kinderopvang", "begroting", "windmolen", "speeltuin", "parkeren", "subsidie", "bomenkap")


def fill(app: App) -> None:
    start = datetime(2025, 1, 1, 8, tzinfo=timezone.utc)
    with app.sessions.begin() as s:
        for k in range(1, N + 1):
            word = WORDS[k % len(WORDS)]
            text = (f"Geachte raad, graag vraag ik aandacht voor de {word} in wijk {k % 37}. " * 8
                    + f"\nMet vriendelijke groet,\nJan Jansen {k}\nKerkstraat {k % 90}\n")
            add_item(s, k, f"Brief {k} over {word}", None if k % 3 else "Stichting Buurt", "inwoner" if k % 3
                     else "organisatie", "brief", (VERKEER, ZORG, WONEN)[k % 3], ("vka", "agenderen")[k % 2],
                     ("needs_review", "triaged", "reviewed")[k % 3], text, start + timedelta(minutes=17 * k))


def timed(client, url: str) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(REPEAT):
        t = time.perf_counter()
        r = client.get(url)
        times.append(time.perf_counter() - t)
        assert r.status_code == 200, (url, r.status_code)
        size = len(r.data)
    return statistics.median(times) * 1000, size


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Settings()
        settings = replace(base, registry=replace(base.registry, url=f"sqlite:///{tmp}/register.db", data_dir=tmp),
                           web=replace(base.web, require_login=False))
        app = App.open(settings)
        t = time.perf_counter()
        fill(app)
        print(f"{N} items filled in {time.perf_counter() - t:.1f} s (SQLite, FTS5 kept by triggers)")
        client = create_app(app).test_client()
        client.get("/")  # warm templates and the profile
        for label, url, limit in (("first page", "/", 200), ("search 'zebrapad'", "/?q=zebrapad", 300),
                                  ("search a number", "/?q=2025-9876", 300),
                                  ("filter + search", "/?topic=c_849842ac&q=groet+kerkstraat&page=3", 300),
                                  ("last page", "/?page=200", 200)):
            ms, size = timed(client, url)
            print(f"{label:<20} {ms:7.1f} ms (target < {limit} ms)  {size / 1024:6.1f} KB (target < 300 KB)")
        app.close()


if __name__ == "__main__":
    main()
