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


_NOT_ALNUM = re.compile(r"[\W_]+")
GRAM = 6


def _alnum(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def candidates(visible: str, forbidden: Iterable[str]) -> list[str]:
    """The forbidden strings that could match visible at all: their letters and digits, in order and without
    anything between, occur in it. A superset of what the guard can find (it ignores case, spacing and digit
    separators; deleting the same characters from needle and text keeps a match a match), so handing only these
    to the guard changes its speed, never its verdict."""
    hays = [_alnum(visible)]
    if "(0)" in visible:  # the guard also reads phone numbers with "(0)" left out
        hays.append(_alnum(visible.replace("(0)", " ")))
    grams = set()
    for h in hays:
        grams.update(h[i:i + GRAM] for i in range(len(h) - GRAM + 1))
    out = []
    for word in forbidden:
        needle = _alnum(word)
        if len(needle) >= GRAM and (needle[:GRAM] not in grams or needle[-GRAM:] not in grams):
            continue  # a substring of the text has every one of its 6-letter pieces in the text
        if not needle or any(needle in h for h in hays):
            out.append(word)
    return out


def guard(content: str | bytes, forbidden: Iterable[str], fmt: str) -> None:
    """Refuse (PrivacyLeak) to hand out public content that still holds a known personal-data string."""
    from pipeline.privacy.guard import check_public, public_text

    check_public(content, candidates(public_text(content, fmt), forbidden), fmt=fmt)
