"""The worker's acknowledgement pass, run after each round of filing: plan what is due, send what is queued; and the
outbox clock of a long-running worker, so retries and items confirmed in the web app go out without new mail."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from pipeline.acknowledge.outbox import plan_all, send_due
from pipeline.acknowledge.policy import load_policy
from pipeline.errors import GriffieError
from pipeline.lists.profiles import active_profile
from pipeline.registry.retry import patiently

OUTBOX_TICK_S = 30.0  # how often `griffiepost watch` runs the outbox pass when no mail arrives


def acknowledge_pass(app, now: datetime | None = None) -> int:
    """Plan and send acknowledgements for the app's registry; returns how many were sent. Without an enabled
    [acknowledge] table in the profile it does nothing."""
    ack_policy = load_policy(app.settings.rules_dir, app.settings.profile.name)
    if not ack_policy.enabled:
        return 0
    profile = active_profile(app.settings)

    def planning() -> None:
        with app.sessions.begin() as s:
            plan_all(s, ack_policy, profile, app.store, now)

    patiently(planning, "ontvangstbevestigingen opstellen")  # another pass may hold the database for a moment
    return send_due(app.sessions, ack_policy, app.settings.smtp, app.store, now)


def outbox_clock(app, stop: threading.Event, lock: threading.Lock, say: Callable[[str], None],
                 every_s: float = OUTBOX_TICK_S) -> threading.Thread:
    """A daemon thread that runs the outbox pass every `every_s` seconds until `stop` is set. `lock` is the one the
    filing rounds hold too: two passes at once could plan the same item twice."""
    def tick() -> None:
        while not stop.wait(every_s):
            try:
                with lock:
                    app.scan_personal_data()  # items of an old registry waiting for their scan
                    sent = app.acknowledge()
            except GriffieError as e:  # a bad template or an unreachable database: said, tried again next tick
                say(f"Fout bij ontvangstbevestigingen: {e}")
                continue
            if sent:
                say(f"{sent} ontvangstbevestiging(en) verstuurd.")

    thread = threading.Thread(target=tick, name="outbox", daemon=True)
    thread.start()
    return thread
