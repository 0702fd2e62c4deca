"""What the CLI and the web UI call: generate a list in a format (public through the guard) and adopt it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from pipeline.errors import GriffieError
from pipeline.lists.build import Built, build_list, list_items, ordered, records_for
from pipeline.lists.meetings import meeting_label
from pipeline.lists.model import ListDoc
from pipeline.lists.numbers import number_label
from pipeline.lists.release import ADOPTED, check_reviewed, number_list
from pipeline.lists.render import FORMATS, file_name, renderer
from pipeline.privacy.guard import PrivacyLeak, PublicationRefused, check_public, describe, public_text
from pipeline.registry.models import AuditEntry, Item, ListSnapshot, Meeting
from pipeline.registry.truth import decide, person
from pipeline.registry.view import item_truth
from pipeline.rules.profile import Profile
from pipeline.vocab import HANDLINGS, handling_words

PULLED_DECISION = "op verzoek uit de raad van de lijst gehaald en geagendeerd voor bespreking"


@dataclass
class Output:
    content: bytes
    file_name: str
    built: Built


def generate(s: Session, meeting: Meeting, profile: Profile, council: str, fmt: str, public: bool = False,
             base_url: str = "", number_by: str | None = None) -> Output:
    """The list of meeting in fmt; a public version is checked by the privacy guard before it is returned.
    Numbers are taken only when number_by names who makes the list (audited); else the order is provisional."""
    if fmt not in FORMATS:
        raise GriffieError(f"Onbekend formaat '{fmt}' (kies uit {', '.join(FORMATS)}).")
    built = build_list(s, meeting, profile, council, "public" if public else "internal", base_url, number_by)
    content = renderer(fmt)(built.doc)
    if public:
        guard_list(built, content, fmt)
    return Output(content, file_name(built.doc, fmt), built)


FIELD_WORDS = (("sender", "afzender"), ("subject", "onderwerp"), ("decision", "besluit"))


def _fields(doc: ListDoc):
    """(where, field, text) of every item-derived text of a list, to say where a refused string stands."""
    for r in doc.rows:
        where = f"stuk {r.number or r.registration_number}"
        for attr, word in FIELD_WORDS:
            yield where, word, getattr(r, attr) or ""
        yield where, "documenten", " ".join(d.name for d in r.documents)
    for a in doc.amendments:
        where = f"wijziging van stuk {a.number or a.registration_number}"
        yield where, a.field, " ".join(x for x in (a.old, a.new, a.reason) if x)


def guard_list(built: Built, content: bytes, fmt: str) -> None:
    """The guard over a public list; the list's own fixed text (title, headers, council) is not a leak, and a
    refusal names the item and field that hold the string, so the griffie can judge or redact it."""
    fixed = public_text(renderer(fmt)(replace(built.doc, groups=(), amendments=())), fmt)
    try:
        check_public(content, built.forbidden, fmt, fixed=fixed)
    except PrivacyLeak as leak:
        for where, word, text in _fields(built.doc):
            try:
                check_public(text, [leak.forbidden], "text")
            except PrivacyLeak:
                raise PublicationRefused(
                    f"Publicatie geweigerd: {where} ({word}) bevat nog {describe(leak.forbidden)} in de openbare "
                    f"lijst ({fmt}). Beoordeel het bij het stuk: 'geen persoonsgegeven', of laat het weglakken.") from leak
        raise PublicationRefused(str(leak)) from leak


def resolve_handling(profile: Profile, code: str) -> str:
    """A canonical code (vka) or the council's own (a, II, 3) -> canonical."""
    code = code.strip()
    if code in HANDLINGS:
        return code
    matches = [c for c in HANDLINGS if c != "niet_op_lijst" and profile.handling.get(c, ("",))[0].lower() == code.lower()
               and profile.handling_fallbacks.get(c) is None]
    if not matches:
        own = ", ".join(sorted({v[0] for v in profile.handling.values() if v[0]}))
        raise GriffieError(f"Onbekende afhandeling '{code}' (gebruik {own} of een code als vka).")
    return matches[0]


def find_on_list(items: list[Item], profile: Profile, ident: str) -> Item:
    """An item of this list by list number (with or without prefix), registration number, id, or 'id:<id>' (the
    web form's unambiguous way: an item without a list number yet, or an id that equals another item's number)."""
    ident = ident.strip()
    if ident.startswith("id:"):
        wanted = ident[3:].strip()
        for item in items:
            if wanted.isdigit() and item.id == int(wanted):
                return item
        raise GriffieError(f"Stuk '{ident}' staat niet op deze lijst.")
    for item in items:
        if ident in (number_label(profile, item.list_number), str(item.list_number), item.registration_number):
            return item
    for item in items:
        if ident.isdigit() and item.id == int(ident):
            return item
    raise GriffieError(f"Stuk '{ident}' staat niet op deze lijst.")


def publish(s: Session, meeting: Meeting, profile: Profile, by: str, accept_unreviewed: bool = False,
            now: datetime | None = None) -> list[Item]:
    """Release the open list to the public as it stands now (numbered); items added later need a new release."""
    if meeting.status == ADOPTED:
        raise GriffieError(f"De lijst van {meeting_label(meeting)} is vastgesteld en daarmee al openbaar.")
    if not by.strip():
        raise GriffieError("Geef op wie de lijst openbaar maakt (--by).")
    items = ordered(list_items(s, meeting), profile)
    if not items:
        raise GriffieError(f"De lijst van {meeting_label(meeting)} is leeg; er is niets openbaar te maken.")
    confirmed = check_reviewed(items, profile, accept_unreviewed, "openbaar maken")
    number_list(s, meeting, profile, items, by)
    items = ordered(items, profile)
    meeting.published_at = now or datetime.now(timezone.utc)
    meeting.published_by = by
    meeting.published_items = [i.id for i in items]
    s.add(AuditEntry(actor=by, action="list_published", detail={
        "meeting_id": meeting.id, "items": meeting.published_items, "unreviewed_confirmed": confirmed}))
    s.flush()
    return items


def adopt(s: Session, meeting: Meeting, profile: Profile, by: str, pulled: list[str] | None = None,
          handling: dict[str, str] | None = None, base_url: str = "", now: datetime | None = None,
          accept_unreviewed: bool = False) -> ListSnapshot:
    """Mark the list vastgesteld with the decisions taken, freeze it as a snapshot, and set its items `listed`.
    Unreviewed items stop it unless the griffier confirms them (accept_unreviewed); the audit row says so."""
    if meeting.status == ADOPTED:
        raise GriffieError(f"De lijst van {meeting_label(meeting)} is al vastgesteld.")
    if not by.strip():
        raise GriffieError("Geef op wie de lijst vaststelt (--by).")
    now = now or datetime.now(timezone.utc)
    confirmed = check_reviewed(list_items(s, meeting, texts=False), profile, accept_unreviewed, "vaststellen")
    records_for(s, meeting, profile, base_url, number_by=by, texts=False)  # every item gets its number first
    items = list_items(s, meeting, texts=False)
    decisions: list[dict] = []
    decided: dict[int, str] = {}
    for ident, code in (handling or {}).items():
        item = find_on_list(items, profile, ident)
        new = resolve_handling(profile, code)
        if new == "niet_op_lijst":
            raise GriffieError("Een stuk op een vast te stellen lijst kan niet 'niet_op_lijst' krijgen; verplaats het.")
        old = item_truth(item).value("handling")
        text = f"afhandeling gewijzigd van {_handling_words(profile, old)} in {_handling_words(profile, new)}"
        decided[item.id] = text
        decisions.append({"item_id": item.id, "kind": "handling", "old": old, "new": new, "text": text})
        decide(item, "handling", new, person(by), [f"bij vaststelling van de lijst: {text}"], score=1.0, actor=by,
               now=now)
    for ident in pulled or []:
        item = find_on_list(items, profile, ident)
        old = item_truth(item).value("handling")
        new = old if item.id in decided else "agenderen"
        decided[item.id] = PULLED_DECISION + (f"; {decided[item.id]}" if item.id in decided else "")
        decisions.append({"item_id": item.id, "kind": "pulled", "old": old, "new": new, "text": PULLED_DECISION})
        decide(item, "handling", new, person(by), [PULLED_DECISION], score=1.0, actor=by, now=now)
    records, items = records_for(s, meeting, profile, base_url, texts=False)
    for rec in records:
        rec["decision"] = decided.get(rec["item_id"])
    for item in items:
        item.status = "listed"
    s.flush()  # item changes are part of the adoption, not amendments: flushed while the meeting is still open
    snapshot = ListSnapshot(meeting_id=meeting.id, profile=profile.name, adopted_at=now, adopted_by=by,
                            rows=records, decisions=decisions)
    s.add(snapshot)
    meeting.status, meeting.adopted_at, meeting.adopted_by = "vastgesteld", now, by
    s.add(AuditEntry(actor=by, action="list_adopted", detail={"meeting_id": meeting.id, "items": len(records),
                                                              "decisions": decisions,
                                                              "unreviewed_confirmed": confirmed}))
    s.flush()
    return snapshot


def _handling_words(profile: Any, code: str) -> str:
    """'a (voor kennisgeving aannemen)' or just the words when the local code is the canonical one."""
    local, label = handling_words(profile, code)
    return label if local == code else f"{local} ({label})"
