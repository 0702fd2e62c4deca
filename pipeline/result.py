"""The JSON contract of one analysed message (docs/architecture.md), built from an Outcome and the council profile."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pipeline.privacy.labels import public_label, residence_from_text
from pipeline.records import Outcome
from pipeline.vocab import TOPIC_BY_CODE, handling_words


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def public_sender_label(outcome: Outcome, profile: Any) -> str:
    a, c = outcome.analysis, outcome.classification
    residence = residence_from_text(a.main_text) if c.sender_kind == "inwoner" else None
    return public_label(c.sender_kind, a.sender_organisation if c.sender_kind != "inwoner" else None,
                        residence, style=profile.public_label)


def outcome_json(outcome: Outcome, profile: Any, sha256: str) -> dict[str, Any]:
    a, c = outcome.analysis, outcome.classification
    parsed = a.extracted.parsed
    origin = parsed.origin
    topic = None
    if c.topic is not None:
        t = TOPIC_BY_CODE[c.topic.code]
        topic = {"code": t.code, "label": t.label, "uri": t.uri, "score": round(c.topic.score, 4)}
    local_code, label = handling_words(profile, c.handling.code)
    return {
        "message": {
            "message_id": parsed.message_id,
            "from": parsed.from_address,
            "to": parsed.to,
            "date": _iso(parsed.date),
            "subject": parsed.subject,
            "sha256": sha256,
        },
        "origin": {
            "forwarded": bool(origin and origin.forwarded),
            "from": (origin.from_address or origin.from_name) if origin else None,
            "date": _iso(origin.date) if origin else None,
            "subject": origin.subject if origin else None,
        },
        "sender": {
            "name": a.sender_name,
            "organisation": a.sender_organisation,
            "kind": c.sender_kind,
            "public_label": public_sender_label(outcome, profile),
        },
        "letter": {
            "date": _iso(a.letter_date),
            "subject": a.subject,
            "reference": a.reference,
            "addressee": a.addressee,
        },
        "document_kind": c.document_kind,
        "circular": a.circular,
        "on_list": c.on_list,
        "topic": topic,
        "topics": [
            {"code": s.code, "label": TOPIC_BY_CODE[s.code].label, "score": round(s.score, 4)} for s in c.topics
        ],
        "handling": {"code": c.handling.code, "local_code": local_code, "label": label,
                     "score": round(c.handling.score, 4)},
        "committee": c.committee,
        "attachments": [
            {"filename": x.filename, "content_type": x.content_type, "sha256": x.sha256, "pages": x.pages,
             "chars": x.chars, "ocr": x.ocr, "status": x.status, "error": x.error}
            for x in a.extracted.attachments
        ],
        "personal_data": [
            {"kind": s.kind, "start": s.start, "end": s.end, "source": s.source} for s in a.personal_data
        ],
        "reasons": list(c.reasons) + list(a.notes) + list(a.extracted.parsed.notes),
        "needs_review": c.needs_review,
        "model_version": c.model_version,
    }
