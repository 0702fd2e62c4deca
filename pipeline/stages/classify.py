"""Classify: the rules chain decides what it can; the trained models fill the topic and what the rules leave open."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pipeline.history.judgement import apply_history
from pipeline.judge import Judge
from pipeline.records import Analysis, Classification, Provenance, Scored
from pipeline.rules import Context, Decision, RuleSet
from pipeline.rules.base import FIELD_WORDS
from pipeline.stages.handling_evidence import EVIDENCE_WORDS, SUPPORTS, find_evidence, needs_evidence, supporting
from pipeline.vocab import LETTER, MODEL, NO_RULE, NOT_ON_LIST, NOTED, TOPIC_BY_CODE, UNKNOWN_SENDER, field_label

if TYPE_CHECKING:
    from pipeline.history.practice import Practice

KIND_FIELDS = ("sender_kind", "document_kind")
HANDLING_FIELDS = ("on_list", "handling")
MODEL_TEXT_CHARS = 20_000  # enough of a letter for the bag-of-words models; keeps the occlusion pass quick
# Kinds the rules recognise from facts (mail headers, the circular flag): without those facts the model may not
# propose them, because its bag of words cannot see headers or the list of addressees.
FACT_KINDS = ("automatisch", "rondzendbrief")
# a reason opens with the field (the topic by its short name: "Onderwerp verkeer (0.81) door: ...")
MODEL_WORDS = {"topic": "Onderwerp", "document_kind": field_label("document_kind", True),
               "handling": field_label("handling", True)}


def model_text(analysis: Analysis) -> str:
    """What the models read: the letter's subject, then its text."""
    return "\n\n".join(t for t in (analysis.subject or "", analysis.main_text) if t.strip())[:MODEL_TEXT_CHARS]


# Personal data that can stand in a reason's word list: a name or address says nothing about why, and reasons are
# read by everyone who reviews the item.
_SKIP_KINDS = frozenset({"person", "address", "email"})


def personal_words(analysis: Analysis) -> frozenset[str]:
    """Lower-case words of the sender's name and of the letter's names and addresses."""
    texts = [span.text for span in analysis.personal_data if span.kind in _SKIP_KINDS]
    texts.append(analysis.sender_name or "")
    return frozenset(w for t in texts for w in re.findall(r"[^\W\d_]+", t.lower()))


def _model_reason(judge: "Judge", text: str, field: str, code: str, shown: str, score: float,
                  skip: frozenset[str] = frozenset()) -> str:
    words = judge.strongest_words(text, field, code, k=5, skip=skip)
    head = f"{MODEL_WORDS[field]} {shown} ({score:.2f})"
    return f"{head} door: {', '.join(words)}" if words else f"{head} volgens het model"


def _new_reasons(ctx: Context, start: int) -> list[str]:
    return [hit.reason for hit in ctx.hits[start:]]


def model_source(judge: "Judge", field: str, score: float) -> str:
    """A model's provenance: which model, which trained version, how sure."""
    return f"model:{field}@{judge.versions.get(field, '?')} {score:.2f}"


def rule_provenance(ctx: Context, field: str) -> Provenance:
    """The rule (or knowledge entry) behind a field the chain decided, with every hit's reason for that field."""
    d = ctx.decisions[field]
    hits = [hit for hit in ctx.hits if hit.field == field]
    decider = next((hit for hit in hits if hit.rule == d.source), None)
    source = f"knowledge:{decider.entry}" if decider is not None and decider.entry else f"rule:{d.source}"
    return Provenance(source, [hit.reason for hit in hits])


def explain_rules(analysis: Analysis, ruleset: RuleSet) -> list[str]:
    """The dry run: every rule that fires, in chain order, then what each field ends up with (no model)."""
    ctx = ruleset.run(analysis)
    lines = [f"[{hit.rule}] {hit.reason}" for hit in ctx.hits]
    for name, words in FIELD_WORDS.items():
        d = ctx.decisions.get(name)
        if d is None:
            open_ = "staat op de lijst (geen regel houdt het eraf)" if name == "on_list" else \
                "geen regel; het model beslist" if name != "sender_kind" else "onbekend (geen regel herkent de afzender)"
            lines.append(f"{words}: {open_}")
        else:
            how = "vast" if d.final else "voorlopig"
            lines.append(f"{words}: {ctx.describe(name, d.value)} (regel {d.source}, {how}, {d.score:.2f})")
    return lines


class Judging:
    """What classify() carries from step to step: the chain's context and what the steps decided so far."""

    def __init__(self, analysis: Analysis, ruleset: RuleSet, judge: "Judge | None", review_threshold: float,
                 top_k: int, history: "Practice | None") -> None:
        self.analysis, self.ruleset, self.judge, self.history = analysis, ruleset, judge, history
        self.review_threshold, self.top_k = review_threshold, top_k
        self.ctx: Context = ruleset.run(analysis, ())  # the chain's context, before any rule ran
        self.reasons: list[str] = []
        self.sources: dict[str, Provenance] = {}
        self.model_scores: dict[str, float] = {}
        self.text = model_text(analysis)
        self.skip = personal_words(analysis)
        self.topics: list[Scored] = []
        self.committee: str | None = None
        self.ruled: set[tuple[str, ...]] = set()  # the groups of fields the chain has run for

    def run_rules(self, fields: tuple[str, ...]) -> None:
        """The rules chain for these fields; each field it decided gets the deciding rule as its source."""
        start = len(self.ctx.hits)
        self.ruleset.run(self.analysis, fields, self.ctx)
        self.reasons.extend(_new_reasons(self.ctx, start))
        self.ruled.add(fields)
        for name in fields:
            if name in self.ctx.decisions:
                self.sources[name] = rule_provenance(self.ctx, name)
        if "on_list" in fields and "on_list" not in self.ctx.decisions:
            self.sources["on_list"] = Provenance("default:geen regel houdt het eraf", [])

    @property
    def on_list(self) -> bool:
        return self.ctx.value("on_list") is not False

    def by_model(self, field: str, code: str, shown: str, score: float) -> None:
        """A model's proposal for field: its score, its reason (the strongest words) and its source."""
        self.model_scores[field] = score
        self.reasons.append(_model_reason(self.judge, self.text, field, code, shown, score, self.skip))
        self.sources[field] = Provenance(model_source(self.judge, field, score), [self.reasons[-1]])

    def by_default(self, field: str, value: str, source: str, reason: str) -> None:
        """No rule and no model: the safe value, flagged with score 0 (nakijken)."""
        self.ctx.decisions[field] = Decision(value, 0.0, True, NO_RULE)
        self.model_scores[field] = 0.0
        self.reasons.append(reason)
        self.sources[field] = Provenance(source, [reason])


def _open(field: str) -> Callable[[Judging], bool]:
    """The step applies when no rule decided field."""
    return lambda j: j.ctx.value(field) is None


def _unknown_sender(j: Judging) -> None:
    j.ctx.decisions["sender_kind"] = Decision(UNKNOWN_SENDER, 0.0, True, NO_RULE)
    j.reasons.append("Soort afzender onbekend: geen regel herkent de afzender")
    j.sources["sender_kind"] = Provenance("default:geen regel", [j.reasons[-1]])


def _model_document_kind(j: Judging) -> None:
    best = next(p for p in j.judge.document_kind(j.text) if p.code not in FACT_KINDS)
    j.by_model("document_kind", best.code, best.code, best.score)
    kind = best.code
    if best.score < j.review_threshold and kind != LETTER:
        # a weak guess must not take a letter off the list or pick its handling: treat it as a letter
        kind = LETTER
        j.reasons.append(f"Soort document onzeker ({best.code}, {best.score:.2f}): behandeld als brief")
        j.sources["document_kind"].reasons.append(j.reasons[-1])
    j.ctx.decisions["document_kind"] = Decision(kind, best.score, True, MODEL)


def _model_handling(j: Judging) -> None:
    """The model's handling when the letter gives a ground for it; otherwise the default, voor kennisgeving
    aannemen (issue 11: handling never below the default). No rule decided handling, so no default of the
    profile or of rules/handling.toml applies to this document kind: its default is vka."""
    # keeping mail off the list is a rule's decision (with its reason); the model proposes handling only
    best = next(p for p in j.judge.handling(j.text) if p.code != NOT_ON_LIST)
    a, ctx = j.analysis, j.ctx
    received = a.extracted.parsed.date.date() if a.extracted.parsed.date else None
    evidence = find_evidence(j.text, a.letter_date, received) if needs_evidence(best.code) else {}
    grounds = supporting(best.code, evidence)
    if not needs_evidence(best.code) or grounds:
        ctx.decisions["handling"] = Decision(best.code, best.score, True, MODEL)
        j.by_model("handling", best.code, ctx.describe("handling", best.code), best.score)
        if grounds:
            j.reasons.append(f"Grond voor '{ctx.describe('handling', best.code)}': "
                             + "; ".join(g.reason() for g in grounds))
            j.sources["handling"].reasons.append(j.reasons[-1])
        return
    ctx.decisions["handling"] = Decision(NOTED, 1.0, True, NO_RULE)
    kind = ctx.value("document_kind") or LETTER
    j.reasons.append(f"Afhandeling {ctx.describe('handling', NOTED)}, de standaard voor {kind}: het model stelde "
                     f"{ctx.describe('handling', best.code)} voor ({best.score:.2f}), maar de brief geeft daar geen "
                     f"grond voor (geen {' of '.join(EVIDENCE_WORDS[k] for k in SUPPORTS[best.code])})")
    j.sources["handling"] = Provenance(f"default:standaard voor {kind}, geen grond voor {best.code}", [j.reasons[-1]])


def _model_topic(j: Judging) -> None:
    j.topics = [Scored(p.code, p.score) for p in j.judge.topics(j.text)[:j.top_k]]
    if j.topics:
        best = j.topics[0]
        label = TOPIC_BY_CODE[best.code].label if best.code in TOPIC_BY_CODE else best.code
        j.by_model("topic", best.code, label, best.score)


def _committee(j: Judging) -> None:
    profile = j.ruleset.profile
    topic = j.topics[0] if j.topics else None
    if topic is None:
        j.sources["topic"] = Provenance("default:geen model", [])
    if j.on_list:  # the profile's table of committees by topic
        j.committee = profile.committee_for(topic.code if topic else None)
        shown = TOPIC_BY_CODE[topic.code].label if topic and topic.code in TOPIC_BY_CODE else "geen onderwerp"
        j.sources["committee"] = Provenance(f"profile:{profile.name}",
                                            [f"Commissie {j.committee or '(geen)'} bij {shown} (profiel {profile.name})"])
    else:  # off the list: no committee, for the same reason
        j.sources["committee"] = Provenance(j.sources["on_list"].source, list(j.sources["on_list"].reasons))


def _history(j: Judging) -> None:
    """The council's own lists: how it handled this sender before (issue 17)."""
    a = j.analysis
    before, by_profile = len(j.reasons), j.committee
    j.committee, decided = apply_history(j.history, a, j.ruleset, j.ctx, j.reasons, j.committee)
    told = Provenance(f"history:{a.sender_organisation or a.sender_name or a.sender_address}", j.reasons[before:])
    if decided:
        j.model_scores.pop("handling", None)
        j.sources["handling"] = told
    if j.committee != by_profile:
        j.sources["committee"] = told


def _always(_j: Judging) -> bool:
    return True


@dataclass(frozen=True)
class FallbackStep:
    """A fixed step after the rules chain: what decides a field no rule decided (shown by `rules check`).
    classify() runs exactly these, in this order: the chain for `after` first, then `run` when `applies`."""

    name: str
    field: str  # the field it decides ("history": handling and committee from the council's own lists)
    what: str  # Dutch
    needs_model: bool | None  # True: only with the models; False: only without them; None: always
    run: Callable[[Judging], None] = field(repr=False)
    applies: Callable[[Judging], bool] = field(default=_always, repr=False)
    after: tuple[str, ...] = KIND_FIELDS  # the rules that decide before this step


FALLBACK_STEPS: tuple[FallbackStep, ...] = (
    FallbackStep("afzender-onbekend", "sender_kind", "geen regel herkent de afzender: onbekend, nakijken", None,
                 _unknown_sender, _open("sender_kind")),
    FallbackStep("model-soort-document", "document_kind", "het model kiest; onder de drempel: brief", True,
                 _model_document_kind, _open("document_kind")),
    FallbackStep("zonder-model-soort-document", "document_kind", "geen model: voorlopig brief", False,
                 lambda j: j.by_default("document_kind", LETTER, "default:geen regel en geen model",
                                        "Soort document: geen regel en geen model; voorlopig 'brief'"),
                 _open("document_kind")),
    FallbackStep("model-afhandeling", "handling", "het model kiest (nooit 'niet op de lijst'); iets anders dan voor "
                 "kennisgeving aannemen alleen met een grond in de brief (verzoek, termijn, gepland besluit)", True,
                 _model_handling, _open("handling"), HANDLING_FIELDS),
    FallbackStep("zonder-model-afhandeling", "handling", "geen model: voorlopig voor kennisgeving aannemen", False,
                 lambda j: j.by_default("handling", NOTED, "default:geen regel en geen model",
                                        "Afhandeling: geen regel en geen model; voorlopig voor kennisgeving aannemen"),
                 _open("handling"), HANDLING_FIELDS),
    FallbackStep("model-onderwerp", "topic", "het model kiest", True, _model_topic, after=HANDLING_FIELDS),
    FallbackStep("commissie", "committee", "de commissie volgt uit het profiel bij het onderwerp (van de lijst: "
                 "geen)", None, _committee, after=HANDLING_FIELDS),
    FallbackStep("geschiedenis", "history", "hoe de raad deze afzender eerder afhandelde (eigen lijsten)", None,
                 _history, lambda j: j.history is not None and j.on_list, HANDLING_FIELDS),
)


def classify(analysis: Analysis, ruleset: RuleSet, judge: "Judge | None", review_threshold: float = 0.55,
             top_k: int = 3, history: "Practice | None" = None) -> Classification:
    """The rules chain, then the fixed steps of FALLBACK_STEPS in their order (one loop: the table is the code)."""
    j = Judging(analysis, ruleset, judge, review_threshold, top_k, history)
    with_model = judge is not None
    for step in FALLBACK_STEPS:
        if step.after not in j.ruled:
            j.run_rules(step.after)
        if step.needs_model in (None, with_model) and step.applies(j):
            step.run(j)

    sender_kind = j.ctx.value("sender_kind")
    low = [f for f, s in j.model_scores.items() if s < review_threshold]
    reasons = j.reasons
    if low:
        reasons.append("Nakijken: onzeker over " + ", ".join(MODEL_WORDS[f].lower() for f in low)
                       + f" (score onder {review_threshold:.2f})")
    if sender_kind == UNKNOWN_SENDER:
        reasons.append("Nakijken: soort afzender onbekend")
    handling = j.ctx.decisions["handling"]
    topic = j.topics[0] if j.topics else None
    return Classification(
        sender_kind=sender_kind,
        document_kind=j.ctx.value("document_kind"),
        on_list=j.on_list,
        topic=topic,
        topics=j.topics,
        handling=Scored(handling.value, handling.score),
        committee=j.committee,
        reasons=reasons,
        needs_review=bool(low) or sender_kind == UNKNOWN_SENDER,
        model_version=judge.version if judge is not None else None,
        rule_hits=[hit.rule for hit in j.ctx.hits],
        sources=j.sources,
    )
