"""Compare topic configs on dev data only (the figures in config/topic.cfg): never reads heldout.jsonl.

    python models/topic_dev.py tfidf                         # the TF-IDF + LinearSVC baseline
    python models/topic_dev.py NAME NGRAM BUCKETS L2 WEIGHT  # e.g. G 1 65536 0.03 3

The dev split is carved from train (sha256("dev"+id) mod 100 < 20); a candidate trains on the rest and is scored
by macro-F1 on the dev split, on its hand-written part and on devcheck.jsonl.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import spacy
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from pipeline.training import is_hand_written, predict_labels, read_jsonl, train_field  # noqa: E402


def in_dev(doc_id: str) -> bool:
    return int(hashlib.sha256(("dev" + doc_id).encode()).hexdigest()[:8], 16) % 100 < 20


def main(args: list[str], work: Path = Path("/tmp/griffiepost-topic-dev")) -> None:
    rows = read_jsonl(ROOT / "corpus" / "train.jsonl")
    dev, fit = [r for r in rows if in_dev(r["id"])], [r for r in rows if not in_dev(r["id"])]
    sets = {"dev": dev, "dev-hand-written": [r for r in dev if is_hand_written(r)],
            "devcheck": read_jsonl(ROOT / "corpus" / "devcheck.jsonl")}
    if args[0] == "tfidf":
        model = make_pipeline(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1), LinearSVC(C=1.0))
        model.fit([r["text"] for r in fit], [r["topic"] for r in fit])
        predict = lambda texts: list(model.predict(texts))  # noqa: E731
    else:
        name, ngram, buckets, l2, weight = args[0], int(args[1]), int(args[2]), float(args[3]), int(args[4])
        cfg = (ROOT / "config" / "topic.cfg").read_text()
        cfg = re.sub(r"ngram_size = \d+", f"ngram_size = {ngram}", cfg)
        cfg = re.sub(r"\nlength = \d+", f"\nlength = {buckets}", cfg)
        cfg = re.sub(r"\nL2 = [\d.]+", f"\nL2 = {l2}", cfg)
        cfg = re.sub(r"hand_written_weight = \d+", f"hand_written_weight = {weight}", cfg)
        work.mkdir(parents=True, exist_ok=True)
        (work / f"{name}.cfg").write_text(cfg)
        train_field(fit, "topic", work / f"{name}.cfg", work / name)
        nlp = spacy.load(work / name)
        predict = lambda texts: predict_labels(nlp, texts, "topic")  # noqa: E731
    scores = {k: f1_score([r["topic"] for r in v], predict([r["text"] for r in v]), average="macro")
              for k, v in sets.items()}
    print(" ".join(args), " ".join(f"{k} {v:.3f}" for k, v in scores.items()))


if __name__ == "__main__":
    main(sys.argv[1:] or ["tfidf"])
