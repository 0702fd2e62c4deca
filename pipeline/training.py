"""Train and evaluate the spaCy text classifiers (topic, handling, document kind) from the labelled corpus."""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from dataclasses import dataclass, field as dc_field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Iterable, Sequence

from pipeline import architectures
from pipeline.judge import feature_doc
from pipeline.topic_features import META_KEY, TopicFeatureSpec, read_lexicon
from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, TOPIC_BY_CODE, TOPICS

if TYPE_CHECKING:  # spaCy is imported by the functions that train or load (~0.7 s of CPU): issue 13
    from spacy.language import Language

FIELDS: tuple[str, ...] = ("topic", "handling", "document_kind")
LABELS: dict[str, tuple[str, ...]] = {
    "topic": tuple(t.code for t in TOPICS), "handling": HANDLINGS, "document_kind": DOCUMENT_KINDS,
}


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _build_nlp(config_path: Path, field: str) -> tuple[Language, dict, dict[str, ModuleType]]:
    from spacy.util import load_config, load_model_from_config

    config = load_config(config_path)
    used = architectures.register(config)  # our own architectures the config names, registered before the build
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    for label in LABELS[field]:
        nlp.get_pipe("textcat").add_label(label)
    config = load_config(config_path, interpolate=True)
    ours = config.get("griffiepost", {})  # our own section of the .cfg
    if ours.get("topic_features"):  # before any feature_doc: the features are read from the meta
        lexicon = Path(ours["lexicon"])
        lexicon = lexicon if lexicon.is_absolute() else config_path.resolve().parent.parent / lexicon
        spec = TopicFeatureSpec(int(ours["subword_ngram_min"]), int(ours["subword_ngram_max"]),
                                int(ours["subword_min_word"]), bool(ours["subject_signal"]), read_lexicon(lexicon))
        nlp.meta[META_KEY] = spec.to_meta()
    return nlp, {**config["training"], "hand_written_weight": int(ours.get("hand_written_weight", 1))}, used


def letter_rows(folder: Path) -> list[dict]:
    """Corpus v7 rows (models/corpus/v7: letters in the genres councils receive, with their mail envelope) as
    training rows: the subject first, then the letter, as stages/classify.model_text gives them to the models."""
    rows = []
    for path in sorted(Path(folder).glob("*.jsonl")):
        for row in read_jsonl(path):
            subject = (row.get("mail") or {}).get("subject") or ""
            text = "\n\n".join(t for t in (subject, row["text"]) if t.strip())
            rows.append({"id": row["id"], "text": text, "hand_written": True,
                         **{f: row["labels"][f] for f in FIELDS if f in row["labels"]}})
    return rows


def is_hand_written(row: dict) -> bool:
    """A real or whole hand-written letter (free-form corpus letters, ids ff...; reviewed registry items) rather
    than one generated from fragments."""
    return bool(row.get("hand_written")) or str(row.get("id", "")).startswith("ff")


def _weight(row: dict, hand_written_weight: int) -> int:
    """How often a row is seen in training: its own weight when it carries one (a council's history), else the
    hand-written weight for real letters and 1 for generated ones."""
    return int(row.get("weight") or (hand_written_weight if is_hand_written(row) else 1))


def _prune_lemmas(nlp: Language, texts: Iterable[str]) -> int:
    """Keep only lemma entries for forms seen in training: the full Dutch table would add 4 MB per pipeline."""
    from spacy.lookups import Lookups

    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_lookup")
    forms = {tok.text.lower() for text in texts for tok in nlp.make_doc(text)}
    kept = {form: table[form] for form in sorted(forms) if form in table}
    pruned = Lookups()
    pruned.add_table("lemma_lookup", kept)
    lemmatizer.lookups = pruned
    return len(kept)


def _version(field: str, rows: Sequence[dict], release: str | None, config_path: Path) -> str:
    """Release date plus a digest of the training data and the config: a retrain on other data gets a new version."""
    data = config_path.read_text() + "\n".join(f"{r['text']}\t{r[field]}" for r in rows)
    digest = hashlib.sha256(data.encode()).hexdigest()[:6]
    return f"{field}-{release or date.today().strftime('%Y.%m.%d')}-{digest}"


def train_field(rows: Sequence[dict], field: str, config_path: Path, out_dir: Path,
                epochs: int | None = None, release: str | None = None) -> dict:
    """Train one exclusive-class text classifier for `field` and write it to `out_dir`."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    started = time.perf_counter()
    rows = [r for r in rows if r.get(field) in LABELS[field]]
    nlp, training, used = _build_nlp(config_path, field)
    seed = int(training["seed"])
    fix_random_seed(seed)
    weight = max(1, int(training["hand_written_weight"]))
    examples = [Example.from_dict(feature_doc(nlp, r["text"], field=field), {"cats": {c: float(c == r[field]) for c in LABELS[field]}})
                for r in rows for _ in range(_weight(r, weight))]
    optimizer = nlp.initialize(lambda: examples)
    for module in used.values():  # what an architecture learns from the whole training set (textcat_arch: idf)
        if hasattr(module, "fit_idf"):
            module.fit_idf(nlp, [eg.reference for eg in examples])
    lemma_entries = _prune_lemmas(nlp, (r["text"] for r in rows))
    batch_size = training["batcher"]["size"]["stop"] if isinstance(training["batcher"]["size"], dict) else 32
    rng = random.Random(seed)
    n_epochs = epochs if epochs is not None else int(training["max_epochs"])
    losses: dict[str, float] = {}
    for _ in range(n_epochs):
        order = examples[:]
        rng.shuffle(order)
        losses = {}
        for batch in minibatch(order, size=int(batch_size)):
            nlp.update(batch, drop=float(training["dropout"]), sgd=optimizer, losses=losses)
            optimizer.step_schedules()  # learning-rate schedules of the config advance per update
    version = _version(field, rows, release, config_path)
    nlp.meta.update({"name": f"griffiepost_{field}", "version": "1.0.0", "griffiepost_version": version,
                     "description": f"griffiepost {field} classifier (TextCatBOW) on spacy.blank('nl')",
                     "license": "EUPL-1.2", "author": "griffiepost"})
    out_dir.mkdir(parents=True, exist_ok=True)
    if optimizer.averages:  # use_averages: ship the averaged parameters, as `spacy train` does
        with nlp.use_params(optimizer.averages):
            nlp.to_disk(out_dir)
    else:
        nlp.to_disk(out_dir)
    return {"field": field, "version": version, "examples": len(rows), "weighted_examples": len(examples),
            "hand_written_weight": weight, "epochs": n_epochs,
            "final_loss": round(losses.get("textcat", 0.0), 4), "lemma_entries": lemma_entries,
            "seconds": round(time.perf_counter() - started, 2)}


def train(models_dir: Path, extra: Sequence[dict] = (), fields: Sequence[str] = FIELDS, *,
          corpus_dir: Path | None = None, config_dir: Path | None = None, epochs: int | None = None,
          release: str | None = None) -> dict:
    """Train the pipelines from the corpus's train split plus reviewed registry items; returns a summary."""
    import spacy

    models_dir = Path(models_dir)
    corpus_dir = Path(corpus_dir) if corpus_dir else models_dir / "corpus"
    config_dir = Path(config_dir) if config_dir else models_dir / "config"
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"onbekend veld voor training: {', '.join(sorted(unknown))}")
    # corpus v7 and reviewed registry items are letters as people write them: they weigh like the hand-written
    # corpus letters
    rows = read_jsonl(corpus_dir / "train.jsonl") + letter_rows(corpus_dir / "v7") \
        + [{**x, "hand_written": True} for x in extra if x.get("text")]
    summary = {"train_rows": len(rows), "extra_rows": len(extra), "fields": {}}
    for field in fields:
        summary["fields"][field] = train_field(rows, field, config_dir / f"{field}.cfg", models_dir / field, epochs, release)
    meta_path = models_dir / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta.update({f: summary["fields"][f]["version"] for f in fields})
    meta["spacy"] = spacy.__version__
    meta_path.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return summary


@dataclass
class ClassScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class FieldScore:
    """Scores of one classifier on one split: per class, macro-F1, accuracy and a confusion table."""

    field: str
    version: str
    labels: tuple[str, ...]
    classes: list[ClassScore]
    macro_f1: float
    accuracy: float
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count


@dataclass
class EvaluationReport:
    split: str
    n: int
    fields: dict[str, FieldScore] = dc_field(default_factory=dict)
    # the same scores per part of the split (generated from fragments / written free-form): part -> field -> score
    parts: dict[str, dict[str, FieldScore]] = dc_field(default_factory=dict)

    def render(self) -> str:
        out = [f"Evaluatie op {self.split} ({self.n} teksten)"]
        for part, scores in self.parts.items():
            n = max(sum(c.support for c in sc.classes) for sc in scores.values())
            out.append(f"  deel {part} ({n} teksten): " + "; ".join(
                f"{f} macro-F1 {sc.macro_f1:.3f}, accuracy {sc.accuracy:.3f}" for f, sc in scores.items()))
        for score in self.fields.values():
            out += ["", f"== {score.field} ({score.version})  macro-F1 {score.macro_f1:.3f}  accuracy {score.accuracy:.3f}",
                    f"{'klasse':<42}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>9}"]
            out += [f"{_name(c.label):<42}{c.precision:>10.3f}{c.recall:>10.3f}{c.f1:>10.3f}{c.support:>9d}"
                    for c in score.classes]
            out += ["", "confusion (rij = juist, kolom = voorspeld):",
                    " " * 6 + "".join(f"{i:>4d}" for i in range(len(score.labels)))]
            for i, gold in enumerate(score.labels):
                row = "".join(f"{score.confusion[gold][pred] or '.':>4}" for pred in score.labels)
                out.append(f"{i:>4d}  {row}  {_name(gold)}")
        return "\n".join(out)


def _name(label: str) -> str:
    topic = TOPIC_BY_CODE.get(label)
    return f"{label} {topic.label}" if topic else label


def score_field(name: str, labels: Sequence[str], gold: Sequence[str], predicted: Sequence[str],
                version: str) -> FieldScore:
    """Per-class precision/recall/F1; macro-F1 averages the classes that occur in gold or predictions."""
    confusion = {g: {p: 0 for p in labels} for g in labels}
    for g, p in zip(gold, predicted):
        confusion[g][p] += 1
    classes = []
    for label in labels:
        tp = confusion[label][label]
        support = sum(confusion[label].values())
        predicted_n = sum(confusion[g][label] for g in labels)
        precision = tp / predicted_n if predicted_n else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(ClassScore(label, precision, recall, f1, support))
    present = [c for c in classes if c.support or any(confusion[g][c.label] for g in labels)]
    macro = sum(c.f1 for c in present) / len(present) if present else 0.0
    accuracy = sum(confusion[l][l] for l in labels) / len(gold) if gold else 0.0
    return FieldScore(name, version, tuple(labels), classes, macro, accuracy, confusion)


def predict_labels(nlp: Language, texts: Sequence[str], field: str | None = None) -> list[str]:
    """Best label per text, from the same normalised tokens as training (judge.feature_doc); no lemmas.
    `field` defaults to the one named in the pipeline's meta (griffiepost_<field>)."""
    field = field or str(nlp.meta.get("name", "")).removeprefix("griffiepost_")
    docs = (feature_doc(nlp, text, field=field) for text in texts)
    return [max(doc.cats, key=doc.cats.__getitem__) for doc in nlp.get_pipe("textcat").pipe(docs, batch_size=256)]


# Parts of a split by id: the letters written free-form by hand (corpus v5/v6, ff...) and the rest, generated from
# fragments.
PARTS = {"gegenereerd uit fragmenten": lambda i: not is_hand_written({"id": i}),
         "vrij geschreven": lambda i: is_hand_written({"id": i})}


def evaluate(models_dir: Path, fields: Sequence[str] = FIELDS, *, split_path: Path | None = None) -> EvaluationReport:
    """Score each shipped pipeline on the held-out split (never used for training or tuning)."""
    models_dir = Path(models_dir)
    rows = read_jsonl(split_path or models_dir / "corpus" / "heldout.jsonl")
    report = EvaluationReport(split=str(split_path or "heldout"), n=len(rows))
    parts = {name: keep for name, keep in PARTS.items() if any(keep(r["id"]) for r in rows if "id" in r)}
    for field in fields:
        nlp = architectures.load(models_dir / field)
        labelled = [r for r in rows if r.get(field) in LABELS[field]]
        predicted = predict_labels(nlp, [r["text"] for r in labelled], field)
        version = nlp.meta.get("griffiepost_version", "?")
        report.fields[field] = score_field(field, LABELS[field], [r[field] for r in labelled], predicted, version)
        if len(parts) > 1:  # only a split that mixes both kinds of letters is worth splitting
            for name, keep in parts.items():
                idx = [i for i, r in enumerate(labelled) if keep(r.get("id", ""))]
                report.parts.setdefault(name, {})[field] = score_field(
                    field, LABELS[field], [labelled[i][field] for i in idx], [predicted[i] for i in idx], version)
    return report


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    models_dir = Path(args[1]) if len(args) > 1 else Path(__file__).resolve().parent.parent / "models"
    if not args or args[0] not in ("train", "evaluate"):
        print("gebruik: python -m pipeline.training train|evaluate [MODELMAP]", file=sys.stderr)
        return 2
    if args[0] == "train":
        print(json.dumps(train(models_dir), indent=2, ensure_ascii=False))
        return 0
    print(evaluate(models_dir).render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
