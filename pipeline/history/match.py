"""Pair past messages with imported list entries: subject similarity, sender and a date window, one to one.

Each message is compared only with entries whose letter date lies within the window (or, without a letter date,
whose meeting follows the message within a few months). The best pairs are taken first and each entry and each
message is used once, so a forward or a re-sent copy cannot take an entry its original already has, and a report
sent every month pairs with the list of its own month, not the one before.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from pipeline.history.pastmail import PastMessage, letter_start
from pipeline.vocab import MONTHS

PREFIX = re.compile(r"^\s*(re|fw|fwd|doorst|antw|wg|tr|aw)\s*:\s*", re.IGNORECASE)
STOP = frozenset("de het een van voor over op en in aan te met bij om tot uw onze is naar door als dat".split())
GENERIC_SENDERS = ("inwoner", "inwoners", "anoniem", "particulier", "burger")
WEBMAIL = frozenset(("gmail", "hotmail", "outlook", "live", "ziggo", "kpnmail", "planet", "home", "xs4all",
                     "yahoo", "icloud", "hetnet", "casema", "online", "nl", "com", "info", "mail"))
WINDOW_DAYS = 14  # a letter reaches the mailbox within two weeks of the date the list gives it
MEETING_WINDOW_DAYS = 90  # without a letter date: mail in the three months before the meeting
WEIGHTS = {"subject": 0.6, "sender": 0.25, "date": 0.15}
MIN_SCORE = 0.55
MIN_SUBJECT = 0.45


def tokens(text: str) -> frozenset[str]:
    while PREFIX.match(text or ""):
        text = PREFIX.sub("", text, count=1)
    return frozenset(w for w in re.findall(r"[^\W_]+", (text or "").lower()) if w not in STOP)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


MONTH_WORDS = frozenset((*MONTHS, "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt", "nov", "dec", "q1",
                         "q2", "q3", "q4"))


def markers(words: frozenset[str]) -> frozenset[str]:
    """Words that tell one period's report from the next: months, quarters, years and other numbers."""
    return frozenset(w for w in words if w in MONTH_WORDS or any(ch.isdigit() for ch in w))


def marker_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """'Rapportage mei 2024' against 'Rapportage juni 2024': each has a period word the other lacks. A subject cut
    short (fewer markers, all shared) is no conflict."""
    ma, mb = markers(a), markers(b)
    return bool(ma - mb) and bool(mb - ma)


def is_generic(sender: str) -> bool:
    """'inwoner', 'Inwoner van Giethoorn': the list hides who wrote."""
    words = (sender or "").lower().split()
    return bool(words) and words[0] in GENERIC_SENDERS


def sender_tokens(name: str, address: str) -> frozenset[str]:
    domain = address.rsplit("@", 1)[-1] if "@" in address else ""
    parts = {p for p in re.split(r"[.\-]", domain) if p and p not in WEBMAIL}
    return tokens(name) | parts


@dataclass(frozen=True)
class Candidate:
    """An imported entry as the matcher sees it."""

    id: int
    meeting_date: date | None
    letter_date: date | None
    sender: str
    subject: str


@dataclass
class Pair:
    entry_id: int
    message: PastMessage
    score: float
    parts: dict[str, float]


@dataclass
class MatchResult:
    pairs: list[Pair]
    unmatched_entries: list[int]
    unmatched_messages: list[PastMessage]
    copies: int = 0  # messages left out as a forward or re-sent copy of an earlier one


def _anchor(c: Candidate) -> date | None:
    return c.letter_date or c.meeting_date


def score(c: Candidate, c_subject: frozenset[str], c_sender: frozenset[str], m: PastMessage,
          m_subjects: list[frozenset[str]], m_senders: list[frozenset[str]]) -> tuple[float, dict[str, float]]:
    subject = max((dice(c_subject, s) for s in m_subjects if not marker_conflict(c_subject, s)), default=0.0)
    if is_generic(c.sender):
        sender = 0.5  # the list hides who wrote: neither for nor against
    else:
        sender = max(dice(c_sender, s) for s in m_senders) if m_senders else 0.0
    if c.letter_date and m.sent:
        days = abs((m.sent - c.letter_date).days)
        when = max(0.0, 1 - days / WINDOW_DAYS)
    else:
        when = 0.5
    parts = {"subject": round(subject, 3), "sender": round(sender, 3), "date": round(when, 3)}
    return sum(WEIGHTS[k] * v for k, v in parts.items()), parts


def copies(messages: Sequence[PastMessage]) -> set[int]:
    """Messages that repeat an earlier one (a forward of it, or the same letter sent again): the same original
    sender and the same start of the letter (a forward quotes the original below its own header lines). Only the
    first of them takes part, so a copy cannot claim another entry once its original has the right one; two
    different letters with the same subject differ in their text and both take part."""
    seen: dict[tuple[str, str], date] = {}
    out = set()
    for i in sorted(range(len(messages)), key=lambda i: (messages[i].sent or date.max, i)):
        m = messages[i]
        who = (m.forwarded_from[1] if m.forwarded_from else m.from_address) or m.from_name
        key = (who, letter_start(m))  # not the subject: a forward may word it differently
        first = seen.get(key)
        if first is not None and m.sent is not None and (m.sent - first).days <= 2 * MEETING_WINDOW_DAYS:
            out.add(i)
        elif m.sent is not None:
            seen[key] = m.sent
    return out


def match(entries: Sequence[Candidate], messages: Sequence[PastMessage], min_score: float = MIN_SCORE) -> MatchResult:
    by_date = sorted((e for e in entries if _anchor(e)), key=_anchor)
    keys = [_anchor(e) for e in by_date]
    prepared = {e.id: (tokens(e.subject), sender_tokens(e.sender, "")) for e in by_date}
    scored: list[tuple[float, int, int, dict]] = []
    repeated = copies(messages)
    for mi, m in enumerate(messages):
        if m.sent is None or mi in repeated:
            continue
        m_subjects = [tokens(m.subject)] + ([tokens(m.forwarded_subject)] if m.forwarded_subject else [])
        m_senders = [sender_tokens(m.from_name, m.from_address)]
        if m.forwarded_from:
            m_senders.append(sender_tokens(*m.forwarded_from))
        lo = bisect.bisect_left(keys, m.sent - timedelta(days=WINDOW_DAYS))
        hi = bisect.bisect_right(keys, m.sent + timedelta(days=MEETING_WINDOW_DAYS))
        for e in by_date[lo:hi]:
            if e.letter_date is None and not (m.sent <= e.meeting_date <= m.sent + timedelta(MEETING_WINDOW_DAYS)):
                continue
            if e.letter_date is not None and abs((m.sent - e.letter_date).days) > WINDOW_DAYS:
                continue
            c_subject, c_sender = prepared[e.id]
            if not c_subject or (len(m_subjects) == 1 and dice(c_subject, m_subjects[0]) < MIN_SUBJECT):
                continue  # cheap early exit; a forward is scored on both its own and its original's subject
            total, parts = score(e, c_subject, c_sender, m, m_subjects, m_senders)
            if total >= min_score and parts["subject"] >= MIN_SUBJECT:
                scored.append((total, mi, e.id, parts))
    # best first; on equal scores the earlier message (the original before its forward or re-sent copy)
    scored.sort(key=lambda s: (-s[0], messages[s[1]].sent, s[1]))
    used_entries: set[int] = set()
    used_messages: set[int] = set()
    pairs = []
    for total, mi, eid, parts in scored:
        if eid in used_entries or mi in used_messages:
            continue
        used_entries.add(eid)
        used_messages.add(mi)
        pairs.append(Pair(eid, messages[mi], round(total, 3), parts))
    return MatchResult(pairs, [e.id for e in entries if e.id not in used_entries],
                       [m for i, m in enumerate(messages) if i not in used_messages], len(repeated))
