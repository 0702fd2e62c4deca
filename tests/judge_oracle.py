"""The occlusion reasons as judge.strongest_words computed them before issue 13: the oracle of test_judge_reasons.

Kept verbatim in its algorithm (re-tokenise the letter once per tested word) so the fast one-pass version can be
compared with it; `python -m tests.judge_oracle` records its output on the sample mailbox into
tests/data/judge/strongest_words.json (slow: minutes).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

from pipeline.judge import FIELDS, feature_doc, feature_words

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "judge" / "strongest_words.json"
MAILBOX = ROOT / "pipeline" / "sample" / "mailbox"


def oracle_strongest_words(judge, text: str, field: str, codes: list[str], k: int = 5,
                           skip: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    """The pre-issue-13 strongest_words for every code in `codes` (the variants do not depend on the code)."""
    nlp = judge._nlp[field]
    textcat = nlp.get_pipe("textcat")
    base = textcat(feature_doc(nlp, text, field=field)).cats
    doc = nlp.get_pipe("lemmatizer")(nlp.make_doc(text))
    features = feature_words(nlp, text)
    groups: dict[str, list[int]] = {}
    for tok in doc:
        if tok.is_alpha and len(tok.text) > 2 and not tok.is_stop and features[tok.i] and tok.lower_ not in skip:
            groups.setdefault(tok.lemma_.lower() or tok.lower_, []).append(tok.i)
    if not groups:
        return {code: [] for code in codes}
    lemmas = list(groups)
    variants = list(textcat.pipe([feature_doc(nlp, text, frozenset(groups[lemma]), field) for lemma in lemmas],
                                 batch_size=256))
    out = {}
    for code in codes:
        losses = [(float(base.get(code, 0.0)) - float(d.cats.get(code, 0.0)), lemma) for d, lemma in zip(variants, lemmas)]
        losses.sort(key=lambda x: (-x[0], x[1]))
        out[code] = [doc[groups[lemma][0]].text for loss, lemma in losses[:k] if loss > 0]
    return out


def sample_model_texts(tmp_dir: Path) -> list[tuple[str, str, frozenset[str]]]:
    """(file name, model text, words to skip) of every sample-mailbox message the pipeline gets that far with."""
    from pipeline.config import ProfileSettings, RegistrySettings, Settings
    from pipeline.extract import extract_all
    from pipeline.flow import Pipeline, parse_any
    from pipeline.records import Extracted
    from pipeline.stages.analyse import analyse
    from pipeline.stages.classify import model_text, personal_words

    settings = replace(Settings(), registry=RegistrySettings(url=f"sqlite:///{tmp_dir}/r.db", data_dir=str(tmp_dir)),
                       profile=ProfileSettings(name="generiek"))
    pipe = Pipeline.build(settings, with_models=False)
    out = []
    for path in sorted(MAILBOX.glob("*.eml")):
        parsed = parse_any(path.read_bytes(), settings.intake.max_nesting_depth)
        analysis = analyse(Extracted(parsed, extract_all(parsed.attachments, pipe.limits)),
                           pipe.ruleset.known_domains, pipe.detect)
        out.append((path.name, model_text(analysis), personal_words(analysis)))
    return out


def text_sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def record() -> None:
    import tempfile

    from pipeline.config import Settings
    from pipeline.judge import load_judge

    judge = load_judge(Settings().models_dir)
    with tempfile.TemporaryDirectory() as tmp:
        texts = sample_model_texts(Path(tmp))
    fixture = {}
    for name, text, skip in texts:
        fixture[name] = {"text_sha256": text_sha(text), "words": {
            field: oracle_strongest_words(judge, text, field, list(judge._nlp[field].get_pipe("textcat").labels), skip=skip) for field in FIELDS}}
        print(name, flush=True)
    FIXTURE.write_text(json.dumps(fixture, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record()
