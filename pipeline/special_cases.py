"""A saved spaCy tokenizer whose special cases ("m.b.t.", "a.s.", ":-)") are added as texts need them.

Building the Dutch tokenizer's ~4,700 special cases costs ~0.3-0.4 s of CPU (a lexeme and an affix split each),
most of what a one-message `classify` spends loading its models (issue 13), and a letter contains a handful. A
special case can only change how a text is cut if its string occurs in that text, so before each text the cases
whose string occurs in it are added (exactly those: LazySpecials.needed), and from the COMPLETE_AFTER-th text on,
in a process that reads many letters, all that remain at once. The tokens are those of the fully loaded tokenizer
(tests/test_models.py). Anything else asked of it (serialising, pickling, spaCy's memory zones) first completes
it and is then answered by the tokenizer itself.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokenizer import Tokenizer
    from spacy.tokens import Doc


class LazySpecials:
    """Stands in for `tokenizer` (loaded from `saved`, the bytes of a saved spaCy tokenizer) as `nlp.tokenizer`."""

    COMPLETE_AFTER = 2

    def __init__(self, tokenizer: Tokenizer, saved: bytes) -> None:
        from spacy.util import srsly  # spaCy's own serialiser, loaded with spaCy (a top-level import costs ~0.16 s)

        tokenizer.from_bytes(saved, exclude=["exceptions"])
        self.tokenizer = tokenizer
        self._pending: dict[str, list] = dict(srsly.msgpack_loads(saved).get("exceptions") or {})
        # Strings with whitespace or without punctuation are looked for in the whole text; every other one can
        # only occur inside one whitespace-free chunk that has punctuation, found with a trie of those strings.
        self._whole = {k for k in self._pending if k.isalnum() or any(c.isspace() for c in k)}
        self._trie: dict | None = None  # built at the first text
        self._texts = 0
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        """How many special cases are not added yet."""
        return len(self._pending)

    def needed(self, text: str) -> list[str]:
        """The pending special cases whose string occurs in text, sorted."""
        pending = self._pending
        found = {k for k in self._whole if k in pending and k in text}
        if self._trie is None:
            self._trie = {}
            for key in pending:
                if key not in self._whole:
                    node = self._trie
                    for char in key:
                        node = node.setdefault(char, {})
                    node[""] = key  # "" is no character: a string ends here
        for chunk in {c for c in text.split() if not c.isalnum()}:
            for i in range(len(chunk)):  # every string of the trie that starts at i
                node = self._trie
                for char in chunk[i:]:
                    node = node.get(char)
                    if node is None:
                        break
                    if "" in node and node[""] in pending:
                        found.add(node[""])
        return sorted(found)

    def complete(self) -> Tokenizer:
        """Add every special case still pending; the tokenizer, now the fully loaded one."""
        with self._lock:
            self._add(sorted(self._pending))
        return self.tokenizer

    def _add(self, strings: list[str]) -> None:
        for string in strings:  # in sorted order, as spaCy's own loading adds them
            self.tokenizer.add_special_case(string, self._pending.pop(string))

    def __call__(self, text: str) -> Doc:
        if self._pending:
            with self._lock:
                self._texts += 1
                self._add(sorted(self._pending) if self._texts >= self.COMPLETE_AFTER else self.needed(text))
        return self.tokenizer(text)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "tokenizer":  # not found on this object itself (e.g. while unpickling)
            raise AttributeError(name)
        return getattr(self.complete(), name)

    def __reduce__(self) -> Any:
        return self.complete().__reduce__()
