"""Topic features that carry over to letters with words the training rows never had (issue 11): pieces of words
(character n-grams, so "afvalstoffenheffing" shares features with "afval" and "heffing"), the subject line as its
own signal, and a lexicon of narrower terms per TOOI theme (models/topic_lexicon.toml, a word containing a term
adds that theme's feature).

The settings live in the topic model's meta (written by training), so a model and the features it was trained on
cannot drift apart; a model without them (older models, the other fields) reads plain words only."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

META_KEY = "griffiepost_topic_features"
SUBWORD_PREFIX = "#"  # character n-gram of a word: "#<afv", "#heffi"
SUBJECT_PREFIX = "sbj"  # a word of the subject line, again
LEXICON_PREFIX = "lx:"  # a word containing a narrower term of a theme: "lx:c_afa30a11"
# Lines that state what a letter is about; the first line of what the classifier reads is the mail's subject
# (stages/classify.model_text puts it first).
SUBJECT_WORDS = frozenset({"onderwerp", "betreft", "inzake", "subject"})
SHORT_TERM = 5  # shorter terms (and those written "^term") only match at the start of a word


@dataclass(frozen=True)
class TopicFeatureSpec:
    ngram_min: int
    ngram_max: int
    min_word: int  # only words at least this long get character n-grams (compounds, not "de" or "wij")
    subject: bool
    lexicon: dict[str, tuple[str, ...]]  # theme code -> terms

    def to_meta(self) -> dict[str, Any]:
        return {"ngram_min": self.ngram_min, "ngram_max": self.ngram_max, "min_word": self.min_word,
                "subject": self.subject, "lexicon": {code: list(terms) for code, terms in self.lexicon.items()}}

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> TopicFeatureSpec:
        return cls(int(meta["ngram_min"]), int(meta["ngram_max"]), int(meta["min_word"]), bool(meta["subject"]),
                   {code: tuple(terms) for code, terms in meta["lexicon"].items()})


def read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """Theme code -> its terms (the `tooi` and `griffie` lists of models/topic_lexicon.toml together)."""
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return {code: tuple(dict.fromkeys(t.lower() for key in ("tooi", "griffie") for t in entry.get(key, ())))
            for code, entry in data.items()}


class TopicFeatures:
    """The extra features of one spec, with the features of each distinct word computed once."""

    def __init__(self, spec: TopicFeatureSpec):
        self.spec = spec
        anywhere, start = [], []
        for code, terms in spec.lexicon.items():
            for term in terms:
                bare = term.lstrip("^")
                (start if term.startswith("^") or len(bare) < SHORT_TERM else anywhere).append((bare, code))
        self._anywhere, self._start = tuple(anywhere), tuple(start)
        self._words: dict[str, tuple[str, ...]] = {}

    def word(self, word: str) -> tuple[str, ...]:
        """The n-grams and lexicon features of one normalised word (lower case letters)."""
        found = self._words.get(word)
        if found is None:
            spec, out = self.spec, []
            if len(word) >= spec.min_word:
                padded = f"<{word}>"
                out += [SUBWORD_PREFIX + padded[i:i + n] for n in range(spec.ngram_min, spec.ngram_max + 1)
                        for i in range(len(padded) - n + 1)]
            themes = {code for term, code in self._anywhere if term in word}
            themes |= {code for term, code in self._start if word.startswith(term)}
            out += [LEXICON_PREFIX + code for code in sorted(themes)]
            found = self._words[word] = tuple(out)
            if len(self._words) > 200_000:  # a bound for long-running workers; the cache refills from use
                self._words.clear()
        return found

    def pairs(self, doc: Doc, features: list[list[str]]) -> list[tuple[int, str]]:
        """(token index, feature) for every extra feature of a tokenised text; `features` are its feature words."""
        out = [(i, f) for i, ws in enumerate(features) for w in ws for f in self.word(w)]
        if self.spec.subject:
            out += [(i, SUBJECT_PREFIX + w) for i in subject_tokens(doc, features) for w in features[i]]
        return out


def subject_tokens(doc: Doc, features: list[list[str]]) -> list[int]:
    """Token indices of the first line with words and of lines that begin with 'Onderwerp:', 'Betreft:' …"""
    lines: list[list[int]] = [[]]
    for tok in doc:
        if "\n" in tok.text:
            lines.append([])
        elif features[tok.i]:
            lines[-1].append(tok.i)
    lines = [line for line in lines if line]
    chosen = [n for n, line in enumerate(lines) if n == 0 or features[line[0]][0] in SUBJECT_WORDS]
    return [i for n in chosen for i in lines[n]]


def topic_features(nlp: Language) -> TopicFeatures | None:
    """The extra features a pipeline was trained with (kept on the pipeline object), or None."""
    cached = getattr(nlp, "_griffiepost_topic_features", False)
    if cached is False:
        meta = nlp.meta.get(META_KEY)
        cached = TopicFeatures(TopicFeatureSpec.from_meta(meta)) if meta else None
        nlp._griffiepost_topic_features = cached
    return cached
