"""Driver of the crash-loop test: the mailbox is taken in, then forked workers process it and are SIGKILLed at
random moments, then one worker runs to completion.

Run as `python -m tests.crashloop_driver DB_URL DATA_DIR BOX KILLS SEED`; prints one JSON line. Rules, models and
the ORM mappers are set up once before forking, so a restart costs a fork, not an interpreter start."""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from dataclasses import replace
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import configure_mappers

from pipeline.app import App
from pipeline.config import RegistrySettings, Settings
from pipeline.flow import Pipeline
from pipeline.registry.models import Message
from pipeline.sources.files import iter_paths


def _run_worker(settings: Settings, pipeline: Pipeline) -> None:
    """In the forked child: what `griffiepost ingest` does after intake (and `watch` all day); exit 0 when done."""
    app = App.open(settings, pipeline=pipeline)
    app.process_pending()
    os._exit(0)


def _claimed_by(settings: Settings, pid: int) -> int:
    app = App.open(settings, migrate_schema=False)
    try:
        with app.sessions() as s:
            return s.scalar(select(func.count(Message.id)).where(Message.claimed_by.like(f"%:{pid}"),
                                                                  Message.state == "received"))
    finally:
        app.close()


def main(db: str, data_dir: str, box: str, kills: int, seed: int) -> None:
    settings = replace(Settings(), registry=RegistrySettings(url=db, data_dir=data_dir))
    app = App.open(settings)  # migrate and take in the mailbox, before any kill
    for raw in iter_paths([Path(box)]):
        app.intake.accept(raw.data, raw.locator, actor="cli")
    app.close()
    configure_mappers()  # once here, not in every child (it takes a second on a busy machine)
    pipeline = Pipeline.build(settings)
    rng = random.Random(seed)
    report = {"kills": 0, "mid_message": 0, "exits": []}
    for _ in range(kills):
        pid = os.fork()
        if pid == 0:
            _run_worker(settings, pipeline)
        time.sleep(rng.uniform(0.3, 2.5))
        try:
            os.kill(pid, signal.SIGKILL)
            report["kills"] += 1
        except ProcessLookupError:
            pass  # it finished before the kill: nothing left to do
        _, status = os.waitpid(pid, 0)
        report["exits"].append(os.waitstatus_to_exitcode(status))
        report["mid_message"] += _claimed_by(settings, pid) > 0
    pid = os.fork()
    if pid == 0:
        _run_worker(settings, pipeline)
    _, status = os.waitpid(pid, 0)
    report["final_exit"] = os.waitstatus_to_exitcode(status)
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
