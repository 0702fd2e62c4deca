"""Fit the topic model's temperature on the dev split and store it in models/topic/meta.json.

The dev split is corpus v7 by writer: models/topic_v7_dev.py trains the shipped topic config on the corpus plus two
writers and writes the scores of the third writer's letters (NAME-c/d/e.scores.jsonl); together that is every v7
letter scored by a model that never saw it. The blind set is never read here.

    python models/topic_v7_dev.py NAME            # the shipped config, three rotations
    python models/topic_calibrate.py NAME [MODELDIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from pipeline.calibration import META_KEY, expected_calibration_error, fit_temperature, top_confidence  # noqa: E402


def main(name: str, model_dir: Path, work: Path = Path("/tmp/griffiepost-topic-v7")) -> dict:
    files = sorted(work.glob(f"{name}-[cde].scores.jsonl"))  # the rotations that were run
    rows = [json.loads(line) for path in files for line in path.read_text().splitlines()]
    cats, ok = [r["cats"] for r in rows], [set(r["ok"]) for r in rows]
    temperature = fit_temperature(cats, ok)
    before = expected_calibration_error(*top_confidence(cats, ok))
    after = expected_calibration_error(*top_confidence(cats, ok, temperature))
    result = {"temperature": round(temperature, 5), "ece_dev": round(after, 4), "ece_dev_uncalibrated": round(before, 4),
              "dev_letters": len(rows), "dev_split": f"corpus v7, the letters of writer(s) {', '.join(p.name.split('.')[0][-1] for p in files)}, each scored by a model "
                                                     "trained without that writer (models/topic_v7_dev.py)"}
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta[META_KEY] = result
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, ensure_ascii=False))
    return result


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "topic")
