"""The public version's safety: the personal data of a list's items, scrubbing, and the privacy guard."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.registry.models import Item

REDACTED = "[geanonimiseerd]"


def forbidden_for(items: Iterable[Item]) -> list[str]:
    """Every personal-data string of items that must not appear in public output: one mechanism for every
    public output, kept in pipeline.publication (detector over letter, attachments and sender)."""
    from pipeline.publication import forbidden_for_items

    return forbidden_for_items(items)


class Scrubber:
    """Replaces forbidden strings (case-insensitive) by a visible marker; only the strings that occur in corpus
    are compiled, so a list of hundreds of items stays fast."""

    def __init__(self, forbidden: Iterable[str], corpus: str) -> None:
        low = corpus.lower()
        present = sorted({w for w in forbidden if w and w.lower() in low}, key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(w) for w in present), re.IGNORECASE) if present else None

    def __call__(self, text: str | None) -> str:
        if not text or self.pattern is None:
            return text or ""
        return self.pattern.sub(REDACTED, text)
