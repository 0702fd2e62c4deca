"""Loading rules/ and profiles: broken files are refused with file, line and problem; the shipped rules load."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.errors import RuleError
from pipeline.rules import load_ruleset
from pipeline.vocab import HANDLINGS, TOPICS

RULES = Path(__file__).resolve().parents[1] / "rules"
PROFILES = ("generiek", "nieuwkoop", "steenwijkerland", "sittard-geleen")


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


@pytest.mark.parametrize("profile", PROFILES)
def test_shipped_rules_and_profiles_load(profile: str) -> None:
    rs = load_ruleset(RULES, profile)
    assert rs.profile.name == profile
    assert set(rs.profile.handling) == set(HANDLINGS)
    assert all(rs.profile.committee_for(t.code) for t in TOPICS)
    assert 3 <= len({rs.profile.committee_for(t.code) for t in TOPICS}) <= 4
    assert rs.known_domains["vng.nl"] == "Vereniging van Nederlandse Gemeenten"
    assert rs.known_domains["minbzk.nl"].startswith("Ministerie van Binnenlandse Zaken")
    assert "waterlinde.nl" not in rs.known_domains  # shared domain: it does not name one organisation


def test_unknown_sender_kind_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "senders.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip() == 'kind = "overheid"')
    lines[number] = 'kind = "overheidd"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy, "generiek")
    message = str(err.value)
    assert message.startswith(f"rules/senders.toml, regel {number + 1}: onbekende soort afzender 'overheidd'")
    assert "toegestaan: inwoner, organisatie" in message


def test_toml_syntax_error_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "keywords.toml"
    text = path.read_text(encoding="utf-8") + '\n[[keyword]]\nname = "kapot\n'
    path.write_text(text, encoding="utf-8")
    line = len(text.splitlines())
    with pytest.raises(RuleError, match=rf"^rules/keywords.toml, regel {line}: geen geldige TOML"):
        load_ruleset(rules_copy, "generiek")


def test_duplicate_rule_name_refused(rules_copy: Path) -> None:
    (rules_copy / "zz_extra.toml").write_text(
        '# een tweede regel met een bestaande naam\n\n[[subject]]\nname = "onderwerp-petitie"\n'
        'pattern = "petitie"\ndocument_kind = "petitie"\n', encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy, "generiek")
    assert "rules/zz_extra.toml, regel 4: regelnaam 'onderwerp-petitie' bestaat al (rules/subjects.toml, regel" \
        in str(err.value)


def test_bad_regex_and_unknown_key_and_kind(rules_copy: Path) -> None:
    path = rules_copy / "extra.toml"
    path.write_text('[[subject]]\nname = "x"\npattern = "(open"\ndocument_kind = "petitie"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"^rules/extra.toml, regel 3: ongeldig patroon"):
        load_ruleset(rules_copy, "generiek")
    path.write_text('[[subject]]\nname = "x"\npatern = "a"\ndocument_kind = "petitie"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"^rules/extra.toml, regel 3: onbekende sleutel 'patern'"):
        load_ruleset(rules_copy, "generiek")
    path.write_text('\n[[onderwerpen]]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"^rules/extra.toml, regel 2: onbekende regelsoort 'onderwerpen'"):
        load_ruleset(rules_copy, "generiek")


def test_profile_errors(rules_copy: Path) -> None:
    path = rules_copy / "profiles" / "nieuwkoop.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('kind = "hours_before"', 'kind = "uren_voor"'), encoding="utf-8")
    with pytest.raises(RuleError, match=r"^rules/profiles/nieuwkoop.toml, regel \d+: onbekende soort sluitingstermijn"):
        load_ruleset(rules_copy, "nieuwkoop")
    path.write_text(text.replace('betrekken = { fallback = "agenderen" }\n', ''), encoding="utf-8")
    with pytest.raises(RuleError, match="afhandeling 'betrekken' heeft geen code en geen bruikbare fallback"):
        load_ruleset(rules_copy, "nieuwkoop")
    with pytest.raises(RuleError, match="profiel 'utrecht' bestaat niet"):
        load_ruleset(rules_copy, "utrecht")


def test_profile_fallbacks_and_cutoffs() -> None:
    nk = load_ruleset(RULES, "nieuwkoop").profile
    assert nk.handling["vka"][0] == "a" and nk.handling["college_advies"][0] == "c"
    assert nk.handling["college_afdoening_informeren"] == nk.handling["college_afdoening"]
    assert nk.handling_fallbacks["college_afdoening_informeren"] == "college_afdoening"
    assert (nk.cutoff.kind, nk.cutoff.hours) == ("hours_before", 48)
    sw = load_ruleset(RULES, "steenwijkerland").profile
    assert [sw.handling[c][0] for c in ("vka", "college_afdoening", "college_afdoening_informeren", "agenderen",
                                        "griffie")] == ["I", "II", "III", "IV", "V"]
    sg = load_ruleset(RULES, "sittard-geleen").profile
    assert [sg.handling[c][0] for c in ("vka", "agenderen", "college_advies", "college_afdoening")] == \
        ["1", "2", "3", "4"]
    assert (sg.cutoff.kind, sg.cutoff.weekday, sg.cutoff.weeks) == ("weekday_before", "friday", 2)
    assert sg.groups[0].heading.startswith("Ingekomen stukken van overheden")
