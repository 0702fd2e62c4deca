"""Body text from bytes: the declared charset, UTF-8, repaired mixed UTF-8, then charset-normalizer."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Dutch mail is written in these; charset-normalizer guesses Central-European code pages for short Dutch text
# ("crčche"), so its candidates are limited to the Western ones a Dutch sender really uses.
WESTERN = ["utf_8", "cp1252", "iso8859_15", "iso8859_1", "cp850", "mac_roman", "utf_16"]
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
DETECT_BYTES = 200_000  # enough to decide; detection time grows with the input


def _cp1252_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Error handler: bytes that are not UTF-8 are read as Windows-1252 one by one (a mixed body)."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("griffiepost-cp1252", _cp1252_bytes)


def decode_body(data: bytes, declared: str | None) -> tuple[str, str | None]:
    """The text and, when it was not simply the declared charset, a Dutch note on how it was read."""
    declared = (declared or "").strip().lower() or None
    for charset in dict.fromkeys(c for c in (declared, "utf-8") if c):
        try:
            return data.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            continue
    said = f"opgegeven tekenset {declared}" if declared else "geen tekenset opgegeven"
    if UTF8_MULTIBYTE.search(data):  # real UTF-8 with a few stray bytes: keep the UTF-8, read only the strays
        text = data.decode("utf-8", errors="griffiepost-cp1252")
        return text, f"tekst is deels geen geldige UTF-8 ({said}); de losse tekens zijn als Windows-1252 gelezen"
    best = from_bytes(data[:DETECT_BYTES], cp_isolation=WESTERN).best()
    encoding = best.encoding if best is not None and best.encoding else "cp1252"
    return (data.decode(encoding, errors="replace"),
            f"tekenset van de tekst herkend als {encoding} ({said})")
