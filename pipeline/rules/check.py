"""`griffiepost rules check FILE.eml`: which rules fire on one message and what they decide, without a registry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.records import Analysis, Extracted
from pipeline.rules.loader import RuleSet, load_ruleset
from pipeline.stages.analyse import analyse
from pipeline.stages.classify import classify, explain_rules
from pipeline.stages.parse import parse_message
from pipeline.vocab import TOPIC_BY_CODE

if TYPE_CHECKING:
    from pipeline.judge import Judge


def analyse_raw(raw: bytes, ruleset: RuleSet) -> Analysis:
    """parse -> extract -> analyse for one raw message."""
    from pipeline.extract import ExtractLimits, extract_all

    parsed = parse_message(raw)
    extracted = Extracted(parsed, extract_all(parsed.attachments, ExtractLimits()))
    return analyse(extracted, known_domains=ruleset.known_domains, knowledge=ruleset.knowledge)


def _yes(value: bool) -> str:
    return "ja" if value else "nee"


def rules_check(raw: bytes, settings_rules_dir: Path, profile: str, judge: "Judge | None" = None) -> str:
    ruleset = load_ruleset(Path(settings_rules_dir), profile)
    analysis = analyse_raw(raw, ruleset)
    parsed = analysis.extracted.parsed
    p = ruleset.profile
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
        f"rondzendbrief: {_yes(analysis.circular)}",
        "",
        "Regels die vuren (in de volgorde van chain.toml):",
    ]
    lines = explain_rules(analysis, ruleset)
    fired = [line for line in lines if line.startswith("[")]
    out.extend(f"  {n}. {line}" for n, line in enumerate(fired, start=1))
    if not fired:
        out.append("  (geen)")
    out += ["", "Wat de regels beslissen:"] + [f"  {line}" for line in lines if not line.startswith("[")]
    if judge is not None:
        c = classify(analysis, ruleset, judge)
        local, label = p.local(c.handling.code)
        topic = TOPIC_BY_CODE[c.topic.code].label if c.topic and c.topic.code in TOPIC_BY_CODE else "-"
        out += ["", f"Met het model ({c.model_version}):",
                f"  soort afzender: {c.sender_kind}; soort document: {c.document_kind}; op de lijst: {_yes(c.on_list)}",
                f"  onderwerp: {topic}; commissie: {c.committee or '-'}",
                f"  afhandeling: {c.handling.code} = {local} '{label}' ({c.handling.score:.2f})",
                f"  nakijken: {_yes(c.needs_review)}", "  redenen:"]
        out += [f"    - {r}" for r in c.reasons]
    return "\n".join(out) + "\n"
