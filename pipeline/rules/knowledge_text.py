"""Text helpers of the sender knowledge: folding for matching, a municipality with its role, and what is no name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def fold(text: str) -> str:
    """Lower case without diacritics, one character for one (so spans found in the folded text fit the original)."""
    return "".join(unicodedata.normalize("NFKD", ch.lower())[:1] or ch for ch in text)


def squash(text: str) -> str:
    """Only letters and digits, folded: 'Súdwest-Fryslân' -> 'sudwestfryslan' (the shape of a domain name)."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


# The roles of one municipality: its council and griffie, its college (and the municipality itself), its audit office.
ROLE_WORDS = {
    "raad": r"gemeenteraad|raadsgriffie|griffie|griffier|raad",
    "college": r"college van (?:burgemeester en wethouders|b\s*(?:&|en)\s*w)|college b\s*(?:&|en)\s*w|"
               r"burgemeester en wethouders|bestuurssecretariaat|"
               r"gemeentebestuur|burgemeester|gemeente",
    "rekenkamer": r"rekenkamer(?:commissie)?",
}


def municipality_role(names: Sequence[str]) -> re.Pattern:
    """'gemeenteraad van Zeist', 'raad van de gemeente Zeist', 'college van B&W van Zeist', 'griffie Zeist', ...
    over folded text; one of the groups raad | college | rekenkamer holds the role, group 'name' the folded name."""
    roles = "|".join(f"(?P<{role}>{words})" for role, words in ROLE_WORDS.items())
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(
        rf"(?<![\w])(?:{roles})(?:\s+(?:van|der))?(?:\s+(?:de\s+)?gemeente)?\s+(?P<name>{alternation})(?![\w\-])")


def role_of(m: re.Match) -> str:
    return next(role for role in ROLE_WORDS if m.group(role))


# A line that greets, closes, heads or addresses a letter names no organisation, whatever words it holds.
GREETING = re.compile(
    r"^\s*(?:geachte|beste|waarde|lieve|hallo|hoi|dag|goede(?:morgen|middag|navond)|l\.s\.|"
    r"(?:met\s+)?(?:vriendelijke|hartelijke|hoogachtende|collegiale)\s+groet(?:en)?|met\s+groet|hoogachtend|"
    r"groet(?:en|jes)?\b|"
    r"mvg\b|aan\b|oan\b|t\.?a\.?v\.?|ter\s+attentie|afschrift|kopie\s+aan|gericht\s+aan|ingediend\s+door|"
    r"initiatiefnemers?\b|betreft|onderwerp|datum|kenmerk|uw\s+kenmerk|ons\s+kenmerk|bijlage|"
    r"cc\b|van:|verzonden|postbus|telefoon|tel\.?|e-?mail|www\.|leden\s+van|aan\s+de|de\s+leden\s+van|"
    r"in\s+het\s+kort|samenvatting|inleiding|aanleiding|toelichting|conclusie|besluit|overwegende|verzoekt|"
    r"draagt|spreekt\s+uit|roept|constaterende)\b",
    re.IGNORECASE)
# Words of a running sentence: a line with one of them is a fragment of text, not a name.
SENTENCE_WORDS = re.compile(
    r"\b(?:ik|wij|we|uw|jullie|is|zijn|was|waren|wordt|worden|werd|heeft|hebben|had|kunt|kan|kunnen|zal|zullen|"
    r"wil|willen|graag|hierbij|daarom|omdat|zodat|mogen|moet|moeten|vragen|verzoeken|gaat|gaan|staat|"
    r"hoe|wat|waarom|wanneer|als|dat|welke)\b|\bu\b(?!\.)", re.IGNORECASE)


# Who signs a letter by their role: the titles both tests below know (each adds its own).
SIGNING_ROLES = (r"coördinator|coordinator|(?:beleids)?medewerker|beleidsadviseur|adviseur|voorzitter|secretaris|"
                 r"penningmeester|directeur|projectleider|woordvoerder|bestuurslid|griffier")
# A role alone ('Griffier', 'Beleidsadviseur') says who signs, not for which organisation.
ROLE_ONLY = re.compile(
    rf"^(?:de\s+|het\s+)?(?:plv\.?\s+|waarnemend\s+)?(?:{SIGNING_ROLES}|raadsgriffier|algemeen directeur|bestuurder|"
    r"wethouder|burgemeester|gedeputeerde|dijkgraaf|raadslid|fractievoorzitter|secretariaat|bestuurssecretaris|"
    r"senior\s+(?:beleids)?(?:adviseur|medewerker)|bestuursadviseur|ombudsman|ombudsvrouw|"
    r"lid\s+(?:van\s+de\s+)?(?:directieraad|directie|bestuur|dagelijks\s+bestuur)|"
    r"(?:gedeputeerde|provinciale)\s+staten)(?:\s+a\.?i\.?)?[ ,.]*$",
    re.IGNORECASE)


# "Rachid Benali, coördinator jongerenwerk": a person and their role, not the organisation.
NAME_AND_ROLE = re.compile(rf",\s*(?:senior\s+|junior\s+)?(?:{SIGNING_ROLES}|manager|teamleider)\b", re.IGNORECASE)
# What a letter's title starts with: a heading ("Motie 'Stroom voor scholen'", "Nieuwsbrief ..."), not a sender.
TITLE = re.compile(
    r"^\s*(?:['‘’\"“]|(?:motie|amendement|petitie|nieuwsbrief|persbericht|uitnodiging|programma|agenda|rapport|"
    r"jaarverslag|verslag|notulen|raadsvoorstel|raadsinformatiebrief|factsheet|column|in\s+dit\s+nummer|"
    r"bijlage|onderwerp|thema|save\s+the\s+date)\b)", re.IGNORECASE)
# A name that starts with what it is (a legal form, a group, a public body) may hold lower-case words
# ("Stichting tot behoud van de molen"); without such a start, lower-case words make it a phrase.
BODY_START = re.compile(
    r"^\s*(?:de\s+|het\s+)?(?:stichting|vereniging|co[oö]peratie|platform|comit[eé]|actiegroep|werkgroep|"
    r"bewoners\w*|dorps\w*|wijk\w*|buurt\w*|plaatselijk|federatie|bond|fractie|partij|kring|netwerk|coalitie|"
    r"ministerie|provincie|gemeente|waterschap|hoogheemraadschap|veiligheidsregio|ggd|omgevingsdienst|rekenkamer|"
    r"college|regio|griffie|raad|\w+raad|\w+vereniging|\w+bond|\w+platform)\b", re.IGNORECASE)
# Lower-case words a name may hold anywhere: particles, and the words for the body of a place ("Rekenkamer
# gemeente Groningen", "Programmateam Energie provincie Overijssel").
NAME_PARTICLES = frozenset(
    "van de het der den en voor in op aan bij te ter tot uit over 't op en/of & gemeente provincie regio raad "
    "griffie college bestuur b.v. n.v. u.a. v.o.f. bv nv".split())
SENTENCE_END = re.compile(r"[a-zà-ÿ]{4}[.!]\s+[A-ZÀ-Ý]")  # ('Gebr. Kuijpers' is an abbreviation)  # "... in Heerenveen. Bouwgroep ...": two sentences
# Lower-case words (other than particles) that make a line without a body word a phrase, when they also outnumber
# its capitalised words ('Centraal Orgaan opvang asielzoekers' is a name).
PHRASE_WORDS = 2


def _phrase(text: str) -> bool:
    """Lower-case words beyond particles ('Nieuwe cijfers per gemeente', 'secretariaat ombudsvoorziening')."""
    if BODY_START.match(text):
        return False
    words = re.findall(r"[^\W\d_][\w'’\-.&/]*", text)
    lower = sum(w[:1].islower() and w.lower() not in NAME_PARTICLES for w in words)
    return lower >= PHRASE_WORDS and lower > sum(w[:1].isupper() for w in words)


def names_nothing(line: str, max_words: int = 12) -> str | None:
    """Why this line cannot be an organisation's name (a greeting, a heading, a sentence fragment), or None.
    max_words: longer lines are running text (a line that names a known body may be longer: a motion's opening)."""
    text = line.strip()
    if not text:
        return "lege regel"
    if GREETING.match(text):
        return "aanhef, groet of kopregel"
    if text[:1] in "-•*–(":
        return "opsomming of opmerking"
    if NAME_AND_ROLE.search(text):
        return "naam en functie"
    if ROLE_ONLY.match(text):
        return "alleen een functie"
    if text.endswith(":") or text.endswith("?") or TITLE.match(text) or \
            (text.isupper() and len(text.split()) > 3 and not BODY_START.match(text)):
        return "kopje"
    words = text.split()
    if len(words) > max_words:
        return "zinsfragment"
    if SENTENCE_WORDS.search(text) or _phrase(text) or SENTENCE_END.search(text):
        return "zinsfragment"
    return None


# Mail providers of private persons: an address there names a person, never an organisation.
FREE_MAIL = {
    "gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.nl", "live.com", "ziggo.nl",
    "kpnmail.nl", "planet.nl", "xs4all.nl", "icloud.com", "me.com", "yahoo.com", "yahoo.nl", "home.nl",
    "casema.nl", "upcmail.nl", "chello.nl", "hetnet.nl", "quicknet.nl", "telfort.nl", "zeelandnet.nl", "online.nl",
    "proton.me", "protonmail.com", "msn.com",
}


def is_free_mail(address: str | None) -> bool:
    return bool(address) and address.rsplit("@", 1)[-1].lower() in FREE_MAIL


# What OCR does to l, I and 1 (and o, 0) inside a word: 'Ho1lands', 'NationaIe', 'VERENIGlNG', 'lnfrastructuur'.
_DIGIT_IN_WORD = re.compile(r"(?<=[^\W\d_])[10](?=[^\W\d_])")
_CAPITAL_I_IN_WORD = re.compile(r"(?<=[a-zà-ÿ])I(?=[a-zà-ÿ])")
_SMALL_L_IN_CAPITALS = re.compile(r"(?<=[A-ZÀ-Ý])l(?=[A-ZÀ-Ý])")
_SMALL_L_FOR_CAPITAL_I = re.compile(r"\bl(?=[nmrtsdkpbfgczwvhj][a-zà-ÿ])")  # no Dutch word starts 'ln', 'lm', ...


def ocr_repair(text: str) -> str:
    """A name as printed, where a scan's text layer confused l, I, 1 and o, 0 inside words."""
    text = _DIGIT_IN_WORD.sub(lambda m: "l" if m.group(0) == "1" else "o", text)
    text = _CAPITAL_I_IN_WORD.sub("l", text)
    text = _SMALL_L_IN_CAPITALS.sub("I", text)
    return _SMALL_L_FOR_CAPITAL_I.sub("I", text)


def tidy_name(name: str) -> str:
    """A found name as shown: spaces folded, trailing punctuation and a lower-case article dropped."""
    name = re.sub(r"\s+", " ", name).strip(" ,;:-–")
    if name.endswith(".") and not re.search(r"\b(?:[A-Za-z]\.){2,}$", name):  # keep B.V., U.A., N.V.
        name = name[:-1].rstrip()
    name = re.sub(r"^(?:[Dd]e|[Hh]et)\s+(?=[a-zà-ÿ])", "", name)  # "het college" -> "College"; "De Kering" stays
    return name[:1].upper() + name[1:] if name else name
