"""Corpus v7 (models/corpus/v7, training rows) through the whole pipeline, as `evaluate --blind` runs the frozen
blind set: per-field scores and the rows each field gets wrong. A development measure for rules and features;
the blind set itself is never looked at this way (it is only scored)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.blind import hits, prediction, read_rows, score, to_mail  # noqa: E402
from pipeline.config import load_settings  # noqa: E402
from pipeline.flow import Pipeline  # noqa: E402
from pipeline.result import outcome_json  # noqa: E402


def _rows(path: Path) -> list[dict]:
    """A folder of *.jsonl files, or one .jsonl file."""
    if path.is_dir():
        return read_rows(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(out: Path, rows_path: Path | None = None) -> None:
    settings = load_settings(None)
    pipe = Pipeline.build(settings)
    rows = _rows(rows_path or ROOT / "models" / "corpus" / "v7")
    preds = []
    for row in rows:
        doc = outcome_json(pipe.run(to_mail(row)), pipe.ruleset.profile, "")
        preds.append(dict(prediction(doc), reasons=doc["reasons"]))
    report = score(rows, preds)
    print(report.render())
    with out.open("w", encoding="utf-8") as f:
        for row, pred in zip(rows, preds):
            f.write(json.dumps({"id": row["id"], "genre": row["genre"], "labels": row["labels"], "pred": pred,
                                "hits": hits(row, pred)}, ensure_ascii=False) + "\n")
    wrong = Counter((r["genre"], f) for r, p in zip(rows, preds) for f, ok in hits(r, p).items() if not ok)
    print("most frequent misses (genre, field):", wrong.most_common(12))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, default=Path("/tmp/v7_dev.jsonl"),
                        help="where every row's prediction and misses are written")
    parser.add_argument("--rows", type=Path, default=None,
                        help="a .jsonl file or a folder of *.jsonl rows in the v7 format (another development set) instead of v7")
    args = parser.parse_args()
    main(args.out, args.rows)
