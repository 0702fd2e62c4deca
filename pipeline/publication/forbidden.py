"""The personal data of one item, in one place: what no public output about the item may contain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from email.utils import parseaddr

from pipeline.privacy import lexicon as lx
from pipeline.privacy.detect import detect
from pipeline.privacy.detected import DETECTOR_VERSION, spans_of
from pipeline.privacy.guard import (
    DIGIT_SEPARATORS,
    ForbiddenString,
    PublicationRefused,
    forbidden_strings,
    normalise,
)
from pipeline.privacy.redact import redact_text
from pipeline.records import PersonalDataSpan
from pipeline.registry.models import Item, PrivacyVerdict
from pipeline.registry.view import ItemTruth, item_truth

PRIVATE_KINDS = ("inwoner", "onbekend")
NOT_PERSONAL, PERSONAL = "geen", "wel"  # a reviewer's verdict on a string: geen / wel persoonsgegeven
NUMERIC = re.compile(r"[\d\s\-.()+/]+")


def _organisation_like(display: str) -> bool:
    """A display name with an organisation or party word ("Lijst van der Does", "Fractie Bakker", "Groen Lokaal",
    "Stichting ...") names an organisation, not a person."""
    return any(lx.is_org_word(word) for word in display.split())


class NotScanned(PublicationRefused):
    """The item's personal data has not been detected yet (filed before migration 0009, or by an older detector):
    the worker's pass scans it; until then nothing about the item is published."""


def stored_detection(item: Item, with_mail: bool = False) -> dict[str, Any]:
    """What detection found in item when it was filed (or scanned by the worker): never detected in a request."""
    data = item.personal_data
    if data is None or item.personal_data_version != DETECTOR_VERSION or (with_mail and data.get("mail") is None):
        raise NotScanned(f"Stuk {item.registration_number} is nog niet op persoonsgegevens gecontroleerd; dat "
                         "gebeurt in de wachtrij van de verwerking (griffiepost watch of retry). Tot dan wordt het "
                         "niet gepubliceerd.")
    return data


def _sender_spans(t: ItemTruth, from_address: str | None, people: list | None) -> list[PersonalDataSpan]:
    """The sender as a person: the signatory's (or private writer's) name, and a private writer's addresses
    (the From header, and with the stored people of the mail its display names and the forwarded original's)."""
    spans: list[PersonalDataSpan] = []
    name = " ".join((t.sender_name or "").split())
    org = " ".join((t.value("sender_organisation") or "").split())
    if name and name.casefold() not in (org.casefold(), (t.public_label or "").casefold()) \
            and not _organisation_like(name):
        spans.append(PersonalDataSpan("person", 0, len(name), "sender", name))
    if t.value("sender_kind") not in PRIVATE_KINDS:
        return spans
    found = [parseaddr(from_address or "")] if from_address is not None else []  # the From header
    found += [(display, address) for display, address in people or ()]
    addresses: set[str | None] = set()
    for display, address in found:
        addresses.add(address)
        if display and "@" not in display and len(display.split()) >= 2 and not _organisation_like(display):
            spans.append(PersonalDataSpan("person", 0, len(display), "sender", " ".join(display.split())))
    spans += [PersonalDataSpan("email", 0, len(a), "sender", a) for a in addresses if a]
    return spans


def item_spans(item: Item, with_mail: bool = False) -> list[PersonalDataSpan]:
    """Every personal-data span of an item, as stored: the letter text, every attachment's text and (with_mail)
    the whole mail body and the forwarded original, plus the sender."""
    data = stored_detection(item, with_mail)
    spans = spans_of(data["letter"])
    for _position, found in data["attachments"]:
        spans += spans_of(found)
    if with_mail:
        spans += spans_of(data["mail"])
    from_address = item.message.from_address if item.message is not None else None
    return spans + _sender_spans(item_truth(item), from_address, data["people"] if with_mail else None)


def found_in_attachment(item: Item, position: int) -> list[PersonalDataSpan]:
    """The stored spans of one attachment's text."""
    return next((spans_of(found) for p, found in stored_detection(item)["attachments"] if p == position), [])


def found_in_filename(item: Item, position: int) -> list[PersonalDataSpan]:
    return spans_of(stored_detection(item)["filenames"].get(str(position), []))


def found_in_letter(item: Item) -> list[PersonalDataSpan]:
    return spans_of(stored_detection(item)["letter"])


def found_in_subject(item: Item) -> list[PersonalDataSpan]:
    """The stored spans of the subject; a subject changed without a new scan is not publishable."""
    subject = stored_detection(item)["subject"]
    if subject["text"] != item.subject:
        raise NotScanned(f"Het onderwerp van stuk {item.registration_number} is gewijzigd en nog niet op "
                         "persoonsgegevens gecontroleerd.")
    return spans_of(subject["spans"])


def with_verdicts(spans: list[PersonalDataSpan], verdicts: Iterable[PrivacyVerdict]) -> list[PersonalDataSpan]:
    """The spans after the reviewers' verdicts: `geen` drops a detected string (not personal data), `wel` adds
    one detection missed (so it is redacted and guarded like any other)."""
    verdicts = list(verdicts)
    if not verdicts:
        return spans
    dropped = {v.key for v in verdicts if v.verdict == NOT_PERSONAL}
    kept = [sp for sp in spans if normalise(sp.text) not in dropped]
    return kept + [PersonalDataSpan(v.kind, 0, len(v.text), "reviewer", v.text)
                   for v in verdicts if v.verdict == PERSONAL]


def _outside_organisation(t: ItemTruth, spans: list[PersonalDataSpan]) -> list[PersonalDataSpan]:
    """Organisations keep their names: a name inside the sender organisation's own public name ("Reisbureau
    Marco Polo B.V.", signed by Marco Polo) is published with it, so it cannot be forbidden for this item."""
    if t.value("sender_kind") in PRIVATE_KINDS or not t.value("sender_organisation"):
        return spans
    own = normalise(t.value("sender_organisation"))
    return [sp for sp in spans if sp.kind != "person" or normalise(sp.text) not in own]


def forbidden_for_item(item: Item, with_mail: bool = False) -> list[str]:
    """The strings no public output about item may contain: its personal-data spans (after the reviewers'
    verdicts) with their variants (initials, phone formats, ...), as ForbiddenString values with their kind."""
    spans = _outside_organisation(item_truth(item), item_spans(item, with_mail))
    return forbidden_strings(with_verdicts(spans, item.privacy_verdicts))


def forbidden_for_items(items: Iterable[Item]) -> list[str]:
    """forbidden_for_item over several items (a list of a meeting), without duplicates."""
    out: dict[str, str] = {}
    for item in items:
        for word in forbidden_for_item(item):
            out.setdefault(normalise(word), word)
    return list(out.values())


def is_numeric(needle: str) -> bool:
    return NUMERIC.fullmatch(needle) is not None and any(c.isdigit() for c in needle)


def needle_regex(needle: str) -> re.Pattern[str] | None:
    """The needle in running text: any case, any whitespace between words, any separator between digits."""
    words = needle.split()
    if not words:
        return None
    if is_numeric(needle):
        digits = [c for c in needle if c.isdigit() or c == "+"]
        body = r"(?:[\s\-.()/]*)".join(re.escape(c) for c in digits)
        return re.compile(rf"(?<!\d){body}(?!\d)")
    body = r"\s+".join(re.escape(w) for w in words)
    left = r"(?<!\w)" if words[0][0].isalnum() else ""
    right = r"(?!\w)" if words[-1][-1].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def present_needles(text: str, needles: Iterable[str]) -> list[str]:
    """The needles that occur in text the way the guard would find them (case, spacing, digit separators)."""
    visible = normalise(text)
    compact = DIGIT_SEPARATORS.sub("", visible.replace("(0)", " "))
    out = []
    for needle in needles:
        folded = normalise(needle)
        if not folded:
            continue
        if folded in visible or (is_numeric(folded) and DIGIT_SEPARATORS.sub("", folded) in compact):
            out.append(needle)
    return out


def needle_spans(text: str, needles: Iterable[str], source: str = "body") -> list[PersonalDataSpan]:
    """Spans for every occurrence of every needle in text (the item's known data, found anywhere)."""
    spans = []
    for needle in present_needles(text, needles):
        pattern = needle_regex(needle)
        for m in pattern.finditer(text) if pattern is not None else ():
            kind = needle.kind if isinstance(needle, ForbiddenString) else "person"
            spans.append(PersonalDataSpan(kind, m.start(), m.end(), source, m.group(0)))
    return spans


def redact_known(text: str, needles: Iterable[str], found: list[PersonalDataSpan] | None = None,
                 source: str = "body") -> str:
    """text with what detection found in it and every occurrence of the item's known personal data replaced by
    markers. An item's texts pass `found`, the spans stored with the item (no detection in a request); a text
    without stored spans (None) is detected here."""
    spans = list(found) if found is not None else detect(text, source)
    return redact_text(text, spans + needle_spans(text, needles, source))
