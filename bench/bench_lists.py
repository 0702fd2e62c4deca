"""Benchmark: a list of 500 synthetic items in every format (internal and public), seconds per format; a list of
10,000 items made (meeting added: items placed), numbered and rendered to PDF; `items --json` at 10,000 items.

BENCH_LIST_BIG sets the size of the big list (default 10,000)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.lists.meetings import add_meeting  # noqa: E402
from pipeline.lists.placement import replace_unpinned  # noqa: E402
from pipeline.lists.render import FORMATS  # noqa: E402
from pipeline.lists.service import generate  # noqa: E402
from pipeline.registry.db import make_engine, migrate, session_factory  # noqa: E402
from pipeline.registry.models import Attachment, Item, Meeting, Message  # noqa: E402
from pipeline.privacy.detected import record  # noqa: E402
from pipeline.rules.profile import load_profile  # noqa: E402

N = 500
BIG = int(os.environ.get("BENCH_LIST_BIG", 10_000))
BIG_BUDGET_S = 10.0  # issue 13: a 10,000-item list numbered and rendered to PDF in under 10 s
ROOT = Path(__file__).resolve().parent.parent
REPEAT = 3
BASELINE_S = 5.0  # issue 7: "a list of 500 items generates in under 5 seconds in all formats"
KINDS = ("overheid", "gemeenschappelijke_regeling", "organisatie", "bedrijf", "inwoner", "college")
HANDLINGS = ("vka", "college_afdoening", "college_advies", "agenderen", "betrekken", "griffie")
FIRST = ("Jan", "Fatima", "Pieter", "Sanne", "Mohamed", "Anouk", "Kees", "Lotte")
LAST = ("de Vries", "Bakker", "van den Berg", "El Amrani", "Jansen", "Visser", "de Groot", "Mulder")


def letter(i: int, name: str) -> str:
    return (f"Geachte leden van de raad,\n\nGraag vraag ik uw aandacht voor punt {i} over de verkeersveiligheid "
            f"in de Kerkstraat. De situatie is al jaren onveilig voor fietsers en kinderen.\n\n"
            f"Met vriendelijke groet,\n\n{name}\nKerkstraat {i % 90 + 1}\n2400 AB Waterlinde\n"
            f"06-{10000000 + i}\n{name.split()[0].lower()}{i}@voorbeeldpost.nl\n")


def analysis(i: int, name: str, kind: str) -> dict:
    """An analysis of the JSON contract's shape and size (what `items --json` prints per item)."""
    return {"message": {"message_id": f"<bench{i}@voorbeeld.nl>", "from": f"afzender{i}@voorbeeld.nl",
                        "to": "griffie@waterlinde.nl", "date": "2025-03-01T09:00:00+00:00", "subject": f"Brief {i}",
                        "sha256": f"{i:064x}"},
            "origin": {"forwarded": False, "from": None, "date": None, "subject": None},
            "sender": {"name": name, "organisation": None, "kind": kind, "public_label": "inwoner van Waterlinde"},
            "letter": {"date": "2025-02-01", "subject": f"Verzoek {i} over verkeersveiligheid", "reference": None,
                       "addressee": "gemeenteraad"},
            "document_kind": "brief", "circular": False, "on_list": True,
            "topic": {"code": "c_849842ac", "label": "verkeer", "uri": "https://identifier.overheid.nl/tooi/"
                      "def/thes/kern/c_849842ac", "score": 0.91},
            "topics": [{"code": "c_849842ac", "label": "verkeer", "score": 0.91}],
            "handling": {"code": "vka", "local_code": "A", "label": "voor kennisgeving aannemen", "score": 0.8},
            "committee": "Commissie Ruimte", "attachments": [], "personal_data": [],
            "reasons": ["Onderwerp verkeer (0.91) door: verkeersveiligheid, fietsers, kinderen, situatie, Kerkstraat"]}


def build(sessions, profile, n: int = N, place: bool = True) -> int:
    received = datetime(2025, 3, 1, 9, tzinfo=timezone.utc)
    with sessions.begin() as s:
        meeting = add_meeting(s, profile, date(2025, 4, 15)) if place else None
        for i in range(n):
            kind = KINDS[i % len(KINDS)]
            name = f"{FIRST[i % 8]} {LAST[(i // 8) % 8]}"
            msg = Message(sha256=f"{i:064x}", size=1000, source="file", locator=f"bench/{i}.eml",
                          subject=f"Brief {i}", state="filed", received_at=received + timedelta(minutes=i),
                          from_address=f"afzender{i}@voorbeeld.nl")
            msg.attachments.append(Attachment(position=0, filename=f"brief-{i}.pdf", content_type="application/pdf",
                                              sha256="0" * 64, size=1, status="ok", text=""))
            s.add(msg)
            s.flush()
            org = None if kind == "inwoner" else f"Organisatie {i} Waterlinde"
            item = Item(message_id=msg.id, year=2025, seq=i + 1, registration_number=f"2025-{i + 1:04d}",
                        status="triaged", received_at=msg.received_at, letter_date=date(2025, 2, 1 + i % 28),
                        subject=f"Verzoek {i} over verkeersveiligheid en groen in de wijk", sender_name=name,
                        sender_organisation=org, sender_kind=kind,
                        public_label=org or "inwoner van Waterlinde", document_kind="brief", circular=False,
                        on_list=True, topic_code="c_849842ac", handling_code=HANDLINGS[i % len(HANDLINGS)],
                        committee="Commissie Ruimte", analysis=analysis(i, name, kind), text=letter(i, name))
            record(item, msg.attachments, None)  # as filing does: personal data detected once, stored with the item
            s.add(item)
        if place:
            replace_unpinned(s)
        return meeting.id if meeting else 0


def big_list(tmp: str, profile) -> None:
    """BIG items waiting; a meeting is added (they are placed), the list numbered and rendered to PDF; then
    `items --json` over the registry, as a process of its own (time, time to the first item, peak memory)."""
    url = f"sqlite:///{tmp}/big.db"
    engine = make_engine(url)
    migrate(engine)
    sessions = session_factory(engine)
    build(sessions, profile, BIG, place=False)
    started, cpu = time.perf_counter(), time.process_time()
    with sessions.begin() as s:
        meeting = add_meeting(s, profile, date(2025, 9, 16))
    placed = time.perf_counter() - started
    placed_cpu = time.process_time() - cpu
    with sessions.begin() as s:
        # numbered and rendered as `griffiepost list MEETING --format pdf` does it: one generate that takes the
        # numbers (audited) and draws the list (until 2026-12-03 the bench numbered with a load of its own first)
        meeting = s.get(Meeting, meeting.id)
        t0 = time.perf_counter()
        out = generate(s, meeting, profile, profile.council, "pdf", number_by="bench")
        rendered = time.perf_counter() - t0
        assert len(out.built.doc.rows) == BIG and all(r.number for r in out.built.doc.rows)
    total = placed + rendered
    cpu = time.process_time() - cpu  # on a loaded shared machine the CPU time is the steadier figure
    print(f"{BIG} items: meeting added and items placed {placed:.2f} s ({placed_cpu:.2f} s CPU), numbered and "
          f"rendered to PDF {rendered:.2f} s ({cpu - placed_cpu:.2f} s CPU, {len(out.content) / 1024 / 1024:.1f} MB); "
          f"CPU time {cpu:.2f} s, load average {os.getloadavg()[0]:.1f}")
    print(f"RESULT list_{BIG}_placed_numbered_pdf {total:.2f} s baseline {BIG_BUDGET_S} ratio {BIG_BUDGET_S / total:.2f}")
    print(f"RESULT list_{BIG}_placed_numbered_pdf_cpu {cpu:.2f} s baseline {BIG_BUDGET_S} ratio {BIG_BUDGET_S / cpu:.2f}")

    # Floor for items --json: the same rows read with one SELECT and dumped, in this process.
    t0 = time.perf_counter()
    with engine.connect() as c:
        rows = [json.loads(a) if isinstance(a, str) else a for (a,) in c.exec_driver_sql("SELECT analysis FROM items")]
    json.dumps(rows, ensure_ascii=False, indent=2)
    floor = time.perf_counter() - t0
    engine.dispose()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # Started through a small Python that reports its child's peak memory: a child forked from this (large)
    # benchmark process would count this process's pages in its own peak.
    measure = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", measure, sys.executable, "-m", "pipeline", "--db", url, "items",
                             "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    first = proc.stdout.readline()
    first_s = time.perf_counter() - t0
    size = len(first) + sum(len(chunk) for chunk in iter(lambda: proc.stdout.read(1 << 16), b""))
    peak_kb = int(proc.stderr.read().split()[-1])
    elapsed = time.perf_counter() - t0
    assert proc.wait() == 0
    print(f"items --json at {BIG} items: {elapsed:.2f} s, first line after {first_s:.2f} s, {size / 1024 / 1024:.1f} MB "
          f"written, peak memory {peak_kb / 1024:.0f} MB (one SELECT + json.dumps in-process: {floor:.2f} s)")
    print(f"RESULT items_json_{BIG}_s {elapsed:.2f} s baseline {floor:.2f} ratio {floor / elapsed:.2f}")


def main() -> None:
    profile = load_profile(Path(__file__).resolve().parent.parent / "rules", "generiek")
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/bench.db")
        migrate(engine)
        sessions = session_factory(engine)
        meeting_id = build(sessions, profile)
        with sessions.begin() as s:  # numbers are taken once, outside the timing
            generate(s, s.get(Meeting, meeting_id), profile, profile.council, "json", number_by="bench")
        totals = {False: 0.0, True: 0.0}
        for public in (False, True):
            for fmt in FORMATS:
                times = []
                for _ in range(REPEAT):  # best of REPEAT: the machine is shared, the minimum is the signal
                    with sessions.begin() as s:
                        t0 = time.perf_counter()
                        out = generate(s, s.get(Meeting, meeting_id), profile, profile.council, fmt, public)
                        times.append(time.perf_counter() - t0)
                    assert len(out.built.doc.rows) == N
                totals[public] += min(times)
                print(f"{'openbaar' if public else 'intern':<8} {fmt:<5} {min(times):6.2f} s (max {max(times):.2f})"
                      f"  {len(out.content) / 1024:8.0f} kB")
        engine.dispose()
    print(f"intern: {totals[False]:.2f} s, openbaar (met detectie en privacycontrole): {totals[True]:.2f} s")
    # Baseline: the 5-second budget for all formats of a 500-item list; measured here over all five
    # formats in BOTH versions (internal and public), the stricter reading.
    total = totals[False] + totals[True]
    print(f"RESULT list_500_all_formats {total:.2f} s baseline {BASELINE_S} ratio {BASELINE_S / total:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        big_list(tmp, profile)


if __name__ == "__main__":
    main()
