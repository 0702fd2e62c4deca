"""The docs/architecture.md JSON contract as a checker: every key present, types right, unknowns null."""

from __future__ import annotations

from typing import Any

from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, ITEM_STATUSES, PERSONAL_DATA_KINDS, SENDER_KINDS, TOPIC_BY_CODE

S, B, N, F, L, D = str, bool, type(None), float, list, dict
OPT_S = (str, N)
SHAPE: dict[str, Any] = {
    "message": {"message_id": OPT_S, "from": OPT_S, "to": L, "date": OPT_S, "subject": OPT_S, "sha256": S},
    "origin": {"forwarded": B, "from": OPT_S, "date": OPT_S, "subject": OPT_S},
    "sender": {"name": OPT_S, "organisation": OPT_S, "kind": S, "public_label": S},
    "letter": {"date": OPT_S, "subject": OPT_S, "reference": OPT_S, "addressee": OPT_S},
    "document_kind": S, "circular": B, "on_list": B,
    "topic": (D, N), "topics": L,
    "handling": {"code": S, "local_code": S, "label": S, "score": (int, float)},
    "committee": OPT_S, "attachments": L, "personal_data": L, "reasons": L,
}
ATTACHMENT = {"filename": OPT_S, "content_type": S, "sha256": S, "pages": (int, N), "chars": int, "ocr": B,
              "status": S, "error": OPT_S}


def check(doc: dict[str, Any], shape: dict[str, Any] = SHAPE, where: str = "") -> list[str]:
    problems = []
    for key, want in shape.items():
        path = f"{where}{key}"
        if key not in doc:
            problems.append(f"missing {path}")
            continue
        value = doc[key]
        if isinstance(want, dict):
            if not isinstance(value, dict):
                problems.append(f"{path} is not an object")
            else:
                problems += check(value, want, path + ".")
        elif not isinstance(value, want) or (want is int and isinstance(value, bool)):
            problems.append(f"{path} has type {type(value).__name__}")
        elif isinstance(value, str) and not value.strip():
            problems.append(f"{path} is an empty string (unknown must be null)")
    if where:
        return problems
    if doc.get("sender", {}).get("kind") not in SENDER_KINDS:
        problems.append("sender.kind not canonical")
    if doc.get("document_kind") not in DOCUMENT_KINDS:
        problems.append("document_kind not canonical")
    if doc.get("handling", {}).get("code") not in HANDLINGS:
        problems.append("handling.code not canonical")
    topic = doc.get("topic")
    if topic is not None and (set(topic) != {"code", "label", "uri", "score"} or topic["code"] not in TOPIC_BY_CODE
                              or not topic["uri"].endswith(topic["code"])):
        problems.append("topic malformed")
    for t in doc.get("topics", []):
        if set(t) != {"code", "label", "score"} or t["code"] not in TOPIC_BY_CODE:
            problems.append("topics entry malformed")
    for a in doc.get("attachments", []):
        problems += check(a, ATTACHMENT, "attachments[].")
    for p in doc.get("personal_data", []):
        if set(p) != {"kind", "start", "end", "source"} or p["kind"] not in PERSONAL_DATA_KINDS:
            problems.append(f"personal_data entry malformed: {p}")
    for r in doc.get("reasons", []):
        if not isinstance(r, str) or not r:
            problems.append("reason not a sentence")
    for key in ("letter", "message"):
        date = doc.get(key, {}).get("date")
        if date is not None and not (len(date) >= 10 and date[4] == "-" and date[7] == "-"):
            problems.append(f"{key}.date not ISO 8601")
    return problems


def check_item(doc: dict[str, Any]) -> list[str]:
    problems = check(doc)
    if not isinstance(doc.get("id"), int):
        problems.append("id missing")
    if not isinstance(doc.get("registration_number"), str) or len(doc["registration_number"]) != 9:
        problems.append("registration_number malformed")
    if doc.get("status") not in ITEM_STATUSES:
        problems.append("status not canonical")
    if "meeting" not in doc:
        problems.append("meeting missing")
    return problems
