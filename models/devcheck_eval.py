"""Handling on devcheck.jsonl: the model alone and rules + model (as classify runs them); a dev measure, not acceptance."""

from __future__ import annotations

import re
import sys
from collections import Counter
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.judge import load_judge  # noqa: E402
from pipeline.privacy.detect import detect  # noqa: E402
from pipeline.records import Extracted  # noqa: E402
from pipeline.rules import load_ruleset  # noqa: E402
from pipeline.stages.analyse import analyse  # noqa: E402
from pipeline.stages.classify import classify, model_text  # noqa: E402
from pipeline.stages.parse import parse_message  # noqa: E402
from pipeline.training import read_jsonl  # noqa: E402

_VAN = re.compile(r"^Van:\s*(.+)$", re.M)
_ONDERWERP = re.compile(r"^Onderwerp:\s*(.+)$", re.M)


def as_mail(text: str) -> bytes:
    """A devcheck letter as a plain e-mail without special headers; its 'Van:'/'Onderwerp:' lines (if any) fill From/Subject."""
    msg = EmailMessage()
    m = _VAN.search(text[:300])
    msg["From"] = f"{m.group(1).strip()} <post@afzender.example>" if m else "Afzender <post@afzender.example>"
    msg["To"] = "griffie@gemeente.example"
    subject = _ONDERWERP.search(text[:400])
    msg["Subject"] = subject.group(1).strip() if subject else "Brief aan de raad"
    msg.set_content(text)
    return msg.as_bytes()


def main(models_dir: Path = ROOT / "models", verbose: bool = False) -> tuple[float, float]:
    rows = read_jsonl(ROOT / "models" / "corpus" / "devcheck.jsonl")
    ruleset = load_ruleset(ROOT / "rules", "generiek")
    judge = load_judge(models_dir)
    alone = full = 0
    errors: Counter = Counter()
    for r in rows:
        analysis = analyse(Extracted(parse_message(as_mail(r["text"])), []), ruleset.known_domains, detect)
        cls = classify(analysis, ruleset, judge)
        best = next(p.code for p in judge.handling(model_text(analysis)))
        alone += best == r["handling"]
        full += cls.handling.code == r["handling"]
        if cls.handling.code != r["handling"]:
            errors[(r["handling"], cls.handling.code)] += 1
            if verbose:
                print(f"{r['id']}: gold {r['handling']} got {cls.handling.code} (model {best}) {cls.rule_hits}")
    n = len(rows)
    print(f"devcheck handling: model alone {alone / n:.3f}, rules + model {full / n:.3f} (n={n})")
    for (gold, got), k in errors.most_common():
        print(f"  {gold:>30} -> {got:<30} {k}")
    return alone / n, full / n


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else ROOT / "models",
         "-v" in sys.argv)
