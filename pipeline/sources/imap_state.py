"""The registry side of IMAP intake: per account/folder progress (ImapState) and done server actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from pipeline.registry.models import ImapState, MessageLocator, utcnow


def locator_ref(account: str, folder: str, uidvalidity: int, uid: int) -> str:
    return f"{account}/{folder}/{uidvalidity}/{uid}"


@dataclass(frozen=True)
class FolderState:
    uidvalidity: int | None
    last_uid: int


def _row(s: Session, account: str, folder: str) -> ImapState:
    row = s.scalar(select(ImapState).where(ImapState.account == account, ImapState.folder == folder))
    if row is None:
        row = ImapState(account=account, folder=folder, last_uid=0, backlog=0)
        s.add(row)
    return row


def load_state(sessions: sessionmaker, account: str, folder: str) -> FolderState:
    with sessions() as s:
        row = s.scalar(select(ImapState).where(ImapState.account == account, ImapState.folder == folder))
        return FolderState(None, 0) if row is None else FolderState(row.uidvalidity, row.last_uid or 0)


def start_validity(sessions: sessionmaker, account: str, folder: str, uidvalidity: int) -> None:
    """A new (or first) UIDVALIDITY: every UID starts over; identity (sha256) keeps us from taking twice."""
    with sessions.begin() as s:
        row = _row(s, account, folder)
        row.uidvalidity = uidvalidity
        row.last_uid = 0


def save_batch(sessions: sessionmaker, account: str, folder: str, last_uid: int, backlog: int,
               actions: dict[str, str]) -> None:
    """After the server action: the done action per locator and how far this folder got, in one commit."""
    with sessions.begin() as s:
        for ref, action in actions.items():
            s.execute(update(MessageLocator).where(MessageLocator.source == "imap", MessageLocator.ref == ref)
                      .values(server_action=action))
        row = _row(s, account, folder)
        row.last_uid = max(row.last_uid or 0, last_uid)
        row.backlog = backlog


def record_poll(sessions: sessionmaker, account: str, folder: str, backlog: int,
                at: datetime | None = None) -> None:
    with sessions.begin() as s:
        row = _row(s, account, folder)
        row.last_poll_at = at or utcnow()
        row.backlog = backlog


def record_error(sessions: sessionmaker, account: str, folder: str, message: str) -> None:
    with sessions.begin() as s:
        row = _row(s, account, folder)
        row.last_error = message
        row.last_error_at = utcnow()


def status_rows(sessions: sessionmaker, configured: list[tuple[str, str]]) -> list[dict]:
    """Every configured account/folder (also those never polled) plus any others seen before."""
    with sessions() as s:
        rows = {(r.account, r.folder): r for r in s.scalars(select(ImapState))}
    out = []
    for key in configured + sorted(k for k in rows if k not in configured):
        r = rows.get(key)
        out.append({
            "account": key[0], "folder": key[1], "configured": key in configured,
            "uidvalidity": r.uidvalidity if r else None, "last_uid": r.last_uid if r else 0,
            "last_poll_at": r.last_poll_at.isoformat() if r and r.last_poll_at else None,
            "last_error": r.last_error if r else None,
            "last_error_at": r.last_error_at.isoformat() if r and r.last_error_at else None,
            "backlog": r.backlog if r else 0,
        })
    return out
