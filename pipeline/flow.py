"""The stages wired in one place: raw bytes -> parse -> extract -> analyse -> classify (no registry)."""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.config import Settings
from pipeline.errors import GriffieError
from pipeline.extract import ExtractLimits, extract_all
from pipeline.extract.worker import get_pool
from pipeline.judge import load_judge
from pipeline.models_dir import check_models
from pipeline.privacy.detect import detect
from pipeline.records import Extracted, Outcome
from pipeline.registry.where import no_sqlite_file
from pipeline.rules import load_ruleset
from pipeline.stages.analyse import Detector, analyse
from pipeline.stages.classify import classify
from pipeline.stages.message import parse_any

# Defects that mean part of the message is missing: such a message waits in quarantine for a person.
TRUNCATION_DEFECTS = {
    "CloseBoundaryNotFoundDefect": "het bericht is afgekapt: de afsluitende MIME-grens ontbreekt",
    "StartBoundaryNotFoundDefect": "de MIME-delen van het bericht ontbreken (begingrens niet gevonden)",
}


class DamagedMessage(GriffieError):
    """The message is kept, but it is incomplete; a person has to look at it."""


class ModelLoader:
    """The trained models, loaded in a thread started at once: spaCy's import and the models' loading (~2 s of
    CPU) overlap the extraction child's start-up and the first message's parsing and extraction. `get` waits."""

    def __init__(self, models_dir: Path) -> None:
        self._judge: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, args=(models_dir,), name="griffiepost-models", daemon=True)
        self._thread.start()

    def _load(self, models_dir: Path) -> None:
        try:
            self._judge = load_judge(models_dir)
        except BaseException as exc:  # handed to the caller of get(), which raises it in its own thread
            self._error = exc

    def get(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._judge


@dataclass
class Pipeline:
    """Everything the stages need, built once per process: rules here, models in the background (ModelLoader)."""

    settings: Settings
    limits: ExtractLimits
    ruleset: Any
    models: ModelLoader | None
    detect: Detector | None
    history: Any = None  # the council's practice from its imported lists (pipeline.history), when there is any
    _judge: Any = field(default=None, repr=False)

    @classmethod
    def build(cls, settings: Settings, with_models: bool = True) -> "Pipeline":
        limits = settings.limits  # the [limits] table is the ExtractLimits itself (declared once)
        get_pool(limits.worker_memory_mb).warm()  # the extraction child starts while we load rules and models
        models = None
        if with_models:
            check_models(settings.models_dir)  # a missing model stops the run here, not at the first message
            models = ModelLoader(settings.models_dir)
        ruleset = load_ruleset(settings.rules_dir, settings.profile.name)
        history = None
        if not no_sqlite_file(settings.registry.url):
            # Loaded by name and late, on purpose: `classify` without a registry must start without SQLAlchemy and
            # the registry models (~0.9 s of CPU; issue 13, tests/test_cli_startup.py). A registry brings them anyway.
            practice = importlib.import_module("pipeline.history.practice")
            history = practice.load_practice(settings.registry.url, settings.profile.name)
        return cls(settings, limits, ruleset, models, detect, history)

    @property
    def judge(self) -> Any:
        """The loaded models (waits for the background load), or None when built without models."""
        if self._judge is None and self.models is not None:
            self._judge = self.models.get()
        return self._judge

    def read(self, raw: bytes) -> Extracted:
        """Parse and extract: the part that mostly waits on the extraction child (see Worker's read-ahead)."""
        intake = self.settings.intake
        parsed = parse_any(raw, intake.max_nesting_depth, self.limits, intake.max_header_bytes, intake.max_headers)
        damage = [TRUNCATION_DEFECTS[d] for d in parsed.defects if d in TRUNCATION_DEFECTS]
        if damage:
            raise DamagedMessage(f"Bericht is beschadigd: {'; '.join(damage)}. Het origineel is bewaard.")
        return Extracted(parsed, extract_all(parsed.attachments, self.limits))

    def judge_read(self, extracted: Extracted) -> Outcome:
        """Analyse and classify what read() returned."""
        analysis = analyse(extracted, self.ruleset.known_domains, self.detect, self.ruleset.knowledge)
        classification = classify(
            analysis, self.ruleset, self.judge,
            review_threshold=self.settings.models.review_threshold, top_k=self.settings.models.top_k_topics,
            history=self.history,
        )
        return Outcome(analysis, classification)

    def run(self, raw: bytes) -> Outcome:
        return self.judge_read(self.read(raw))

