"""The hook in classification: a sender the council's lists know gets the handling and committee it had before.

History outranks the generic defaults (the profile's preference, the default per document kind) and the model's
guess, because it is this council's own decision for this sender; it does not outrank a specific rule (a petition,
a keyword, mail kept off the list), which the griffie wrote on purpose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.rules import Context, Decision, RuleSet
from pipeline.vocab import MODEL, NO_RULE

if TYPE_CHECKING:
    from pipeline.history.practice import Practice
    from pipeline.records import Analysis

GENERIC_SOURCES = (MODEL, NO_RULE)
GENERIC_KINDS = ("profile_handling", "handling_default")
SOURCE = "geschiedenis"


def _generic(ruleset: RuleSet, source: str) -> bool:
    if source in GENERIC_SOURCES:
        return True
    try:
        return ruleset.rule(source).kind in GENERIC_KINDS
    except KeyError:
        return False


def apply_history(practice: "Practice", analysis: "Analysis", ruleset: RuleSet, ctx: Context,
                  reasons: list[str], committee: str | None) -> tuple[str | None, bool]:
    """Returns the committee to use and whether history decided the handling; adds its reason."""
    proposal = practice.propose(analysis.sender_organisation, analysis.sender_name, analysis.sender_address)
    current = ctx.decisions.get("handling")
    if proposal is None or (current is not None and current.value == "niet_op_lijst"):
        return committee, False
    decides = current is None or _generic(ruleset, current.source)
    if decides:
        ctx.decisions["handling"] = Decision(proposal.handling, round(proposal.agree / proposal.total, 2), True,
                                             SOURCE)
    code, label = ruleset.profile.local(proposal.handling)
    reasons.append(proposal.reason(f"afhandeling {code}, {label.lower()}"))
    return proposal.committee or committee, decides
