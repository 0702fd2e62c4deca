"""Benchmark (issue 17): import 5 years of past lists (~2,500 entries, PDF/DOCX/HTML) and match 5,000 messages.

Baseline, measured in the same run: the plain way — every file read in one process, pdfplumber's table search on
every PDF page (also on PDFs that print label blocks), and every message compared with every entry (no date
index). Target from the issue: both together in under 60 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.history import match as match_mod  # noqa: E402
from pipeline.history import readers  # noqa: E402
from pipeline.history.importer import import_lists  # noqa: E402
from pipeline.history.match import Candidate  # noqa: E402
from pipeline.history.pastmail import read_mailbox  # noqa: E402
from pipeline.history.sample_generate import ROOT, write_profile  # noqa: E402
from pipeline.registry.db import make_engine, migrate, session_factory  # noqa: E402
from pipeline.history.models import HistoryEntry  # noqa: E402

PROFILE = "nieuwkoop"
TARGET_S = 60.0


def _registry(folder: Path):
    engine = make_engine(f"sqlite:///{folder}/registry.db")
    migrate(engine)
    return engine, session_factory(engine)


def run_once(work: Path, data: Path, workers: int, naive: bool) -> tuple[float, int, int, int]:
    engine, sessions = _registry(work)
    saved_check = readers._reads_as_blocks
    if naive:
        readers._reads_as_blocks = lambda path, labels: False
    started = time.perf_counter()
    with sessions.begin() as s:
        report = import_lists(s, [data / PROFILE / "lists"], ROOT / "rules", PROFILE, workers=workers)
        entries = [Candidate(e.id, e.meeting_date, e.letter_date, e.sender, e.subject)
                   for e in s.query(HistoryEntry)]
    messages = list(read_mailbox([data / PROFILE / "mailbox.mbox"]))
    if naive:  # no date index: every entry is a candidate for every message
        saved = match_mod.WINDOW_DAYS, match_mod.MEETING_WINDOW_DAYS
        match_mod.MEETING_WINDOW_DAYS = 10_000
        result = match_mod.match(entries, messages)
        match_mod.WINDOW_DAYS, match_mod.MEETING_WINDOW_DAYS = saved
    else:
        result = match_mod.match(entries, messages)
    seconds = time.perf_counter() - started
    readers._reads_as_blocks = saved_check
    engine.dispose()
    return seconds, report.entries, len(messages), len(result.pairs)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        t0 = time.perf_counter()
        counts = write_profile(ROOT / "rules", PROFILE, data, seed=2017, start=date(2021, 1, 11),
                               end=date(2025, 12, 15), per_meeting=(44, 56), unlisted=(44, 52))
        print(f"gegenereerd in {time.perf_counter() - t0:.1f} s: {counts}")
        (Path(tmp) / "a").mkdir()
        (Path(tmp) / "b").mkdir()
        ours, n_entries, n_messages, pairs = run_once(Path(tmp) / "a", data, workers=2, naive=False)
        base, _, _, base_pairs = run_once(Path(tmp) / "b", data, workers=1, naive=True)
    print(f"{n_entries} stukken ingelezen en {n_messages} berichten gekoppeld ({pairs} paren) in {ours:.1f} s; "
          f"eenvoudige aanpak {base:.1f} s ({base_pairs} paren); doel < {TARGET_S:.0f} s")
    print(f"RESULT history_import_match_s {ours:.2f} s baseline {base:.2f} ratio {base / ours:.2f}")
    return 0 if ours < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
