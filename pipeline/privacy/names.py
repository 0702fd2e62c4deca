"""Tokens of one line and the parser of a Dutch person name: initials, given names, tussenvoegsel, surname."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from pipeline.privacy import lexicon as lx

TOKEN = re.compile(
    rf"(?P<init>(?:[{lx.UPPER}][a-z]?\.[ ]?){{1,5}}(?=[ ({lx.UPPER}]|$))"
    rf"|(?P<nick>\([{lx.UPPER}][{lx.LOWER}]+\))"
    rf"|(?P<word>'t|'T|d'|[{lx.LETTER}]+(?:['’-][{lx.LETTER}]+)*\.?)"
    rf"|(?P<punct>\S)"
)
NOT_INITIALS = {"b.v.", "n.v.", "v.o.f.", "c.v.", "u.a.", "t.a.v.", "t.n.v.", "p.s.", "n.b.",
                "o.a.", "i.v.m.", "d.d.", "a.s.", "z.s.m.", "e.d.", "v.v."}


ABBREVIATIONS = frozenset({t for t in lx.TITLES if " " not in t} | {"mevr", "dhr", "mw", "geb", "tel", "nr", "st",
                                                                     "fam", "prof", "ds", "bc", "ing", "mr", "drs"})


class Token(NamedTuple):
    kind: str  # init | nick | word | punct
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return self.text.rstrip(".")


@dataclass(frozen=True)
class NameMatch:
    start: int  # offsets into the text
    end: int
    next_index: int  # token index after the name
    initials: bool
    given: bool
    known_surname: bool
    tokens: int
    surname: bool = True  # False when only given names were found ("Kees")


def tokenize(line: str, offset: int) -> list[Token]:
    """Tokens of one line with offsets into the whole text."""
    tokens = []
    for m in TOKEN.finditer(line):
        kind = m.lastgroup or "punct"
        text = m.group(0).rstrip(" ")
        start = offset + m.start()
        if kind == "word" and text.endswith(".") and text[:-1].lower() not in ABBREVIATIONS:
            # A sentence-final dot is not part of the word ("... van G.H. Smit-Mulder.").
            tokens.append(Token(kind, text[:-1], start, start + len(text) - 1))
            tokens.append(Token("punct", ".", start + len(text) - 1, start + len(text)))
            continue
        tokens.append(Token(kind, text, start, start + len(text)))
    return tokens


def is_capitalised(word: str) -> bool:
    """Capital first letter and lower-case after it (acronyms like LVKK are not name words)."""
    bare = word.rstrip(".")
    if len(bare) < 2 or not bare[0].isupper():
        return False
    parts = bare.split("-")
    # Capital letters inside a part mark acronyms and brands ("IenW", "ArenA"), not names.
    return all((p[:1].isupper() or p.lower() in _TUSSEN_SINGLE) and p[1:] == p[1:].lower() and len(p) > 0
               for p in parts) and bare[1:] != bare[1:].upper()


_TUSSEN_SINGLE = {w for t in lx.TUSSENVOEGSELS for w in t.split()}


_TUSSEN_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in lx.TUSSENVOEGSELS:  # already longest first
    _TUSSEN_BY_FIRST.setdefault(_phrase.split()[0], []).append(tuple(_phrase.split()))


def _match_tussen(tokens: list[Token], i: int, allow_capital: bool) -> int:
    """Number of tokens from i that form a tussenvoegsel (0 when none)."""
    if i >= len(tokens) or tokens[i].kind != "word":
        return 0
    first = tokens[i].text
    if first not in _TUSSEN_BY_FIRST:
        if not (allow_capital and first[:1].isupper() and first.lower() in _TUSSEN_BY_FIRST):
            return 0
        first = first.lower()
    for words in _TUSSEN_BY_FIRST[first]:
        if i + len(words) > len(tokens):
            continue
        if all(tokens[i + j].kind == "word" and tokens[i + j].text == words[j] for j in range(1, len(words))):
            return len(words)
    return 0


def surname_ok(word: str) -> bool:
    """A word that may end a name: capitalised, not a stop word, organisation word, street or place."""
    if not is_capitalised(word) or word.endswith("."):
        return False
    low = word.lower()
    if low in lx.STOP or low in lx.ROLES or lx.is_org_word(word) or lx.is_street_word(word, strong=True) or low in lx.PLACES:
        return False
    return True


def parse_name(tokens: list[Token], i: int) -> NameMatch | None:
    """The longest person-name shape starting at token i, or None."""
    k, n = i, len(tokens)
    initials = given = False
    if k < n and tokens[k].kind == "init" and tokens[k].text.lower().replace(" ", "") not in NOT_INITIALS:
        initials = True
        k += 1
    if k < n and tokens[k].kind == "nick":
        k += 1
    names = lx.first_names()
    given_end = k
    if not initials:
        while given_end < n and tokens[given_end].kind == "word" and tokens[given_end].text in names:
            given_end += 1
        given = given_end > k
    k = given_end
    if k < n and tokens[k].kind == "nick":
        k += 1
    # Tussenvoegsel; capitalised only when the name starts with it ("De Jong") or after initials in caps.
    k += _match_tussen(tokens, k, allow_capital=(k == i))
    if k < n and tokens[k].kind == "word" and surname_ok(tokens[k].text):
        end_tok = k
        # Double surname split by the tokenizer: "Meijer-de" + "Boer".
        if tokens[k].text.endswith(tuple(f"-{t}" for t in ("de", "van", "ter", "den", "der"))) and k + 1 < n \
                and surname_ok(tokens[k + 1].text):
            end_tok = k + 1
        if not (initials or given) and end_tok + 1 < n and tokens[end_tok + 1].kind == "word":
            # An unknown given name before the surname ("Priya Ramdin"): take one more name word.
            extra = _match_tussen(tokens, end_tok + 1, allow_capital=False)
            if end_tok + 1 + extra < n and surname_ok(tokens[end_tok + 1 + extra].text) and \
                    tokens[end_tok].text.lower() not in _TUSSEN_SINGLE:
                end_tok = end_tok + 1 + extra
        core = tokens[end_tok].text.split("-")[0]
        known = core in lx.surnames() or tokens[end_tok].text.split("-")[-1] in lx.surnames()
        return NameMatch(tokens[i].start, tokens[end_tok].end, end_tok + 1, initials, given, known, end_tok + 1 - i)
    if given and given_end - i >= 2:
        # "Hendrik Jan" without a surname: the last given name serves as surname.
        last = tokens[given_end - 1]
        return NameMatch(tokens[i].start, last.end, given_end, False, True, False, given_end - i, False)
    if given and given_end - i == 1:
        return NameMatch(tokens[i].start, tokens[i].end, i + 1, False, True, False, 1, False)
    return None
