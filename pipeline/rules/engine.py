"""The chain: ordered steps (a rule kind or one rule, and what a hit does) run over one message's context."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.rules.base import FIELDS, Context, Decision, Hit, Rule

ACTIONS = ("jump", "defer")


@dataclass(frozen=True)
class Step:
    """`rules` names a rule kind ('header') or a single rule by name; `action` says what a hit does:
    jump = the field is decided, later rules for it are skipped; defer = record the hit, keep a first
    tentative value, and go on (so every reason is seen)."""

    rules: str
    action: str
    field: str | None = None  # only the rules of this kind that decide this field
    line: int = 0


def apply(ctx: Context, hit: Hit, action: str) -> None:
    ctx.hits.append(hit)
    if hit.organisation and ctx.organisation is None:
        ctx.organisation = hit.organisation
    if action == "jump":
        ctx.decisions[hit.field] = Decision(hit.value, hit.confidence, True, hit.rule)
    elif hit.field not in ctx.decisions:
        ctx.decisions[hit.field] = Decision(hit.value, hit.confidence, False, hit.rule)


def rules_for(step: Step, rules: Sequence[Rule]) -> list[Rule]:
    return [r for r in rules if (r.kind == step.rules or r.name == step.rules)
            and (step.field is None or r.field == step.field)]


def run_chain(ctx: Context, chain: Sequence[Step], rules: Sequence[Rule],
              fields: Iterable[str] = FIELDS) -> Context:
    """Run every step whose rules decide one of `fields`; a field decided with jump is not asked again."""
    wanted = set(fields)
    for step in chain:
        for rule in rules_for(step, rules):
            if rule.field not in wanted or ctx.is_final(rule.field):
                continue
            hit = rule.check(ctx)
            if hit is not None:
                apply(ctx, hit, step.action)
    return ctx
