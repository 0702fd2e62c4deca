"""Circular or not (issue 11): each piece of evidence, on mails written for this test (fictitious people), decides
with a reason that names it; a joint arrangement's letter to its member councils and a letter to a short list of
named councils are not circulars, a ministry's or VNG's letter without 'alle gemeenten' is."""

from __future__ import annotations

from test_rules_helpers import analysis_of

from pipeline.stages.circular import CIRCULAR_STEPS
from tests.helpers import make_mail

TO = "Griffie <griffie@waterlinde.nl>"


def circular_of(sender: str, subject: str, body: str, to: str = TO) -> tuple[bool, str, list[str]]:
    a = analysis_of(make_mail(sender=sender, to=to, subject=subject, body=body))
    return a.circular, a.sources["circular"].source, a.sources["circular"].reasons


def test_steps_are_named_data_with_many_addressees_first() -> None:
    names = [s.name for s in CIRCULAR_STEPS]
    assert names[0] == "geadresseerden" and len(set(names)) == len(names)
    assert names.index("afzender-schrijft-deelnemers") < names.index("aan-alle-raden") \
        < names.index("afzender-schrijft-allen") < names.index("aan-de-raden")


def test_member_letter_number_in_the_subject_of_a_forward() -> None:
    circ, source, reasons = circular_of(
        "Petra Molenaar <p.molenaar@waterlinde.nl>", "FW: Lbr. 25/113: Rechtspositie raadsleden",
        "Ter info voor het presidium.\n\nPetra\n")
    assert circ and source == "analysis:aan-alle-raden" and "Lbr. 2" in reasons[0]


def test_ministry_writes_to_all_councils_without_saying_so() -> None:
    circ, source, reasons = circular_of(
        "Ministerie van BZK <gemeenten@minbzk.nl>", "Wet versterking decentrale rekenkamers",
        "Geachte raadsleden,\n\nPer 1 januari treedt de wet in werking. Gemeenten krijgen twee jaar om een eigen "
        "rekenkamer in te stellen.\n")
    assert circ and source == "analysis:afzender-schrijft-allen" and "kennis: rijksoverheid" in reasons[0]


def test_ombudsman_letter_to_one_council_by_name_is_not_a_circular() -> None:
    circ, source, _ = circular_of(
        "Nationale ombudsman <post@nationaleombudsman.nl>", "Klachten over uw gemeente in 2025",
        "Aan de gemeenteraad van Waterlinde\n\nGeachte raad,\n\nIn 2025 ontvingen wij 14 klachten over uw "
        "gemeente.\n")
    assert not circ and source == "analysis:een-raad"


def test_joint_arrangement_to_its_member_councils_is_not_a_circular() -> None:
    circ, source, reasons = circular_of(
        "Bestuurssecretariaat <bestuur@vru.nl>", "Ontwerpbegroting 2027",
        "Aan de gemeenteraden van de regio Utrecht\n\nGeachte raden,\n\nHierbij de ontwerpbegroting 2027 met het "
        "verzoek om uw zienswijze.\n")
    assert not circ and source == "analysis:afzender-schrijft-deelnemers" and "Veiligheidsregio Utrecht" in reasons[0]


def test_short_list_of_named_councils_is_not_a_circular() -> None:
    circ, source, _ = circular_of(
        "Vereniging Kempenboeren <secretariaat@kempenboeren.example>", "Oproep: ruimte voor boeren",
        "Aan de gemeenteraden van Bergeijk, Bladel, Eersel en Reusel-De Mierden\n\nGeachte raadsleden,\n\n"
        "Wij vragen u ruimte te houden voor agrarische bedrijven.\n")
    assert not circ and source == "analysis:genoemde-raden"


def test_members_only_beats_the_word_alle() -> None:
    circ, _, _ = circular_of(
        "Werkbedrijf Zuid <bestuur@werkbedrijfzuid.example>", "Kadernota 2027",
        "Het algemeen bestuur stuurt alle deelnemende gemeenten de kadernota 2027.\n")
    assert not circ


def test_salutation_to_griffiers_and_a_call_on_provincial_councils() -> None:
    circ, _, reasons = circular_of(
        "Kring van Griffiers Oost <kring.oost@gmail.com>", "Najaarsbijeenkomst",
        "Beste collega-griffiers,\n\nOp 3 oktober is onze bijeenkomst.\n")
    assert circ and "griffiers" in reasons[0]
    circ, _, _ = circular_of(
        "Stichting Dierenwelzijn Oost <info@dierenwelzijnoost.example>", "Oproep: geen vuurwerk bij natuur",
        "Wij roepen de Gelderse gemeenten op geen vuurwerk toe te staan bij natuurgebieden.\n")
    assert circ


def test_other_councils_motion_is_a_circular() -> None:
    circ, source, _ = circular_of(
        "Griffie Ermelo <griffie@ermelo.nl>", "Aangenomen motie huisvesting arbeidsmigranten",
        "Hierbij de motie die onze raad op 12 februari aannam, met het verzoek deze te agenderen.\n")
    assert circ and source == "analysis:motie-andere-raad"


def test_citizens_letter_about_other_municipalities_and_a_club_to_its_members_are_not_circulars() -> None:
    circ, _, _ = circular_of(
        "Annet Visser <annet.visser@gmail.com>", "Verzoek aan de raad: hondenbelasting",
        "Geachte raadsleden,\n\nVeel gemeenten in Nederland hebben de hondenbelasting al afgeschaft. Ik vraag u dat "
        "ook te doen.\n")
    assert not circ
    circ, _, _ = circular_of(
        "vv De Zwaluwen <secretariaat@vvdezwaluwen.example>", "Uitnodiging receptie 100 jaar",
        "Beste leden van de gemeenteraad,\n\nWij vieren ons jubileum met alle leden, oud-leden en sponsors.\n")
    assert not circ
