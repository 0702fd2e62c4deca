"""Header parsing with bounded work: values cut before the stdlib parser sees them, a budget per message."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import EmailPolicy

from pipeline.sizes import kilobytes

MAX_HEADER_BYTES = 8192  # the defaults of intake.max_header_bytes / intake.max_headers
MAX_HEADERS = 500
# The stdlib header parser costs ~3-6 us per character (and more for long values): one message may spend this
# many characters in it; after that every value is cut to SMALL_HEADER first (a hostile message, said in reasons).
HEADER_BUDGET = 50_000
SMALL_HEADER = 200  # still holds a Content-Type with the longest boundary RFC 2046 allows (70)
CACHE_ENTRIES = 4000  # parsed values kept per message (a few per MIME part)


class HeaderBudget:
    """Characters one message may still spend in the stdlib header parser (shared by all its parts), and the
    values parsed already: the parser asks for the same Content-Type of a part a dozen times."""

    def __init__(self, left: int) -> None:
        self.left = left
        self.spent_out = False
        self.parsed: dict[tuple[str, str], object] = {}


class BoundedPolicy(EmailPolicy):
    """policy.default, but a header value is cut before it is parsed: the stdlib's header parser is quadratic
    in the length of a value (a 2 MB Subject took 88 s and 692 MB), and slow even for short ones."""

    max_header_bytes = MAX_HEADER_BYTES
    budget: HeaderBudget | None = None

    def header_fetch_parse(self, name, value):
        if not isinstance(value, str) or hasattr(value, "name"):  # parsed already (set by a program)
            return super().header_fetch_parse(name, value)
        if self.budget is None:
            return super().header_fetch_parse(name, value[: self.max_header_bytes])
        budget = self.budget
        known = budget.parsed.get((name, value))
        if known is not None:
            return known
        limit = self.max_header_bytes
        if budget.left < min(len(value), limit) and len(value) > SMALL_HEADER:
            limit, budget.spent_out = min(limit, SMALL_HEADER), True
        budget.left -= min(len(value), limit)
        header = super().header_fetch_parse(name, value[:limit])
        if len(budget.parsed) < CACHE_ENTRIES:
            budget.parsed[(name, value)] = header
        return header


def cut_headers(msg: EmailMessage, limit: int, notes: list[str]) -> None:
    """Say which header values the BoundedPolicy cuts (the raw values stay in the kept original)."""
    cut = [(key, len(value)) for key, value in msg.raw_items() if isinstance(value, str) and len(value) > limit]
    if cut:
        names = ", ".join(dict.fromkeys(key for key, _ in cut[:5]))
        if len(cut) > 5:
            names += f" en {len(cut) - 5} meer"
        longest = max(size for _, size in cut)
        notes.append(f"kopregel {names} ingekort tot {kilobytes(limit)} (langste was {kilobytes(longest)}); "
                     "het origineel is bewaard")
