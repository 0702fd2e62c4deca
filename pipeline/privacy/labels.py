"""The public name of a sender: an organisation keeps its name, a private person becomes "inwoner"."""

from __future__ import annotations

import re

from pipeline.privacy.lexicon import LETTER, UPPER

STYLES = ("inwoner", "inwoner_van_plaats")
PRIVATE_KINDS = {"inwoner"}
POSTCODE_LINE = re.compile(
    rf"(?m)(?<![\w-])[1-9]\d{{3}}[ ]?(?!SA|SD|SS)[A-Z]{{2}}[ ]{{1,2}}"
    rf"(?P<place>(?:'s-|'t[ ])?[{UPPER}][{LETTER}'-]*(?:[ ](?:aan[ ]de[ ]|aan[ ]den[ ]|a/d[ ]|bij[ ])?"
    rf"[{UPPER}][{LETTER}'-]*)?)[ \t]*(?:$|,)"
)


def public_label(sender_kind: str, organisation: str | None, residence: str | None, style: str = "inwoner") -> str:
    """The sender as it may be published; never a private person's name.

    An organisation (any sender kind other than a private person, with an organisation name) keeps its name;
    otherwise the sender is "inwoner", or "inwoner van <woonplaats>" with style "inwoner_van_plaats".
    """
    if style not in STYLES:
        raise ValueError(f"onbekende stijl voor de afzender: {style!r} (kies uit {', '.join(STYLES)})")
    org = (organisation or "").strip()
    if org and sender_kind not in PRIVATE_KINDS:
        return org
    place = (residence or "").strip()
    if style == "inwoner_van_plaats" and place:
        return f"inwoner van {place}"
    return "inwoner"


def residence_from_text(text: str) -> str | None:
    """The place on the first postcode line ("1234 AB Waterlinde" -> "Waterlinde"), or None."""
    m = POSTCODE_LINE.search(text)
    return m.group("place") if m else None
