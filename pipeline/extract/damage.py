"""What a parser library says about a damaged file, said in Dutch (its English never reaches a reason)."""

from __future__ import annotations

# (words in the library's message, lower case; the Dutch description), first match wins
KNOWN = (
    ("no /root object", "de hoofdstructuur van het document (/Root) ontbreekt"),
    ("unexpected eof", "het bestand houdt plotseling op (afgekapt)"),
    ("eof marker not found", "het bestand houdt plotseling op (afgekapt)"),
    ("truncated", "het bestand houdt plotseling op (afgekapt)"),
    ("startxref", "de verwijzingstabel (xref) ontbreekt of is onleesbaar"),
    ("xref", "de verwijzingstabel (xref) ontbreekt of is onleesbaar"),
    ("password", "het bestand is versleuteld"),
    ("encrypt", "het bestand is versleuteld"),
    ("data format error", "de inhoud heeft geen geldige opmaak"),
    ("file not in pdf format", "de inhoud is geen PDF"),
    ("is this really a pdf", "de inhoud is geen PDF"),
    ("not a zip file", "ongeldig zip-archief"),
    ("bad zip", "ongeldig zip-archief"),
    ("cannot identify image file", "geen herkenbaar afbeeldingsformaat"),
    ("decompression bomb", "de afbeelding is te groot om uit te pakken"),
    ("file not found", "een onderdeel ontbreekt"),
    ("codec can't decode", "tekst in een onbekende tekenset"),
    ("recursion", "te diep genest"),
    ("memory", "te weinig geheugen"),
    ("malformed", "de opbouw van het bestand is ongeldig"),
    ("syntax", "de opbouw van het bestand is ongeldig"),
    ("badzipfile", "ongeldig zip-archief"),
    ("unicode", "tekst in een onbekende tekenset"),
)


def describe(message: str, kind: str = "") -> str:
    """The Dutch description of a library's error message and error class (their English stays out)."""
    text = f"{message or ''} {kind}".lower()
    for words, dutch in KNOWN:
        if words in text:
            return dutch
    return "onbekende beschadiging"
