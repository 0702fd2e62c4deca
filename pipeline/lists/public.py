"""The public version's safety: the personal data of a list's items, scrubbing, and the privacy guard."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.registry.models import Item

REDACTED = "[geanonimiseerd]"
PRIVATE_KINDS = ("inwoner", "onbekend")


def forbidden_for(items: Iterable[Item]) -> list[str]:
    """Every personal-data string of items that must not appear in public output: the detector's spans over the
    item text and the sender's name (a private person, or a person signing for an organisation), plus the
    sender's address for private senders."""
    from pipeline.privacy.detect import detect
    from pipeline.privacy.guard import forbidden_strings
    from pipeline.records import PersonalDataSpan

    spans: list[PersonalDataSpan] = []
    for item in items:
        spans.extend(detect(item.text or "", "body"))
        if item.sender_name and item.sender_name.strip():  # a private person, or a person signing for others
            name = " ".join(item.sender_name.split())
            spans.append(PersonalDataSpan("person", 0, len(name), "sender", name))
        address = item.message.from_address if item.message is not None else None
        if address and item.sender_kind in PRIVATE_KINDS:
            spans.append(PersonalDataSpan("email", 0, len(address), "sender", address))
    return forbidden_strings(spans)


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


def guard(content: str | bytes, forbidden: Iterable[str], fmt: str) -> None:
    """Refuse (PrivacyLeak) to hand out public content that still holds a known personal-data string."""
    from pipeline.privacy.guard import check_public

    check_public(content, list(forbidden), fmt=fmt)
