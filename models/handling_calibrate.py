"""Fit the temperature of the handling and document-kind models on corpus v7 and store it in their meta.json.

Like models/topic_calibrate.py: every v7 letter is scored by a model trained without its writer (the folders
OUT/models-no-<writer> that `models/handling_v7_dev.py --train --writer <writer> --out OUT` leaves), and the
temperature with the lowest log loss on those scores is written to models/<field>/meta.json, with the expected
calibration error before and after. The blind set is never read here.

    python models/handling_calibrate.py OUT [--writers c,d,e] [--dry-run]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from pipeline.calibration import META_KEY, expected_calibration_error, fit_temperature, top_confidence  # noqa: E402
from pipeline.judge import feature_doc  # noqa: E402
from pipeline.training import letter_rows  # noqa: E402

FIELDS = ("handling", "document_kind")


def scores(work: Path, writers: list[str], field: str) -> tuple[list[dict[str, float]], list[set[str]]]:
    """Each writer's v7 letters scored by the `field` model trained without that writer."""
    cats, ok = [], []
    rows = letter_rows(ROOT / "corpus" / "v7")
    for writer in writers:
        nlp = spacy.load(work / f"models-no-{writer}" / field)
        held = [r for r in rows if r["id"].startswith(f"v7{writer}-") and r.get(field)]
        docs = (feature_doc(nlp, r["text"], field=field) for r in held)
        cats += [dict(d.cats) for d in nlp.get_pipe("textcat").pipe(docs, batch_size=256)]
        ok += [{r[field]} for r in held]
    return cats, ok


def main(args: list[str]) -> dict:
    work, writers, dry = Path(args[0]), ["c", "d", "e"], "--dry-run" in args
    for arg in args[1:]:
        if arg.startswith("--writers="):
            writers = arg.split("=", 1)[1].split(",")
    results = {}
    for field in FIELDS:
        cats, ok = scores(work, writers, field)
        temperature = fit_temperature(cats, ok)
        before = expected_calibration_error(*top_confidence(cats, ok))
        after = expected_calibration_error(*top_confidence(cats, ok, temperature))
        accuracy = sum(max(c, key=c.__getitem__) in o for c, o in zip(cats, ok)) / len(cats)
        result = {"temperature": round(temperature, 5), "ece_dev": round(after, 4),
                  "ece_dev_uncalibrated": round(before, 4), "dev_letters": len(cats),
                  "dev_accuracy_model_alone": round(accuracy, 4),
                  "dev_split": f"corpus v7, the letters of writer(s) {', '.join(writers)}, each scored by a model "
                               "trained without that writer (models/handling_v7_dev.py --train)"}
        results[field] = result
        print(field, json.dumps(result, ensure_ascii=False))
        if not dry:
            meta_path = ROOT / field / "meta.json"
            meta = json.loads(meta_path.read_text())
            meta[META_KEY] = result
            meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
