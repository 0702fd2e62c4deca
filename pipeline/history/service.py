"""`griffiepost history match`: pair a past mailbox with the imported entries and keep the pairs in the registry."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipeline.history.match import Candidate, MatchResult, match
from pipeline.history.models import HistoryEntry, HistoryMatch
from pipeline.history.pastmail import read_mailbox, read_raw
from pipeline.sources.files import RawMessage


def match_mailbox(session: Session, paths: list[Path], before: date | None = None,
                  raws: Iterable[RawMessage] = ()) -> tuple[MatchResult, dict[int, HistoryEntry]]:
    """Pair every message under paths and in raws (an IMAP folder), sent before `before` when given, with an
    entry; a rerun over the same mail replaces its earlier pairs."""
    found = itertools.chain(read_mailbox(paths), read_raw(raws))
    messages = [m for m in found if before is None or (m.sent is not None and m.sent < before)]
    ids = {m.message_id for m in messages}
    old = [m for m in session.scalars(select(HistoryMatch)) if m.message_id in ids]
    if old:
        session.execute(delete(HistoryMatch).where(HistoryMatch.id.in_([m.id for m in old])))
    taken = set(session.scalars(select(HistoryMatch.entry_id)))  # paired with mail of another mailbox
    entries = {e.id: e for e in session.scalars(select(HistoryEntry)) if e.id not in taken}
    result = match([Candidate(e.id, e.meeting_date, e.letter_date, e.sender, e.subject) for e in entries.values()],
                   messages)
    # a forward teaches the original sender's address, not the colleague's who forwarded it
    session.add_all(HistoryMatch(entry_id=p.entry_id, message_id=p.message.message_id,
                                 from_address=(p.message.forwarded_from or ("", p.message.from_address))[1],
                                 sent=p.message.sent,
                                 subject=p.message.subject, text=p.message.text, score=p.score)
                    for p in result.pairs)
    return result, entries
