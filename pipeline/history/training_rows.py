"""Training rows from the council's history: its real handling decisions, with the letter's text when the mail was
paired, else the subject as the list gives it (entries without mail still teach subject -> handling)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.history.models import HistoryEntry, HistoryMatch

# The council's own decisions count three times against the generic corpus (as hand-written letters do in the
# topic model): they are few beside it, and they are the practice the model should learn for this council.
HISTORY_WEIGHT = 3


def history_rows(session: Session, profile: str) -> list[dict]:
    texts = {m.entry_id: f"{m.subject or ''}\n\n{m.text}" for m in session.scalars(select(HistoryMatch))}
    q = select(HistoryEntry).where(HistoryEntry.profile == profile, HistoryEntry.handling_code.is_not(None))
    return [{"id": f"geschiedenis-{e.id}", "text": texts.get(e.id, e.subject), "handling": e.handling_code,
             "history": True, "weight": HISTORY_WEIGHT} for e in session.scalars(q.order_by(HistoryEntry.id))]
