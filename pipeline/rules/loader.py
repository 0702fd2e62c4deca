"""Load rules/ and a profile into a RuleSet: every file checked, duplicate names and unknown kinds refused."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import RuleError
from pipeline.records import Analysis
from pipeline.rules import fields
from pipeline.rules.base import FIELDS, Context, Rule
from pipeline.rules.conditions import ConditionRule, OffList
from pipeline.rules.engine import ACTIONS, Step, run_chain
from pipeline.rules.handling import HandlingDefault, ProfileHandling
from pipeline.rules.headers import HeaderFact
from pipeline.rules.knowledge import Catalogue, load_knowledge
from pipeline.rules.knowledge_rules import GroupWordSender, KnowledgeSender
from pipeline.rules.profile import Profile, load_profile
from pipeline.rules.senders import KnownSender, OrganisationWord
from pipeline.rules.source import RuleSource, read_source
from pipeline.rules.words import Keyword, SubjectPattern

KINDS = {cls.kind: cls for cls in (KnownSender, OrganisationWord, HeaderFact, Keyword, SubjectPattern,
                                   ConditionRule, OffList, HandlingDefault)}
BUILT_IN_KINDS = {ProfileHandling.kind, KnowledgeSender.kind, GroupWordSender.kind}
CHAIN_FILE = "chain.toml"
# The rule files a griffie must have: without one of them results change silently (no senders.toml makes the
# VNG 'onbekend'). Further *.toml files in rules/ are loaded when present.
REQUIRED_FILES = ("chain.toml", "conditions.toml", "handling.toml", "headers.toml", "keywords.toml",
                  "offlist.toml", "organisations.toml", "senders.toml", "subjects.toml",
                  "kennis/gemeenten.toml", "kennis/maildomeinen.toml")  # without them private mail is misread


@dataclass
class RuleSet:
    """The rules of one griffie with one council profile: ordered by the chain, ready to judge messages."""

    rules: tuple[Rule, ...]
    chain: tuple[Step, ...]
    profile: Profile
    known_domains: dict[str, str]
    rules_dir: Path
    knowledge: Catalogue = field(default_factory=Catalogue)

    def run(self, analysis: Analysis, fields: Iterable[str] = FIELDS, ctx: Context | None = None) -> Context:
        ctx = ctx or Context(analysis=analysis, profile=self.profile, knowledge=self.knowledge)
        return run_chain(ctx, self.chain, self.rules, fields)

    def rule(self, name: str) -> Rule:
        for r in self.rules:
            if r.name == name:
                return r
        raise KeyError(name)


def _load_chain(src: RuleSource, known: set[str]) -> tuple[Step, ...]:
    for key in src.data:
        if key != "step":
            raise src.fail(src.header_lines().get(key, 1), f"onbekende tabel '{key}' (alleen [[step]])")
    steps = []
    for entry in src.tables("step"):
        fields.check_keys(entry, ("rules", "action", "field"))
        rules = fields.text(entry, "rules")
        if rules not in known:
            raise entry.fail("rules", f"onbekende regel of regelsoort '{rules}'")
        field = fields.one_of(entry, "field", FIELDS, "veld", default="") if "field" in entry.data else None
        steps.append(Step(rules, fields.one_of(entry, "action", ACTIONS, "actie"), field, entry.line))
    if not steps:
        raise src.fail(1, "geen enkele [[step]]: de volgorde van de regels ontbreekt")
    return tuple(steps)


def _load_rules(src: RuleSource, subs: dict[str, str]) -> list[tuple[Rule, str]]:
    out = []
    lines = src.header_lines()
    for key in src.data:
        if key not in KINDS:
            raise src.fail(lines.get(key, 1),
                           f"onbekende regelsoort '{key}' (toegestaan: {', '.join(sorted(KINDS))})")
        for entry in src.tables(key):
            out.append((KINDS[key].load(entry, subs), entry.where("name")))
    return out


def load_ruleset(rules_dir: Path, profile_name: str) -> RuleSet:
    rules_dir = Path(rules_dir)
    if not rules_dir.is_dir():
        raise RuleError(f"map met regels bestaat niet: {rules_dir}")
    missing = [name for name in REQUIRED_FILES if not (rules_dir / name).is_file()]
    if missing:
        raise RuleError(f"{rules_dir}: verplicht regelbestand ontbreekt: {', '.join(missing)}")
    profile = load_profile(rules_dir, profile_name)
    subs = {"place": profile.place, "council": profile.council}
    loaded: list[tuple[Rule, str]] = []
    for path in sorted(rules_dir.glob("*.toml")):
        if path.name != CHAIN_FILE:
            loaded.extend(_load_rules(read_source(path, rules_dir), subs))
    loaded.extend((r, profile.source) for r in ProfileHandling.from_profile(profile))
    shared = frozenset(d for r, _ in loaded if isinstance(r, KnownSender) and r.shared_domain for d in r.domains)
    knowledge = load_knowledge(rules_dir, profile.place, shared)
    kennis = f"{rules_dir.name}/kennis"
    loaded.extend([(KnowledgeSender("kennis", knowledge), kennis),
                   (GroupWordSender("kennis-groepswoorden", knowledge), kennis)])
    seen: dict[str, str] = {}
    for rule, where in loaded:
        if rule.name in seen:
            raise RuleError(f"{where}: regelnaam '{rule.name}' bestaat al ({seen[rule.name]})")
        seen[rule.name] = where
    chain_path = rules_dir / CHAIN_FILE
    if not chain_path.is_file():
        raise RuleError(f"{chain_path}: bestand met de volgorde van de regels ontbreekt")
    chain_src = read_source(chain_path, rules_dir)
    chain = _load_chain(chain_src, set(KINDS) | BUILT_IN_KINDS | set(seen))
    in_chain = {(s.rules, s.field) for s in chain}
    for rule, where in loaded:
        if not in_chain & {(rule.kind, None), (rule.kind, rule.field), (rule.name, None), (rule.name, rule.field)}:
            raise RuleError(f"{where}: regel '{rule.name}' ({rule.kind}) komt in {chain_src.display} niet voor "
                            "en zou nooit draaien")
    rules = tuple(r for r, _ in loaded)
    domains: dict[str, str] = {}
    for r in rules:
        if isinstance(r, KnownSender) and not r.shared_domain:  # a shared domain does not name the organisation
            for d in r.domains:
                domains.setdefault(d, r.organisation)
    return RuleSet(rules=rules, chain=chain, profile=profile, known_domains=domains, rules_dir=rules_dir,
                   knowledge=knowledge)
