"""`griffiepost rules check FILE`: the pipeline that `ingest` runs (Pipeline.run), shown step by step, no registry.

It is the same Pipeline, built from the same settings (limits, `.msg` support, the personal-data detector, the
review threshold, the council's practice), so a dry run cannot disagree with what `ingest` files. It lives outside
`pipeline.rules` because it reads the stages: the rules package knows nothing of them (no rules<->stages cycle).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.flow import Pipeline
from pipeline.records import Outcome
from pipeline.stages.classify import FALLBACK_STEPS, explain_rules
from pipeline.stages.organisation import ORGANISATION_STEPS
from pipeline.vocab import TOPIC_BY_CODE


@dataclass(frozen=True)
class DryRun:
    outcome: Outcome  # exactly what Pipeline.run gives `ingest` for the same bytes
    report: str  # Dutch, for the griffie


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def _organisation_lines(chosen: str | None) -> list[str]:
    """The organisation precedence (stages/organisation.py), in order of trust; the step that decided is marked."""
    lines = ["Organisatie, stappen in volgorde van vertrouwen (de eerste die iets vindt, beslist):"]
    for n, step in enumerate(ORGANISATION_STEPS, start=1):
        mark = "  <- gekozen" if step.name == chosen else ""
        lines.append(f"  {n}. {step.name}: {step.where}{mark}")
    if chosen is None:
        lines.append("  (geen stap vond een organisatie)")
    return lines


def _fallback_lines(pipe: Pipeline, decided_by_rules: set[str]) -> list[str]:
    """The fixed steps after the rules (stages/classify.py): which apply to this message."""
    with_model = pipe.judge is not None
    lines = ["Na de regels (vaste stappen, in deze volgorde):"]
    for step in FALLBACK_STEPS:
        if step.needs_model is not None and step.needs_model != with_model:
            continue
        if step.field in decided_by_rules:
            state = "niet nodig (een regel besliste)"
        elif step.field == "history" and pipe.history is None:
            state = "niet nodig (geen geïmporteerde lijsten)"
        else:
            state = "toegepast"
        lines.append(f"  {step.name}: {step.what} - {state}")
    return lines


def dry_run(pipe: Pipeline, raw: bytes) -> DryRun:
    outcome = pipe.run(raw)
    analysis, c = outcome.analysis, outcome.classification
    parsed = analysis.extracted.parsed
    p = pipe.ruleset.profile
    out = [
        f"Bericht: {parsed.subject or '(geen onderwerp)'}",
        f"Van: {parsed.from_name or ''} <{parsed.from_address or ''}>".replace(" <>", ""),
        f"Profiel: {p.name} ({p.council})",
        "",
        "Gelezen uit de brief:",
        f"  afzender: {analysis.sender_name or '-'}; organisatie: {analysis.sender_organisation or '-'}"
        + (f" (stap {analysis.organisation_step})" if analysis.organisation_step else "")
        + f"; adres: {analysis.sender_address or '-'}",
        f"  onderwerp: {analysis.subject or '-'}; geadresseerde: {analysis.addressee or '-'}; "
        f"rondzendbrief: {_yes(analysis.circular)}; persoonsgegevens: {len(analysis.personal_data)}",
        "",
        *_organisation_lines(analysis.organisation_step),
        "",
        "Regels die vuren (in de volgorde van chain.toml):",
    ]
    lines = explain_rules(analysis, pipe.ruleset)
    fired = [line for line in lines if line.startswith("[")]
    out.extend(f"  {n}. {line}" for n, line in enumerate(fired, start=1))
    if not fired:
        out.append("  (geen)")
    out += ["", "Wat de regels beslissen:"] + [f"  {line}" for line in lines if not line.startswith("[")]
    decided = set(pipe.ruleset.run(analysis).decisions)
    out += ["", *_fallback_lines(pipe, decided)]
    local, label = p.local(c.handling.code)
    topic = TOPIC_BY_CODE[c.topic.code].label if c.topic and c.topic.code in TOPIC_BY_CODE else "-"
    head = f"Met het model ({c.model_version}):" if c.model_version else "Zonder model (alleen regels en vaste stappen):"
    out += ["", head,
            f"  soort afzender: {c.sender_kind}; soort document: {c.document_kind}; op de lijst: {_yes(c.on_list)}",
            f"  onderwerp: {topic}; commissie: {c.committee or '-'}",
            f"  afhandeling: {c.handling.code} = {local} '{label}' ({c.handling.score:.2f})",
            f"  nakijken: {_yes(c.needs_review)} (drempel {pipe.settings.models.review_threshold:.2f})",
            "  redenen:"]
    out += [f"    - {r}" for r in c.reasons]
    return DryRun(outcome, "\n".join(out) + "\n")
