"""Classify: the rules chain decides what it can; the trained models fill the topic and what the rules leave open."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.history.judgement import apply_history
from pipeline.records import Analysis, Classification, Provenance, Scored
from pipeline.rules import Context, Decision, RuleSet
from pipeline.rules.base import FIELD_WORDS
from pipeline.stages.handling_evidence import EVIDENCE_WORDS, SUPPORTS, find_evidence, needs_evidence, supporting
from pipeline.vocab import LETTER, MODEL, NO_RULE, NOT_ON_LIST, NOTED, TOPIC_BY_CODE, UNKNOWN_SENDER, field_label

if TYPE_CHECKING:
    from pipeline.history.practice import Practice
    from pipeline.judge import Judge

KIND_FIELDS = ("sender_kind", "document_kind")
HANDLING_FIELDS = ("on_list", "handling")
MODEL_TEXT_CHARS = 20_000  # enough of a letter for the bag-of-words models; keeps the occlusion pass quick
# Kinds the rules recognise from facts (mail headers, the circular flag): without those facts the model may not
# propose them, because its bag of words cannot see headers or the list of addressees.
FACT_KINDS = ("automatisch", "rondzendbrief")
# a reason opens with the field (the topic by its short name: "Onderwerp verkeer (0.81) door: ...")
MODEL_WORDS = {"topic": "Onderwerp", "document_kind": field_label("document_kind", True),
               "handling": field_label("handling", True)}


@dataclass(frozen=True)
class FallbackStep:
    """A fixed step after the rules chain: what decides a field no rule decided (shown by `rules check`)."""

    name: str
    field: str  # the field it decides ("history": handling and committee from the council's own lists)
    what: str  # Dutch
    needs_model: bool | None = None  # True: only with the models; False: only without them; None: always


# In the order classify() applies them.
FALLBACK_STEPS: tuple[FallbackStep, ...] = (
    FallbackStep("afzender-onbekend", "sender_kind", "geen regel herkent de afzender: onbekend, nakijken"),
    FallbackStep("model-soort-document", "document_kind", "het model kiest; onder de drempel: brief", True),
    FallbackStep("zonder-model-soort-document", "document_kind", "geen model: voorlopig brief", False),
    FallbackStep("model-afhandeling", "handling", "het model kiest (nooit 'niet op de lijst'); iets anders dan voor "
                 "kennisgeving aannemen alleen met een grond in de brief (verzoek, termijn, gepland besluit)", True),
    FallbackStep("zonder-model-afhandeling", "handling", "geen model: voorlopig voor kennisgeving aannemen", False),
    FallbackStep("model-onderwerp", "topic", "het model kiest; de commissie volgt uit het profiel", True),
    FallbackStep("geschiedenis", "history", "hoe de raad deze afzender eerder afhandelde (eigen lijsten)"),
)


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
    for field, words in FIELD_WORDS.items():
        d = ctx.decisions.get(field)
        if d is None:
            open_ = "staat op de lijst (geen regel houdt het eraf)" if field == "on_list" else \
                "geen regel; het model beslist" if field != "sender_kind" else "onbekend (geen regel herkent de afzender)"
            lines.append(f"{words}: {open_}")
        else:
            how = "vast" if d.final else "voorlopig"
            lines.append(f"{words}: {ctx.describe(field, d.value)} (regel {d.source}, {how}, {d.score:.2f})")
    return lines


def _without_model(ctx: Context, field: str, value: str, reasons: list[str], model_scores: dict[str, float],
                   reason: str) -> Provenance:
    """No rule and no model decided `field`: the safe default, provisionally (score 0: it goes to review)."""
    ctx.decisions[field] = Decision(value, 0.0, True, NO_RULE)
    model_scores[field] = 0.0
    reasons.append(reason)
    return Provenance("default:geen regel en geen model", [reason])


def _model_handling(analysis: Analysis, ctx: Context, judge: "Judge", text: str, skip: frozenset[str],
                    reasons: list[str], model_scores: dict[str, float]) -> Provenance:
    """The model's handling when the letter gives a ground for it; otherwise the default, voor kennisgeving
    aannemen (issue 11: handling never below the default). No rule decided handling, so no default of the
    profile or of rules/handling.toml applies to this document kind: its default is vka."""
    # keeping mail off the list is a rule's decision (with its reason); the model proposes handling only
    ranked = [p for p in judge.handling(text) if p.code != NOT_ON_LIST]
    best = ranked[0]
    received = analysis.extracted.parsed.date.date() if analysis.extracted.parsed.date else None
    evidence = find_evidence(text, analysis.letter_date, received) if needs_evidence(best.code) else {}
    grounds = supporting(best.code, evidence)
    if not needs_evidence(best.code) or grounds:
        ctx.decisions["handling"] = Decision(best.code, best.score, True, MODEL)
        model_scores["handling"] = best.score
        reasons.append(_model_reason(judge, text, "handling", best.code, ctx.describe("handling", best.code),
                                     best.score, skip))
        told = [reasons[-1]]
        if grounds:
            reasons.append(f"Grond voor '{ctx.describe('handling', best.code)}': "
                           + "; ".join(g.reason() for g in grounds))
            told.append(reasons[-1])
        return Provenance(model_source(judge, "handling", best.score), told)
    ctx.decisions["handling"] = Decision(NOTED, 1.0, True, NO_RULE)
    kind = ctx.value("document_kind") or LETTER
    reasons.append(f"Afhandeling {ctx.describe('handling', NOTED)}, de standaard voor {kind}: het model stelde "
                   f"{ctx.describe('handling', best.code)} voor ({best.score:.2f}), maar de brief geeft daar geen "
                   f"grond voor (geen {' of '.join(EVIDENCE_WORDS[k] for k in SUPPORTS[best.code])})")
    return Provenance(f"default:standaard voor {kind}, geen grond voor {best.code}", [reasons[-1]])


def classify(analysis: Analysis, ruleset: RuleSet, judge: "Judge | None", review_threshold: float = 0.55,
             top_k: int = 3, history: "Practice | None" = None) -> Classification:
    profile = ruleset.profile
    ctx = ruleset.run(analysis, KIND_FIELDS)
    reasons = _new_reasons(ctx, 0)
    model_scores: dict[str, float] = {}
    text = model_text(analysis)
    skip = personal_words(analysis)

    sources: dict[str, Provenance] = {}
    if ctx.value("sender_kind") is None:
        ctx.decisions["sender_kind"] = Decision(UNKNOWN_SENDER, 0.0, True, NO_RULE)
        reasons.append("Soort afzender onbekend: geen regel herkent de afzender")
        sources["sender_kind"] = Provenance("default:geen regel", [reasons[-1]])
    else:
        sources["sender_kind"] = rule_provenance(ctx, "sender_kind")

    if ctx.value("document_kind") is None:
        if judge is not None:
            best = next(p for p in judge.document_kind(text) if p.code not in FACT_KINDS)
            model_scores["document_kind"] = best.score
            reasons.append(_model_reason(judge, text, "document_kind", best.code, best.code, best.score, skip))
            sources["document_kind"] = Provenance(model_source(judge, "document_kind", best.score), [reasons[-1]])
            kind = best.code
            if best.score < review_threshold and kind != LETTER:
                # a weak guess must not take a letter off the list or pick its handling: treat it as a letter
                kind = LETTER
                reasons.append(f"Soort document onzeker ({best.code}, {best.score:.2f}): behandeld als brief")
                sources["document_kind"].reasons.append(reasons[-1])
            ctx.decisions["document_kind"] = Decision(kind, best.score, True, MODEL)
        else:
            sources["document_kind"] = _without_model(ctx, "document_kind", LETTER, reasons, model_scores,
                                                      "Soort document: geen regel en geen model; voorlopig 'brief'")
    else:
        sources["document_kind"] = rule_provenance(ctx, "document_kind")

    start = len(ctx.hits)
    ruleset.run(analysis, HANDLING_FIELDS, ctx)
    reasons.extend(_new_reasons(ctx, start))
    on_list = ctx.value("on_list") is not False
    sources["on_list"] = rule_provenance(ctx, "on_list") if "on_list" in ctx.decisions \
        else Provenance("default:geen regel houdt het eraf", [])

    if ctx.value("handling") is None:
        if judge is not None:
            sources["handling"] = _model_handling(analysis, ctx, judge, text, skip, reasons, model_scores)
        else:
            sources["handling"] = _without_model(
                ctx, "handling", NOTED, reasons, model_scores,
                "Afhandeling: geen regel en geen model; voorlopig voor kennisgeving aannemen")
    else:
        sources["handling"] = rule_provenance(ctx, "handling")

    topics: list[Scored] = []
    if judge is not None:
        topics = [Scored(p.code, p.score) for p in judge.topics(text)[:top_k]]
        if topics:
            best_topic = topics[0]
            model_scores["topic"] = best_topic.score
            label = TOPIC_BY_CODE[best_topic.code].label if best_topic.code in TOPIC_BY_CODE else best_topic.code
            reasons.append(_model_reason(judge, text, "topic", best_topic.code, label, best_topic.score, skip))
            sources["topic"] = Provenance(model_source(judge, "topic", best_topic.score), [reasons[-1]])
    topic = topics[0] if topics else None
    if topic is None:
        sources["topic"] = Provenance("default:geen model", [])
    committee = profile.committee_for(topic.code if topic else None) if on_list else None
    if on_list:  # the profile's table of committees by topic
        shown = TOPIC_BY_CODE[topic.code].label if topic and topic.code in TOPIC_BY_CODE else "geen onderwerp"
        sources["committee"] = Provenance(f"profile:{profile.name}",
                                          [f"Commissie {committee or '(geen)'} bij {shown} (profiel {profile.name})"])
    else:  # off the list: no committee, for the same reason
        sources["committee"] = Provenance(sources["on_list"].source, list(sources["on_list"].reasons))
    if history is not None and on_list:  # the council's own lists: how it handled this sender before (issue 17)
        before, by_profile = len(reasons), committee
        committee, decided = apply_history(history, analysis, ruleset, ctx, reasons, committee)
        told = Provenance(f"history:{analysis.sender_organisation or analysis.sender_name or analysis.sender_address}",
                          reasons[before:])
        if decided:
            model_scores.pop("handling", None)
            sources["handling"] = told
        if committee != by_profile:
            sources["committee"] = told

    sender_kind = ctx.value("sender_kind")
    low = [f for f, s in model_scores.items() if s < review_threshold]
    if low:
        reasons.append("Nakijken: onzeker over " + ", ".join(MODEL_WORDS[f].lower() for f in low)
                       + f" (score onder {review_threshold:.2f})")
    if sender_kind == UNKNOWN_SENDER:
        reasons.append("Nakijken: soort afzender onbekend")
    handling = ctx.decisions["handling"]
    return Classification(
        sender_kind=sender_kind,
        document_kind=ctx.value("document_kind"),
        on_list=on_list,
        topic=topic,
        topics=topics,
        handling=Scored(handling.value, handling.score),
        committee=committee,
        reasons=reasons,
        needs_review=bool(low) or sender_kind == UNKNOWN_SENDER,
        model_version=judge.version if judge is not None else None,
        rule_hits=[hit.rule for hit in ctx.hits],
        sources=sources,
    )
