"""The worker's acknowledgement pass, run after each round of filing: plan what is due, send what is queued."""

from __future__ import annotations

from datetime import datetime

from pipeline.acknowledge.outbox import plan_all, send_due
from pipeline.acknowledge.policy import load_policy
from pipeline.lists.profiles import active_profile


def acknowledge_pass(app, now: datetime | None = None) -> int:
    """Plan and send acknowledgements for the app's registry; returns how many were sent. Without an enabled
    [acknowledge] table in the profile it does nothing."""
    ack_policy = load_policy(app.settings.rules_dir, app.settings.profile.name)
    if not ack_policy.enabled:
        return 0
    profile = active_profile(app.settings)
    with app.sessions.begin() as s:
        plan_all(s, ack_policy, profile, app.store, now)
    return send_due(app.sessions, ack_policy, app.settings.smtp, app.store, now)
