"""The stages wired in one place: raw bytes -> parse -> extract -> analyse -> classify (no registry)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from pipeline.config import Settings
from pipeline.errors import GriffieError
from pipeline.extract import ExtractLimits, extract_all, read_msg
from pipeline.records import Extracted, Outcome, ParsedMessage
from pipeline.stages.analyse import Detector, analyse
from pipeline.stages.parse import parse_message

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Defects that mean part of the message is missing: such a message waits in quarantine for a person.
TRUNCATION_DEFECTS = {
    "CloseBoundaryNotFoundDefect": "het bericht is afgekapt: de afsluitende MIME-grens ontbreekt",
    "StartBoundaryNotFoundDefect": "de MIME-delen van het bericht ontbreken (begingrens niet gevonden)",
}


class DamagedMessage(GriffieError):
    """The message is kept, but it is incomplete; a person has to look at it."""


def limits_from(settings: Settings) -> ExtractLimits:
    names = {f.name for f in fields(ExtractLimits)}
    return ExtractLimits(**{k: v for k, v in vars(settings.limits).items() if k in names})


def parse_any(raw: bytes, max_depth: int) -> ParsedMessage:
    """A MIME message, or an Outlook .msg file turned into the same record."""
    if raw.startswith(OLE_MAGIC):
        m = read_msg(raw)
        return ParsedMessage(
            message_id=None, from_name=m.sender_name, from_address=(m.sender_address or "").lower() or None,
            to=m.to, cc=m.cc, date=m.date, subject=m.subject, text=m.body, headers={},
            attachments=m.attachments, raw_size=len(raw),
        )
    return parse_message(raw, max_depth=max_depth)


@dataclass
class Pipeline:
    """Everything the stages need, built once per process (rules and models are loaded here)."""

    settings: Settings
    limits: ExtractLimits
    ruleset: Any
    judge: Any
    detect: Detector | None
    history: Any = None  # the council's practice from its imported lists (pipeline.history), when there is any

    @classmethod
    def build(cls, settings: Settings, with_models: bool = True) -> "Pipeline":
        from pipeline.rules import load_ruleset

        ruleset = load_ruleset(settings.rules_dir, settings.profile.name)
        judge = None
        if with_models:
            from pipeline.judge import load_judge

            judge = load_judge(settings.models_dir)
        from pipeline.privacy.detect import detect

        from pipeline.history.practice import load_practice

        history = load_practice(settings.registry.url, settings.profile.name)
        return cls(settings, limits_from(settings), ruleset, judge, detect, history)

    def run(self, raw: bytes) -> Outcome:
        from pipeline.stages.classify import classify

        parsed = parse_any(raw, self.settings.intake.max_nesting_depth)
        damage = [TRUNCATION_DEFECTS[d] for d in parsed.defects if d in TRUNCATION_DEFECTS]
        if damage:
            raise DamagedMessage(f"Bericht is beschadigd: {'; '.join(damage)}. Het origineel is bewaard.")
        extracted = Extracted(parsed, extract_all(parsed.attachments, self.limits))
        analysis = analyse(extracted, self.ruleset.known_domains, self.detect)
        classification = classify(
            analysis, self.ruleset, self.judge,
            review_threshold=self.settings.models.review_threshold, top_k=self.settings.models.top_k_topics,
            history=self.history,
        )
        return Outcome(analysis, classification)

