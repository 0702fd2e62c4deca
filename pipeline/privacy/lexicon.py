"""Word lists for person detection: given names, surnames, titles, tussenvoegsels, roles and organisation words."""

from __future__ import annotations

import gzip
import json
import unicodedata
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Upper- and lower-case letters as regex classes (Python's re has no \p{Lu}); covers Latin-1 and Latin Extended-A.
UPPER = "".join(c for c in map(chr, range(0x41, 0x250)) if c.isupper() and c.isalpha())
LOWER = "".join(c for c in map(chr, range(0x61, 0x250)) if c.islower() and c.isalpha())
LETTER = UPPER + LOWER

# Tussenvoegsels, longest first so that "van den" wins over "van".
TUSSENVOEGSELS = sorted(
    {"van", "van de", "van den", "van der", "van het", "van 't", "van 'T", "de", "den", "der", "het", "'t", "ter",
     "ten", "te", "in 't", "in de", "in den", "in het", "op de", "op den", "op 't", "op ten", "uit de", "uit den",
     "aan de", "aan den", "bij de", "van in 't", "van de la", "d'", "el", "al", "la", "le", "du", "da", "di", "del",
     "von", "von der", "van ter", "vande", "vander", "El", "Al", "Ben", "Abu", "Abou", "Ait", "Aït"},
    key=lambda s: (-len(s.split()), -len(s)),
)

# Words before a name that make the following capitalised word(s) a person (lower-cased, without dot).
TITLES = {
    "heer", "de heer", "mevrouw", "mevr", "mw", "mevr.", "dhr", "meneer", "mijnheer", "mr", "drs", "dr", "ir", "ing",
    "prof", "ds", "bc", "wethouder", "burgemeester", "gedeputeerde", "raadslid", "griffier", "commissaris",
    "minister", "staatssecretaris", "consulent", "buurman", "buurvrouw", "echtgenoot", "echtgenote", "zuster",
    "broer", "zus", "moeder", "vader", "dokter", "huisarts", "notaris", "advocaat", "fractievoorzitter",
    "familie", "fam", "heer/mevrouw",
}
# Titles that only a person carries; after a role title ("wethouder", "raadslid") a lone unknown word may be a place.
HONORIFICS = {"heer", "de heer", "mevrouw", "mevr", "mw", "dhr", "meneer", "mijnheer", "mr", "drs", "dr", "ir", "ing",
              "prof", "ds", "bc", "buurman", "buurvrouw", "echtgenoot", "echtgenote", "familie", "fam"}

# Roles written after a name ("Wilma Verhoeven, voorzitter") or on the line below it.
ROLES = {
    "voorzitter", "secretaris", "penningmeester", "directeur", "griffier", "burgemeester", "wethouder",
    "beleidsadviseur", "projectleider", "accountmanager", "lid", "adviseur", "coördinator", "coordinator",
    "bestuurslid", "manager", "medewerker", "consulent", "woordvoerder", "communicatieadviseur", "raadslid",
    "fractievoorzitter", "algemeen", "teamleider", "afdelingshoofd", "programmamanager", "senior", "juridisch",
    "beleidsmedewerker", "managementassistent", "gemeentesecretaris", "secretaris-directeur", "vicevoorzitter",
    "ondernemer", "eigenaar", "inwoner", "bewoner", "namens", "hoofd", "gedeputeerde", "dagelijks",
}

# Labels after which a name follows on the same line.
LABELS = (
    "contactpersoon", "contact", "naam", "ingediend door", "inlichtingen bij", "inlichtingen", "secretaris",
    "voorzitter", "namens", "mijn naam is", "op naam van", "ten name van", "t.n.v.", "tnv", "t.a.v.",
    "ter attentie van", "behandeld door", "afzender", "indiener", "aanvrager", "penningmeester", "zijn naam is",
    "haar naam is", "ondergetekende", "samen met", "gemachtigde",
)

# Words that mark an organisation, body or place rather than a person (lower case; also matched as suffixes).
ORG_WORDS = {
    "gemeente", "gemeenten", "provincie", "vereniging", "stichting", "griffie", "raad", "college", "commissie",
    "rekenkamer", "rekenkamercommissie", "bestuur", "afdeling", "team", "sociaal", "dienst", "omgevingsdienst",
    "veiligheidsregio", "ggd", "b.v.", "bv", "n.v.", "nv", "v.o.f.", "vof", "holding", "groep", "bureau",
    "coöperatie", "cooperatie", "bibliotheek", "school", "basisschool", "kinderopvang", "dorpsraad", "wijkraad",
    "staten", "gedeputeerde", "ministerie", "rijk", "hoogheemraadschap", "waterschap", "woningstichting",
    "woningcorporatie", "fractie", "partij", "club", "sportpark", "dorpshuis", "café", "restaurant", "publiekszaken",
    "burgerzaken", "informatiecentrum", "bouwadvies", "advies", "bouw", "centrum", "zaken", "nederland",
    "nederlandse", "landelijke", "regio", "regionaal", "algemeen", "dagelijks", "secretariaat",
    "bestuurssecretariaat", "kantoor", "vestiging", "kerk", "parochie", "moskee", "ziekenhuis", "zorg",
    "belastingdienst", "politie", "brandweer", "postbus", "glasvezel", "energie", "energiecoöperatie",
    "gemeenteraad", "burgemeester", "wethouders", "onderwerp", "betreft", "bijlage", "bijlagen", "datum",
    "kenmerk", "telefoon", "e-mail", "website", "adres", "werkdagen", "vergadering", "petitie", "verzonden",
    "fonds", "museum", "arena", "stadion", "bank", "kwartier", "buurt", "zaal", "prijs", "lezing",
    "theater", "schouwburg", "academie", "universiteit", "hogeschool", "lyceum", "gymnasium", "instituut",
    "fundatie", "genootschap", "orkest", "koor", "stichtingen", "foundation", "award", "huis", "hal", "kliniek",
    "fracties", "postkamer", "scanner", "stedenband", "werkbedrijf", "programma", "programmabureau", "jeugdhulp",
    "ondersteuning", "bestuursondersteuning", "democratie", "gebied", "platform", "netwerk", "overleg",
    "lijst", "lokaal", "lokale", "fractie", "partij",  # local parties: "Lijst van der Does", "Jansen Lokaal"
}
ORG_SUFFIXES = ("vereniging", "stichting", "advies", "bouw", "centrum", "zaken", "dienst", "raad", "commissie",
                "coöperatie", "groep", "bureau", "school", "opvang", "bibliotheek", "secretariaat", "team", "bedrijf",
                "ondersteuning", "hulp", "zorg", "band", "kamer", "overleg", "platform", "fonds", "museum")

# Capitalised words that start sentences or headings and never are a surname.
STOP = {
    "de", "het", "een", "ik", "wij", "we", "u", "uw", "zij", "hij", "ze", "graag", "met", "namens", "geachte",
    "beste", "aan", "van", "betreft", "onderwerp", "datum", "dag", "en", "of", "op", "in", "bij", "voor", "na",
    "over", "sinds", "hierbij", "via", "als", "dat", "die", "dit", "deze", "er", "hoi", "hallo", "goedemorgen",
    "goedenavond", "goedemiddag", "groet", "groeten", "hoogachtend", "vriendelijke", "mijn", "onze", "ons",
    "zijn", "haar", "hun", "ook", "al", "nog", "niet", "wel", "maar", "want", "dus", "toen", "tel", "telefoon",
    "mobiel", "e-mail", "email", "mail", "adres", "postbus", "kvk", "iban", "bsn", "m", "t", "e", "w", "zie",
    "bijgaand", "bijlage", "alvast", "bedankt", "dank", "wilt", "kunt", "kan", "mag", "moet", "was", "is",
    "heeft", "hebben", "wordt", "worden", "the", "of", "to", "from", "sent", "subject", "date", "cc", "aan",
    "verzonden", "oorspronkelijk", "bericht", "forwarded", "message", "raadsinformatiebrief", "raadsleden",
    "dames", "heren", "inwoner", "inwoners", "contact", "naam", "geboortedatum", "geboren", "rekeningnummer",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "wethouder", "burgemeester", "voorzitter", "secretaris", "griffier", "penningmeester", "directeur", "heer",
    "mevrouw", "meneer", "ondergetekende", "petitie", "contactpersoon", "inlichtingen", "kenmerk", "ons",
}

# Place names and bodies that look like names (a small safety net; capitalised place words never end a name).
PLACES = {
    "den haag", "utrecht", "amsterdam", "rotterdam", "zeist", "houten", "maarssen", "culemborg", "woerden",
    "nieuwegein", "amersfoort", "leiden", "haarlem", "groningen", "zwolle", "arnhem", "nijmegen", "eindhoven",
    "tilburg", "breda", "dordrecht", "delft", "gouda", "alkmaar", "almere", "lelystad", "assen", "leeuwarden",
    "middelburg", "maastricht", "den bosch", "'s-hertogenbosch", "den helder", "ter apel", "ten boer",
}

# Companies and brands named after a person: a name shape, but not a person (only ones no private person is
# likely to be called, since a missed name is worse than a blacked-out brand).
BRANDS = {
    "albert heijn", "dirk van den broek", "jan linders", "hans anders", "henk ten hoor", "douwe egberts",
    "van der valk", "pieter pot", "willem ii", "johan cruijff", "anne frank", "marie curie", "hendrik lorentz",
}

STREET_SUFFIXES = (
    "straat", "laan", "weg", "plein", "kade", "gracht", "dijk", "pad", "singel", "hof", "dreef", "steeg", "markt",
    "haven", "wal", "baan", "boulevard", "allee", "erf", "veld", "park", "plantsoen", "pier", "kwartier", "ring",
    "oord", "straatweg", "wijk", "zijde", "burg", "hoven", "akker", "dam", "berg", "laantje", "hoek", "poort",
    "kant", "wetering", "vaart", "brink", "plaats", "hage", "tuin", "gaarde", "stede", "heuvel", "voorde",
)


def _read_words(name: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        words.update(w for w in line.split() if w)
    return frozenset(words)


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names, case as written (loaded once)."""
    return _read_words("first_names.txt")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Surname cores without tussenvoegsel (loaded once)."""
    return _read_words("surnames.txt")


@lru_cache(maxsize=1)
def dutch_words() -> frozenset[str]:
    """Lower-case Dutch word forms and lemmas (~320,000) from the lemma table of spacy-lookups-data (MIT), a
    dependency already: a word found here is an ordinary word, too common to forbid on its own."""
    table = files("spacy_lookups_data") / "data" / "nl_lemma_lookup.json.gz"
    with gzip.open(table.open("rb"), "rt", encoding="utf-8") as f:
        lookup: dict[str, str] = json.load(f)
    return frozenset(w.casefold() for pair in lookup.items() for w in pair)


def fold(word: str) -> str:
    """Lower-case without diacritics, for comparing words."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_org_word(word: str) -> bool:
    """True for a word that marks an organisation, body or document heading."""
    low = word.lower().rstrip(".,:;")
    return low in ORG_WORDS or (len(low) > 6 and low.endswith(ORG_SUFFIXES))


STRONG_STREET_SUFFIXES = ("straat", "laan", "weg", "plein", "kade", "gracht", "dijk", "singel", "dreef", "steeg",
                          "markt", "boulevard", "allee", "plantsoen", "straatweg", "pad")


def is_street_word(word: str, strong: bool = False) -> bool:
    """True for a word that names a street ("Kerkstraat"); strong=True only for unambiguous endings."""
    low = word.lower()
    suffixes = STRONG_STREET_SUFFIXES if strong else STREET_SUFFIXES
    if not low.endswith(suffixes):
        return False
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in suffixes)
