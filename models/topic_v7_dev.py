"""Choose topic features on corpus v7, never on the blind set: train on the corpus plus two v7 writers' files,
score the third writer's letters (an acceptable theme, the right one in the top 3), beside TF-IDF char 2-5 +
LinearSVC trained on the same rows. Rotating the held-out writer gives three dev figures per candidate.

    python models/topic_v7_dev.py NAME [KEY=VALUE ...] [--writers c,d,e]
    # KEY = a setting of the [griffiepost] section of config/topic.cfg, e.g. topic_features=false
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import spacy
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from pipeline.judge import feature_doc  # noqa: E402
from pipeline.training import letter_rows, read_jsonl, train_field  # noqa: E402

V7 = ROOT / "corpus" / "v7"


def candidate_cfg(overrides: dict[str, str], work: Path, name: str) -> Path:
    cfg = (ROOT / "config" / "topic.cfg").read_text()
    for key, value in overrides.items():
        if re.search(rf"^{key} = ", cfg, flags=re.M):
            cfg = re.sub(rf"^{key} = .*$", f"{key} = {value}", cfg, flags=re.M)
        else:
            cfg = cfg.replace("[griffiepost]\n", f"[griffiepost]\n{key} = {value}\n", 1)
    cfg = re.sub(r'^lexicon = .*$', f'lexicon = "{ROOT / "topic_lexicon.toml"}"', cfg, flags=re.M)
    path = work / f"{name}.cfg"
    path.write_text(cfg)
    return path


def run(name: str, overrides: dict[str, str], writer: str, work: Path) -> dict:
    held = read_jsonl(V7 / f"train_{writer}.jsonl")
    fit = read_jsonl(ROOT / "corpus" / "train.jsonl") + [
        r for r in letter_rows(V7) if not r["id"].startswith(f"v7{writer}-")]
    texts = ["\n\n".join(t for t in (r["mail"].get("subject") or "", r["text"]) if t.strip()) for r in held]
    ok = [set(r["labels"].get("topics_ok") or []) | {r["labels"]["topic"]} for r in held]
    out = work / f"{name}-{writer}"
    train_field(fit, "topic", candidate_cfg(overrides, work, name), out)
    nlp = spacy.load(out)
    textcat = nlp.get_pipe("textcat")
    started = time.perf_counter()
    cats = [dict(d.cats) for d in textcat.pipe((feature_doc(nlp, t, field="topic") for t in texts), batch_size=256)]
    rate = len(texts) / (time.perf_counter() - started)
    ranked = [sorted(c, key=c.__getitem__, reverse=True) for c in cats]
    with (work / f"{name}-{writer}.scores.jsonl").open("w") as f:  # for models/topic_calibrate.py
        for row, c, o in zip(held, cats, ok):
            f.write(json.dumps({"id": row["id"], "cats": c, "ok": sorted(o)}) + "\n")
    chars = make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
                          LinearSVC(C=1.0))
    chars.fit([r["text"] for r in fit], [r["topic"] for r in fit])
    base = chars.predict(texts)
    n = len(held)
    return {"name": name, "writer": writer, "acc": sum(r[0] in o for r, o in zip(ranked, ok)) / n,
            "top3": sum(bool(set(r[:3]) & o) for r, o in zip(ranked, ok)) / n,
            "char_svc": sum(b in o for b, o in zip(base, ok)) / n, "docs_per_s": round(rate),
            "model_bytes": max(p.stat().st_size for p in out.rglob("*") if p.is_file())}


def main(args: list[str]) -> None:
    name, writers = args[0], ["c", "d", "e"]
    overrides = {}
    for arg in args[1:]:
        if arg.startswith("--writers="):
            writers = arg.split("=", 1)[1].split(",")
        else:
            key, value = arg.split("=", 1)
            overrides[key] = value
    work = Path("/tmp/griffiepost-topic-v7")
    work.mkdir(parents=True, exist_ok=True)
    results = [run(name, overrides, w, work) for w in writers]
    for r in results:
        print(json.dumps(r))
    mean = {k: sum(r[k] for r in results) / len(results) for k in ("acc", "top3", "char_svc")}
    print(f"RESULT {name} {' '.join(args[1:])}: dev acc {mean['acc']:.3f} top3 {mean['top3']:.3f} "
          f"char-svc {mean['char_svc']:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
