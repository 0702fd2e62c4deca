"""Sender kind and organisation on the shapes real council mail has (issue 11), one test per cause found on the
development rows, on mails written for this test (fictitious people and organisations): a group's display name
on a free-mail address, a display name its domain spells, a joint arrangement known by its business with its
members, titles and phrases that are no name, the council written to in the letterhead, a legal form over a
region's name, a municipal body's role, unknown named organisations, lawyers, a town abroad, ombudsmen."""

from __future__ import annotations

from pathlib import Path

from test_rules_helpers import analysis_of
from test_sender_evidence import judge, letter_pdf

from pipeline.rules.knowledge_text import ocr_repair
from pipeline.stages.forwards import find_inline_forward
from tests.helpers import make_mail


ROOT = Path(__file__).resolve().parent.parent
# A paragraph to make a short test letter as long as a real one (shorter attachments are not read as the letter).
BODY = ["Wij lichten dit graag toe in een gesprek met de raad of met de commissie die erover gaat, want het",
        "onderwerp raakt veel inwoners en de afspraken die in de afgelopen jaren zijn gemaakt."]


def kind_and_org(sender: str, subject: str, body: str, to: str = "griffie@breda.nl",
                 pdf_lines: list[str] | None = None) -> tuple[str, str | None, list[str]]:
    attachments = [("brief.pdf", "application/pdf", letter_pdf(pdf_lines))] if pdf_lines else []
    raw = make_mail(sender=sender, to=to, subject=subject, body=body, attachments=attachments)
    ctx, reasons = judge(raw)
    return ctx.value("sender_kind"), analysis_of(raw).sender_organisation, reasons


def test_a_groups_display_name_on_free_mail_is_no_private_person() -> None:
    kind, org, reasons = kind_and_org("Bewonerscommissie De Hoge Weide <bewonerscie.hogeweide@gmail.com>",
                                      "Parkeren in onze wijk", "Wij vragen het college de invoering uit te stellen.\n")
    assert (kind, org) == ("organisatie", "Bewonerscommissie De Hoge Weide"), reasons
    kind, org, _ = kind_and_org("Seniorenraad Oosterhout <seniorenraad.oosterhout@ziggo.nl>", "Buslijn 12",
                                "De buslijn door de kern verdwijnt. Wij vragen een buurtbus.\n")
    assert (kind, org) == ("organisatie", "Seniorenraad Oosterhout")


def test_a_display_name_the_domain_spells_names_the_organisation() -> None:
    kind, org, reasons = kind_and_org("Gouwe Afvalbeheer bestuurssecretariaat <bestuur@gouweafvalbeheer.nl>",
                                      "Nieuws over de inzameling", "De inzameling van oud papier verandert.\n")
    assert org == "Gouwe Afvalbeheer" and kind == "organisatie", reasons
    assert any("Organisatie 'Gouwe Afvalbeheer' genoemd (weergavenaam), niet in de kennis" in r
               for r in reasons), reasons
    _, org, _ = kind_and_org("Streeksamenwerking Lage Venen <info@slv.nl>", "Nieuws", "Ons jaarplan staat online.\n")
    assert org == "Streeksamenwerking Lage Venen"  # the domain is its initials


def test_a_joint_arrangement_known_by_its_budget_for_its_member_councils() -> None:
    kind, _, reasons = kind_and_org(
        "Werkvoorziening De Brug Groep <bestuurssecretaris@debruggroep.nl>", "Zienswijze begroting 2027",
        "Geachte raad,\n\nHet algemeen bestuur biedt de raden van de deelnemende gemeenten de ontwerpbegroting 2027 "
        "aan en vraagt uw zienswijze voor 1 juli.\n")
    assert kind == "gemeenschappelijke_regeling", reasons  # not 'bedrijf' for 'Groep'
    assert any("regeling van gemeenten" in r for r in reasons)


def test_titles_and_phrases_are_no_organisation() -> None:
    _, org, _ = kind_and_org(
        "Stichting Lezen Oost <info@lezenoost.nl>", "Nieuwsbrief najaar",
        "ter informatie", pdf_lines=["NIEUWSBRIEF LEZEN OOST | najaar 2025", "", "Nieuwe cijfers per gemeente",
                                     "Op onze website staan de cijfers over laaggeletterdheid per gemeente.", *BODY])
    assert org == "Stichting Lezen Oost"
    kind, org, _ = kind_and_org(
        "Griffie Hoorn <griffie@hoorn.nl>", "Motie netcongestie",
        "ter informatie", pdf_lines=["Motie 'Stroom voor scholen, zorg en sport'", "",
                                     "De raad van de gemeente Hoorn, in vergadering bijeen op 3 juni 2025,", *BODY])
    assert kind == "raad" and "Motie" not in (org or "")


def test_the_council_written_to_is_not_the_sender() -> None:
    kind, org, _ = kind_and_org(
        "Stichting Dierenasiel De Kempen <info@dierenasieldekempen.nl>", "Petitie vuurwerkvrij",
        "Hierbij onze petitie.", pdf_lines=["Petitie 'Vuurwerkvrij voor dieren'", "",
                                            "Gericht aan: de gemeenteraad van Breda",
                                            "Ingediend door: Stichting Dierenasiel De Kempen", "",
                                            "Wij vragen de raad vuurwerkvrije zones in te stellen.", *BODY])
    assert kind == "organisatie" and org != "Gemeenteraad van Breda"
    kind, _, _ = kind_and_org(
        "H. Jansen <h.jansen@kpnmail.nl>", "Klacht stoep",
        "Bijgaand mijn klacht.", pdf_lines=["H. Jansen", "Haagweg", "Breda", "",
                                            "Aan het college van burgemeester en wethouders van Breda",
                                            "Afschrift: de gemeenteraad van Breda", "",
                                            "Geacht college,", "", "De stoep ligt al maanden open.", *BODY, "",
                                            "Hoogachtend,", "H. Jansen"])
    assert kind == "inwoner"


def test_all_capitals_letterhead_and_a_number_inside_a_name() -> None:
    _, org, _ = kind_and_org(
        "secretariaat <secretariaat@ombudskempen.nl>", "Jaarverslag", "Zie bijlage.",
        pdf_lines=["STICHTING OMBUDSVOORZIENING DE KEMPEN", "Markt 3, 5531 BA Bladel", "", "Aan de gemeenteraad van Breda",
                   "", "Geachte raad,", "", "Hierbij het jaarverslag over 2025. In 2025 ontvingen wij 48 klachten over de",
                   "gemeente, iets minder dan in 2024. De meeste gingen over de bereikbaarheid.", "",
                   "Met vriendelijke groet,", "", "mr. J. Peters", "ombudsman"])
    assert org == "STICHTING OMBUDSVOORZIENING DE KEMPEN"
    _, org, _ = kind_and_org(
        "Sanne Bleeker <s.bleeker@medemblik.nl>", "FW: brief actiegroep", "Deze brief kwam binnen.\n\nGroet,\nSanne "
        "Bleeker\nKlantcontactcentrum gemeente Medemblik", to="griffie@medemblik.nl",
        pdf_lines=["Actiegroep Stop Omlegging N307", "Wognum", "", "Aan de gemeenteraad van Medemblik", "",
                   "Geachte raadsleden,", "", "Wij vragen u het tracé te heroverwegen.", *BODY])
    assert org == "Actiegroep Stop Omlegging N307"


def test_a_legal_form_says_more_than_a_regions_name() -> None:
    kind, _, reasons = kind_and_org(
        "Energiecoöperatie Hart van Brabant U.A. <bestuur@hartvanbrabantenergie.nl>", "Bezwaar subsidie",
        "Geacht college,\n\nWij maken bezwaar tegen de afwijzing van onze aanvraag.\n\nMet vriendelijke groet,\n\n"
        "Energiecoöperatie Hart van Brabant U.A.\nT. de Wit, voorzitter\n")
    assert kind == "organisatie", reasons


def test_a_municipal_body_by_its_role_words() -> None:
    kind, _, _ = kind_and_org("Rekenkamercommissie Heusden <rkc@heusden.nl>", "Onderzoeksplan 2026", "Zie bijlage.",
                              to="griffie@heusden.nl", pdf_lines=["Rekenkamercommissie gemeente Heusden", "",
                                                                 "Aan de gemeenteraad van Heusden", "",
                                                                 "Geachte raad,", "", "Hierbij ons onderzoeksplan.",
                                                                 *BODY])
    assert kind == "rekenkamer"
    kind, _, _ = kind_and_org("College B&W Breda <college@breda.nl>", "Collegebrief afval",
                              "Geachte raad,\n\nHierbij informeren wij u over de inzameling.\n")
    assert kind == "college"


def test_unknown_named_organisations_lawyers_and_a_town_abroad() -> None:
    kind, _, reasons = kind_and_org("Muziekschool De Linge <bestuur@muziekschooldelinge.nl>", "Toekomst muziekles",
                                    "Wij vragen de raad de subsidie te behouden.\n")
    assert kind == "organisatie", reasons
    kind, _, _ = kind_and_org("Van Dam Kuiper Advocaten <secretariaat@vdk-advocaten.nl>", "Ingebrekestelling",
                              "Namens onze cliënte stellen wij u in gebreke.\n\nHoogachtend,\nmr. P. van Dam\n")
    assert kind == "bedrijf"
    kind, _, _ = kind_and_org("Stadt Emden - Büro des Oberbürgermeisters <partnerschaft@emden.de>", "Einladung",
                              "Wir laden eine Delegation des Rates ein.\n")
    assert kind == "overheid"


def test_an_ombudsman_is_government_unless_a_foundation() -> None:
    kind, _, _ = kind_and_org("Ombudsman Zuid-Kennemerland <info@ombudsmanzk.nl>", "Jaarverslag 2025",
                              "Geachte raad,\n\nHierbij het jaarverslag.\n\nOmbudsman Zuid-Kennemerland\n")
    assert kind == "overheid"
    kind, _, _ = kind_and_org("Stichting Ombudsvoorziening Noord <info@ombudsnoord.nl>", "Jaarverslag 2025",
                              "Geachte raad,\n\nHierbij het jaarverslag.\n")
    assert kind == "organisatie"


def test_a_group_without_an_address_of_its_own_and_namens_its_mail_name() -> None:
    kind, org, _ = kind_and_org(
        "Windstil Oosterwijk <windstil.oosterwijk@gmail.com>", "Windpark", "Bijgaand onze brief.",
        pdf_lines=["Windstil Oosterwijk", "p/a Dorpsstraat 14", "7921 XB Oosterwijk", "", "Aan de gemeenteraad van Breda",
                   "", "Geachte raadsleden,", "", "Wij vragen u het windpark te agenderen.", *BODY])
    assert (kind, org) == ("organisatie", "Windstil Oosterwijk")
    kind, org, _ = kind_and_org(
        "Ouders voor De Wilg <oudersdewilg@outlook.com>", "Sluiting school",
        "Beste raadsleden,\n\nWij vragen u de sluiting van De Wilg te agenderen.\n\nMet vriendelijke groet,\n\n"
        "namens Ouders voor De Wilg,\nJolanda Smit\n")
    assert (kind, org) == ("organisatie", "Ouders voor De Wilg")


def test_a_person_writing_for_themself_from_a_work_address_and_a_writer_without_a_name() -> None:
    kind, _, reasons = kind_and_org(
        "Ruud Hermans <r.hermans@hermansloodgieters.nl>", "Klacht vergunning",
        "Geacht college,\n\nIk wacht al negen maanden op een besluit over mijn dakkapel. Ik heb drie keer gebeld en "
        "mijn aanvraag is nog steeds niet behandeld.\n\nMet vriendelijke groet,\n\nRuud Hermans\n")
    assert kind == "inwoner" and any("voor zichzelf" in r for r in reasons), reasons
    kind, _, reasons = kind_and_org("Een bezorgde buurtbewoner <buurt.zorgen@proton.me>", "ratten",
                                    "Bij de speeltuin lopen ratten. Ik zet mijn naam er niet onder.\n")
    assert kind == "onbekend" and any("noemt geen naam" in r for r in reasons), reasons


def test_a_remark_in_brackets_or_a_bullet_is_no_name() -> None:
    kind, org, _ = kind_and_org(
        "Afvalschap Noord-Drenthe <afvalschap@assen.nl>", "zienswijze ontwerpbegroting 2027",
        "Geachte raadsleden,\n\nHet dagelijks bestuur van het Afvalschap Noord-Drenthe biedt u de ontwerpbegroting "
        "2027 aan en vraagt de deelnemende gemeenten om een zienswijze.\n\nMet vriendelijke groet,\n"
        "secretariaat Afvalschap Noord-Drenthe\n(ondergebracht bij de gemeente Assen)\n", to="griffie@tynaarlo.nl")
    assert kind == "gemeenschappelijke_regeling" and org == "Afvalschap Noord-Drenthe"


def test_a_colleague_forwarding_a_forward_the_original_is_the_deepest_block() -> None:
    kind, org, _ = kind_and_org(
        "Leonie Smeets <l.smeets@venlo.nl>", "FW: Kamerbrief jeugdhulp",
        "Van: Leonie Smeets\nVerzonden: donderdag 19 november 2026 14:07\nAan: Griffie Venlo\n"
        "Onderwerp: FW: Kamerbrief jeugdhulp\n\nHallo griffie, graag ter kennisname aan de raad. Groet, Leonie\n\n"
        "Van: Ministerie van VWS <gemeentenpost@minvws.nl>\nVerzonden: woensdag 18 november 2026 17:30\n"
        "Onderwerp: Kamerbrief jeugdhulp\n\nGeachte colleges en raden,\n\nHierbij de brief aan de Tweede Kamer over "
        "de afbakening van de jeugdhulp.\n", to="griffie@venlo.nl")
    assert kind == "overheid" and "Volksgezondheid" in (org or ""), org
    origin = find_inline_forward("Van: Anna de Wit\nVerzonden: 2 mei 2026\nOnderwerp: FW: brief\n\nTer info.\n\n"
                                 "Van: Provincie Limburg <post@prvlimburg.nl>\nVerzonden: 1 mei 2026\n"
                                 "Onderwerp: brief\n\nGeachte raad,\n")
    assert origin is not None and origin[0].from_address == "post@prvlimburg.nl"


def test_ocr_damage_in_a_name_is_repaired_before_it_is_looked_up() -> None:
    assert ocr_repair("GGD Ho1lands Noorden") == "GGD Hollands Noorden"
    assert ocr_repair("De NationaIe ombudsman") == "De Nationale ombudsman"
    assert ocr_repair("VERENIGlNG VAN NEDERLANDSE GEMEENTEN") == "VERENIGING VAN NEDERLANDSE GEMEENTEN"
    assert ocr_repair("Ministerie van lnfrastructuur en Waterstaat") == "Ministerie van Infrastructuur en Waterstaat"
    assert ocr_repair("Actiegroep Stop N240") == "Actiegroep Stop N240" and ocr_repair("Ilse") == "Ilse"
    kind, org, _ = kind_and_org("Bestuurssecretariaat <bestuur@ggdhn.example>", "Jaarstukken", "Zie bijlage.",
                                pdf_lines=["GGD Ho1lands Noorden", "", "Aan de gemeenteraad van Breda", "",
                                           "Geachte raad,", "", "Hierbij de jaarstukken.", *BODY])
    assert (kind, org) == ("gemeenschappelijke_regeling", "GGD Hollands Noorden")


def test_sample_053_a_joint_arrangement_known_by_the_word_in_its_letterhead() -> None:
    raw = (ROOT / "pipeline" / "sample" / "mailbox" / "053_afvalschap_zienswijze.eml").read_bytes()
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "Afvalschap Rijn en Plassen" and analysis.organisation_step == \
        "briefhoofd-kennis"
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "gemeenschappelijke_regeling"
    assert any("patroon 'regionale-samenwerking'" in r for r in reasons), reasons


def test_a_person_with_a_role_a_bare_body_and_a_board_are_not_the_name() -> None:
    _, org, _ = kind_and_org(
        "Stichting Jeugdwerk Oost <info@jeugdwerkoost.nl>", "Oproep jongerenruimtes",
        "Geachte raad,\n\nSluit de jongerenruimtes niet.\n\nMet vriendelijke groet,\n\n"
        "Rachid Benali, coördinator jongerenwerk\n")
    assert org == "Stichting Jeugdwerk Oost"
    kind, org, _ = kind_and_org(
        "Provincie Limburg <post@prvlimburg.nl>", "Begrotingstoezicht 2026",
        "Geachte raad,\n\nUw begroting 2026 is structureel sluitend.\n\nMet vriendelijke groet,\n\nGedeputeerde Staten\n")
    assert (kind, org) == ("overheid", "Provincie Limburg")
    _, org, _ = kind_and_org(
        "Koos Dekker <k.dekker@gmail.com>", "Oproep",
        "Geachte raad,\n\nWij vragen uw steun.\n\nMet vriendelijke groet,\n\nBestuur van Huurdersvereniging De Linde\n")
    assert org == "Huurdersvereniging De Linde"


def test_a_wrapped_line_of_a_motion_is_no_letterhead() -> None:
    kind, org, _ = kind_and_org(
        "Griffie Hoorn <griffie@hoorn.nl>", "Motie kleine scholen", "ter informatie",
        pdf_lines=["MOTIE", "De raad van de gemeente Hoorn, in vergadering bijeen op 27 februari 2025,",
                   "constaterende dat:", "- de bekostiging leidt tot fusies en sluitingen in", "kleine kernen;", *BODY])
    assert kind == "raad" and "kernen" not in (org or "").lower(), org


def test_an_abbreviation_a_frisian_addressee_and_an_audit_office_on_joint_arrangements() -> None:
    kind, org, _ = kind_and_org("Aannemersbedrijf Gebr. Hendriks B.V. <planning@gebrhendriks.nl>", "Werkzaamheden",
                                "Van week 36 tot 44 werken wij aan de Dorpsweg.\n")
    assert (kind, org) == ("bedrijf", "Aannemersbedrijf Gebr. Hendriks B.V.")
    _, org, _ = kind_and_org(
        "Provinsje Fryslân <provinsje@fryslan.frl>", "Taalplan", "Sjoch bylage.",
        pdf_lines=["Oan de gemeenterieden yn Fryslân / Aan de gemeenteraden in Fryslân", "", "Achte riedsleden,",
                   "", "Wij informeren u over het Taalplan.", *BODY], to="griffie@noardeast-fryslan.nl")
    assert org == "Provincie Fryslân"
    kind, _, _ = kind_and_org(
        "Rekenkamer Oost-Veluwe <info@rekenkameroostveluwe.nl>", "Workshop verbonden partijen",
        "Geachte raadsleden,\n\nWij nodigen u uit voor een workshop over de begroting van verbonden partijen en de "
        "rol van de deelnemers.\n\nRekenkamer Oost-Veluwe\n")
    assert kind == "rekenkamer"
