"""The council's practice per sender, learnt from its imported lists: what it did with this sender's letters before.

A sender is recognised by its mail domain (learnt from past mail paired with entries) or by its organisation's name
as the lists write it. Generic senders ("inwoner") and webmail domains teach nothing about one sender.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import inspect, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from pipeline.history.match import WEBMAIL, is_generic
from pipeline.history.models import HistoryEntry, HistoryMatch
from pipeline.registry.db import make_engine
from pipeline.registry.where import no_sqlite_file
from pipeline.vocab import long_date



def name_key(name: str | None) -> str | None:
    text = " ".join((name or "").lower().split())
    return f"naam:{text}" if text and not is_generic(text) else None


def domain_key(address: str | None) -> str | None:
    domain = (address or "").rsplit("@", 1)[-1].lower() if "@" in (address or "") else ""
    label = domain.split(".")[0] if domain else ""
    return f"domein:{domain}" if domain and label not in WEBMAIL else None


@dataclass(frozen=True)
class Precedent:
    meeting_date: date | None
    number: str
    handling: str
    committee: str | None


@dataclass(frozen=True)
class Proposal:
    handling: str
    committee: str | None
    cited: Precedent  # the latest entry with the proposed handling
    agree: int
    total: int
    sender: str

    def reason(self, handling_words: str) -> str:
        when = self.cited.meeting_date
        shown = long_date(when) if when else "een eerdere vergadering"
        committee = f", {self.committee}" if self.committee else ""
        return (f"Eerder van {self.sender}: zo behandeld op de lijst van {shown}, nr {self.cited.number} "
                f"({handling_words}{committee}; {self.agree} van {self.total} eerdere stukken)")


class Practice:
    def __init__(self, precedents: dict[str, list[Precedent]], senders: dict[str, str]) -> None:
        self.precedents = precedents
        self.senders = senders  # key -> the sender as the lists write it

    def __len__(self) -> int:
        return len(self.precedents)

    @classmethod
    def from_session(cls, s: Session, profile: str, before: date | None = None) -> "Practice":
        precedents: dict[str, list[Precedent]] = {}
        senders: dict[str, str] = {}
        domains = dict(s.execute(select(HistoryMatch.entry_id, HistoryMatch.from_address)).all())
        q = select(HistoryEntry).where(HistoryEntry.profile == profile, HistoryEntry.handling_code.is_not(None))
        for e in s.scalars(q.order_by(HistoryEntry.meeting_date, HistoryEntry.id)):
            if before is not None and (e.meeting_date is None or e.meeting_date >= before):
                continue
            p = Precedent(e.meeting_date, e.number, e.handling_code, e.committee)
            for key in {name_key(e.sender), domain_key(domains.get(e.id))} - {None}:
                precedents.setdefault(key, []).append(p)
                senders.setdefault(key, e.sender)
        return cls(precedents, senders)

    def propose(self, organisation: str | None, name: str | None, address: str | None) -> Proposal | None:
        """The handling and committee this council gave the sender most often, citing its latest such entry."""
        for key in (domain_key(address), name_key(organisation), name_key(name)):
            seen = self.precedents.get(key) if key else None
            if not seen:
                continue
            handling, agree = Counter(p.handling for p in seen).most_common(1)[0]
            committees = Counter(p.committee for p in seen if p.committee)
            committee = committees.most_common(1)[0][0] if committees else None
            cited = [p for p in seen if p.handling == handling][-1]
            return Proposal(handling, committee, cited, agree, len(seen), self.senders[key])
        return None


def load_practice(registry_url: str, profile: str) -> Practice | None:
    """The practice in the registry for this profile, or None when there is no registry or no imported history
    (`griffiepost classify` runs without a registry; nothing is created here)."""
    if no_sqlite_file(registry_url):
        return None
    engine = make_engine(registry_url)
    try:
        if not inspect(engine).has_table("history_entries"):
            return None
        with Session(engine) as s:
            practice = Practice.from_session(s, profile)
        return practice if len(practice) else None
    except OperationalError:  # a registry that cannot be reached here: judge without history, the worker reports it
        return None
    finally:
        engine.dispose()
