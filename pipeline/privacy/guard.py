"""The one guard every public output passes: it refuses content that still holds a known personal-data string."""

from __future__ import annotations

import html
import io
import json
import re
import unicodedata
import zipfile
from collections.abc import Iterable

import pypdfium2 as pdfium

from pipeline.errors import GriffieError
from pipeline.privacy import lexicon as lx
from pipeline.records import PersonalDataSpan
from pipeline.text.compare import normalise

FORMATS = ("text", "html", "pdf", "docx", "csv", "json")
KIND_WORDS = {
    "person": "een naam", "email": "een e-mailadres", "phone": "een telefoonnummer", "address": "een adres",
    "iban": "een rekeningnummer (IBAN)", "bsn": "een burgerservicenummer", "birthdate": "een geboortedatum",
}
MIN_LENGTH = 3  # shorter strings would match everywhere
TITLE_PREFIX = re.compile(r"(?i)^(?:(?:de\s+heer|mevrouw|mevr\.|mw\.|dhr\.|meneer|mr\.|drs\.|dr\.|ir\.|ing\.)\s+)+")
DIGIT_SEPARATORS = re.compile(r"(?<=\d)[\s\-.()/]+(?=\d)")
NAME_PARTICLES = {"van", "de", "den", "der", "het", "'t", "ter", "ten", "te", "in", "op", "el"}


class ForbiddenString(str):
    """A string that must not be published, remembering which kind of personal data it is."""

    kind: str

    def __new__(cls, value: str, kind: str) -> ForbiddenString:
        obj = super().__new__(cls, value)
        obj.kind = kind
        return obj


def describe(forbidden: str) -> str:
    """What a refusal may say about a forbidden string: its kind and a hint, never the data itself."""
    what = KIND_WORDS.get(getattr(forbidden, "kind", None) or "", "een persoonsgegeven")
    return f"{what} ({forbidden[:1]}…({len(forbidden)} tekens))"


class PrivacyLeak(Exception):
    """A public output still holds personal data; the message names the kind, not the data."""

    def __init__(self, kind: str | None, forbidden: str, fmt: str) -> None:
        super().__init__(f"Publicatie geweigerd: de openbare uitvoer ({fmt}) bevat nog {describe(forbidden)}.")
        self.kind = kind
        self.fmt = fmt
        self.forbidden = forbidden


def _pdf_text(data: bytes) -> str:
    document = pdfium.PdfDocument(data)
    try:
        parts = [" ".join(f"{k} {v}" for k, v in document.get_metadata_dict().items())]
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        document.close()
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    """All text of the document, headers, footers, notes and metadata (tags removed, runs joined)."""
    parts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") and name.startswith(("word/", "docProps/")):
                xml = archive.read(name).decode("utf-8", errors="replace")
                xml = re.sub(r"</w:p>|<w:br/>|<w:tab/>|</dc:\w+>|</cp:\w+>", "\n", xml)
                parts.append(html.unescape(re.sub(r"<[^>]+>", "", xml)))
    return "\n".join(parts)


def _json_text(raw: str) -> str:
    strings: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                strings.append(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif value is not None:
            strings.append(str(value))

    walk(json.loads(raw))
    return raw + "\n" + "\n".join(strings)


def public_text(content: str | bytes, fmt: str) -> str:
    """The text a reader of the output can see or copy, per format."""
    if fmt not in FORMATS:
        raise ValueError(f"onbekend formaat voor de privacycontrole: {fmt!r}")
    if fmt == "pdf":
        return _pdf_text(content if isinstance(content, bytes) else content.encode("latin-1"))
    if fmt == "docx":
        if not isinstance(content, bytes):
            raise TypeError("een .docx wordt als bytes gecontroleerd")
        return _docx_text(content)
    raw = content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content
    if fmt == "html":
        return raw + "\n" + html.unescape(re.sub(r"<[^>]+>", " ", raw))
    if fmt == "json":
        return _json_text(raw)
    return raw


_NOT_ALNUM = re.compile(r"[\W_]+")
GRAM = 6


def _alnum(text: str) -> str:
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())  # NFKC as normalise: a superset


def _candidates(visible: str, forbidden: Iterable[str]) -> list[str]:
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


def _occurs(needle: str, visible: str, compact: str) -> bool:
    numeric = re.fullmatch(r"[\d\s\-.()+/]+", needle) is not None
    boundary = r"\d" if numeric else r"\w"
    left = rf"(?<!{boundary})" if needle[0].isalnum() else ""
    right = rf"(?!{boundary})" if needle[-1].isalnum() else ""
    pattern = re.compile(left + re.escape(needle) + right)
    return any(pattern.search(h) for h in ((visible, compact) if numeric else (visible,)))


def _haystacks(text: str) -> tuple[str, str]:
    visible = normalise(text)
    return visible, DIGIT_SEPARATORS.sub("", visible.replace("(0)", " "))


def check_public(content: str | bytes, forbidden: Iterable[str], fmt: str = "text", fixed: str = "") -> None:
    """Raise PrivacyLeak when any forbidden string occurs in the content (case and whitespace insensitive).

    fixed is the output's own text (titles, headers, the council's name: the format rendered without any item);
    a string that occurs there is not a leak of an item, so it cannot block an output."""
    text = public_text(content, fmt)
    visible, compact = _haystacks(text)
    own = _haystacks(fixed) if fixed else None
    for item in _candidates(text, forbidden):  # a cheap pre-filter: hundreds of items' strings, few present
        needle = normalise(item)
        if len(needle) < MIN_LENGTH:
            continue
        if _occurs(needle, visible, compact) and not (own is not None and _occurs(needle, *own)):
            raise PrivacyLeak(getattr(item, "kind", None), item, fmt)


def _phone_variants(text: str) -> set[str]:
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if digits.startswith("0031"):
        digits = digits[4:]
    elif text.strip().startswith("+") and digits.startswith("31"):
        digits = digits[2:]
    elif digits.startswith("0"):
        digits = digits[1:]
    if len(digits) < 6:
        return {digits}
    return {"0" + digits, "+31" + digits, "0031" + digits, "+31 " + digits, "+31 (0)" + digits}


def _name_variants(text: str) -> set[str]:
    name = TITLE_PREFIX.sub("", " ".join(text.split()))
    variants = {name}
    words = name.split()
    lead: list[str] = []
    for word in words:  # given names or initials before the tussenvoegsel/surname
        if word.lower() in NAME_PARTICLES or word == words[-1]:
            break
        lead.append(word)
    surname = " ".join(words[len(lead):])
    if lead and surname:
        letters = [c for w in lead for c in w if c.isupper()]
        if letters:
            variants |= {f"{''.join(c + '.' for c in letters)} {surname}", f"{letters[0]}. {surname}",
                         f"{''.join(letters)} {surname}", f"{' '.join(c + '.' for c in letters)} {surname}"}
        givens = [w.strip("()") for w in lead if not w.endswith(".")]
        if givens:
            variants.add(f"{givens[0]} {surname}")
    return variants


def specific_name(variant: str) -> bool:
    """Whether a name variant is specific enough to forbid everywhere: a single word never is when it is a given
    name, an initial, an ordinary Dutch word, an organisation word or a place (it would block any text)."""
    words = variant.split()
    if len(words) != 1:
        return True
    word = words[0].strip(".,;:()'\"")
    low = word.casefold()
    return not (len(word) <= 2 or word.endswith(".") or word in lx.first_names() or low in lx.dutch_words()
                or lx.is_org_word(word) or low in lx.PLACES or low in lx.STOP)


def forbidden_strings(spans: Iterable[PersonalDataSpan]) -> list[str]:
    """The span texts plus the variants a public text could contain (as ForbiddenString with its kind)."""
    out: dict[str, ForbiddenString] = {}
    for span in spans:
        text = " ".join(span.text.split())
        variants = {text}
        if span.kind == "person":
            variants = {v for v in variants | _name_variants(text) if specific_name(v)}
        elif span.kind == "email":
            variants.add(text.lower())
        elif span.kind == "phone":
            variants |= _phone_variants(text)
        elif span.kind in ("iban", "bsn"):
            compact = re.sub(r"[\s.]", "", text)
            variants |= {compact, " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))}
            if span.kind == "bsn" and len(compact) == 9:
                variants.add(f"{compact[:4]}.{compact[4:6]}.{compact[6:]}")
        elif span.kind == "address":
            variants.add(re.sub(r"\b(\d{4})\s?([A-Z]{2})\b", r"\1\2", text))
            variants.add(re.sub(r"\b(\d{4})([A-Z]{2})\b", r"\1 \2", text))
        for variant in variants:
            if len(normalise(variant)) >= MIN_LENGTH:
                out.setdefault(normalise(variant), ForbiddenString(variant, span.kind))
    return list(out.values())


class PublicationRefused(GriffieError):
    """A public output still held personal data (or could not be checked); nothing may be written."""


def guarded(content: str | bytes, forbidden: Iterable[str], fmt: str) -> str | bytes:
    """content, once the guard let it through; a leak becomes PublicationRefused (one Dutch sentence)."""
    try:
        check_public(content, forbidden, fmt=fmt)
    except PrivacyLeak as exc:
        raise PublicationRefused(str(exc)) from exc
    return content
