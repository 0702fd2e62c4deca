"""Person names in Dutch letters: name shapes accepted by their evidence or by the context around them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from pipeline.privacy import lexicon as lx
from pipeline.privacy.names import NameMatch, Token, parse_name, surname_ok, tokenize
from pipeline.privacy.patterns import POSTBUS, POSTCODE, STREET

CLOSING = re.compile(
    r"(?i)^\s*(?:(?:met\s+)?(?:\w+\s+)?(?:vriendelijke|hartelijke|beste|muzikale|sportieve|warme|collegiale)?\s*"
    r"groet(?:en|jes)?|hoogachtend|(?:kind|best)\s+regards|regards|alvast\s+(?:bedankt|dank)\w*|"
    r"dank\s+(?:u|je)\s+wel|bedankt)\s*[,.!]?\s*$"
)
CLOSING_HINT = re.compile(r"(?i)groet|hoogachtend|regards|dank")
HEADER = re.compile(r"(?i)^\s*(?:van|from|aan|to|cc|bcc|afzender)\s*:\s*")
HEADER_NAME = re.compile(r"(?i)^\s*(?:van|from|aan|to|cc|bcc|afzender)\s*:\s*(?P<name>[^<\[\n]*?)\s*(?:<|\[mailto:|$)")
BLOCK_END = re.compile(r"(?i)^\s*(?:van|from|-{3,}|_{3,}|>|op .* schreef)")
SIGNATURE_SPAN = 8  # lines after a closing that can hold the signatory


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _signature_lines(lines: list[tuple[int, str]]) -> dict[int, int]:
    """Line index -> index of the closing line ("Met vriendelijke groet,") whose signature block holds it.

    A message that ends without a closing phrase ("... bereikbaar op 06-...\n\nEva") gets its last non-empty
    line as a block of its own (keyed -1 - index, so it never shares a block with a real closing).
    """
    found: dict[int, int] = {}
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i][1].strip()), None)
    if last is not None and len(lines[last][1].split()) <= 4:
        found[last] = -1 - last
    for idx, (_, line) in enumerate(lines):
        if len(line) > 60 or not CLOSING_HINT.search(line) or not CLOSING.match(line):
            continue
        for j in range(idx + 1, min(len(lines), idx + 1 + SIGNATURE_SPAN)):
            if BLOCK_END.match(lines[j][1]) or (CLOSING_HINT.search(lines[j][1]) and CLOSING.match(lines[j][1])):
                break
            found.setdefault(j, idx)
    return found


_TUSSEN_FIRST = frozenset(t.split()[0] for t in lx.TUSSENVOEGSELS)
_TITLE_WORDS = frozenset(lx.TITLES | {"mevr", "dhr", "mw"})


def _is_title(tok: Token) -> bool:
    # All-capital words are acronyms ("ING Bank"), not the title "ing.".
    return tok.kind == "word" and tok.text.lower().rstrip(".") in _TITLE_WORDS and not (
        len(tok.text) > 1 and tok.text.isupper())


def _title_before(tokens: list[Token], i: int, honorific_only: bool = False) -> bool:
    titles = lx.HONORIFICS if honorific_only else lx.TITLES
    if i >= 1 and _is_title(tokens[i - 1]) and tokens[i - 1].text.lower().rstrip(".") in titles:
        return True
    return i >= 2 and f"{tokens[i - 2].text} {tokens[i - 1].text}".lower() in titles


_LABEL_END = re.compile(
    r"(?:^|[\s:(])(?:" + "|".join(re.escape(label) for label in sorted(lx.LABELS, key=len, reverse=True)) + r")$")


def _label_before(text: str, line_start: int, tok: Token) -> bool:
    before = text[max(line_start, tok.start - 40):tok.start].lower().rstrip(" :,;-")
    return _LABEL_END.search(before) is not None


def _role_after(tokens: list[Token], j: int) -> bool:
    if j + 1 < len(tokens) and tokens[j].text in {",", "|", "-", "–", "("}:
        return tokens[j + 1].text.lower().rstrip(".,") in lx.ROLES
    return False


def _whole_line(tokens: list[Token], i: int, m: NameMatch) -> bool:
    """The name is the line's content apart from leading titles and a trailing ", role" or "| ..."."""
    if i > 4 or any(not _is_title(t) and t.kind != "init" for t in tokens[:i]):
        return False
    rest = tokens[m.next_index:]
    return not rest or rest[0].text in {",", "|", "(", "–", "-"}


def _next_line_kind(lines: list[tuple[int, str]], idx: int) -> str | None:
    """'address' or 'role' when the next non-empty line is one (marks the line above as a name)."""
    for _, line in lines[idx + 1:idx + 3]:
        stripped = line.strip()
        if not stripped:
            continue
        if STREET.match(stripped) or POSTBUS.match(stripped) or POSTCODE.match(stripped):
            return "address"
        first = stripped.split()[0].lower().rstrip(",.")
        return "role" if first in lx.ROLES else None
    return None


def _header_segment(line: str) -> tuple[int, int] | None:
    m = HEADER_NAME.match(line)
    if m is None or not m.group("name").strip():
        return None
    return m.start("name"), m.end("name")


def _accept_by_context(m: NameMatch, tokens: list[Token], i: int, text: str, offset: int,
                       header: tuple[int, int] | None, next_kind: str | None, first_in_block: bool,
                       in_signature: bool, last_end: int) -> bool:
    """Accept a name shape without initials or a known given name by what stands around it."""
    tok = tokens[i]
    label = _label_before(text, offset, tok)
    # After a role title ("raadslid Waterlinde") one unknown word is not enough: it may be a place.
    plain_single = m.tokens == 1 and not m.known_surname
    titled = _title_before(tokens, i, honorific_only=plain_single)
    triggered = label or titled or _role_after(tokens, m.next_index)
    coordinated = i >= 2 and tokens[i - 1].text in {"en", "&", ","} and tokens[i - 2].end == last_end
    whole = _whole_line(tokens, i, m)
    evidence = m.initials or m.given or m.known_surname
    line_context = whole and ((in_signature and (evidence or first_in_block)) or next_kind is not None)
    in_header = header is not None and m.start == offset + header[0] and m.end == offset + header[1]
    if m.surname:
        return triggered or coordinated or line_context or (in_header and evidence)
    return (line_context and (in_signature or next_kind == "role")) or label or (in_header and m.given)


def _extend_to(m: NameMatch, tokens: list[Token], end: int) -> NameMatch:
    """A display name's remaining name words ("Maria Lopez Garcia"), when all of them look like name words."""
    rest = [t for t in tokens[m.next_index:] if t.end <= end]
    if rest and all(t.kind == "word" and (surname_ok(t.text) or t.text.lower() in _TUSSEN_FIRST) for t in rest):
        return replace(m, end=rest[-1].end, next_index=m.next_index + len(rest))
    return m


def find_persons(text: str) -> Iterator[tuple[str, int, int]]:
    """Person-name spans ("person", start, end) found by shape and context."""
    lines = _lines(text)
    signature = _signature_lines(lines)
    signed_blocks: set[int] = set()  # blocks where a signatory was already found
    for idx, (offset, line) in enumerate(lines):
        if not line.strip() or line.islower():
            continue
        tokens = tokenize(line, offset)
        header = _header_segment(line) if HEADER.match(line) else None
        next_kind = _next_line_kind(lines, idx)
        in_signature = idx in signature
        i, last_end = 0, -1
        while i < len(tokens):
            tok = tokens[i]
            if _is_title(tok) or tok.kind == "punct":
                i += 1
                continue
            if tok.kind == "word" and not tok.text[:1].isupper() and not (
                    tok.text in _TUSSEN_FIRST and _title_before(tokens, i)):
                i += 1
                continue
            m = parse_name(tokens, i)
            if m is None:
                i += 1
                continue
            if text[m.start:m.end].lower() in lx.BRANDS:
                i = m.next_index
                continue
            follower = tokens[m.next_index] if m.next_index < len(tokens) else None
            leader = tokens[i - 1] if i >= 1 else None
            if (follower is not None and follower.kind == "word" and lx.is_org_word(follower.text)) or (
                    leader is not None and leader.kind == "word" and leader.text[:1].isupper()
                    and lx.is_org_word(leader.text) and not _is_title(leader)):
                i = m.next_index  # part of an organisation's name ("Anne Frank Stichting", "Zuid-Hollandse Vereniging")
                continue
            accept = m.surname and (m.initials or m.given)
            if not accept:
                accept = _accept_by_context(m, tokens, i, text, offset, header, next_kind,
                                            in_signature and signature[idx] >= 0 and signature[idx] not in signed_blocks, in_signature,
                                            last_end)
            if accept and header is not None and m.start == offset + header[0] and m.end < offset + header[1]:
                m = _extend_to(m, tokens, offset + header[1])
            if accept:
                yield "person", m.start, m.end
                if in_signature:
                    signed_blocks.add(signature[idx])
                last_end = m.end
                i = m.next_index
            else:
                i += 1
