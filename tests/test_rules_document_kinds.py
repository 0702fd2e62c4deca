"""Document-kind rules that generalise (issue 11): each case is a letter written for this test in the shape of a
genre councils receive, and each failed with the rules before this change (rules/keywords.toml, subjects.toml)."""

from __future__ import annotations

from test_rules_helpers import analysis_of, eml, ruleset

from pipeline.rules.base import Context

SIGN = "\n\nMet vriendelijke groet,\n\n"


def run(raw: bytes) -> Context:
    return ruleset().run(analysis_of(raw))


def names(ctx: Context) -> list[str]:
    return [h.rule for h in ctx.hits]


def test_the_own_college_informing_the_council_is_a_raadsinformatiebrief_without_the_word() -> None:
    ctx = run(eml(sender="Gemeente Waterlinde <college@waterlinde.nl>", subject="Voortgang renovatie sporthal",
                  body="Geachte leden van de raad,\n\nDe aanbesteding van de renovatie is afgerond; de bouw begint in "
                  "september en de sporthal blijft tot de zomer open. Wij houden u op de hoogte." + SIGN +
                  "Het college van burgemeester en wethouders van Waterlinde\n"))
    assert ctx.value("sender_kind") == "college"
    assert ctx.value("document_kind") == "raadsinformatiebrief" and "college-aan-de-raad" in names(ctx)
    assert ctx.value("handling") == "vka"


def test_collegebrief_and_informatie_aan_de_raad_in_the_subject() -> None:
    for subject in ("Collegebrief: stand van zaken opvang", "Informatie aan de raad - sluiting woning Opiumwet",
                    "Raadsbrief evaluatie parkeerbeleid"):
        ctx = run(eml(sender="Bestuurssecretariaat <bestuurssecretariaat@waterlinde.nl>", subject=subject,
                      body="Geachte raad,\n\nHierbij de stand van zaken."))
        assert ctx.value("document_kind") == "raadsinformatiebrief", subject
        assert "onderwerp-raadsinformatiebrief" in names(ctx)


def test_a_province_asking_for_a_zienswijze_on_a_draft_is_a_zienswijzeverzoek() -> None:
    ctx = run(eml(sender="Provincie Gelderland <post@gelderland.nl>",
                  subject="Ontwerp-programma Landelijk Gebied Achterhoek",
                  body="Aan de gemeenteraden in de Achterhoek\n\nGeachte raadsleden,\n\nGedeputeerde Staten hebben het "
                  "ontwerp-programma vastgesteld. Wij stellen uw raad in de gelegenheid een zienswijze in te dienen "
                  "tot en met 30 september." + SIGN + "Gedeputeerde Staten van Gelderland\n"))
    assert ctx.value("sender_kind") == "overheid"
    assert ctx.value("document_kind") == "zienswijzeverzoek" and "zienswijze-gevraagd" in names(ctx)
    assert ctx.value("handling") == "agenderen"
    # annual accounts sent for information say so: no request, so no zienswijzeverzoek
    info = run(eml(sender="Provincie Gelderland <post@gelderland.nl>", subject="Voortgang programma",
                   body="Geachte raadsleden,\n\nTer kennisname: het programma ligt op schema. Er wordt geen zienswijze "
                   "gevraagd." + SIGN + "Gedeputeerde Staten van Gelderland\n"))
    assert info.value("document_kind") != "zienswijzeverzoek"


def test_another_councils_motion_in_its_own_form_is_motie_andere_gemeente() -> None:
    ctx = run(eml(sender="Griffie Oss <griffie@oss.nl>", subject="Motie Betaalbare kinderopvang",
                  body="Motie 'Betaalbare kinderopvang'\n\nDe raad van de gemeente Oss, in vergadering bijeen op "
                  "12 maart 2026,\n\nconstaterende dat de kosten van kinderopvang stijgen;\n\nroept het kabinet op de "
                  "eigen bijdrage te verlagen,\n\nen gaat over tot de orde van de dag."))
    assert ctx.value("document_kind") == "motie_andere_gemeente" and "motie-tekst-andere-gemeente" in names(ctx)


def test_an_invitation_to_an_associations_general_assembly_is_a_member_letter() -> None:
    ctx = run(eml(sender="VNG <info@vng.nl>", subject="Uitnodiging ALV VNG 4 juni",
                  body="Geacht college, geachte gemeenteraad,\n\nHierbij nodigen wij u uit voor de Algemene "
                  "Ledenvergadering op 4 juni in Den Bosch. Aanmelden kan tot 20 mei." + SIGN + "VNG\n"))
    assert ctx.value("document_kind") == "rondzendbrief"
    assert ctx.value("on_list") is not False and ctx.value("handling") == "vka"


def test_a_webinar_for_council_members_to_sign_up_for_is_an_invitation() -> None:
    ctx = run(eml(sender="Raadsledenacademie <events@raadsledenacademie.nl>",
                  subject="Webinar 'Lezen van de jaarrekening' - 14 april",
                  body="Beste raadsleden,\n\nOp 14 april van 19.30 tot 21.00 uur organiseren wij een webinar over het "
                  "lezen van de jaarrekening. Deelname is gratis; aanmelden via onze website."))
    assert ctx.value("document_kind") == "uitnodiging" and "uitnodiging-aanmelden" in names(ctx)
    assert ctx.value("on_list") is False


def test_an_invitation_to_apply_or_to_submit_a_zienswijze_is_no_event() -> None:
    ctx = run(eml(sender="Ministerie van IenW <subsidies@minienw.nl>", subject="Uitnodiging tot aanvraag: impuls fietspaden",
                  body="Aan de colleges en gemeenteraden\n\nGemeenten kunnen tot 1 oktober een aanvraag indienen."))
    assert ctx.value("document_kind") != "uitnodiging"


def test_a_newsletter_named_later_in_the_subject() -> None:
    for subject in ("Regio Lingewaard Nieuwsflits #7", "GGD Nieuws | zomer en hitte", "VNG Raadsledennieuws: de begroting"):
        ctx = run(eml(sender="Communicatie <communicatie@regio.example.nl>", subject=subject,
                      body="Het laatste nieuws uit de regio."))
        assert ctx.value("document_kind") == "nieuwsbrief", subject
        assert ctx.value("on_list") is False


def test_an_objection_against_a_decision_is_a_bezwaarschrift() -> None:
    ctx = run(eml(sender="Henk Aalbers <h.aalbers@kpnmail.nl>", subject="afwijzing parkeervergunning",
                  body="Geacht college,\n\nIk maak bezwaar tegen uw besluit van 3 mei om mij geen parkeervergunning te "
                  "geven. Ik vraag u het besluit te herzien. Een kopie gaat naar de raad." + SIGN + "Henk Aalbers\n"))
    assert ctx.value("document_kind") == "bezwaarschrift" and "bezwaar-tegen-besluit" in names(ctx)
    assert ctx.value("on_list") is False
    subject = run(eml(sender="Henk Aalbers <h.aalbers@kpnmail.nl>", subject="Bezwaar tegen aanslag hondenbelasting",
                      body="Ik heb geen hond meer sinds januari." + SIGN + "Henk Aalbers\n"))
    assert subject.value("document_kind") == "bezwaarschrift" and "onderwerp-bezwaarschrift" in names(subject)
    # against a plan (no decision yet) it is a letter to the council
    plan = run(eml(sender="Henk Aalbers <h.aalbers@kpnmail.nl>",
                   subject="Bezwaar tegen voorgenomen parkeerplan binnenstad - graag meewegen bij het raadsbesluit",
                   body="Geachte raad,\n\nWij maken ons zorgen over het plan." + SIGN + "Henk Aalbers\n"))
    assert plan.value("document_kind") != "bezwaarschrift"


def test_signatures_alone_do_not_make_a_petition() -> None:
    ctx = run(eml(sender="Saskia Mol <saskia.mol@gmail.com>", subject="Verzoek drempel Schoolstraat",
                  body="Geachte raad,\n\nKinderen steken de Schoolstraat over tussen de auto's. Ik heb 52 handtekeningen "
                  "van ouders verzameld (bijgevoegd). Mijn verzoek is een drempel aan te leggen." + SIGN + "Saskia Mol\n"))
    assert ctx.value("document_kind") != "petitie"
    offered = run(eml(sender="Saskia Mol <saskia.mol@gmail.com>", subject="Behoud speeltuin",
                      body="Geachte raad,\n\nOp 12 mei willen wij u 830 handtekeningen overhandigen voor het behoud van "
                      "de speeltuin." + SIGN + "Saskia Mol\n"))
    assert offered.value("document_kind") == "petitie" and "petitie-handtekeningen-aanbieden" in names(offered)


def test_a_report_that_nothing_happened_is_a_complaint() -> None:
    named = run(eml(sender="Wim Kok <wimkok@planet.nl>", subject="Stoep Dorpsstraat",
                    body="De stoeptegels liggen scheef. Ik heb het al eerder gemeld, in maart en mei." + SIGN + "Wim Kok\n"))
    assert named.value("document_kind") == "klacht" and named.value("handling") == "college_afdoening"
    anonymous = run(eml(sender="<buurtbewoner1980@gmail.com>", subject="ratten in het park",
                        body="In het park lopen ratten bij de speeltuin. Ik heb het gemeld maar er gebeurt niets."))
    assert anonymous.value("document_kind") is None  # no name: the rule waits for a sender it knows (the model decides)


def test_an_ombudsman_report_on_a_complaint_is_no_complaint() -> None:
    ctx = run(eml(sender="Nationale ombudsman <post@nationaleombudsman.nl>",
                  subject="Rapport naar aanleiding van een klacht over de gemeente Waterlinde",
                  body="Geachte raadsleden,\n\nTer kennisname stuur ik u een afschrift van mijn rapport."))
    assert ctx.value("document_kind") != "klacht"


def test_what_the_audit_office_sends_is_a_letter_and_an_announcement_is_noted() -> None:
    annual = run(eml(sender="Rekenkamercommissie Waterlinde <rekenkamer@waterlinde.nl>", subject="Jaarverslag 2025",
                     body="Geachte raad,\n\nBijgaand ons jaarverslag 2025 met de onderzoeken van dat jaar." + SIGN +
                     "Rekenkamercommissie Waterlinde\n"))
    assert annual.value("sender_kind") == "rekenkamer"
    assert annual.value("document_kind") == "brief" and "rekenkamer-brief" in names(annual)
    assert annual.value("handling") == "vka" and "rekenkamer-ter-informatie" in names(annual)
    report = run(eml(sender="Rekenkamercommissie Waterlinde <rekenkamer@waterlinde.nl>",
                     subject="Rapport 'Grip op het sociaal domein'",
                     body="Geachte raad,\n\nHierbij bieden wij u ons rapport met aanbevelingen aan." + SIGN +
                     "Rekenkamercommissie Waterlinde\n"))
    assert report.value("document_kind") == "brief" and report.value("handling") == "agenderen"


def test_an_audit_office_report_on_motions_is_a_letter_not_a_motion() -> None:
    ctx = run(eml(sender="Rekenkamercommissie Waterlinde <rekenkamer@waterlinde.nl>",
                  subject="Quickscan uitvoering moties 2023-2025",
                  body="Geachte raad,\n\nDe raad van de gemeente Waterlinde heeft in 2023 veertig moties aangenomen. Wij "
                  "onderzochten hoe het college ze uitvoerde; de gemeente Lisse deed hetzelfde." + SIGN +
                  "Rekenkamercommissie Waterlinde\n"))
    assert ctx.value("document_kind") == "brief" and "rekenkamer-brief" in names(ctx)


def test_a_circular_explicitly_asking_to_weigh_it_in_the_kadernota_is_betrekken() -> None:
    body = ("Aan de colleges en gemeenteraden van alle gemeenten\n\nGeachte raadsleden,\n\nHet Rijk stelt in 2027 extra "
            "middelen beschikbaar voor de jeugdzorg. Ik verzoek u deze middelen te betrekken bij de behandeling van uw "
            "kadernota 2027." + SIGN + "De minister van Volksgezondheid, Welzijn en Sport\n")
    ctx = run(eml(sender="Ministerie van VWS <info@minvws.nl>", subject="Extra middelen jeugdzorg 2027", body=body))
    assert ctx.value("document_kind") == "rondzendbrief"
    assert ctx.value("handling") == "betrekken" and "betrekken-kadernota-overheid" in names(ctx)


def test_a_complaint_about_how_a_committee_let_people_speak_goes_to_the_griffie() -> None:
    ctx = run(eml(sender="Ahmed Yilmaz <a.yilmaz1975@gmail.com>", subject="Klacht over de commissievergadering",
                  body="Geachte griffie,\n\nIk had mij aangemeld om in te spreken, maar de voorzitter van de commissie liet "
                  "mij niet aan het woord. Dat vind ik oneerlijk." + SIGN + "Ahmed Yilmaz\n"))
    assert ctx.value("document_kind") == "klacht"
    assert ctx.value("handling") == "griffie" and "griffie-klacht-over-raadsprocedure" in names(ctx)
