"""What `evaluate --history` and `demo` need from pipeline.history, kept here so the shared CLI modules stay small."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.base import emit_json
from pipeline.config import Settings
from pipeline.history.evaluation import evaluate_history
from pipeline.history.importer import import_lists
from pipeline.history.sample_paths import DEFAULT_OUT, PROFILES
from pipeline.history.service import match_mailbox


def sample_profile(settings: Settings, asked: str = "") -> str:
    """The profile whose generated past is used: the one asked for, else the configured one when a sample exists
    for it, else nieuwkoop."""
    if asked:
        return asked
    return settings.profile.name if settings.profile.name in PROFILES else PROFILES[0]


def run_history_evaluation(settings: Settings, asked: str, as_json: bool) -> None:
    report = evaluate_history(settings, sample_profile(settings, asked))
    if as_json:
        emit_json(report.as_dict())
    else:
        click.echo(report.render())


def import_sample_history(app, sample_dir: Path = DEFAULT_OUT) -> list[str]:
    """`griffiepost demo`: the generated past lists and mail of the active profile (or nieuwkoop) into the registry.
    History is applied only under its own profile, so with another profile it is there to look at, not to judge."""
    profile = sample_profile(app.settings)
    base = sample_dir / profile
    with app.sessions.begin() as s:
        report = import_lists(s, [base / "lists"], app.settings.rules_dir, profile, actor="demo")
        if not report.entries:
            return report.lines()
        result, _ = match_mailbox(s, [base / "mailbox.mbox"])
    return [f"Voorbeeldgeschiedenis van {profile}: {report.lines()[0]}",
            f"{len(result.pairs)} berichten van vorige jaren gekoppeld aan een stuk."] + report.lines()[1:]
