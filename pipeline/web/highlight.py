"""The letter text in pieces with the detected personal data marked by kind (and by the reviewer's verdict).
The spans are those stored with the item at filing (pipeline/privacy/detected.py): the page never detects."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.privacy.guard import normalise
from pipeline.publication.verdicts import KIND_LABELS
from pipeline.records import PersonalDataSpan


@dataclass(frozen=True)
class Piece:
    text: str
    kind: str | None = None  # person | email | ... for a detected span
    verdict: str | None = None  # geen | wel | None (not yet judged)

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind or "", self.kind or "")


def highlighted(text: str, spans: list[PersonalDataSpan], verdicts: dict[str, str]) -> list[Piece]:
    """Pieces of text in order; detected spans (sorted, none overlapping) carry their kind and the verdict on
    their string, if any."""
    pieces, at = [], 0
    for span in spans:
        if span.start > at:
            pieces.append(Piece(text[at:span.start]))
        found = text[span.start:span.end]
        pieces.append(Piece(found, span.kind, verdicts.get(normalise(" ".join(found.split())))))
        at = span.end
    if at < len(text or ""):
        pieces.append(Piece(text[at:]))
    return pieces
