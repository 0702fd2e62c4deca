"""Sender knowledge (rules/kennis/): the shipped facts load, each kind of body is recognised, bad files are refused."""

from __future__ import annotations

import shutil
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from pipeline.errors import RuleError
from pipeline.rules import load_ruleset
from pipeline.rules.knowledge import load_knowledge
from pipeline.rules.knowledge_rules import kind_of
from pipeline.rules.knowledge_text import names_nothing

RULES = Path(__file__).resolve().parents[1] / "rules"
KENNIS = RULES / "kennis"


@pytest.fixture(scope="module")
def nieuwkoop():
    """Nieuwkoop is a real municipality, so the own council and college are in the knowledge."""
    return load_knowledge(RULES, own_place="Nieuwkoop")


def _entries(name: str) -> list[dict]:
    return tomllib.loads((KENNIS / name).read_text(encoding="utf-8"))["entry"]


def test_shipped_facts_are_complete_and_small() -> None:
    municipalities = _entries("gemeenten.toml")
    assert len(municipalities) == 342 and len({m["name"] for m in municipalities}) == 342
    per_province = Counter(m["province"] for m in municipalities)
    assert per_province["Zuid-Holland"] == 50 and per_province["Noord-Brabant"] == 56 and len(per_province) == 12
    assert len(_entries("provincies.toml")) == 12
    assert len(_entries("waterschappen.toml")) == 21
    groups = Counter(e["group"] for e in _entries("gemeenschappelijke_regelingen.toml"))
    assert groups == {"veiligheidsregio's": 25, "GGD'en": 25, "omgevingsdiensten": 29}
    assert sum(p.stat().st_size for p in KENNIS.glob("*.toml")) < 5_000_000
    for path in KENNIS.glob("*.toml"):  # every file names its public source
        assert "Bron" in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize("text, name, kind, role", [
    ("Gemeenteraad van Zeist", "Zeist", "raad", "raad"),
    ("De raad van de gemeente Stichtse Vecht, in vergadering bijeen op 12 maart 2026,", "Stichtse Vecht", "raad",
     "raad"),
    ("Griffie Súdwest-Fryslân", "Súdwest-Fryslân", "raad", "raad"),
    ("College van burgemeester en wethouders van Zeist", "Zeist", "overheid", "college"),
    ("Burgemeester en wethouders van Den Haag", "'s-Gravenhage", "overheid", "college"),
    ("College van B&W van Nieuwkoop", "Nieuwkoop", "college", "college"),
    ("Rekenkamercommissie Nieuwkoop", "Nieuwkoop", "rekenkamer", "rekenkamer"),
    ("Rekenkamer Bergen op Zoom", "Bergen op Zoom", "rekenkamer", "rekenkamer"),
])
def test_municipality_with_its_role(nieuwkoop, text, name, kind, role) -> None:
    match = nieuwkoop.match_name(text)
    assert match is not None and match.entry.name == name and match.role == role
    assert kind_of(match, nieuwkoop) == kind


@pytest.mark.parametrize("line, entry, kind, label", [
    ("Provincie Gelderland", "Provincie Gelderland", "overheid", "provincies"),
    ("Gedeputeerde Staten van Noord-Brabant", "Provincie Noord-Brabant", "overheid", "provincies"),
    ("Hoogheemraadschap van Delfland", "Hoogheemraadschap van Delfland", "overheid", "waterschappen"),
    ("Ministerie van Volksgezondheid, Welzijn en Sport", "Ministerie van Volksgezondheid, Welzijn en Sport",
     "overheid", "rijksoverheid"),
    ("De Nationale ombudsman", "Nationale ombudsman", "overheid", "rijksoverheid"),
    ("Kinderombudsman", "Kinderombudsman", "overheid", "rijksoverheid"),
    ("Sociaal en Cultureel Planbureau", "Sociaal en Cultureel Planbureau", "overheid", "rijksoverheid"),
    ("Inspectie Gezondheidszorg en Jeugd", "Inspectie Gezondheidszorg en Jeugd", "overheid", "rijksoverheid"),
    ("Veiligheidsregio Utrecht", "Veiligheidsregio Utrecht", "gemeenschappelijke_regeling", "veiligheidsregio's"),
    ("GGD Hollands Midden", "GGD Hollands Midden", "gemeenschappelijke_regeling", "GGD'en"),
    ("Omgevingsdienst West-Holland", "Omgevingsdienst West-Holland", "gemeenschappelijke_regeling",
     "omgevingsdiensten"),
    ("VNG", "Vereniging van Nederlandse Gemeenten", "overheid", "koepels"),
    ("Vereniging van Griffiers", "Vereniging van Griffiers", "organisatie", "koepels"),
    ("NVRR", "Nederlandse Vereniging van Rekenkamers en Rekenkamercommissies", "organisatie", "koepels"),
])
def test_known_bodies_by_name(nieuwkoop, line, entry, kind, label) -> None:
    match = nieuwkoop.match_name(line)
    assert match is not None and match.entry.name == entry and match.label == label
    assert kind_of(match, nieuwkoop) == kind


def test_short_names_count_only_as_the_whole_line_and_patterns_catch_unlisted_bodies(nieuwkoop) -> None:
    assert nieuwkoop.match_name("Politie") is not None
    assert nieuwkoop.match_name("Klacht over de inzet van de politie bij het dorpsfeest") is None
    assert nieuwkoop.match_name("Anouk de Boer, VNG") is None  # an acronym inside a sentence is no letterhead
    regional = nieuwkoop.match_organisation("Regio Noord-Veluwe")
    assert regional is not None and regional.kind == "gemeenschappelijke_regeling"
    assert nieuwkoop.match_organisation("Werkorganisatie Duivenvoorde").kind == "gemeenschappelijke_regeling"


@pytest.mark.parametrize("name, kind", [
    ("Stichting Groen Hart Natuur", "organisatie"), ("Actiegroep Behoud de Molenweide", "organisatie"),
    ("Bewonersplatform Zuidoost", "organisatie"), ("Dorpsbelangen Noorden", "organisatie"),
    ("Buurtvereniging De Vlinder", "organisatie"), ("Comité Stop de Bypass", "organisatie"),
    ("Wijkraad Centrum", "organisatie"), ("Installatiebedrijf Van Dijk B.V.", "bedrijf"),
    ("Fractie Groen Links", "raad"), ("Nieuwkoop Lokaal", "raad"), ("Lijst Voorwaarts", "raad"),
])
def test_group_words_give_kind(nieuwkoop, name, kind) -> None:
    match = nieuwkoop.match_group_word(name)
    assert match is not None and match.kind == kind and match.group_word


def test_mail_domains(nieuwkoop) -> None:
    assert nieuwkoop.is_free_mail("k.visser@kpnmail.nl") and nieuwkoop.is_free_mail("a@gmail.com")
    assert not nieuwkoop.is_free_mail("info@stichtinggroenhart.nl")
    assert nieuwkoop.match_domain("a@gmail.com") is None
    vru = nieuwkoop.match_domain("bestuurssecretariaat@vru.nl")
    assert vru.name == "Veiligheidsregio Utrecht" and vru.how == "domein vru.nl"
    assert nieuwkoop.match_domain("info@sub.minbzk.nl").entry.name.startswith("Ministerie van Binnenlandse Zaken")
    griffie = nieuwkoop.match_domain("griffie@stichtsevecht.nl")  # a municipality's domain is its name
    assert griffie.name == "Gemeenteraad Stichtse Vecht" and griffie.role == "raad"
    assert nieuwkoop.match_domain("post@gemeentebest.nl").role == "college"
    assert nieuwkoop.match_domain("p.jansen@ggd.amsterdam.nl").name == "GGD Amsterdam"  # entry before the town
    assert nieuwkoop.match_domain("info@ggd.groningen.nl").name == "GGD Groningen"
    assert nieuwkoop.match_domain("griffie@gemeentehw.nl").name == "Gemeenteraad Hoeksche Waard"  # listed domain
    assert nieuwkoop.match_domain("postkamer@nieuwkoop.nl") is None  # own post room forwards others' letters
    assert nieuwkoop.match_domain("info@bakkerijvandijk.nl") is None


@pytest.mark.parametrize("line", [
    "Geachte raad,", "Beste leden van de gemeenteraad,", "Met vriendelijke groet,", "Hoogachtend,",
    "Aan de gemeenteraad van Zeist", "ZIENSWIJZE OP DE ONTWERPBEGROTING 2027", "Toelichting:",
    "Ik hoop op een reactie van de gemeenteraad.", "Wij vragen de raad om steun voor de motie",
    "Griffier", "Senior beleidsadviseur", "de voorzitter,",
])
def test_greetings_headings_and_fragments_name_nothing(line) -> None:
    assert names_nothing(line)


@pytest.mark.parametrize("line", ["Stichting Groen Hart Natuur", "Energiecoöperatie Zon op Ankeveen U.A.",
                                  "Veiligheidsregio Utrecht", "Gemeente Zeist"])
def test_names_are_names(line) -> None:
    assert names_nothing(line) is None


# --- bad files are refused with file, line and what is wrong ------------------------------------------------------

@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _append(rules_copy: Path, name: str, text: str) -> int:
    path = rules_copy / "kennis" / name
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(old + text, encoding="utf-8")
    return len(old.splitlines())


@pytest.mark.parametrize("text, line, problem", [
    ('\n[[entry]]\nname = "Dorpsraad X"\nkind = "dorp"\n', 4, "onbekende soort afzender 'dorp'"),
    ('\n[[entry]]\nname = "Regio X"\ndomains = ["regio x.nl"]\n', 4, "'regio x.nl' is geen maildomein"),
    ('\n[[entry]]\nname = "Veiligheidsregio Utrecht"\n', 3, "naam 'Veiligheidsregio Utrecht' staat al in de kennis"),
    ('\n[[entry]]\nname = "Regio X"\ndomain = ["x.nl"]\n', 4, "onbekende sleutel 'domain'"),
    ('\n[[pattern]]\nname = "x"\npattern = "(open"\n', 4, "ongeldig patroon"),
])
def test_bad_knowledge_entry_names_file_and_line(rules_copy, text, line, problem) -> None:
    before = _append(rules_copy, "gemeenschappelijke_regelingen.toml", text)
    with pytest.raises(RuleError) as err:
        load_ruleset(rules_copy, "generiek")
    assert str(err.value).startswith(f"rules/kennis/gemeenschappelijke_regelingen.toml, regel {before + line}: "
                                     f"{problem}"), str(err.value)


def test_unknown_table_and_entry_without_header_refused(rules_copy) -> None:
    (rules_copy / "kennis" / "extra.toml").write_text('# test\n[[organisatie]]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"^rules/kennis/extra.toml, regel 2: onbekende tabel 'organisatie'"):
        load_ruleset(rules_copy, "generiek")
    (rules_copy / "kennis" / "extra.toml").write_text('# test\n[[entry]]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(RuleError, match=r"^rules/kennis/extra.toml, regel 2: \[\[entry\]\] zonder \[knowledge\]"):
        load_ruleset(rules_copy, "generiek")


def test_without_the_knowledge_folder_the_rules_are_refused_by_name(rules_copy) -> None:
    """Without the register and the free-mail list private and organisation mail would be misread silently."""
    from pipeline.errors import RuleError

    shutil.rmtree(rules_copy / "kennis")
    with pytest.raises(RuleError) as refused:
        load_ruleset(rules_copy, "generiek")
    assert "kennis/gemeenten.toml" in str(refused.value) and "ontbreekt" in str(refused.value)
