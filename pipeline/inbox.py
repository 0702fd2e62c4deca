"""The review inbox as a query: search, filters, sort and paging, with counts per filter value (faceted)."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, case, func, literal_column, or_, select, text
from sqlalchemy.orm import Session, defer, selectinload
from sqlalchemy.sql.elements import ColumnElement

from pipeline.errors import GriffieError
from pipeline.registry.models import Item, Meeting, Message
from pipeline.review import STATUS_ORDER
from pipeline.vocab import HANDLINGS, SENDER_KINDS, TOPIC_BY_CODE

PAGE_SIZE = 50
NO_MEETING = "geen"  # filter value: items not (yet) placed on a meeting
FILE_MAILBOX = "bestand"  # filter value: items from files, maildir or mbox rather than an IMAP account
SORTS = {
    "prioriteit": "eerst wat een beoordeling nodig heeft",
    "nieuwste": "nieuwste eerst",
    "oudste": "oudste eerst",
    "nummer": "registratienummer",
    "onderwerp": "onderwerp (A–Z)",
}
# Same expression as the GIN index of migration 0005, so PostgreSQL can use it.
PG_DOCUMENT = ("to_tsvector('simple'::regconfig, coalesce(items.subject, '') || ' ' || "
               "coalesce(items.sender_name, '') || ' ' || coalesce(items.sender_organisation, '') || ' ' || "
               "coalesce(items.public_label, '') || ' ' || coalesce(items.text, '') || ' ' || "
               "items.registration_number)")
MATERIALISE = 5000  # a search with more hits stays a subquery (SQLite allows 32766 bound values)
_WORD = re.compile(r"[\w@.\-]+", re.UNICODE)


@dataclass(frozen=True)
class InboxQuery:
    """What the assistant asked for; every field is a URL parameter of the same name (empty = no filter)."""

    q: str = ""
    status: str = ""
    meeting: str = ""  # meeting id, or NO_MEETING
    topic: str = ""
    handling: str = ""
    committee: str = ""
    sender_kind: str = ""
    mailbox: str = ""  # IMAP account name, or FILE_MAILBOX
    van: str = ""  # received on or after (JJJJ-MM-DD)
    tot: str = ""  # received on or before (JJJJ-MM-DD)
    toegewezen: str = ""  # a user name: items assigned to that colleague
    sort: str = "prioriteit"
    page: int = 1

    @classmethod
    def from_args(cls, args: Any) -> InboxQuery:
        """From request.args; a wrong value raises GriffieError with a Dutch sentence (shown as a 400 page)."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = (args.get(f.name) or "").strip()
            if f.name == "page":
                if raw and not (raw.isdigit() and 0 < int(raw) < 10**6):
                    raise GriffieError(f"Ongeldig paginanummer '{raw}'.")
                values["page"] = int(raw) if raw else 1
            elif raw:
                values[f.name] = raw[:200]
        query = cls(**values)
        query.validate()
        return query

    def validate(self) -> None:
        if self.status and self.status not in STATUS_ORDER:
            raise GriffieError(f"Onbekende status '{self.status}'.")
        if self.topic and self.topic not in TOPIC_BY_CODE:
            raise GriffieError(f"Onbekend onderwerp '{self.topic}'.")
        if self.handling and self.handling not in HANDLINGS:
            raise GriffieError(f"Onbekende afhandeling '{self.handling}'.")
        if self.sender_kind and self.sender_kind not in SENDER_KINDS:
            raise GriffieError(f"Onbekende soort afzender '{self.sender_kind}'.")
        if self.meeting and self.meeting != NO_MEETING and not self.meeting.isdigit():
            raise GriffieError(f"Onbekende vergadering '{self.meeting}'.")
        if self.sort not in SORTS:
            raise GriffieError(f"Onbekende sortering '{self.sort}'.")
        for name in ("van", "tot"):
            if getattr(self, name):
                _day(getattr(self, name))

    def args(self, **changes: Any) -> dict[str, Any]:
        """URL parameters for this query with changes applied; defaults left out, so URLs stay short."""
        query = replace(self, **changes)
        out = {}
        for f in fields(query):
            value = getattr(query, f.name)
            if value != f.default:
                out[f.name] = value
        return out

    @property
    def filtered(self) -> bool:
        return any(v for k, v in self.args(sort="prioriteit", page=1).items())


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise GriffieError(f"Ongeldige datum '{value}': gebruik JJJJ-MM-DD.") from e


def fts_available(s: Session) -> bool:
    """Whether this registry has its full-text index (SQLite without FTS5 falls back to LIKE)."""
    bind = s.get_bind()
    if bind.dialect.name == "postgresql":
        return True
    if bind.dialect.name == "sqlite":
        return s.execute(text("SELECT 1 FROM sqlite_master WHERE name = 'items_fts'")).first() is not None
    return False


def search_terms(q: str) -> list[str]:
    return _WORD.findall(q)[:12]


def _search_clause(s: Session, q: str) -> ColumnElement[bool] | None:
    """Items whose subject, sender, text or registration/list number match every word of q (prefixes too)."""
    terms = search_terms(q)
    if not terms:
        return None
    dialect = s.get_bind().dialect.name
    address = select(Message.id).where(Message.id == Item.message_id,
                                       Message.from_address.ilike(f"%{q.strip()}%")).exists()
    extra: list[ColumnElement[bool]] = [address]
    if q.strip().isdigit():
        extra.append(Item.list_number == int(q.strip()))
    if dialect == "postgresql":
        # Every word as a prefix; the words are quoted so no tsquery syntax gets through.
        tsquery = " & ".join("'" + t.replace("'", "") + "':*" for t in terms)
        match = literal_column(PG_DOCUMENT).op("@@")(func.to_tsquery("simple", tsquery))
        return or_(match, *extra)
    if fts_available(s):
        phrase = " ".join('"' + t.replace('"', "") + '"*' for t in terms)
        ids = select(literal_column("rowid")).select_from(text("items_fts")).where(text("items_fts MATCH :fts"))
        return or_(Item.id.in_(ids.params(fts=phrase)), *extra)
    words = [or_(*(col.ilike(f"%{t}%") for col in (Item.subject, Item.sender_name, Item.sender_organisation,
                                                   Item.text, Item.registration_number))) for t in terms]
    return or_(and_(*words), *extra)


def _mailbox_clause(mailbox: str) -> ColumnElement[bool]:
    if mailbox == FILE_MAILBOX:
        cond = Message.source != "imap"
    else:
        cond = and_(Message.source == "imap", Message.locator.like(mailbox.replace("%", "") + "/%"))
    # A correlated EXISTS: one primary-key lookup per item; an IN over all messages planned badly with a search.
    return select(Message.id).where(Message.id == Item.message_id, cond).exists()


def _resolved_search(s: Session, query: InboxQuery) -> ColumnElement[bool] | None:
    """The search as a list of ids, found once per page instead of once per count (up to MATERIALISE ids)."""
    clause = _search_clause(s, query.q) if query.q else None
    if clause is None:
        return None
    ids = list(s.scalars(select(Item.id).where(clause).limit(MATERIALISE + 1)))
    return Item.id.in_(ids) if len(ids) <= MATERIALISE else clause


def _conditions(s: Session, query: InboxQuery, without: str | None = None,
                search: ColumnElement[bool] | None = None) -> list[ColumnElement[bool]]:
    """The WHERE parts of a query; `without` leaves one filter out (for that filter's counts)."""
    conds: list[ColumnElement[bool]] = []
    if search is None and query.q:
        search = _resolved_search(s, query)
    if search is not None:
        conds.append(search)
    simple = {"status": Item.status, "topic": Item.topic_code, "handling": Item.handling_code,
              "committee": Item.committee, "sender_kind": Item.sender_kind, "toegewezen": Item.assigned_to}
    for name, column in simple.items():
        value = getattr(query, name)
        if value and name != without:
            conds.append(column == value)
    if query.meeting and without != "meeting":
        conds.append(Item.meeting_id.is_(None) if query.meeting == NO_MEETING else Item.meeting_id == int(query.meeting))
    if query.mailbox and without != "mailbox":
        conds.append(_mailbox_clause(query.mailbox))
    if query.van:
        conds.append(Item.received_at >= datetime.combine(_day(query.van), time.min, tzinfo=timezone.utc))
    if query.tot:
        conds.append(Item.received_at < datetime.combine(_day(query.tot) + timedelta(days=1), time.min,
                                                         tzinfo=timezone.utc))
    return conds


def _order(sort: str) -> list[Any]:
    if sort == "nieuwste":
        return [Item.received_at.desc(), Item.id.desc()]
    if sort == "oudste":
        return [Item.received_at.asc(), Item.id.asc()]
    if sort == "nummer":
        return [Item.year.desc(), Item.seq.desc()]
    if sort == "onderwerp":
        return [func.lower(func.coalesce(Item.subject, "")), Item.id]
    rank = case({st: i for i, st in enumerate(STATUS_ORDER)}, value=Item.status, else_=len(STATUS_ORDER))
    return [rank, Item.received_at.desc(), Item.id.desc()]


@dataclass
class InboxPage:
    items: list[Item]
    total: int
    page: int
    pages: int
    counts: dict[str, dict[str, int]]  # filter name -> value -> number of items with the other filters applied


def facet_counts(s: Session, query: InboxQuery, mailboxes: list[str],
                 search: ColumnElement[bool] | None = None) -> dict[str, dict[str, int]]:
    """Per filter, per value: how many items the page would show with that value and every other filter as is."""
    if search is None:
        search = _resolved_search(s, query)
    columns = {"status": Item.status, "topic": Item.topic_code, "handling": Item.handling_code,
               "committee": Item.committee, "sender_kind": Item.sender_kind, "meeting": Item.meeting_id}
    counts: dict[str, dict[str, int]] = {}
    for name, column in columns.items():
        rows = s.execute(select(column, func.count()).where(*_conditions(s, query, without=name, search=search)).group_by(column))
        counts[name] = {(NO_MEETING if v is None and name == "meeting" else str(v or "")): int(n) for v, n in rows}
    base = _conditions(s, query, without="mailbox", search=search)
    counts["mailbox"] = {m: int(s.scalar(select(func.count()).select_from(Item).where(*base, _mailbox_clause(m))))
                         for m in mailboxes}
    return counts


def inbox_page(s: Session, query: InboxQuery, mailboxes: list[str] = (), page_size: int = PAGE_SIZE) -> InboxPage:
    """One page of items (the letter text left unloaded: cards never show it) with totals and facet counts."""
    search = _resolved_search(s, query)
    conds = _conditions(s, query, search=search)
    total = int(s.scalar(select(func.count()).select_from(Item).where(*conds)))
    pages = max(1, -(-total // page_size))
    page = min(query.page, pages)
    # Sort and page over ids (the covering index), then load the 50 rows: sorting whole rows is slow.
    ids = list(s.scalars(select(Item.id).where(*conds).order_by(*_order(query.sort))
                         .offset((page - 1) * page_size).limit(page_size)))
    rows = {i.id: i for i in s.scalars(select(Item).where(Item.id.in_(ids))
                                       .options(selectinload(Item.meeting), defer(Item.text)))}
    return InboxPage([rows[i] for i in ids], total, page, pages, facet_counts(s, query, list(mailboxes), search))


def meeting_choices(s: Session) -> list[Meeting]:
    return list(s.scalars(select(Meeting).order_by(Meeting.date.desc()).limit(40)))

