"""Review: assistants confirm or correct an item's proposal; every change is a decision with a Dutch reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from pipeline.errors import GriffieError, NotFound
from pipeline.privacy.detected import rescan_subject
from pipeline.privacy.labels import public_label, residence_from_text
from pipeline.registry.models import AuditEntry, Item
from pipeline.registry.truth import decide, person, stored
from pipeline.vocab import (DOCUMENT_KINDS, HANDLINGS, KIND_WORDS, SENDER_KINDS, SENDER_WORDS, TOPIC_BY_CODE,
                            field_label, handling_words)

# Item attribute -> the decision field the file stage uses for the same judgement.
CORRECTABLE: dict[str, str] = {
    "sender_kind": "sender_kind", "document_kind": "document_kind", "on_list": "on_list",
    "topic_code": "topic", "handling_code": "handling", "committee": "committee", "subject": "subject",
    "letter_date": "letter_date", "sender_organisation": "sender_organisation",
}
FIELD_WORDS = {name: field_label(name) for name in CORRECTABLE}
JUDGED = ("sender_kind", "document_kind", "on_list", "topic_code", "handling_code", "committee")
REVIEWABLE = ("received", "triaged", "needs_review", "reviewed", "ignored")
# Inbox order: what needs a person first.
STATUS_ORDER = ("needs_review", "triaged", "reviewed", "listed", "ignored", "received", "quarantined")
_TRUE = {"true", "ja", "1", "yes", "on"}
_FALSE = {"false", "nee", "0", "no", "off"}


@dataclass
class ReviewResult:
    """What a confirmation or correction did: the item's number and status and each changed field."""

    item_id: int
    registration_number: str
    status: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)



def _clean(name: str, value: Any) -> Any:
    """The value for an item attribute, checked against the canonical vocabularies; raises with a Dutch sentence."""
    if isinstance(value, str):
        value = value.strip()
    if name in ("sender_kind", "document_kind", "handling_code"):
        allowed = {"sender_kind": SENDER_KINDS, "document_kind": DOCUMENT_KINDS, "handling_code": HANDLINGS}[name]
        if value not in allowed:
            raise GriffieError(f"Ongeldige waarde '{value}' voor {FIELD_WORDS[name]}: kies uit {', '.join(allowed)}.")
        return value
    if name == "on_list":
        if isinstance(value, bool):
            return value
        if str(value).lower() in _TRUE | _FALSE:
            return str(value).lower() in _TRUE
        raise GriffieError(f"Ongeldige waarde '{value}' voor op de lijst: ja of nee.")
    if name == "topic_code":
        if value in (None, ""):
            return None
        if value not in TOPIC_BY_CODE:
            raise GriffieError(f"Onbekend onderwerp '{value}': gebruik een TOOI-code zoals c_d0463fb7.")
        return value
    if name == "letter_date":
        if value in (None, ""):
            return None
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value))
        except ValueError as e:
            raise GriffieError(f"Ongeldige datum '{value}': gebruik JJJJ-MM-DD.") from e
    if name in ("committee", "subject", "sender_organisation"):
        return value or None
    raise GriffieError(f"Het veld '{name}' kan niet worden gecorrigeerd.")


def _handling_phrase(profile: Any, code: str) -> str:
    local, label = handling_words(profile, code)
    return f"{local} ({label})"


def _shown(value: Any, name: str = "") -> str:
    """A value in a reason in words: 'verkeer' for a topic code, 'gemeenschappelijke regeling' for a kind."""
    words = {"topic_code": lambda v: TOPIC_BY_CODE[v].label if v in TOPIC_BY_CODE else v,
             "sender_kind": lambda v: SENDER_WORDS.get(v, v), "document_kind": lambda v: KIND_WORDS.get(v, v)}
    if value is not None and name in words:
        return words[name](value)
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def get_item(s: Session, item_id: int) -> Item:
    item = s.get(Item, item_id)
    if item is None:
        raise NotFound(f"Geen stuk gevonden met nummer {item_id}.")
    return item


def _check_reviewable(item: Item) -> None:
    if item.meeting is not None and item.meeting.status == "vastgesteld":
        raise GriffieError(f"Stuk {item.registration_number} staat op een vastgestelde lijst; "
                           f"een wijziging is nu een amendement van de griffier.")
    if item.status not in REVIEWABLE:
        raise GriffieError(f"Stuk {item.registration_number} heeft status '{item.status}' en kan niet worden beoordeeld.")


def _mark_reviewed(item: Item, actor: str, now: datetime) -> None:
    item.status = "reviewed"
    item.reviewed_by = actor
    item.reviewed_at = now


def confirm(s: Session, item_id: int, actor: str) -> ReviewResult:
    """The assistant agrees with the proposal as it stands: every judged field is recorded as confirmed."""
    item = get_item(s, item_id)
    _check_reviewable(item)
    now = datetime.now(timezone.utc)
    reason = f"Voorstel bevestigd door {actor}."
    for name in JUDGED:
        decide(item, CORRECTABLE[name], getattr(item, name), person(actor), [reason], score=1.0, actor=actor, now=now)
    previous = item.status
    _mark_reviewed(item, actor, now)
    s.add(AuditEntry(actor=actor, action="item_confirmed", item_id=item.id, message_id=item.message_id,
                     detail={"previous_status": previous, "handling": item.handling_code}))
    return ReviewResult(item.id, item.registration_number, item.status)


def correct(s: Session, item_id: int, actor: str, *, profile: Any = None, note: str | None = None,
            **fields: Any) -> ReviewResult:
    """Change the given fields (unchanged values are ignored), record each change, mark the item reviewed.

    `profile` (a council Profile) gives the council's handling words and the committee for a new topic.
    """
    unknown = sorted(set(fields) - set(CORRECTABLE))
    if unknown:
        raise GriffieError(f"Deze velden kunnen niet worden gecorrigeerd: {', '.join(unknown)}.")
    item = get_item(s, item_id)
    _check_reviewable(item)
    wanted = {name: _clean(name, value) for name, value in fields.items()}
    # A new topic brings the profile's committee for it, unless the assistant chose a committee too.
    if "topic_code" in wanted and "committee" not in wanted and profile is not None \
            and wanted["topic_code"] != item.topic_code:
        wanted["committee"] = profile.committee_for(wanted["topic_code"])
    if wanted.get("handling_code") == "niet_op_lijst" and "on_list" not in wanted:
        wanted["on_list"] = False
    changes = {n: (getattr(item, n), v) for n, v in wanted.items() if getattr(item, n) != v}
    if not changes:
        return confirm(s, item_id, actor)
    now = datetime.now(timezone.utc)
    for name, (old, new) in changes.items():
        reason = f"Gecorrigeerd door {actor}: {FIELD_WORDS[name]} van {_shown(old, name)} naar {_shown(new, name)}."
        if name == "handling_code":
            reason = (f"Gecorrigeerd door {actor}: afhandeling van {_handling_phrase(profile, old)} "
                      f"naar {_handling_phrase(profile, new)}.")
        reasons = [reason] + ([f"Toelichting: {note.strip()}"] if note and note.strip() else [])
        decide(item, CORRECTABLE[name], new, person(actor), reasons, score=1.0, actor=actor, now=now)
    if "sender_kind" in changes or "sender_organisation" in changes:
        item.public_label = _public_label(item, profile)
    if "subject" in changes:
        rescan_subject(item)
    previous = item.status
    _mark_reviewed(item, actor, now)
    s.add(AuditEntry(actor=actor, action="item_corrected", item_id=item.id, message_id=item.message_id,
                     detail={"previous_status": previous,
                             "changes": {n: [stored(o), stored(v)] for n, (o, v) in changes.items()}}))
    return ReviewResult(item.id, item.registration_number, item.status, changes)


def _public_label(item: Item, profile: Any) -> str:
    """The publishable sender after a correction: never a private person's name."""
    style = getattr(profile, "public_label", "inwoner") if profile is not None else "inwoner"
    residence = residence_from_text(item.text or "") if item.sender_kind == "inwoner" else None
    return public_label(item.sender_kind, item.sender_organisation, residence, style=style)


def reviewed_examples(s: Session) -> list[dict]:
    """Reviewed items as training rows {"text", "topic", "handling", "document_kind"} (labels set by a person)."""
    rows = s.execute(
        select(Item.registration_number, Item.text, Item.topic_code, Item.handling_code, Item.document_kind)
        .where(Item.reviewed_by.is_not(None), Item.status.in_(("reviewed", "listed")))
        .order_by(Item.id)
    )
    return [{"id": f"register-{number}", "text": text, "topic": topic, "handling": handling,
             "document_kind": kind} for number, text, topic, handling, kind in rows if text and text.strip()]


def status_counts(s: Session) -> dict[str, int]:
    """Number of items per status, every status present (zero when none)."""
    counts = dict(s.execute(select(Item.status, func.count()).group_by(Item.status)).all())
    return {status: int(counts.get(status, 0)) for status in STATUS_ORDER if status != "quarantined"}


def inbox_items(s: Session, status: str | None = None, limit: int = 500) -> list[Item]:
    """Items for the review inbox: needs_review first, then by status order, newest first within a status."""
    rank = case({st: i for i, st in enumerate(STATUS_ORDER)}, value=Item.status, else_=len(STATUS_ORDER))
    q = select(Item).options(selectinload(Item.meeting)).order_by(rank, Item.received_at.desc(), Item.id.desc())
    if status:
        q = q.where(Item.status == status)
    return list(s.scalars(q.limit(limit)))
