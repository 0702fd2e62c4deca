"""Shared helpers for the rules and classify tests: build a real .eml, run it through parse/extract/analyse."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from pipeline.extract import ExtractLimits, extract_all
from pipeline.records import Analysis, Extracted
from pipeline.rules import RuleSet, load_ruleset
from pipeline.stages.analyse import analyse
from pipeline.stages.message import parse_any

RULES = Path(__file__).resolve().parents[1] / "rules"
_CACHE: dict[str, RuleSet] = {}


def ruleset(profile: str = "generiek") -> RuleSet:
    if profile not in _CACHE:
        _CACHE[profile] = load_ruleset(RULES, profile)
    return _CACHE[profile]


def eml(*, sender: str, subject: str, body: str, to: str = "Gemeenteraad Waterlinde <raad@waterlinde.nl>",
        headers: dict[str, str] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = "Tue, 03 Jun 2025 10:15:00 +0200"
    msg["Message-ID"] = "<test.rules@example.nl>"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    return msg.as_bytes()


def analyse_raw(raw: bytes, rules: RuleSet) -> Analysis:
    """parse -> extract -> analyse for one raw message, without the personal-data detector (the rules alone)."""
    parsed = parse_any(raw, max_depth=3)
    extracted = Extracted(parsed, extract_all(parsed.attachments, ExtractLimits()))
    return analyse(extracted, known_domains=rules.known_domains, knowledge=rules.knowledge)


def analysis_of(raw: bytes, profile: str = "generiek") -> Analysis:
    return analyse_raw(raw, ruleset(profile))
