"""Text compared the way a person reads it: one normal form for the privacy guard and the IMAP filters."""

from __future__ import annotations

import re
import unicodedata

INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u200c\u200d\u2060\ufeff")  # soft hyphen, zero-width characters


def normalise(text: str) -> str:
    """NFKC (full-width letters, ligatures and non-breaking spaces read as the plain ones), invisible characters
    dropped, case-folded, one space for any whitespace run."""
    text = unicodedata.normalize("NFKC", text).translate(INVISIBLE)
    return re.sub(r"\s+", " ", text.casefold()).strip()
