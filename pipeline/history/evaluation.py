"""`griffiepost evaluate --history`: handling and committee with and without the council's history, on a later period.

The generated past of a bundled profile is imported into a throwaway registry; the practice is learnt from the lists
before the cut-off date only, and the mail of the later lists is judged twice by the whole pipeline: once without
history, once with it. Scored by the council's own codes (the local code), since that is what the list shows.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from email import message_from_bytes, policy
from pathlib import Path

from sqlalchemy import func, select

from pipeline.app import App
from pipeline.config import ProfileSettings, RegistrySettings, Settings
from pipeline.errors import GriffieError
from pipeline.flow import Pipeline
from pipeline.history.importer import import_lists
from pipeline.history.models import HistoryEntry, HistoryMatch
from pipeline.history.practice import Practice
from pipeline.history.sample_paths import DEFAULT_OUT, PROFILES
from pipeline.history.service import match_mailbox
from pipeline.sources.files import iter_paths

CUTOFF = date(2025, 7, 1)


@dataclass
class HistoryScore:
    profile: str
    cutoff: date
    learnt_entries: int
    learnt_pairs: int
    n: int = 0
    correct: dict[str, dict[str, int]] = field(default_factory=lambda: {
        "zonder": {"handling": 0, "committee": 0}, "met": {"handling": 0, "committee": 0}})

    def accuracy(self, run: str, what: str) -> float:
        return self.correct[run][what] / self.n if self.n else 0.0

    def as_dict(self) -> dict:
        return {"profile": self.profile, "cutoff": self.cutoff.isoformat(), "learnt_entries": self.learnt_entries,
                "learnt_pairs": self.learnt_pairs, "heldout_messages": self.n,
                **{f"{what}_{run}": round(self.accuracy(run, what), 4)
                   for run in ("zonder", "met") for what in ("handling", "committee")}}

    def render(self) -> str:
        out = [f"Geschiedenis van {self.profile}: {self.learnt_entries} stukken van lijsten vóór "
               f"{self.cutoff.isoformat()} ({self.learnt_pairs} met hun bericht) als praktijk van de raad; "
               f"getoetst op {self.n} berichten van latere lijsten."]
        for what, word in (("handling", "afhandeling"), ("committee", "commissie")):
            without, with_ = self.accuracy("zonder", what), self.accuracy("met", what)
            out.append(f"  {word:<12} zonder geschiedenis {without:6.1%}   met geschiedenis {with_:6.1%}   "
                       f"({(with_ - without) * 100:+.1f} punten)")
        return "\n".join(out)


def evaluate_history(settings: Settings, profile: str, sample_dir: Path = DEFAULT_OUT, cutoff: date = CUTOFF,
                     work_dir: Path | None = None) -> HistoryScore:

    if profile not in PROFILES:
        raise GriffieError(f"Geen voorbeeldgeschiedenis voor profiel '{profile}' (wel: {', '.join(PROFILES)}).")
    base = sample_dir / profile
    with tempfile.TemporaryDirectory(dir=work_dir) as tmp:
        s = replace(settings, registry=RegistrySettings(url=f"sqlite:///{tmp}/registry.db", data_dir=tmp),
                    profile=replace(settings.profile or ProfileSettings(), name=profile))
        app = App.open(s)
        with app.sessions.begin() as db:
            import_lists(db, [base / "lists"], s.rules_dir, profile)
            match_mailbox(db, [base / "mailbox.mbox"], before=cutoff)
        with app.sessions() as db:
            practice = Practice.from_session(db, profile, before=cutoff)
            learnt = db.scalar(select(func.count(HistoryEntry.id)).where(HistoryEntry.meeting_date < cutoff))
            pairs = db.scalar(select(func.count(HistoryMatch.id)).join(HistoryEntry)
                              .where(HistoryEntry.meeting_date < cutoff))
        app.close()
        pipe = Pipeline.build(s)
    truth = json.loads((base / "truth.json").read_text(encoding="utf-8"))
    entries = {e["key"]: e for e in truth["entries"]}
    report = HistoryScore(profile, cutoff, learnt, pairs)
    profile_ = pipe.ruleset.profile
    for raw in iter_paths([base / "mailbox.mbox"]):
        mid = str(message_from_bytes(raw.data, policy=policy.compat32).get("Message-ID", "")).strip()
        gold = truth["mails"].get(mid)
        if not gold or gold["case"] != "original" or entries[gold["entry"]]["meeting"] < cutoff.isoformat():
            continue
        entry = entries[gold["entry"]]
        report.n += 1
        for run, history in (("zonder", None), ("met", practice)):
            pipe.history = history
            c = pipe.run(raw.data).classification
            report.correct[run]["handling"] += profile_.local(c.handling.code)[0] == profile_.local(entry["handling"])[0]
            report.correct[run]["committee"] += c.committee == entry["committee"]
    return report
