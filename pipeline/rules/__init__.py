"""Rules a griffie edits (rules/*.toml) and the engine that applies them, Mailman style: named rules, ordered chain."""

from pipeline.rules.base import FIELDS, Context, Decision, Hit, Rule
from pipeline.rules.engine import Step, run_chain
from pipeline.rules.loader import RuleSet, load_ruleset
from pipeline.rules.profile import Cutoff, ListGroup, Numbering, Profile, load_profile

__all__ = ["FIELDS", "Context", "Cutoff", "Decision", "Hit", "ListGroup", "Numbering", "Profile", "Rule", "RuleSet",
           "Step", "load_profile", "load_ruleset", "run_chain"]
