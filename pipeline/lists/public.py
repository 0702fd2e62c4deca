"""The public version's safety: the personal data of a list's items, scrubbing, and the privacy guard."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.publication.forbidden import forbidden_for_items, needle_regex, present_needles
from pipeline.registry.models import Item

REDACTED = "[geanonimiseerd]"


def forbidden_for(items: Iterable[Item]) -> list[str]:
    """Every personal-data string of items that must not appear in public output: one mechanism for every
    public output, kept in pipeline.publication (detector over letter, attachments and sender)."""
    return forbidden_for_items(items)


class Scrubber:
    """Replaces forbidden strings by a visible marker, matched the way the guard finds them (any case, any
    whitespace between words, any separator between digits), so a scrubbed list passes the guard; only the
    strings that occur in corpus are compiled, so a list of hundreds of items stays fast."""

    def __init__(self, forbidden: Iterable[str], corpus: str) -> None:
        present = sorted(present_needles(corpus, forbidden), key=len, reverse=True)
        self.patterns = [p for p in (needle_regex(w) for w in present) if p is not None]

    def __call__(self, text: str | None) -> str:
        text = text or ""
        for pattern in self.patterns:  # longest first: "Jan de Vries" before "J. de Vries"
            text = pattern.sub(REDACTED, text)
        return text
