"""Who sent a letter: organisation from letterhead, 'Namens ...', a role line or the mail signature."""

from __future__ import annotations

import re

from pipeline.rules.knowledge_text import tidy_name

ORG_WORDS = (
    "vereniging", "stichting", "gemeente", "provincie", "ministerie", "veiligheidsregio", "ggd", "omgevingsdienst",
    "rekenkamer", "college van", "b.v.", " bv", "n.v.", "coöperatie", "cooperatie", "federatie", "bond", "platform",
    "waterschap", "hoogheemraadschap", "vng", "dorpsraad", "wijkraad", "werkgroep", "comité", "comite", "commissie",
    "huurders", "woningcorporatie", "woonstichting", "scholengroep", "bibliotheek", "museum", "ondernemers",
    "kamer van koophandel", "politie", "brandweer", "dienst", "bureau", "fonds", "academie", "centrum", "raad van",
    "gemeenschappelijke regeling", "regio ", "belangen", "kernen", "coalitie", "alliantie", "netwerk", "genootschap",
    "partners", "groep", "holding", "instituut", "inspectie", "autoriteit", "agentschap", "zorg", "welzijn",
    "omroep", "ombudsman", "griffie", "staatssecretaris", "minister ", "gedeputeerde staten", "burgemeester en wethouders",
    "koninklijke", "café", "cafe ", "horeca", "restaurant", "hotel", "vluchtelingenwerk", "jeugdhulp", "ouderenbond",
    "kerk", "parochie", "scouting", "zwembad", "theater", "orkest", "muziek", "school", "college", "sportclub",
)
ORG_SUFFIX = re.compile(r"\w+(?:raad|bond|bureau|fonds|groep|werk|centrum|platform)\b", re.IGNORECASE)
ROLE = re.compile(
    r"^[ \t]*(?:(?:de |het )?(?:voorzitter|secretaris|penningmeester|directeur|algemeen directeur|bestuurder|"
    r"coördinator|coordinator|bestuurslid|namens het bestuur van|namens|woordvoerder|adviseur|"
    r"communicatie ?adviseur|burgemeester|wethouder|dijkgraaf|griffier|minister|staatssecretaris|"
    r"lid (?:van de )?(?:directieraad|directie|bestuur|dagelijks bestuur))"
    r"(?:\s+van)?(?:\s+(?:de|het))?)\s+(.{4,120})$",
    re.IGNORECASE | re.MULTILINE,
)
NAMENS = re.compile(
    r"\b[Nn]amens\s+(?:de\s+|het\s+)?((?:[A-Z][\w'’\-]*|van|voor|de|het|en|der|den|in|op|\(|\)|[A-Z]{2,}\)?)"
    r"(?:[ \-]+(?:[A-Z][\w'’\-]*|van|voor|de|het|en|der|den|in|op|\([A-Z]{2,}\)))*)"
)


ORG_WORD_RE = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w.strip()) for w in ORG_WORDS) + r")", re.IGNORECASE)


def looks_like_org(text: str) -> bool:
    return bool(ORG_WORD_RE.search(text)) or bool(ORG_SUFFIX.search(text))


COLLEGE_LINE = re.compile(
    r"^[ \t]*((?:Het |het )?[Cc]ollege van [Bb]urgemeester en [Ww]ethouders(?: van [A-Z][\w\- ]+)?|"
    r"[Bb]urgemeester en [Ww]ethouders van [A-Z][\w\- ]+)[ \t]*,?[ \t]*$", re.MULTILINE)


def college_from_closing(text: str) -> str | None:
    """'Het college van burgemeester en wethouders van X,' standing as the signature of a letter."""
    found = COLLEGE_LINE.findall(text[-1500:])
    return tidy_name(found[-1]) if found else None


MINISTER = re.compile(r"^[ \t]*(?:De |de )?(?:minister|staatssecretaris) van ([A-Z][\w ,\-]+?)[ \t]*,?$", re.MULTILINE)


def orgs_from_roles(signature: str, is_person=None, strict: bool = True) -> list[str]:
    """Organisations named after a role ('voorzitter Sportraad Waterlinde') in a signature block.

    strict: only names with an organisation word; otherwise also any capitalised name that is not a person's
    (a department such as 'Publieke gezondheid' also passes then, so callers try the letterhead first).
    """
    found: list[str] = []
    for m in MINISTER.finditer(signature):
        found.append(f"Ministerie van {tidy_name(m.group(1))}")
    if found:
        return found
    for m in ROLE.finditer(signature):
        cand = tidy_name(m.group(1))
        if any(ch.isdigit() for ch in cand) or "@" in cand:
            continue
        plausible = looks_like_org(cand) or (not strict and cand[:1].isupper() and is_person is not None
                                             and not is_person(cand))
        if plausible and cand not in found:
            found.append(cand)
    return found


def org_from_namens(text: str) -> str | None:
    for m in NAMENS.finditer(text):
        cand = tidy_name(m.group(1))
        cand = re.sub(r"\s+(?:vragen|verzoeken|willen|wil|vraag|verzoek|sturen|stuur)\b.*$", "", cand)
        if looks_like_org(cand) and len(cand) > 4:
            return cand
    return None


# An address, phone number, date or web address: a number standing as a word ('Postbus 12', '12 mei 2026', '0227
# 69 14 02'); a number inside a name ('Actiegroep Stop N240', "vv Sportlust '25") is part of the name.
NOT_A_NAME = re.compile(r"(?<![\w'’])\d|@|www\.|https?:")


def org_from_lines(block: str, limit: int = 6) -> str | None:
    """The first line of a letterhead or signature that names an organisation."""
    for line in block.splitlines()[:limit]:
        line = line.strip()
        if not line or len(line) > 90:
            continue
        if re.match(r"^(aan|geachte|beste|datum|betreft|onderwerp|kenmerk)\b", line, re.IGNORECASE):
            break
        if re.match(r"^[-•*–(]", line) or line.endswith(";") or (line[0].islower() and line[-1] in ",."):
            continue  # a bullet or a wrapped line of running text, a remark in brackets ('(ondergebracht bij ...)')
        if looks_like_org(line) and not NOT_A_NAME.search(line):
            return tidy_name(line)
    return None


def org_from_letterhead(first_page: str) -> str | None:
    return org_from_lines(first_page)


def expand_acronyms(name: str, text: str) -> str:
    """Add '(LVKK)' after a full name when the text introduces that name with its acronym."""
    parts = []
    for piece in re.split(r"\s+en\s+", name):
        pattern = r"\s+".join(re.escape(w) for w in piece.split())
        m = re.search(pattern + r"\s*\(([A-Z]{2,10})\)", text)
        parts.append(f"{piece} ({m.group(1)})" if m and "(" not in piece else piece)
    return " en ".join(parts)


def org_from_domain(address: str | None, known_domains: dict[str, str]) -> str | None:
    if not address or "@" not in address:
        return None
    domain = address.rsplit("@", 1)[1].lower()
    while domain:
        if domain in known_domains:
            return known_domains[domain]
        if "." not in domain:
            break
        domain = domain.split(".", 1)[1]
    return None


def person_from_signature(signature: str) -> str | None:
    """The first line of a signature block that looks like a person's name."""
    for line in signature.splitlines()[:6]:
        line = line.strip()
        if not line or looks_like_org(line) or any(ch.isdigit() for ch in line) or "@" in line:
            continue
        words = line.split()
        if 2 <= len(words) <= 6 and words[0][:1].isupper() and words[-1][:1].isupper():
            return line
    return None
