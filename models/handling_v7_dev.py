"""Develop handling and document kind on corpus v7, never on the blind set: the whole pipeline (rules, sender
knowledge, models) on rows no model under test was trained on, per field and per genre, beside the constants.

    python models/handling_v7_dev.py [--train [KEY=VALUE ...] | --models DIR] [--writer c] [--extra FILE.jsonl ...]
                                     [--out DIR]
    # KEY = a setting of the [griffiepost] section of config/<field>.cfg, e.g. hand_written_weight=3

Without --train the shipped models are scored (today's handling and document-kind models never saw v7, so every
v7 row is a dev row for them). With --train, handling and document-kind models are trained on the corpus's train
split plus v7 without the dev writer (models/corpus/v7/train_<writer>.jsonl is left out) into a work folder, next
to the shipped topic model; the dev writer's rows and every --extra file (e.g. a v8 dev set) are then scored.
The topic model is the shipped one (trained with all of v7): topic figures here are not a dev measure.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from pipeline.blind import hits, prediction, read_rows, score, to_mail  # noqa: E402
from pipeline.config import load_settings  # noqa: E402
from pipeline.flow import Pipeline  # noqa: E402
from pipeline.result import outcome_json  # noqa: E402
from pipeline.training import letter_rows, read_jsonl, train_field  # noqa: E402

V7 = ROOT / "corpus" / "v7"
WORK = Path("/tmp/griffiepost-handling-v7")
FIELDS = ("handling", "document_kind")


def candidate_cfg(field: str, overrides: dict[str, str], work: Path) -> Path:
    """The shipped config of `field` with settings of its [griffiepost] section replaced (e.g. hand_written_weight)."""
    cfg = (ROOT / "config" / f"{field}.cfg").read_text()
    if overrides and "[griffiepost]" not in cfg:
        cfg += "\n[griffiepost]\n"
    for key, value in overrides.items():
        if re.search(rf"^{key} = ", cfg, flags=re.M):
            cfg = re.sub(rf"^{key} = .*$", f"{key} = {value}", cfg, flags=re.M)
        else:
            cfg = cfg.replace("[griffiepost]\n", f"[griffiepost]\n{key} = {value}\n", 1)
    path = work / f"{field}.cfg"
    path.write_text(cfg)
    return path


def train_without(writer: str, work: Path, overrides: dict[str, str] | None = None) -> Path:
    """Handling and document-kind models trained without the dev writer's rows, beside the shipped topic model."""
    models = work / f"models-no-{writer}"
    if models.exists():
        shutil.rmtree(models)
    models.mkdir(parents=True)
    shutil.copytree(ROOT / "topic", models / "topic")
    rows = read_jsonl(ROOT / "corpus" / "train.jsonl") + [
        r for r in letter_rows(V7) if not r["id"].startswith(f"v7{writer}-")]
    for field in FIELDS:
        summary = train_field(rows, field, candidate_cfg(field, overrides or {}, work), models / field)
        print(json.dumps(summary))
    return models


def default_floor(rows: list[dict]) -> float:
    """Handling right when every row gets the usual handling of its (gold) document kind."""
    usual: dict[str, Counter] = {}
    for r in rows:
        usual.setdefault(r["labels"]["document_kind"], Counter())[r["labels"]["handling"]] += 1
    return sum(c.most_common(1)[0][1] for c in usual.values()) / len(rows)


def run(rows: list[dict], pipe: Pipeline, name: str, out: Path) -> None:
    preds = []
    for row in rows:
        doc = outcome_json(pipe.run(to_mail(row)), pipe.ruleset.profile, "")
        preds.append(dict(prediction(doc), reasons=doc["reasons"]))
    report = score(rows, preds)
    print(f"== {name}: {len(rows)} rows")
    for f in ("handling", "document_kind", "sender_kind", "circular", "topic"):
        floor, what = report.floors[f]
        print(f"RESULT {name} {f} {report.scores[f]:.3f} constant {floor:.3f} ({what})")
    print(f"RESULT {name} handling per-document-kind usual (gold kind) {default_floor(rows):.3f}")
    with out.open("w", encoding="utf-8") as fh:
        for row, pred in zip(rows, preds):
            fh.write(json.dumps({"id": row["id"], "genre": row["genre"], "labels": row["labels"], "pred": pred,
                                 "hits": hits(row, pred)}, ensure_ascii=False) + "\n")
    wrong = Counter((r["genre"], f, r["labels"][f], p[f]) for r, p in zip(rows, preds) for f in FIELDS
                    if p[f] != r["labels"][f])
    for (genre, f, gold, got), n in wrong.most_common(30):
        print(f"  miss {n:>3} {genre:<22}{f:<15}{gold} -> {got}")


def main(args: list[str]) -> None:
    writer, extra, train, out, models = "c", [], False, WORK, None
    overrides: dict[str, str] = {}
    it = iter(args)
    for arg in it:
        if arg == "--train":
            train = True
        elif arg == "--writer":
            writer = next(it)
        elif arg == "--extra":
            extra.append(Path(next(it)))
        elif arg == "--out":
            out = Path(next(it))
        elif "=" in arg and not arg.startswith("--"):  # KEY=VALUE: a [griffiepost] setting of both configs
            key, value = arg.split("=", 1)
            overrides[key] = value
        elif arg == "--models":  # models trained before (e.g. an earlier --train's OUT/models-no-c)
            models = Path(next(it))
    out.mkdir(parents=True, exist_ok=True)
    settings = load_settings(None)
    if train:
        models = train_without(writer, out, overrides)
    if models is not None:
        settings = dataclasses.replace(settings, models=dataclasses.replace(settings.models, dir=str(models)))
    pipe = Pipeline.build(settings)
    sets = {f"v7{writer}": read_jsonl(V7 / f"train_{writer}.jsonl")}
    for path in extra:
        sets[path.stem] = read_rows(path.parent) if path.is_dir() else read_jsonl(path)
    for name, rows in sets.items():
        run(rows, pipe, name, out / f"{name}.jsonl")


if __name__ == "__main__":
    main(sys.argv[1:])
