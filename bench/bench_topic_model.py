"""Benchmark: spaCy topic pipeline vs TF-IDF + LinearSVC baselines, same train split, scored on held-out and on the
frozen blind test set (models/corpus/blind: letters by other writers; a topic is right when it is one of the row's
acceptable themes). The blind baseline is TF-IDF over character 2-5-grams, which survives unseen compounds. Both
are trained on the rows the shipped model was trained on: the corpus's train split plus corpus v7."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline import architectures  # noqa: E402
from pipeline.blind import read_rows  # noqa: E402
from pipeline.judge import feature_doc  # noqa: E402
from pipeline.training import PARTS, letter_rows, predict_labels, read_jsonl  # noqa: E402

MODELS = Path(__file__).resolve().parent.parent / "models"


def main() -> None:
    train = read_jsonl(MODELS / "corpus" / "train.jsonl") + letter_rows(MODELS / "corpus" / "v7")
    held = read_jsonl(MODELS / "corpus" / "heldout.jsonl")
    texts, gold = [r["text"] for r in held], [r["topic"] for r in held]

    baseline = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1), LinearSVC(C=1.0))
    started = time.perf_counter()
    baseline.fit([r["text"] for r in train], [r["topic"] for r in train])
    fit_s = time.perf_counter() - started
    started = time.perf_counter()
    base_pred = list(baseline.predict(texts))
    base_rate = len(texts) / (time.perf_counter() - started)

    nlp = architectures.load(MODELS / "topic")
    nlp(texts[0])  # warm-up
    started = time.perf_counter()
    spacy_pred = predict_labels(nlp, texts)
    spacy_rate = len(texts) / (time.perf_counter() - started)

    base_f1 = f1_score(gold, base_pred, average="macro")
    spacy_f1 = f1_score(gold, spacy_pred, average="macro")
    print(f"held-out: {len(texts)} texts, train: {len(train)} texts")
    for part, keep in PARTS.items():  # the same two parts that `griffiepost evaluate` prints
        idx = [n for n, r in enumerate(held) if keep(r["id"])]
        if idx:
            sub = [gold[n] for n in idx]
            print(f"  part {part:<27} {len(idx):4d} texts: tfidf+linearsvc {f1_score(sub, [base_pred[n] for n in idx], average='macro'):.3f}"
                  f"  spacy {f1_score(sub, [spacy_pred[n] for n in idx], average='macro'):.3f}")
    print(f"tfidf+linearsvc  macro-F1 {base_f1:.3f}  {base_rate:8.0f} docs/s  (fit {fit_s:.2f} s)")
    print(f"spacy textcat    macro-F1 {spacy_f1:.3f}  {spacy_rate:8.0f} docs/s  ({nlp.meta.get('griffiepost_version')})")
    print(f"RESULT topic_macro_f1 {spacy_f1:.3f} f1 baseline {base_f1:.3f} ratio {spacy_f1 / base_f1:.3f}")
    print(f"RESULT topic_docs_per_s {spacy_rate:.0f} docs/s baseline {base_rate:.0f} ratio {spacy_rate / base_rate:.3f}")
    blind_topic(train, nlp)


def blind_topic(train: list[dict], nlp) -> None:
    """The topic model alone (no rules) against character n-grams on the blind letters (subject + text, as
    stages/classify.model_text gives them)."""
    rows = read_rows(MODELS / "corpus" / "blind")
    texts = ["\n\n".join(t for t in (r["mail"].get("subject") or "", r["text"]) if t.strip()) for r in rows]
    ok = [set(r["labels"]["topics_ok"]) | {r["labels"]["topic"]} for r in rows]
    chars = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
                          LinearSVC(C=1.0))
    chars.fit([r["text"] for r in train], [r["topic"] for r in train])
    accuracy = lambda predicted: sum(p in o for p, o in zip(predicted, ok)) / len(rows)  # noqa: E731
    char_acc, spacy_acc = accuracy(chars.predict(texts)), accuracy(predict_labels(nlp, texts))
    textcat = nlp.get_pipe("textcat")
    ranked = [sorted(d.cats, key=d.cats.__getitem__, reverse=True)[:3]
              for d in textcat.pipe(feature_doc(nlp, t, field="topic") for t in texts)]
    top3 = sum(bool(set(r) & o) for r, o in zip(ranked, ok)) / len(rows)
    print(f"blind set: {len(rows)} letters; topic right (an acceptable theme): spacy {spacy_acc:.3f}, "
          f"tfidf char 2-5 + linearsvc {char_acc:.3f}; spacy top 3: {top3:.3f}")
    print(f"RESULT topic_blind_accuracy {spacy_acc:.3f} acc baseline {char_acc:.3f} ratio {spacy_acc / char_acc:.3f}")
    print(f"RESULT topic_blind_top3 {top3:.3f}")


if __name__ == "__main__":
    main()
