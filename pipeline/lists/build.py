"""Build the list of a meeting: its on-list items, ordered and grouped by the profile, in either version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload, undefer

from pipeline.lists.amendments import amendments_of
from pipeline.lists.cutoff import local_date
from pipeline.lists.meetings import meeting_label
from pipeline.lists.model import VERSIONS, AmendmentView, DocumentRef, ListDoc, ListGroup, ListRow, MeetingView
from pipeline.lists.numbers import number_label
from pipeline.lists.public import Scrubber, forbidden_for
from pipeline.lists.release import is_released, number_list, released_ids
from pipeline.registry.models import Attachment, ListSnapshot, Item, Meeting, Message
from pipeline.registry.view import ItemTruth, item_truth
from pipeline.rules.profile import Profile
from pipeline.vocab import FIELD_WORDS, handling_words

DEFAULT_HEADING = "Ingekomen stukken"
FIELD_NAMES = FIELD_WORDS  # the amendments name a field as everywhere else
PRIVATE_FIELDS = ("sender_name",)  # never shown in public amendments


@dataclass
class Built:
    """A built list and the items it came from (the public guard needs their personal data)."""

    doc: ListDoc
    items: list[Item]
    forbidden: list[str]


def list_items(s: Session, meeting: Meeting, texts: bool = True) -> list[Item]:
    """The on-list items of meeting with their messages and attachments. texts=True (a public version) also loads
    what its privacy check reads (letter and attachment texts, verdicts, the stored personal data) in the same
    query; texts=False leaves those out, and the analysis JSON no list prints: at 10,000 items those columns were
    most of the rows read and decoded."""
    attachments = selectinload(Item.message).selectinload(Message.attachments)
    if texts:
        options = (attachments, selectinload(Item.privacy_verdicts), undefer(Item.personal_data))
    else:
        options = (attachments.defer(Attachment.text), defer(Item.text), defer(Item.analysis),
                   defer(Item.rule_hits))
    q = select(Item).where(Item.meeting_id == meeting.id, Item.on_list.is_(True)).options(*options)
    return list(s.scalars(q))


def group_of(profile: Profile, sender_kind: str) -> tuple[int, str]:
    for i, g in enumerate(profile.groups):
        if sender_kind in g.sender_kinds:
            return i, g.heading
    return len(profile.groups), DEFAULT_HEADING


class Groups(dict):
    """group_of by sender kind, each kind looked up once per list (not twice per row of a 10,000-item list)."""

    def __init__(self, profile: Profile) -> None:
        super().__init__()
        self.profile = profile

    def __missing__(self, sender_kind: str) -> tuple[int, str]:
        found = self[sender_kind] = group_of(self.profile, sender_kind)
        return found


def ordered(items: list[Item], profile: Profile) -> list[Item]:
    """List order: numbered items by number, then group order, date received and id."""
    groups = Groups(profile)

    def key(i: Item) -> tuple:
        return (i.list_number is None, i.list_number or 0, groups[i.sender_kind][0], i.received_at, i.id)
    return sorted(items, key=key)


def internal_sender(t: ItemTruth) -> str:
    """Organisations by name; a private person (or an unknown sender) only by the public label (issue 6)."""
    if t.value("sender_organisation") and t.value("sender_kind") not in ("inwoner", "onbekend"):
        return t.value("sender_organisation")
    return t.public_label


def row_record(item: Item, profile: Profile, base_url: str, groups: Groups | None = None) -> dict[str, Any]:
    """Everything about one row, both versions, as stored in a snapshot: the item's current values from its
    one view (registry/view.py), its place on the list (number, received) and its documents."""
    t = item_truth(item, profile)
    local, label = t.handling_words
    docs = [{"name": f"Stuk {t.registration_number}", "url": f"{base_url}/stukken/{t.id}"}]
    if item.message is not None:
        docs += [{"name": a.filename or f"bijlage {a.position + 1}", "url": f"{base_url}/stukken/{t.id}#bijlage-{a.position}"}
                 for a in item.message.attachments]
    letter_date, kind = t.value("letter_date"), t.value("sender_kind")
    index, heading = groups[kind] if groups is not None else group_of(profile, kind)
    return {
        "item_id": t.id, "registration_number": t.registration_number,
        "number": number_label(profile, item.list_number),
        "letter_date": letter_date.isoformat() if letter_date else None,
        "received_date": local_date(item.received_at).isoformat(),
        "sender": internal_sender(t), "sender_public": t.public_label, "sender_kind": kind,
        "subject": t.value("subject") or "(geen onderwerp)", "handling": t.value("handling"), "handling_local": local,
        "handling_label": label, "committee": t.value("committee") or profile.committee_for(t.value("topic")),
        "documents": docs, "documents_public": [], "decision": None, "group": heading, "group_index": index,
    }


PUBLISHABLE = ("ok", "ocr")  # attachment statuses that have a redacted public version


def public_documents(item: Item, base_url: str) -> list[dict[str, str]]:
    """Links to an item's public page and redacted documents, named by number and position only (the original
    file name may itself hold a name)."""
    docs = [{"name": f"Stuk {item.registration_number} (openbare versie)", "url": f"{base_url}/stukken/{item.id}/openbaar"}]
    if item.message is not None:
        docs += [{"name": f"Stuk {item.registration_number}, bijlage {a.position + 1} (PDF)",
                  "url": f"{base_url}/stukken/{item.id}/openbaar/{a.position}.pdf"}
                 for a in item.message.attachments if a.status in PUBLISHABLE]
    return docs


def to_row(rec: dict[str, Any], version: str, scrub: Scrubber | None) -> ListRow:
    public = version == "public"
    clean = scrub if (public and scrub is not None) else (lambda t: t or "")
    docs = rec["documents_public"] if public else rec["documents"]
    return ListRow(
        item_id=rec["item_id"], registration_number=rec["registration_number"], number=rec["number"],
        letter_date=rec["letter_date"], received_date=rec["received_date"],
        sender=clean(rec["sender_public"] if public else rec["sender"]), sender_kind=rec["sender_kind"],
        subject=clean(rec["subject"]), handling=rec["handling"], handling_local=rec["handling_local"],
        handling_label=rec["handling_label"], committee=rec["committee"],
        documents=tuple(DocumentRef(clean(d["name"]), d.get("url")) for d in docs),
        decision=clean(rec["decision"]) if rec.get("decision") else None,
    )


def meeting_view(m: Meeting) -> MeetingView:
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    return MeetingView(id=m.id, date=m.date.isoformat(), body=m.body, title=meeting_label(m), status=m.status,
                       cutoff_at=iso(m.cutoff_at), adopted_at=iso(m.adopted_at), adopted_by=m.adopted_by)


def _amendment_value(field: str, value: str | None, profile: Profile) -> str | None:
    if field == "handling_code" and value:
        local, label = handling_words(profile, value)
        return f"{local} {label}"
    return value


def records_for(s: Session, meeting: Meeting, profile: Profile, base_url: str = "",
                number_by: str | None = None, texts: bool = True) -> tuple[list[dict[str, Any]], list[Item]]:
    """Row records of the meeting: the frozen snapshot when adopted, else the live items; numbered only when
    number_by names who makes the list (an audited act), otherwise in provisional order. texts: see list_items."""
    items = list_items(s, meeting, texts)
    snapshot = s.scalar(select(ListSnapshot).where(ListSnapshot.meeting_id == meeting.id))
    if snapshot is not None:
        frozen_ids = {r["item_id"] for r in snapshot.rows}
        items = [i for i in items if i.id in frozen_ids] + list(
            s.scalars(select(Item).where(Item.id.in_(frozen_ids - {i.id for i in items}))))
        return list(snapshot.rows), items
    items = ordered(items, profile)
    if number_by is not None:
        number_list(s, meeting, profile, items, number_by)
        items = ordered(items, profile)
    groups = Groups(profile)
    return [row_record(i, profile, base_url, groups) for i in items], items


def build_list(s: Session, meeting: Meeting, profile: Profile, council: str, version: str = "internal",
               base_url: str = "", number_by: str | None = None, now: datetime | None = None) -> Built:
    """The list of meeting as data; the caller commits (numbers taken when number_by is given are kept).

    The public version of a released list holds only the released items that are still on the list, each
    with links to its public documents; of a list not yet released it is the provisional preview."""
    if version not in VERSIONS:
        raise ValueError(f"unknown version {version!r}")
    records, items = records_for(s, meeting, profile, base_url, number_by, texts=version == "public")
    amendments = amendments_of(s, meeting.id) if meeting.status == "vastgesteld" else []
    forbidden: list[str] = []
    scrub = None
    if version == "public":
        if is_released(meeting):
            released = released_ids(s, meeting)
            public = {i.id: i for i in items if i.on_list and i.id in released}
            records = [dict(r, documents_public=public_documents(public[r["item_id"]], base_url))
                       for r in records if r["item_id"] in public]
            items = list(public.values())
        forbidden = forbidden_for(items)
        corpus = "\n".join(f"{r['sender_public']}\n{r['subject']}\n{r.get('decision') or ''}" for r in records)
        corpus += "\n".join(f"{a.old_value}\n{a.new_value}" for a in amendments)
        scrub = Scrubber(forbidden, corpus)
    by_item = {r["item_id"]: r for r in records}
    groups: dict[str, list[ListRow]] = {}
    for rec in sorted(records, key=lambda r: (r["group_index"], 0)):
        groups.setdefault(rec["group"], []).append(to_row(rec, version, scrub))
    views = []
    for a in amendments:
        if version == "public" and (a.field in PRIVATE_FIELDS or a.item_id not in by_item):
            continue
        rec = by_item.get(a.item_id, {})
        clean = scrub or (lambda t: t)
        views.append(AmendmentView(
            number=rec.get("number", ""), registration_number=rec.get("registration_number", ""),
            field=FIELD_NAMES.get(a.field, a.field), old=clean(_amendment_value(a.field, a.old_value, profile)),
            new=clean(_amendment_value(a.field, a.new_value, profile)), at=local_date(a.at).isoformat(),
            actor=a.actor if version == "internal" else "griffie", reason=clean(a.reason) if a.reason else None))
    doc = ListDoc(council=council, profile=profile.name, version=version, meeting=meeting_view(meeting),
                  groups=tuple(ListGroup(h, tuple(rows)) for h, rows in groups.items()),
                  generated_at=(now or datetime.now(timezone.utc)).isoformat(timespec="seconds"),
                  amendments=tuple(views))
    return Built(doc, items, forbidden)
