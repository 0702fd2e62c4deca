"""The review inbox as a query: search, filters, sort and paging, with counts per filter value (faceted)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta, timezone
from types import SimpleNamespace
from typing import Any

from sqlalchemy import and_, case, func, literal_column, or_, select, text, union
from sqlalchemy.orm import Session
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
# A search with more hits stays a subquery: PostgreSQL gets one bound value per id, SQLite one JSON text.
MATERIALISE = {"sqlite": 100_000, "postgresql": 5000}
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


def _search_ids(s: Session, q: str) -> Any | None:
    """The ids of items whose subject, sender, text or registration/list number match every word of q (prefixes too).

    A UNION of index lookups: the full-text match, the sender's address (a query of one word only: an address has
    no spaces) and the list number. An OR with a correlated EXISTS made the database test every item instead.
    """
    terms = search_terms(q)
    if not terms:
        return None
    dialect = s.get_bind().dialect.name
    if dialect == "postgresql":
        # Every word as a prefix; the words are quoted so no tsquery syntax gets through.
        tsquery = " & ".join("'" + t.replace("'", "") + "':*" for t in terms)
        parts = [select(Item.id).where(literal_column(PG_DOCUMENT).op("@@")(func.to_tsquery("simple", tsquery)))]
    elif fts_available(s):
        phrase = " ".join('"' + t.replace('"', "") + '"*' for t in terms)
        parts = [select(literal_column("rowid").label("id")).select_from(text("items_fts"))
                 .where(text("items_fts MATCH :fts").bindparams(fts=phrase))]
    else:
        words = [or_(*(col.ilike(f"%{t}%") for col in (Item.subject, Item.sender_name, Item.sender_organisation,
                                                       Item.text, Item.registration_number))) for t in terms]
        parts = [select(Item.id).where(and_(*words))]
    whole = q.strip()
    if not any(c.isspace() for c in whole):
        parts.append(select(Item.id).join(Message, Message.id == Item.message_id)
                     .where(Message.from_address.ilike(f"%{whole}%")))
    if whole.isdigit():
        parts.append(select(Item.id).where(Item.list_number == int(whole)))
    return union(*parts) if len(parts) > 1 else parts[0]


def _id_in(s: Session, ids: Any) -> ColumnElement[bool]:
    """Item.id IN ids. On SQLite as `id + 0`: the planner then scans the narrow inbox index and tests each id,
    instead of fetching every hit's whole row (text and analysis) by its rowid (3-4x slower with many hits).
    A list of ids goes to SQLite as one JSON text (json_each), not as one bound value per id."""
    if s.get_bind().dialect.name != "sqlite":
        return Item.id.in_(ids)
    if isinstance(ids, list):
        ids = select(literal_column("value")).select_from(func.json_each(json.dumps(ids)))
    return (Item.id + 0).in_(ids)


def _mailbox_condition(mailbox: str) -> ColumnElement[bool]:
    """On a Message row: it came from this IMAP account (its locator starts with the account name), or from files."""
    if mailbox == FILE_MAILBOX:
        return Message.source != "imap"
    return and_(Message.source == "imap", Message.locator.startswith(mailbox + "/", autoescape=True))


def _mailbox_clause(mailbox: str) -> ColumnElement[bool]:
    # A correlated EXISTS: one primary-key lookup per item; an IN over all messages planned badly with a search.
    return select(Message.id).where(Message.id == Item.message_id, _mailbox_condition(mailbox)).exists()


def _resolved_search(s: Session, query: InboxQuery) -> ColumnElement[bool] | None:
    """The search as a list of ids, found once per page instead of once per query (up to MATERIALISE ids)."""
    found = _search_ids(s, query.q) if query.q else None
    if found is None:
        return None
    most = MATERIALISE.get(s.get_bind().dialect.name, 5000)
    ids = list(s.scalars(found.limit(most + 1)).all())  # all(): one fetchall, not a fetch per id
    return _id_in(s, ids if len(ids) <= most else found)


# The filters counted per value, in the order of ix_items_inbox so that one GROUP BY walks that index.
FACETS = {"status": Item.status, "topic": Item.topic_code, "handling": Item.handling_code,
          "sender_kind": Item.sender_kind, "committee": Item.committee, "meeting": Item.meeting_id}


def _wanted(query: InboxQuery, name: str) -> Any:
    """A facet filter's value as the column holds it (a meeting id as int, no meeting as None)."""
    value = getattr(query, name)
    if name == "meeting":
        return None if value == NO_MEETING else int(value)
    return value


def _common(query: InboxQuery, search: ColumnElement[bool] | None) -> list[ColumnElement[bool]]:
    """The conditions every count shares: the search, the colleague and the period."""
    conds: list[ColumnElement[bool]] = [] if search is None else [search]
    if query.toegewezen:
        conds.append(Item.assigned_to == query.toegewezen)
    if query.van:
        conds.append(Item.received_at >= datetime.combine(_day(query.van), time.min, tzinfo=timezone.utc))
    if query.tot:
        conds.append(Item.received_at < datetime.combine(_day(query.tot) + timedelta(days=1), time.min,
                                                         tzinfo=timezone.utc))
    return conds


def _facet_filter(query: InboxQuery, name: str) -> ColumnElement[bool]:
    wanted = _wanted(query, name)
    return FACETS[name].is_(None) if wanted is None else FACETS[name] == wanted


def _facet_filters(query: InboxQuery, without: str | None = None) -> list[ColumnElement[bool]]:
    return [_facet_filter(query, name) for name in FACETS if getattr(query, name) and name != without]


def _conditions(s: Session, query: InboxQuery, without: str | None = None,
                search: ColumnElement[bool] | None = None) -> list[ColumnElement[bool]]:
    """The WHERE parts of a query; `without` leaves one filter out (for that filter's counts)."""
    if search is None and query.q:
        search = _resolved_search(s, query)
    conds = _common(query, search) + _facet_filters(query, without)
    if query.mailbox and without != "mailbox":
        conds.append(_mailbox_clause(query.mailbox))
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


# The columns a card shows: the letter text and the whole analysis stay in the database.
CARD_COLUMNS = (Item.id, Item.registration_number, Item.status, Item.received_at, Item.letter_date, Item.subject,
                Item.sender_organisation, Item.public_label, Item.sender_kind, Item.document_kind, Item.circular,
                Item.on_list, Item.topic_code, Item.handling_code, Item.committee, Item.reviewed_by,
                Item.assigned_to)


@dataclass
class InboxPage:
    items: list[Any]  # the CARD_COLUMNS and `reasons` of each item, as attributes
    total: int
    page: int
    pages: int
    counts: dict[str, dict[str, int]]  # filter name -> value -> number of items with the other filters applied


def _tally(s: Session, query: InboxQuery, mailboxes: list[str],
           search: ColumnElement[bool] | None) -> tuple[dict[str, dict[str, int]], int]:
    """Facet counts and the total in three queries instead of one per filter and mailbox.

    The few-valued facets (status, topic, handling, sender kind, committee) come from one GROUP BY over their
    combinations: a combination counts for a facet when it passes every other facet's filter, and for the total
    when it passes all. Meetings are counted on their own (with them nearly every item is its own combination),
    and every mailbox in one pass over items and their messages.
    """
    names = [n for n in FACETS if n != "meeting"]
    columns = [FACETS[n] for n in names]
    where = _common(query, search) + ([_mailbox_clause(query.mailbox)] if query.mailbox else [])
    meeting = [_facet_filter(query, "meeting")] if query.meeting else []
    rows = s.execute(select(*columns, func.count()).where(*where, *meeting).group_by(*columns))
    wanted = [(k, _wanted(query, name)) for k, name in enumerate(names) if getattr(query, name)]
    raw: list[dict[Any, int]] = [{} for _ in names]
    total = 0
    for row in rows:
        n = row[-1]
        misses = [k for k, value in wanted if row[k] != value]
        if not misses:
            total += n
            for k, value in enumerate(row[:-1]):
                raw[k][value] = raw[k].get(value, 0) + n
        elif len(misses) == 1:
            k = misses[0]
            raw[k][row[k]] = raw[k].get(row[k], 0) + n
    counts = {name: {str(v or ""): n for v, n in raw[k].items()} for k, name in enumerate(names)}
    by_meeting = s.execute(select(Item.meeting_id, func.count()).where(*where, *_facet_filters(query, "meeting"))
                           .group_by(Item.meeting_id))
    counts["meeting"] = {(NO_MEETING if v is None else str(v)): int(n) for v, n in by_meeting}
    counts["mailbox"] = {}
    if mailboxes:
        sums = [func.coalesce(func.sum(case((_mailbox_condition(m), 1), else_=0)), 0) for m in mailboxes]
        values = s.execute(select(*sums).select_from(Item).join(Message, Message.id == Item.message_id)
                           .where(*_common(query, search), *_facet_filters(query))).one()
        counts["mailbox"] = {m: int(v) for m, v in zip(mailboxes, values)}
    return counts, total


def facet_counts(s: Session, query: InboxQuery, mailboxes: list[str],
                 search: ColumnElement[bool] | None = None) -> dict[str, dict[str, int]]:
    """Per filter, per value: how many items the page would show with that value and every other filter as is."""
    if search is None:
        search = _resolved_search(s, query)
    return _tally(s, query, mailboxes, search)[0]


def _page_ids(s: Session, query: InboxQuery, conds: list[ColumnElement[bool]], offset: int, limit: int,
              per_status: dict[str, int]) -> list[int]:
    """The ids of one page. By priority: status by status, each an index range sorted by date, rather than
    sorting every item on a CASE expression (the counts per status are known already)."""
    if query.sort != "prioriteit" or set(per_status) - set(STATUS_ORDER):
        return list(s.scalars(select(Item.id).where(*conds).order_by(*_order(query.sort))
                              .offset(offset).limit(limit)))
    ids: list[int] = []
    for status in STATUS_ORDER:
        n = per_status.get(status, 0)
        if offset >= n:
            offset -= n
            continue
        ids += s.scalars(select(Item.id).where(*conds, Item.status == status)
                         .order_by(Item.received_at.desc(), Item.id.desc()).offset(offset).limit(limit - len(ids)))
        offset = 0
        if len(ids) >= limit:
            break
    return ids


def inbox_page(s: Session, query: InboxQuery, mailboxes: list[str] = (), page_size: int = PAGE_SIZE) -> InboxPage:
    """One page of cards (only the columns a card shows, and the reasons) with totals and facet counts."""
    search = _resolved_search(s, query)
    counts, total = _tally(s, query, list(mailboxes), search)
    pages = max(1, -(-total // page_size))
    page = min(query.page, pages)
    per_status = {st: n for st, n in counts["status"].items() if not query.status or st == query.status}
    ids = _page_ids(s, query, _conditions(s, query, search=search), (page - 1) * page_size, page_size, per_status)
    # Plain objects, not Rows: the template reads some 30 attributes per card, and a Row's are ~7x slower to read.
    rows = {r.id: SimpleNamespace(**r._mapping) for r in s.execute(
        select(*CARD_COLUMNS, Item.analysis["reasons"].label("reasons")).where(Item.id.in_(ids)))}
    return InboxPage([rows[i] for i in ids], total, page, pages, counts)


def meeting_choices(s: Session) -> list[Meeting]:
    return list(s.scalars(select(Meeting).order_by(Meeting.date.desc()).limit(40)))

