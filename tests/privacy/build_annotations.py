"""Build tests/privacy/letters/*.txt and annotations.json from the marked letters in tests/privacy/marked/.

A marked letter writes each personal-data span inline as [[kind:text]]; this script strips the markup and
records exact character offsets, so the annotations can never drift from the text. Run it after editing a
marked letter: `.venv/bin/python tests/privacy/build_annotations.py`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[(person|email|phone|address|iban|bsn|birthdate):(.+?)\]\]")


def strip_marks(marked: str) -> tuple[str, list[dict]]:
    """The plain letter text and its spans [{kind, start, end, text}] (offsets into the plain text)."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        kind, text = m.group(1), m.group(2)
        spans.append({"kind": kind, "start": length, "end": length + len(text), "text": text})
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(marked[pos:])
    plain = "".join(out)
    if "[[" in plain or "]]" in plain:
        raise ValueError("unbalanced [[...]] markup left in the letter")
    return plain, spans


def main() -> None:
    letters_dir = HERE / "letters"
    letters_dir.mkdir(exist_ok=True)
    annotations: dict[str, dict] = {}
    for path in sorted((HERE / "marked").glob("*.txt")):
        plain, spans = strip_marks(path.read_text(encoding="utf-8"))
        for span in spans:
            assert plain[span["start"]:span["end"]] == span["text"]
        (letters_dir / path.name).write_text(plain, encoding="utf-8")
        split = "heldout" if path.name.startswith("h") else "dev"
        annotations[path.name] = {"split": split, "spans": spans}
    (HERE / "annotations.json").write_text(
        json.dumps(annotations, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(annotations)} letters, {sum(len(a['spans']) for a in annotations.values())} spans")


if __name__ == "__main__":
    main()
