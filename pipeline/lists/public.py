"""The public version's safety: the personal data of a list's items, scrubbing, and the privacy guard."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.registry.models import Item

REDACTED = "[geanonimiseerd]"
PRIVATE_KINDS = ("inwoner", "onbekend")


def _item_spans(item: Item) -> list:
    """The personal-data spans of one item (detector over its text, its sender's name and private address)."""
    from pipeline.privacy.detect import detect
    from pipeline.records import PersonalDataSpan

    spans = list(detect(item.text or "", "body"))
    if item.sender_name and item.sender_name.strip():  # a private person, or a person signing for others
        name = " ".join(item.sender_name.split())
        spans.append(PersonalDataSpan("person", 0, len(name), "sender", name))
    address = item.message.from_address if item.message is not None else None
    if address and item.sender_kind in PRIVATE_KINDS:
        spans.append(PersonalDataSpan("email", 0, len(address), "sender", address))
    return spans


_SPAN_CACHE: dict[tuple, list] = {}
_CACHE_MAX = 20_000


def _cached_strings(item: Item) -> list[str]:
    """Forbidden strings per item, remembered while its text and sender stay the same (lists are generated
    often, in five formats and two versions)."""
    address = item.message.from_address if item.message is not None else None
    key = (item.id, hash(item.text or ""), item.sender_name, item.sender_kind, address)
    spans = _SPAN_CACHE.get(key)
    if spans is None:
        if len(_SPAN_CACHE) >= _CACHE_MAX:
            _SPAN_CACHE.clear()
        from pipeline.privacy.guard import forbidden_strings

        spans = _SPAN_CACHE[key] = forbidden_strings(_item_spans(item))
    return spans


def forbidden_for(items: Iterable[Item]) -> list[str]:
    """Every personal-data string of items that must not appear in public output: the detector's spans over the
    item text and the sender's name (a private person, or a person signing for an organisation), plus the
    sender's address for private senders."""
    seen: dict[str, str] = {}
    for item in items:
        for word in _cached_strings(item):
            seen.setdefault(str(word), word)
    return list(seen.values())


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
