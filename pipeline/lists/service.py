"""What the CLI and the web UI call: generate a list in a format (public through the guard) and adopt it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from pipeline.errors import GriffieError
from pipeline.lists.build import Built, build_list, list_items, records_for
from pipeline.lists.meetings import meeting_label
from pipeline.lists.numbers import number_label
from pipeline.lists.render import FORMATS, file_name, renderer
from pipeline.privacy.guard import guarded
from pipeline.registry.models import AuditEntry, Decision, Item, ListSnapshot, Meeting
from pipeline.rules.profile import Profile
from pipeline.vocab import HANDLINGS

PULLED_DECISION = "op verzoek uit de raad van de lijst gehaald en geagendeerd voor bespreking"


@dataclass
class Output:
    content: bytes
    file_name: str
    built: Built


def generate(s: Session, meeting: Meeting, profile: Profile, council: str, fmt: str, public: bool = False,
             base_url: str = "") -> Output:
    """The list of meeting in fmt; a public version is checked by the privacy guard before it is returned."""
    if fmt not in FORMATS:
        raise GriffieError(f"Onbekend formaat '{fmt}' (kies uit {', '.join(FORMATS)}).")
    built = build_list(s, meeting, profile, council, "public" if public else "internal", base_url)
    content = renderer(fmt)(built.doc)
    if public:
        guarded(content, built.forbidden, fmt)
    return Output(content, file_name(built.doc, fmt), built)


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


def adopt(s: Session, meeting: Meeting, profile: Profile, by: str, pulled: list[str] | None = None,
          handling: dict[str, str] | None = None, base_url: str = "", now: datetime | None = None) -> ListSnapshot:
    """Mark the list vastgesteld with the decisions taken, freeze it as a snapshot, and set its items `listed`."""
    if meeting.status == "vastgesteld":
        raise GriffieError(f"De lijst van {meeting_label(meeting)} is al vastgesteld.")
    if not by.strip():
        raise GriffieError("Geef op wie de lijst vaststelt (--by).")
    now = now or datetime.now(timezone.utc)
    records_for(s, meeting, profile, base_url, number=True)  # every item gets its number first
    items = list_items(s, meeting)
    decisions: list[dict] = []
    decided: dict[int, str] = {}
    for ident, code in (handling or {}).items():
        item = find_on_list(items, profile, ident)
        new = resolve_handling(profile, code)
        if new == "niet_op_lijst":
            raise GriffieError("Een stuk op een vast te stellen lijst kan niet 'niet_op_lijst' krijgen; verplaats het.")
        old = item.handling_code
        item.handling_code = new
        text = f"afhandeling gewijzigd van {profile.local(old)[0] if old in profile.handling else old} in " \
               f"{profile.local(new)[0]} ({profile.label(new)})"
        decided[item.id] = text
        decisions.append({"item_id": item.id, "kind": "handling", "old": old, "new": new, "text": text})
        s.add(Decision(item_id=item.id, field="handling", value=new, source="griffier", actor=by,
                       reasons=[f"bij vaststelling van de lijst: {text}"], created_at=now))
    for ident in pulled or []:
        item = find_on_list(items, profile, ident)
        old = item.handling_code
        if item.id not in decided:
            item.handling_code = "agenderen"
        decided[item.id] = PULLED_DECISION + (f"; {decided[item.id]}" if item.id in decided else "")
        decisions.append({"item_id": item.id, "kind": "pulled", "old": old, "new": item.handling_code,
                          "text": PULLED_DECISION})
        s.add(Decision(item_id=item.id, field="handling", value=item.handling_code, source="griffier", actor=by,
                       reasons=[PULLED_DECISION], created_at=now))
    records, items = records_for(s, meeting, profile, base_url, number=False)
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
                                                              "decisions": decisions}))
    s.flush()
    return snapshot
