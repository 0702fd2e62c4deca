"""Redacted text: every personal-data span replaced by a marker such as [naam] or [e-mail]."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.records import PersonalDataSpan

MARKERS = {
    "person": "[naam]", "email": "[e-mail]", "phone": "[telefoon]", "address": "[adres]", "iban": "[iban]",
    "bsn": "[bsn]", "birthdate": "[geboortedatum]",
}


def redact_text(text: str, spans: Iterable[PersonalDataSpan]) -> str:
    """text with each span replaced by its kind's marker; overlapping spans are merged into the first marker."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    out: list[str] = []
    pos = 0
    for span in ordered:
        if span.start < 0 or span.end > len(text) or span.end <= span.start:
            raise ValueError(f"span buiten de tekst: {span.kind} {span.start}-{span.end} (lengte {len(text)})")
        if span.end <= pos:
            continue  # inside a span already replaced
        if span.start >= pos:
            out.append(text[pos:span.start])
            out.append(MARKERS.get(span.kind, "[persoonsgegeven]"))
        pos = max(pos, span.end)
    out.append(text[pos:])
    return "".join(out)
