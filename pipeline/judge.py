"""The one module that loads the trained spaCy pipelines and turns a text into scored proposals."""

from __future__ import annotations

import math
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import architectures, occlusion
from pipeline.calibration import META_KEY as CALIBRATION_KEY, with_temperature
from pipeline.models_dir import FIELDS, check_models
from pipeline.spacy_runtime import import_spacy
from pipeline.special_cases import LazySpecials
from pipeline.topic_features import TopicFeatures, topic_features

if TYPE_CHECKING:  # spaCy is imported where a model is loaded or a text is read (~0.7 s of CPU): issue 13
    from spacy.language import Language
    from spacy.tokens import Doc

_WORD = re.compile(r"[^\W\d_]{2,}")
# How far (in score) a one-pass occlusion estimate may be from the classifier's own float32 figure (they agree to
# ~1e-7, see tests/test_judge_reasons.py); losses closer than twice this are measured by the classifier.
OCCLUSION_MARGIN = 1e-5


def feature_word(text: str) -> list[str]:
    """The one normalisation of a token the classifiers see (training and prediction): lowercased pieces of two
    or more letters; punctuation, digits (dates, amounts, reference numbers) and one-letter pieces dropped."""
    return _WORD.findall(text.lower())


def feature_words(nlp: Language, text: str) -> list[list[str]]:
    """feature_word for every token of nlp.make_doc(text), aligned with the tokens (empty = not a feature)."""
    return [feature_word(tok.text) for tok in nlp.make_doc(text)]


# What a letter asks is said in a few sentences ("wij vragen u", "wilt u", "graag"); for the handling classifier
# their words also appear as separate features with this prefix, so "afschrift" or "agenda" in the request weighs
# differently from the same word in the story around it.
REQUEST_PREFIX = "vrq"
REQUEST_FIELDS = frozenset({"handling"})
_REQUEST_CUE = re.compile(
    r"\b(vragen|vraag|verzoeken|verzoek|willen|wil|wilt|kunt|kan|graag|hopen|hoop|roepen|dringen|stellen het op prijs"
    r"|ter kennisname|ter informatie|informeren|op de hoogte|afschrift|kopie|agenda|agenderen|zienswijze"
    r"|bespreken|besluit|uitnodig\w*|nodigen)\b")
_SENTENCE_END = frozenset(".?!;:")


def request_sentences(nlp: Language, text: str) -> list[list[int]]:
    """Token indices of the sentences (split at . ? ! ; : and blank lines) that contain a request cue."""
    return _request_sentences(nlp.make_doc(text))


def _request_sentences(doc: Doc) -> list[list[int]]:
    sentences: list[list[int]] = [[]]
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            sentences.append([])
            continue
        sentences[-1].append(tok.i)
        if tok.text in _SENTENCE_END:
            sentences.append([])
    return [s for s in sentences if s and _REQUEST_CUE.search(doc[s[0]:s[-1] + 1].text.lower())]


def feature_tokens(doc: Doc, field: str | None = None,
                   extra: TopicFeatures | None = None) -> list[tuple[int, str]]:
    """(token index, feature) in the order the textcat of `field` reads them, from one tokenised text: every
    token's feature words, then for REQUEST_FIELDS the words of request sentences again, prefixed, and the
    `extra` features a topic model was trained with (pipeline/topic_features.py)."""
    features = [feature_word(tok.text) for tok in doc]
    pairs = [(i, w) for i, ws in enumerate(features) for w in ws]
    if field in REQUEST_FIELDS:
        pairs += [(i, REQUEST_PREFIX + w) for sentence in _request_sentences(doc) for i in sentence
                  for w in features[i]]
    if extra is not None:
        pairs += extra.pairs(doc, features)
    return pairs


def _extra(nlp: Language, field: str | None) -> TopicFeatures | None:
    return topic_features(nlp) if field == "topic" else None


def _doc_of(nlp: Language, words: list[str]) -> Doc:
    from spacy.tokens import Doc

    return Doc(nlp.vocab, words=words)  # an empty letter is an empty Doc (spaCy refuses a "" token)


def feature_doc(nlp: Language, text: str, drop: frozenset[int] = frozenset(), field: str | None = None) -> Doc:
    """The normalised Doc the textcat of `field` reads (training and prediction); `drop` leaves out tokens by
    index (occlusion). For REQUEST_FIELDS the words of request sentences follow again, prefixed."""
    return _doc_of(nlp, [w for i, w in feature_tokens(nlp.make_doc(text), field, _extra(nlp, field)) if i not in drop])


@dataclass(frozen=True)
class Prediction:
    code: str
    score: float


@dataclass
class _Text:
    """One text tokenised once for every field (the pipelines share their tokenizer): tokens and features."""

    doc: Doc
    pairs: dict[str | None, list[tuple[int, str]]]
    cats: dict[str, dict[str, float]]


class Judge:
    """Scores a text with the topic, handling and document-kind pipelines (loaded once, see load_judge).

    classify asks for the scores of three fields and the reasons of up to three of the same text: the text is
    tokenised once and each field's scores computed once (a few recent texts kept per thread)."""

    RECENT = 4

    def __init__(self, pipelines: dict[str, Language]):
        self._nlp = pipelines
        self.versions = {f: str(nlp.meta.get("griffiepost_version", nlp.meta.get("version", "?")))
                         for f, nlp in pipelines.items()}
        self.version = ";".join(f"{f}={self.versions[f]}" for f in FIELDS if f in self.versions)
        self._recent = threading.local()
        self._temperature = {f: float(nlp.meta[CALIBRATION_KEY]["temperature"]) for f, nlp in pipelines.items()
                             if CALIBRATION_KEY in nlp.meta}

    def _text(self, field: str, text: str) -> _Text:
        nlp = self._nlp[field]
        recent = self._recent.__dict__.setdefault("texts", {})
        key = (id(nlp.tokenizer), text)
        if key not in recent:
            if len(recent) >= self.RECENT:
                recent.pop(next(iter(recent)))
            recent[key] = _Text(nlp.make_doc(text), {}, {})
        entry = recent[key]
        if field not in entry.pairs:
            entry.pairs[field] = feature_tokens(entry.doc, field, _extra(nlp, field))
        return entry

    def _cats(self, field: str, text: str) -> dict[str, float]:
        entry = self._text(field, text)
        if field not in entry.cats:
            textcat = self._nlp[field].get_pipe("textcat")  # lemmas are not features of the classifier
            entry.cats[field] = dict(textcat(_doc_of(self._nlp[field], [w for _, w in entry.pairs[field]])).cats)
        return entry.cats[field]

    def _predict(self, field: str, text: str) -> list[Prediction]:
        """Scores as proposals, calibrated where the model carries a temperature (models/topic_calibrate.py); the
        raw scores stay what strongest_words measures losses against."""
        cats = self._cats(field, text)
        temperature = self._temperature.get(field)
        if temperature is not None:
            cats = with_temperature(cats, temperature)
        return sorted((Prediction(code, float(score)) for code, score in cats.items()),
                      key=lambda p: (-p.score, p.code))

    def topics(self, text: str) -> list[Prediction]:
        return self._predict("topic", text)

    def handling(self, text: str) -> list[Prediction]:
        return self._predict("handling", text)

    def document_kind(self, text: str) -> list[Prediction]:
        return self._predict("document_kind", text)

    def strongest_words(self, text: str, field: str, code: str, k: int = 5,
                        skip: frozenset[str] = frozenset()) -> list[str]:
        """Words that push the score toward `code`, by occlusion: drop every token of one lemma, measure the loss.
        Words in `skip` (lower case: the letter's names and addresses) are never given as a reason.

        The losses of all lemmas come from one pass over the features (occlusion.occluded_scores); lemmas whose
        loss is too close to another's or to zero to be ordered by that estimate are scored again by the
        classifier itself, so the words and their order are exactly those of leaving each lemma out in turn."""
        nlp = self._nlp[field]
        textcat = nlp.get_pipe("textcat")
        entry = self._text(field, text)
        doc, pairs = entry.doc, entry.pairs[field]
        nlp.get_pipe("lemmatizer")(doc)  # lemmas group the forms of one word (this field's lemmatizer)
        has_feature = {i for i, _ in pairs}
        groups: dict[str, list[int]] = {}
        for tok in doc:
            if tok.is_alpha and len(tok.text) > 2 and not tok.is_stop and tok.i in has_feature \
                    and tok.lower_ not in skip:
                groups.setdefault(tok.lemma_.lower() or tok.lower_, []).append(tok.i)
        if not groups:
            return []
        lemmas = list(groups)
        base = float(self._cats(field, text).get(code, 0.0))

        def exact(n: int) -> float:
            drop = frozenset(groups[lemmas[n]])
            return base - float(textcat(_doc_of(nlp, [w for i, w in pairs if i not in drop])).cats.get(code, 0.0))

        if code in textcat.labels and occlusion.supports(textcat):
            where = {i: lemma for lemma, indices in groups.items() for i in indices}
            removed: dict[str, dict[str, int]] = {lemma: {} for lemma in lemmas}
            for i, w in pairs:
                if i in where:
                    counts = removed[where[i]]
                    counts[w] = counts.get(w, 0) + 1
            base_scores, variants = occlusion.occluded_scores(nlp, textcat, [w for _, w in pairs],
                                                              [removed[lemma] for lemma in lemmas])
            column = list(textcat.labels).index(code)
            estimate = base_scores[column] - variants[:, column]
        else:
            estimate = [math.nan] * len(lemmas)  # unknown architecture or label: measure every lemma
        chosen = occlusion.strongest(lemmas, estimate, k, exact, OCCLUSION_MARGIN)
        return [doc[groups[lemmas[n]][0]].text for n in chosen]


_CACHE: dict[Path, Judge] = {}
_LOCK = threading.Lock()
PLACEHOLDER_TOKENIZER = "griffiepost.PlaceholderTokenizer.v1"


def _placeholder_tokenizer():
    """A tokenizer without rules, only used while loading: load_pipelines puts the saved tokenizer in its place."""
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def load_pipelines(paths: dict[str, Path]) -> dict[str, Language]:
    """spacy.load each pipeline with one shared vocab, and deserialise each distinct saved tokenizer only once.

    A plain spacy.load builds the Dutch tokenizer's ~4,700 special cases twice (from the language defaults, then
    from the saved tokenizer); here the components load onto a rule-less placeholder tokenizer and the saved
    tokenizer is read once and shared by every pipeline that saved the same bytes, its special cases added as
    texts need them (pipeline/special_cases.py; same predictions, ~5x faster, then ~0.3 s less); spaCy itself
    without its command line (pipeline/spacy_runtime.py, ~0.25 s less per start).
    The pipelines are for prediction: their config names the placeholder, so do not save them with to_disk."""
    spacy = import_spacy()  # first: the stand-ins for spaCy's command line must be in place before any spaCy import
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    registry.tokenizers.register(PLACEHOLDER_TOKENIZER, func=_placeholder_tokenizer)
    pipelines: dict[str, Language] = {}
    tokenizers: dict[bytes, LazySpecials] = {}
    vocab = None
    for field, path in paths.items():
        architectures.register_saved(path)
        nlp = spacy.load(path, vocab=vocab if vocab is not None else True, exclude=["tokenizer"],
                         config={"nlp": {"tokenizer": {"@tokenizers": PLACEHOLDER_TOKENIZER}}})
        vocab = nlp.vocab
        saved = (Path(path) / "tokenizer").read_bytes()
        if saved not in tokenizers:
            tokenizers[saved] = LazySpecials(Tokenizer(vocab), saved)
        nlp.tokenizer = tokenizers[saved]
        pipelines[field] = nlp
    return pipelines


def load_judge(models_dir: Path) -> Judge:
    """Load the pipelines once per process and path (see load_pipelines)."""
    key = Path(models_dir).resolve()
    with _LOCK:
        if key not in _CACHE:
            check_models(key)
            _CACHE[key] = Judge(load_pipelines({field: key / field for field in FIELDS}))
        return _CACHE[key]
