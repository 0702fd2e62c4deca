"""The frozen blind test set: each row wrapped as the mail it stands for, classified end to end (the same
pipeline as `classify --json`), scored per field and per genre beside the best constant answer on the same rows.

The rows (models/corpus/blind/*.jsonl) were written by writers who never saw the training rows or any model output;
nothing may be tuned on them. The constant floor of a field is the best single answer on these rows (for the
top-3 topic: the best fixed three): a figure below it means the field does worse than not judging at all.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from pipeline.calibration import META_KEY as CALIBRATION_KEY, expected_calibration_error
from pipeline.publication.documents import text_pdf
from pipeline import vocab
from pipeline.vocab import TOPIC_BY_CODE

EXACT_FIELDS = ("handling", "sender_kind", "document_kind", "circular")
PER_KIND = "handling_per_kind"  # the second floor of handling: one constant per document kind
FIELD_WORDS = {"topic": vocab.FIELD_WORDS["topic"], "topic_top3": "onderwerp in top 3",
               **{f: vocab.FIELD_WORDS[f] for f in ("handling", "sender_kind", "document_kind", "circular")},
               "organisation": "organisatie gevonden"}
# Words that say what kind of body an organisation is, not which one: "Gemeente Zwolle" and "Gemeenteraad
# Zwolle" name the same sender for this measure (writers differ on it).
GENERIC = {"gemeente", "gemeenteraad", "raad", "griffie", "college", "van", "de", "het", "der", "den", "en", "b", "w",
           "burgemeester", "wethouders", "bv", "nv", "the"}


def read_rows(folder: Path) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(Path(folder).glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def to_mail(row: dict[str, Any]) -> bytes:
    """The row as it would arrive: its envelope, and the letter as the body or as a PDF attachment."""
    mail = row["mail"]
    m = EmailMessage()
    m["From"] = f"{mail['from_name']} <{mail['from_address']}>" if mail.get("from_name") else mail["from_address"]
    m["To"] = mail.get("to") or "griffie@gemeente.example"
    m["Subject"] = mail.get("subject") or ""
    day = datetime.fromisoformat(mail["date"]).replace(hour=9) if mail.get("date") else datetime(2026, 1, 5, 9)
    m["Date"] = format_datetime(day.astimezone())
    m["Message-ID"] = f"<{row['id']}@blind.griffiepost.invalid>"
    if row["shape"] == "attachment":
        m.set_content(row.get("cover") or "")
        m.add_attachment(text_pdf("", row["text"]), maintype="application", subtype="pdf", filename="brief.pdf")
    else:
        m.set_content(row["text"])
    return m.as_bytes()


def _tokens(name: str | None) -> set[str]:
    return {t for t in re.findall(r"\w+", (name or "").casefold()) if t not in GENERIC}


def organisation_found(gold: str, predicted: str | None) -> bool:
    """The significant words of one name all occur in the other (word order, legal form and 'gemeente' aside)."""
    g, p = _tokens(gold), _tokens(predicted)
    return bool(g and p) and (g <= p or p <= g)


def prediction(doc: dict[str, Any]) -> dict[str, Any]:
    """What the classify JSON contract says about the fields the set labels."""
    return {"topic": (doc.get("topic") or {}).get("code"), "topics": [t["code"] for t in doc.get("topics") or []],
            "topic_score": (doc.get("topic") or {}).get("score"),
            "handling": doc["handling"]["code"], "sender_kind": doc["sender"]["kind"],
            "document_kind": doc["document_kind"], "circular": bool(doc["circular"]),
            "organisation": doc["sender"].get("organisation")}


def hits(row: dict[str, Any], pred: dict[str, Any]) -> dict[str, bool]:
    """Right or wrong per field for one row (organisation only where the row names one)."""
    gold = row["labels"]
    ok = set(gold["topics_ok"]) | {gold["topic"]}
    out = {"topic": pred["topic"] in ok, "topic_top3": bool(ok & set(pred["topics"][:3]))}
    out.update({f: pred[f] == gold[f] for f in EXACT_FIELDS})
    if gold.get("organisation"):
        out["organisation"] = organisation_found(gold["organisation"], pred["organisation"])
    return out


def constant_floors(rows: Sequence[dict[str, Any]]) -> dict[str, tuple[float, str]]:
    """Per field the best constant answer on these rows and its accuracy."""
    floors: dict[str, tuple[float, str]] = {}
    oks = [set(r["labels"]["topics_ok"]) | {r["labels"]["topic"]} for r in rows]
    best = max(TOPIC_BY_CODE, key=lambda c: sum(c in ok for ok in oks))
    floors["topic"] = (sum(best in ok for ok in oks) / len(rows), TOPIC_BY_CODE[best].label)
    three = max(combinations(sorted(TOPIC_BY_CODE), 3), key=lambda cs: sum(bool(ok & set(cs)) for ok in oks))
    floors["topic_top3"] = (sum(bool(ok & set(three)) for ok in oks) / len(rows),
                            ", ".join(TOPIC_BY_CODE[c].label for c in three))
    for f in EXACT_FIELDS:
        value, n = Counter(r["labels"][f] for r in rows).most_common(1)[0]
        floors[f] = (n / len(rows), str(value).lower())
    floors[PER_KIND] = (per_kind_floor(rows), "per soort document de afhandeling die daar het meest voorkomt")
    return floors


def per_kind_floor(rows: Sequence[dict[str, Any]]) -> float:
    """Handling right when each letter gets the most common handling of its (true) document kind: the default per
    document kind at its best, known without reading a word of the letter (issue 11: handling never below it)."""
    usual: dict[str, Counter] = {}
    for r in rows:
        usual.setdefault(r["labels"]["document_kind"], Counter())[r["labels"]["handling"]] += 1
    return sum(c.most_common(1)[0][1] for c in usual.values()) / len(rows) if rows else 0.0


@dataclass
class BlindReport:
    rows: int
    scores: dict[str, float] = field(default_factory=dict)  # field -> accuracy
    floors: dict[str, tuple[float, str]] = field(default_factory=dict)
    by_genre: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    topic_ece: float | None = None  # expected calibration error of the topic score on these letters
    dev_calibration: dict[str, Any] | None = None  # the model's own record: temperature and ECE on its dev split

    def render(self) -> str:
        out = [f"Blinde testset: {self.rows} brieven (nooit getraind of afgestemd op deze brieven)",
               f"{'veld':<22}{'score':>8}{'constante':>11}  beste constante"]
        for f, word in FIELD_WORDS.items():
            if f in self.scores:
                floor, what = self.floors.get(f, (None, "–"))
                shown = f"{floor:>11.3f}" if floor is not None else f"{'–':>11}"
                out.append(f"{word:<22}{self.scores[f]:>8.3f}{shown}  {what}")
                if f == "handling" and PER_KIND in self.floors:
                    floor, what = self.floors[PER_KIND]
                    out.append(f"{'':<30}{floor:>11.3f}  {what}")
        if self.topic_ece is not None:
            dev = self.dev_calibration or {}
            shown = f", op de ontwikkelset {dev['ece_dev']:.3f} (temperatuur {dev['temperature']:.3f})" \
                if "ece_dev" in dev else ", het model is niet gekalibreerd"
            out.append(f"kalibratiefout onderwerp (ECE): {self.topic_ece:.3f}{shown}")
        fields = [f for f in FIELD_WORDS if f in self.scores]
        out += ["", "per genre: " + " ".join(f"{f[:9]:>10}" for f in fields)]
        for genre, scores in sorted(self.by_genre.items()):
            out.append(f"{genre:<21}" + " ".join(f"{scores[f]:>10.2f}" if f in scores else f"{'–':>10}"
                                              for f in fields))
        out += [f"fout: {e}" for e in self.errors]
        return "\n".join(out)

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "scores": self.scores,
                "floors": {f: {"accuracy": a, "constant": c} for f, (a, c) in self.floors.items()},
                "by_genre": self.by_genre, "errors": self.errors, "topic_ece": self.topic_ece,
                "dev_calibration": self.dev_calibration}


def score(rows: Sequence[dict[str, Any]], predictions: Sequence[dict[str, Any] | None]) -> BlindReport:
    """Accuracy per field and per genre; a row the pipeline could not classify counts as wrong everywhere."""
    report = BlindReport(len(rows), floors=constant_floors(rows))
    per_field: dict[str, list[bool]] = {}
    per_genre: dict[str, dict[str, list[bool]]] = {}
    for row, pred in zip(rows, predictions):
        got = hits(row, pred) if pred is not None else {f: False for f in FIELD_WORDS
                                                       if f != "organisation" or row["labels"].get("organisation")}
        for f, ok in got.items():
            per_field.setdefault(f, []).append(ok)
            per_genre.setdefault(row["genre"], {}).setdefault(f, []).append(ok)
    report.scores = {f: sum(v) / len(v) for f, v in per_field.items()}
    scored = [(p["topic_score"], hits(r, p)["topic"]) for r, p in zip(rows, predictions)
              if p is not None and p.get("topic_score") is not None]
    if scored:
        report.topic_ece = expected_calibration_error([c for c, _ in scored], [ok for _, ok in scored])
    report.by_genre = {g: {f: sum(v) / len(v) for f, v in fs.items()} for g, fs in per_genre.items()}
    return report


def evaluate_blind(rows: Sequence[dict[str, Any]], classify: Callable[[bytes], dict[str, Any]],
                   progress: Callable[[Iterable], Iterable] = lambda it: it) -> BlindReport:
    """Classify every row's mail with classify (raw bytes -> classify JSON) and score it."""
    predictions: list[dict[str, Any] | None] = []
    errors = []
    for row in progress(rows):
        try:
            predictions.append(prediction(classify(to_mail(row))))
        except Exception as exc:  # noqa: BLE001 - a row that breaks the pipeline is scored wrong, and named
            predictions.append(None)
            errors.append(f"{row['id']}: {type(exc).__name__}: {exc}")
    report = score(rows, predictions)
    report.errors = errors
    return report


def dev_calibration(models_dir: Path) -> dict[str, Any] | None:
    """What the shipped topic model says about its calibration (models/topic_calibrate.py), if anything."""
    meta = Path(models_dir) / "topic" / "meta.json"
    return json.loads(meta.read_text(encoding="utf-8")).get(CALIBRATION_KEY) if meta.exists() else None
