"""A council's profile: its own handling codes and words, committees per topic, cut-off, grouping and numbering."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import RuleError
from pipeline.rules import fields
from pipeline.rules.source import Located, read_source
from pipeline.vocab import HANDLINGS, SENDER_KINDS, TOPIC_BY_CODE, TOPIC_BY_LABEL

CUTOFF_KINDS = {"hours_before": ("hours",), "days_before": ("days",), "weekday_before": ("weekday", "weeks")}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERING = ("per_year", "continuous")
PUBLIC_LABELS = ("inwoner", "inwoner_van_plaats")


@dataclass(frozen=True)
class Cutoff:
    """When the list closes: {kind="hours_before", hours=48} | {kind="days_before", days=10} |
    {kind="weekday_before", weekday="friday", weeks=2}."""

    kind: str
    hours: int | None = None
    days: int | None = None
    weekday: str | None = None
    weeks: int | None = None


@dataclass(frozen=True)
class ListGroup:
    heading: str
    sender_kinds: tuple[str, ...]


@dataclass(frozen=True)
class Numbering:
    style: str  # per_year | continuous
    prefix: str = ""


@dataclass(frozen=True)
class Profile:
    name: str
    council: str  # "gemeente Waterlinde"
    place: str  # "Waterlinde"
    handling: dict[str, tuple[str, str]]  # canonical -> (local code, label); every canonical code present
    committees: dict[str, str]  # topic code -> committee
    default_committee: str | None
    cutoff: Cutoff
    groups: tuple[ListGroup, ...]
    numbering: Numbering
    public_label: str  # inwoner | inwoner_van_plaats
    handling_fallbacks: dict[str, str] = field(default_factory=dict)  # canonical -> canonical used instead
    handling_defaults: dict[str, str] = field(default_factory=dict)  # document kind -> canonical (council choice)
    source: str = ""

    def local(self, handling: str) -> tuple[str, str]:
        return self.handling[handling]

    def label(self, handling: str) -> str:
        return self.handling[handling][1]

    def committee_for(self, topic_code: str | None) -> str | None:
        if topic_code is None:
            return self.default_committee
        return self.committees.get(topic_code, self.default_committee)


def _handling(src_tables: list[Located], located: Located | None) -> tuple[dict, dict]:
    if located is None:
        raise src_tables[0].fail(None, "tabel [handling] ontbreekt")
    raw = located.data
    own: dict[str, tuple[str, str]] = {}
    fallbacks: dict[str, str] = {}
    for code, value in raw.items():
        if code not in HANDLINGS:
            raise located.fail(code, f"onbekende afhandeling '{code}' (toegestaan: {', '.join(HANDLINGS)})")
        if not isinstance(value, dict):
            raise located.fail(code, f"'{code}' moet een tabel zijn met code en label, of met fallback")
        if "fallback" in value:
            target = value["fallback"]
            if target not in HANDLINGS or target == code:
                raise located.fail(f"{code}.fallback", f"ongeldige fallback '{target}' voor {code}")
            fallbacks[code] = target
            continue
        local, label = value.get("code"), value.get("label")
        if not isinstance(local, str) or not isinstance(label, str) or not label.strip():
            raise located.fail(code, f"'{code}' heeft een code en een label nodig (of een fallback)")
        own[code] = (local, label)
    mapping = dict(own)
    for code in HANDLINGS:
        if code in own:
            continue
        seen, current = [code], fallbacks.get(code)
        while current is not None and current not in own and current not in seen:
            seen.append(current)
            current = fallbacks.get(current)
        if current is None or current not in own:
            raise located.fail(None, f"afhandeling '{code}' heeft geen code en geen bruikbare fallback")
        mapping[code] = own[current]
    return mapping, fallbacks


def _cutoff(located: Located | None, top: Located) -> Cutoff:
    if located is None:
        raise top.fail(None, "tabel [cutoff] ontbreekt")
    kind = fields.one_of(located, "kind", CUTOFF_KINDS, "soort sluitingstermijn")
    fields.check_keys(located, ("kind",) + CUTOFF_KINDS[kind])
    values: dict = {}
    for key in CUTOFF_KINDS[kind]:
        if key == "weekday":
            values[key] = fields.one_of(located, key, WEEKDAYS, "weekdag")
            continue
        value = located.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise located.fail(key if key in located.data else None, f"'{key}' moet een geheel getal >= 0 zijn")
        values[key] = value
    return Cutoff(kind=kind, **values)


def _committees(located: Located | None, top: Located) -> tuple[dict[str, str], str | None]:
    if located is None:
        raise top.fail(None, "tabel [committees] ontbreekt")
    out: dict[str, str] = {}
    default = None
    for key, value in located.data.items():
        if not isinstance(value, str) or not value.strip():
            raise located.fail(key, f"commissie voor '{key}' moet een tekst zijn")
        if key == "default":
            default = value
            continue
        topic = TOPIC_BY_CODE.get(key) or TOPIC_BY_LABEL.get(key)
        if topic is None:
            raise located.fail(key, f"onbekend onderwerp '{key}' (gebruik een TOOI-code zoals c_d0463fb7 of het label)")
        out[topic.code] = value
    missing = [t.label for code, t in TOPIC_BY_CODE.items() if code not in out]
    if missing and default is None:
        raise located.fail(None, f"geen commissie voor {', '.join(missing)} en geen 'default'")
    return out, default


def load_profile(rules_dir: Path, name: str) -> Profile:
    path = rules_dir / "profiles" / f"{name}.toml"
    if not path.is_file():
        known = sorted(p.stem for p in (rules_dir / "profiles").glob("*.toml"))
        raise RuleError(f"profiel '{name}' bestaat niet in {rules_dir / 'profiles'} (wel: {', '.join(known) or 'geen'})")
    src = read_source(path, rules_dir)
    top = src.top()
    fields.check_keys(top, ("name", "council", "place", "public_label"))
    council = fields.text(top, "council")
    place = fields.text(top, "place", required=False) or council.split()[-1]
    public_label = fields.one_of(top, "public_label", PUBLIC_LABELS, "stijl voor inwoners", default="inwoner")
    handling, fallbacks = _handling([top], src.table("handling"))
    committees, default = _committees(src.table("committees"), top)
    numbering_t = src.table("numbering")
    if numbering_t is None:
        raise top.fail(None, "tabel [numbering] ontbreekt")
    fields.check_keys(numbering_t, ("style", "prefix"))
    numbering = Numbering(fields.one_of(numbering_t, "style", NUMBERING, "nummering"),
                          numbering_t.data.get("prefix", "") or "")
    groups = []
    for g in src.tables("group"):
        fields.check_keys(g, ("heading", "sender_kinds"))
        kinds = fields.choices(g, "sender_kinds", "sender_kind")
        groups.append(ListGroup(fields.text(g, "heading"), tuple(kinds)))
    grouped = {k for g in groups for k in g.sender_kinds}
    if groups and not set(SENDER_KINDS) <= grouped:
        missing = [k for k in SENDER_KINDS if k not in grouped]
        raise src.fail(groups and src.tables("group")[-1].line, f"soort afzender zonder groep: {', '.join(missing)}")
    defaults_t = src.table("handling_defaults")
    defaults: dict[str, str] = {}
    if defaults_t is not None:
        for key in defaults_t.data:
            fields.choice(defaults_t, key, "handling")
            if key not in fields.CHOICES["document_kind"][1]:
                raise defaults_t.fail(key, f"onbekende soort document '{key}'")
            defaults[key] = defaults_t.data[key]
    # deadlines and acknowledge are read by pipeline/deadlines/terms.py and pipeline/acknowledge/policy.py
    known_tables = {"handling", "committees", "numbering", "group", "cutoff", "handling_defaults", "deadlines",
                    "acknowledge"}
    for key, value in src.data.items():
        if isinstance(value, (dict, list)) and not isinstance(value, str) and key not in known_tables \
                and key not in top.data:
            raise src.fail(src.header_lines().get(key, 1), f"onbekende tabel '{key}'")
    return Profile(name=fields.text(top, "name", required=False) or name, council=council, place=place,
                   handling=handling, committees=committees, default_committee=default,
                   cutoff=_cutoff(src.table("cutoff"), top), groups=tuple(groups), numbering=numbering,
                   public_label=public_label, handling_fallbacks=fallbacks, handling_defaults=defaults,
                   source=src.display)
