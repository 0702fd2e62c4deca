"""Sender knowledge (rules/kennis/*.toml): who an organisation is, what kind of sender, from its name or mail domain."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.rules import fields
from pipeline.rules.knowledge_text import fold, municipality_role, role_of, squash, tidy_name
from pipeline.rules.source import Located, RuleSource, read_source


KNOWLEDGE_DIR = "kennis"
TABLES = ("knowledge", "entry", "pattern", "group_word", "free_mail")
ROLES = ("organisation", "municipality")
DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$")
# Words that make a name distinctive enough to be recognised anywhere in a short line (not only as the whole line).
DISTINCTIVE = re.compile(r"\b(?:ministerie|provincie|veiligheidsregio|ggd|omgevingsdienst|waterschap|hoogheemraadschap|"
                         r"wetterskip|inspectie|autoriteit|planbureau|ombudsman|vereniging|staten|kamer)\b")


@dataclass(frozen=True)
class Entry:
    """One known organisation (or municipality) with its kind and the names and domains it goes by."""

    name: str
    kind: str
    label: str  # the knowledge it belongs to, as a reason names it ("veiligheidsregio's")
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    municipality: bool = False
    where: str = ""
    circular: bool | None = None  # its letters to a council go to all councils (True), to its members only (False)


@dataclass(frozen=True)
class Match:
    """What the knowledge recognised: the entry (or pattern), the name to show, the kind and how it was seen."""

    name: str
    kind: str
    label: str
    how: str  # "naam 'Veiligheidsregio Utrecht'", "domein vru.nl"
    entry: Entry | None = None
    role: str | None = None  # a municipality: raad | college | rekenkamer
    group_word: bool = False  # only a legal-form or group word ('Stichting ...'): an unlisted organisation
    circular: bool | None = None  # what the knowledge says about who else gets its letters (Entry.circular)


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    kind: str
    label: str
    circular: bool | None = None


@dataclass
class Catalogue:
    """All sender knowledge of one rules directory; `own_place` is the profile's municipality."""

    entries: list[Entry] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    group_words: list[Pattern] = field(default_factory=list)
    free_mail: frozenset[str] = frozenset()
    own_place: str = ""
    shared_domains: frozenset[str] = frozenset()  # a griffie's own domains that others mail from too
    _names: re.Pattern | None = None
    _acronyms: re.Pattern | None = None
    _municipal: re.Pattern | None = None
    _by_alias: dict[str, Entry] = field(default_factory=dict)
    _by_domain: dict[str, Entry] = field(default_factory=dict)
    _by_squashed: dict[str, Entry] = field(default_factory=dict)

    def index(self) -> "Catalogue":
        plain: dict[str, Entry] = {}
        acronyms: dict[str, Entry] = {}
        towns: dict[str, Entry] = {}
        for e in self.entries:
            for alias in (e.name, *e.aliases):
                if e.municipality:
                    towns[fold(alias)] = e
                    self._by_squashed[squash(alias)] = e
                elif is_acronym(alias):
                    acronyms[alias] = e
                else:
                    plain[fold(alias)] = e
            for d in e.domains:
                self._by_domain[d] = e
        self._by_alias = {**plain, **acronyms, **towns}
        self._names = _alternation(plain) if plain else None
        self._acronyms = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(acronyms, key=len, reverse=True)))
                                    + r")(?![\w])") if acronyms else None
        self._municipal = municipality_role(sorted(towns, key=len, reverse=True)) if towns else None
        return self

    # --- names -----------------------------------------------------------------------------------------------
    def match_name(self, text: str, whole: bool = False) -> Match | None:
        """A known organisation or a municipality with its role ('gemeenteraad van Zeist') named in `text`.

        whole: the text is a candidate organisation name itself, so a plain name may stand anywhere in it;
        otherwise (a line of a letter) a single-word name must be most of the line.
        """
        folded = fold(text)
        if self._municipal is not None and (m := self._municipal.search(folded)):
            entry = self._by_alias[m.group("name")]
            role = role_of(m)
            span = tidy_name(text[m.start():m.end()])
            return Match(span, entry.kind, entry.label, f"naam '{span}'", entry, role, circular=entry.circular)
        for regex, source in ((self._names, folded), (self._acronyms, text)):
            if regex is None:
                continue
            for m in regex.finditer(source):
                key = m.group(1)
                entry = self._by_alias.get(key)
                if entry is None:
                    continue
                if not whole and not _stands_alone(key, text, m.start(1), m.end(1)):
                    continue
                shown = text[m.start(1):m.end(1)]
                return Match(entry.name, entry.kind, entry.label, f"naam '{shown}'", entry, circular=entry.circular)
        return None

    def match_pattern(self, name: str) -> Match | None:
        """A name that is not listed but shaped like a known kind (a regional cooperation, a water board)."""
        if not (found := _first_search(self.patterns, name)):
            return None
        p, m = found
        return Match(tidy_name(name), p.kind, p.label, f"patroon '{p.name}' ('{name[m.start():m.end()]}')",
                     circular=p.circular)

    def match_group_word(self, name: str) -> Match | None:
        if not (found := _first_search(self.group_words, name)):
            return None
        p, m = found
        return Match(tidy_name(name), p.kind, p.label, f"'{name[m.start():m.end()].strip()}' ({p.name})",
                     group_word=True)

    def match_organisation(self, name: str) -> Match | None:
        """An organisation name found in a letter: a listed entry, else a pattern."""
        return self.match_name(name, whole=True) or self.match_pattern(name)

    # --- mail domains ----------------------------------------------------------------------------------------
    def is_free_mail(self, address: str | None) -> bool:
        return bool(address) and "@" in address and address.rsplit("@", 1)[1].lower() in self.free_mail

    def is_own_place(self, entry: Entry) -> bool:
        own = squash(self.own_place) if self.own_place else ""
        return bool(own) and entry.municipality and own in {squash(n) for n in (entry.name, *entry.aliases)}

    def is_own_domain(self, address: str | None) -> bool:
        """The griffie's own municipality (by name or a shared domain): its post room forwards others' letters."""
        if not address or "@" not in address:
            return False
        domain = address.rsplit("@", 1)[1].lower()
        if any(domain == d or domain.endswith("." + d) for d in self.shared_domains):
            return True
        own = squash(self.own_place) if self.own_place else ""
        return bool(own) and _registrable(domain) in (own, "gemeente" + own)

    def municipalities_of(self, addresses) -> frozenset[str]:
        """The municipalities these addresses belong to (griffie@waadhoeke.nl): the council a mail is written to."""
        found = (self.match_domain(a) for a in addresses)
        return frozenset(m.entry.name for m in found if m is not None and m.entry is not None and m.entry.municipality)

    def match_domain(self, address: str | None) -> Match | None:
        """A known mail domain (or a subdomain of one), or a municipality's domain shaped like its name."""
        if not address or "@" not in address or self.is_free_mail(address) or self.is_own_domain(address):
            return None
        local, domain = address.lower().rsplit("@", 1)
        parts = domain.split(".")
        entry, how = None, ""
        for i in range(len(parts) - 1):
            if (entry := self._by_domain.get(".".join(parts[i:]))) is not None:
                how = f"domein {'.'.join(parts[i:])}"
                break
        if entry is None and domain.endswith(".nl") and (base := _registrable(domain)):
            entry = self._by_squashed.get(base) or self._by_squashed.get(base.removeprefix("gemeente"))
            how = f"domein {domain} (naam van de gemeente)"
        if entry is None:
            return None
        if not entry.municipality:
            return Match(entry.name, entry.kind, entry.label, how, entry, circular=entry.circular)
        role = _role_from_address(local, parts[:-2])
        shown = {"raad": "Gemeenteraad", "rekenkamer": "Rekenkamer"}.get(role, "Gemeente")
        return Match(f"{shown} {entry.name}", entry.kind, entry.label, how, entry, role, circular=entry.circular)


def _role_from_address(local: str, subdomains: list[str]) -> str:
    """griffie@zeist.nl and x@raad.zeist.nl are the council; rekenkamer@ the audit office; the rest the college."""
    if any(re.match(r"(?:raads?)?griffie|griffier|gemeenteraad|raad(?:\b|[._\-])", w) for w in (local, *subdomains)):
        return "raad"
    return "rekenkamer" if any(w.startswith("rekenkamer") for w in (local, *subdomains)) else "college"


def _registrable(domain: str) -> str:
    parts = domain.split(".")
    return parts[-2].replace("-", "") if len(parts) >= 2 else ""


def is_acronym(alias: str) -> bool:
    return " " not in alias and len(alias) <= 8 and sum(ch.isupper() for ch in alias) >= 2


def _alternation(names: dict[str, Entry]) -> re.Pattern:
    return re.compile(r"(?<![\w])(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w])")


def _first_search(patterns: list[Pattern], name: str) -> tuple[Pattern, re.Match] | None:
    """The first of these patterns found in the folded name, with where it stands."""
    low = fold(name)
    for p in patterns:
        if m := p.regex.search(low):
            return p, m
    return None


def _stands_alone(alias: str, line: str, start: int, end: int) -> bool:
    """A short or common name counts only when it is most of the line; a distinctive one anywhere."""
    if " " in alias.strip() and DISTINCTIVE.search(fold(alias)):
        return True
    letters = sum(ch.isalnum() for ch in re.sub(r"^(?:de|het)\s+", "", line.strip(), flags=re.IGNORECASE))
    return letters > 0 and sum(ch.isalnum() for ch in line[start:end]) >= 0.6 * letters


# --- loading ---------------------------------------------------------------------------------------------------

def _load_file(src: RuleSource, cat: Catalogue, seen: dict[str, str]) -> None:
    lines = src.header_lines()
    for key in src.data:
        if key not in TABLES:
            raise src.fail(lines.get(key, 1), f"onbekende tabel '{key}' (toegestaan: {', '.join(TABLES)})")
    head = src.table("knowledge")
    label, kind, role, circular = "", None, "organisation", None
    if head is not None:
        fields.check_keys(head, ("label", "kind", "role", "circular"))
        label = fields.text(head, "label")
        kind = fields.choice(head, "kind", "sender_kind")
        role = fields.one_of(head, "role", ROLES, "rol", default="organisation")
        circular = fields.flag(head, "circular")
    entries = src.tables("entry")
    if entries and head is None:
        raise src.fail(entries[0].line, "[[entry]] zonder [knowledge]-tabel met label en kind")
    for entry in entries:
        cat.entries.append(_entry(entry, label, kind, role == "municipality", seen, circular))
    for entry in src.tables("pattern"):
        if head is None:
            raise entry.fail(None, "[[pattern]] zonder [knowledge]-tabel met label en kind")
        fields.check_keys(entry, ("name", "pattern", "kind"))
        regex = fields.regex(entry, "pattern", fields.text(entry, "pattern"))
        cat.patterns.append(Pattern(fields.text(entry, "name"), regex,
                                    fields.choice(entry, "kind", "sender_kind", required=False) or kind, label,
                                    circular))
    for entry in src.tables("group_word"):
        fields.check_keys(entry, ("name", "kind", "patterns"))
        words = [fields.regex(entry, "patterns", p).pattern for p in fields.texts(entry, "patterns", required=True)]
        cat.group_words.append(Pattern(fields.text(entry, "name"), re.compile("|".join(words), re.IGNORECASE),
                                       fields.choice(entry, "kind", "sender_kind"), "groepswoorden"))
    free = src.table("free_mail")
    if free is not None:
        fields.check_keys(free, ("domains",))
        cat.free_mail = cat.free_mail | {_domain(free, d) for d in fields.texts(free, "domains", required=True)}


def _domain(entry: Located, value: str) -> str:
    value = value.strip().lower().lstrip("@")
    if not DOMAIN.match(value):
        raise entry.fail("domains", f"'{value}' is geen maildomein (zoals vru.nl)")
    return value


def _entry(entry: Located, label: str, kind: str, municipality: bool, seen: dict[str, str],
           circular: bool | None = None) -> Entry:
    fields.check_keys(entry, ("name", "aliases", "domains", "kind", "group", "province", "circular"))
    own = fields.flag(entry, "circular")
    name = fields.text(entry, "name")
    fields.text(entry, "province", required=False)
    e = Entry(name=name, kind=fields.choice(entry, "kind", "sender_kind", required=False) or kind,
              label=fields.text(entry, "group", required=False) or label,
              aliases=tuple(fields.texts(entry, "aliases")),
              domains=tuple(_domain(entry, d) for d in fields.texts(entry, "domains")),
              municipality=municipality, where=entry.where("name"), circular=circular if own is None else own)
    for alias in (e.name, *e.aliases):
        key = ("gemeente " if municipality else "") + (alias if is_acronym(alias) and not municipality else fold(alias))
        if key in seen:
            raise entry.fail("name" if alias == e.name else "aliases",
                             f"naam '{alias}' staat al in de kennis ({seen[key]})")
        seen[key] = entry.where("name")
    for d in e.domains:
        if "@" + d in seen:
            raise entry.fail("domains", f"domein '{d}' staat al in de kennis ({seen['@' + d]})")
        seen["@" + d] = entry.where("domains")
    return e


def load_knowledge(rules_dir: Path, own_place: str = "", shared_domains: frozenset[str] = frozenset()) -> Catalogue:
    """Every rules/kennis/*.toml; a missing folder gives empty knowledge (the rules still work without it)."""
    folder = Path(rules_dir) / KNOWLEDGE_DIR
    cat = Catalogue(own_place=own_place, shared_domains=shared_domains)
    if not folder.is_dir():
        return cat.index()
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        _load_file(read_source(path, Path(rules_dir)), cat, seen)
    return cat.index()
