"""Reviewers' verdicts on an item's personal data: "geen persoonsgegeven" or "wel" (redact it), each audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pipeline.errors import GriffieError
from pipeline.privacy.guard import normalise
from pipeline.publication.forbidden import NOT_PERSONAL, PERSONAL, item_spans
from pipeline.registry.models import AuditEntry, Item, PrivacyVerdict
from pipeline.vocab import PERSONAL_DATA_KINDS, PERSONAL_DATA_WORDS

VERDICT_WORDS = {NOT_PERSONAL: "geen persoonsgegeven", PERSONAL: "persoonsgegeven: weglakken"}
KIND_LABELS = PERSONAL_DATA_WORDS


@dataclass(frozen=True)
class DetectedString:
    """One distinct personal-data string of an item, with where it was found and the verdict on it (if any)."""

    kind: str
    text: str
    sources: tuple[str, ...]
    verdict: str | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def detected_strings(item: Item, with_mail: bool = False) -> list[DetectedString]:
    """Every distinct string detection found in the item (as stored; with_mail: the mail body and the forwarded
    original too), plus those a reviewer added, with their verdicts. NotScanned when it was not scanned yet."""
    verdicts = {v.key: v for v in item.privacy_verdicts}
    found: dict[str, tuple[str, str, list[str]]] = {}
    for span in item_spans(item, with_mail):
        text = " ".join(span.text.split())
        entry = found.setdefault(normalise(text), (span.kind, text, []))
        if span.source not in entry[2]:
            entry[2].append(span.source)
    for key, v in verdicts.items():
        found.setdefault(key, (v.kind, v.text, ["beoordelaar"]))
    return [DetectedString(kind, text, tuple(sources), verdicts[key].verdict if key in verdicts else None)
            for key, (kind, text, sources) in sorted(found.items(), key=lambda kv: (kv[1][0], kv[0]))]


def mark(s: Session, item: Item, kind: str, text: str, verdict: str, actor: str) -> PrivacyVerdict:
    """Record (or change) the verdict on one string of item; the public outputs follow it from now on."""
    text = " ".join((text or "").split())
    if verdict not in VERDICT_WORDS:
        raise GriffieError(f"Onbekend oordeel '{verdict}' (kies '{NOT_PERSONAL}' of '{PERSONAL}').")
    if kind not in PERSONAL_DATA_KINDS:
        raise GriffieError(f"Onbekende soort persoonsgegeven '{kind}'.")
    if len(text) < 2:
        raise GriffieError("Geef de tekst op waarover u oordeelt.")
    if not actor.strip():
        raise GriffieError("Geef op wie oordeelt (--by).")
    key = normalise(text)
    row = next((v for v in item.privacy_verdicts if v.key == key), None)
    before = row.verdict if row is not None else None
    if row is None:
        row = PrivacyVerdict(item_id=item.id, kind=kind, text=text, key=key, verdict=verdict, actor=actor)
        item.privacy_verdicts.append(row)
    else:
        row.kind, row.verdict, row.actor = kind, verdict, actor
    s.flush()
    # The audit row says what was decided, not the personal data itself (the verdict row holds that).
    s.add(AuditEntry(actor=actor, action="privacy_verdict", item_id=item.id,
                     detail={"verdict_id": row.id, "kind": kind, "verdict": verdict, "before": before,
                             "chars": len(text)}))
    return row
