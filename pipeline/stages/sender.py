"""Who sent a letter: organisation from letterhead, 'Namens ...', a role line or the mail signature."""

from __future__ import annotations

import re

ORG_WORDS = (
    "vereniging", "stichting", "gemeente", "provincie", "ministerie", "veiligheidsregio", "ggd", "omgevingsdienst",
    "rekenkamer", "college van", "b.v.", " bv", "n.v.", "coöperatie", "cooperatie", "federatie", "bond", "platform",
    "waterschap", "hoogheemraadschap", "vng", "dorpsraad", "wijkraad", "werkgroep", "comité", "comite", "commissie",
    "huurders", "woningcorporatie", "woonstichting", "scholengroep", "bibliotheek", "museum", "ondernemers",
    "kamer van koophandel", "politie", "brandweer", "dienst", "bureau", "fonds", "academie", "centrum", "raad van",
    "gemeenschappelijke regeling", "regio ", "belangen", "kernen", "coalitie", "alliantie", "netwerk", "genootschap",
    "partners", "groep", "holding", "instituut", "inspectie", "autoriteit", "agentschap", "zorg", "welzijn",
    "omroep", "ombudsman", "griffie", "staatssecretaris", "minister ", "gedeputeerde staten", "burgemeester en wethouders",
)
ROLE = re.compile(
    r"^[ \t]*(?:(?:de |het )?(?:voorzitter|secretaris|penningmeester|directeur|algemeen directeur|bestuurder|"
    r"coördinator|coordinator|bestuurslid|namens het bestuur van|namens|woordvoerder|adviseur|"
    r"communicatie ?adviseur|burgemeester|wethouder|gedeputeerde|dijkgraaf|griffier|minister|staatssecretaris)"
    r"(?:\s+van)?(?:\s+(?:de|het))?)\s+(.{4,120})$",
    re.IGNORECASE | re.MULTILINE,
)
NAMENS = re.compile(
    r"\b[Nn]amens\s+(?:de\s+|het\s+)?((?:[A-Z][\w'’\-]*|van|voor|de|het|en|der|den|in|op|\(|\)|[A-Z]{2,}\)?)"
    r"(?:[ \-]+(?:[A-Z][\w'’\-]*|van|voor|de|het|en|der|den|in|op|\([A-Z]{2,}\)))*)"
)
ACRONYM_TAIL = re.compile(r"\s*\(([A-Z]{2,10})\)")
FREE_MAIL = {
    "gmail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.nl", "live.com", "ziggo.nl",
    "kpnmail.nl", "planet.nl", "xs4all.nl", "icloud.com", "me.com", "yahoo.com", "yahoo.nl", "home.nl",
    "casema.nl", "upcmail.nl", "chello.nl", "hetnet.nl", "quicknet.nl", "telfort.nl", "zeelandnet.nl", "online.nl",
    "proton.me", "protonmail.com", "msn.com",
}


def looks_like_org(text: str) -> bool:
    low = f" {text.lower()} "
    return any(w in low for w in ORG_WORDS)


def _tidy(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–")
    name = re.sub(r"^(?:de|het)\s+", "", name, flags=re.IGNORECASE)
    return name[:1].upper() + name[1:] if name else name


def orgs_from_roles(signature: str) -> list[str]:
    found: list[str] = []
    for m in ROLE.finditer(signature):
        cand = _tidy(m.group(1))
        if looks_like_org(cand) and cand not in found:
            found.append(cand)
    return found


def org_from_namens(text: str) -> str | None:
    for m in NAMENS.finditer(text):
        cand = _tidy(m.group(1))
        cand = re.sub(r"\s+(?:vragen|verzoeken|willen|wil|vraag|verzoek|sturen|stuur)\b.*$", "", cand)
        if looks_like_org(cand) and len(cand) > 4:
            return cand
    return None


def org_from_letterhead(first_page: str) -> str | None:
    for line in first_page.splitlines()[:6]:
        line = line.strip()
        if not line or len(line) > 90:
            continue
        if re.match(r"^(aan|geachte|beste|datum|betreft|onderwerp|kenmerk)\b", line, re.IGNORECASE):
            break
        if looks_like_org(line) and not re.search(r"\d{4}\s?[A-Z]{2}\b", line):
            return _tidy(line)
    return None


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


def is_free_mail(address: str | None) -> bool:
    return bool(address) and address.rsplit("@", 1)[-1].lower() in FREE_MAIL


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
