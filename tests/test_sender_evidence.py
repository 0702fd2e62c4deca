"""Who sent it, end to end on real .eml files (fictitious people): each source of evidence, in order of trust,
names the organisation and the knowledge entry in its reason; greetings and fragments never become the sender."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from test_extract_helpers import FONT_PATH
from test_rules_helpers import analysis_of, ruleset

from pipeline.rules.base import Context
from pipeline.stages.organisation import ORGANISATION_STEPS
from tests.helpers import make_mail

TO = "Griffie <griffie@waterlinde.nl>"


def letter_pdf(lines: list[str]) -> bytes:
    """A one-page letter with a text layer, line by line as written (letterhead first)."""
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", FONT_PATH))
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setFont("Vera", 10)
    y = 800
    for line in lines:
        pdf.drawString(60, y, line)
        y -= 14
    pdf.showPage()
    pdf.save()
    return buf.getvalue()


def judge(raw: bytes, profile: str = "generiek") -> tuple[Context, list[str]]:
    analysis = analysis_of(raw, profile)
    ctx = ruleset(profile).run(analysis, ("sender_kind",))
    return ctx, [h.reason for h in ctx.hits]


def test_steps_are_named_data_in_order_of_trust() -> None:
    names = [s.name for s in ORGANISATION_STEPS]
    assert names.index("ondertekening-functie") < names.index("briefhoofd") < names.index("namens") \
        < names.index("weergavenaam") < names.index("maildomein")
    assert len(set(names)) == len(names)


def test_signature_joint_arrangement_from_its_own_domain_signed_by_a_person() -> None:
    raw = make_mail(
        sender="Marieke van Hoven <m.vanhoven@vru.nl>", to=TO,
        subject="Zienswijze ontwerpbegroting 2027",
        body="Geachte leden van de raad,\n\nHierbij ontvangt u de ontwerpbegroting 2027 met het verzoek uw zienswijze "
             "voor 1 juli kenbaar te maken.\n\nMet vriendelijke groet,\n\nMarieke van Hoven\nBestuurssecretaris\n"
             "Veiligheidsregio Utrecht\n")
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "Veiligheidsregio Utrecht" and analysis.organisation_step == "ondertekening"
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "gemeenschappelijke_regeling"
    assert "Afzender herkend als Veiligheidsregio Utrecht (kennis: veiligheidsregio's, naam 'Veiligheidsregio " \
           "Utrecht' in de ondertekening): gemeenschappelijke_regeling" in reasons


def test_letterhead_of_the_attached_letter() -> None:
    pdf = letter_pdf([
        "GGD Hollands Midden", "Postbus 121", "2300 AC Leiden", "", "Aan de gemeenteraden van de deelnemende gemeenten",
        "Leiden, 2 april 2026", "Onderwerp: Jaarstukken 2025", "", "Geachte leden van de raad,", "",
        "Het algemeen bestuur biedt u de jaarstukken 2025 aan.", "", "Met vriendelijke groet,", "",
        "Henriëtte de Groot", "directeur Publieke Gezondheid"])
    raw = make_mail(sender="Joost Kok <j.kok@ggdhm.nl>", to=TO, subject="Jaarstukken 2025",
                    body="Zie de bijgevoegde brief.\n", attachments=[("brief.pdf", "application/pdf", pdf)])
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "GGD Hollands Midden" and analysis.organisation_step == "briefhoofd"
    assert "organisatie uit het briefhoofd: GGD Hollands Midden" in analysis.notes
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "gemeenschappelijke_regeling"
    assert any(r.startswith("Afzender herkend als GGD Hollands Midden (kennis: GGD'en, naam 'GGD Hollands Midden' "
                            "in het briefhoofd)") for r in reasons), reasons


def test_namens_a_national_ombudsman() -> None:
    raw = make_mail(sender="Sanne Verbeek <s.verbeek@outlook.com>", to=TO, subject="Jaarverslag",
                    body="Geachte raad,\n\nNamens de Kinderombudsman bied ik u het jaarverslag aan over de rechten "
                         "van kinderen in gemeenten.\n\nSanne Verbeek\n")
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "Kinderombudsman" and analysis.organisation_step == "namens"
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "overheid"
    assert any("Afzender herkend als Kinderombudsman (kennis: rijksoverheid, naam 'de Kinderombudsman' na 'namens')"
               in r for r in reasons), reasons


def test_display_name_of_the_mail() -> None:
    raw = make_mail(sender="Omgevingsdienst West-Holland <nieuwsbrief@mailing.example.com>", to=TO,
                    subject="Nieuws uit de regio", body="Lees het laatste nieuws over vergunningen en toezicht.\n")
    analysis = analysis_of(raw)
    assert analysis.organisation_step == "weergavenaam"
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "gemeenschappelijke_regeling"
    assert any("kennis: omgevingsdiensten, naam 'Omgevingsdienst West-Holland' in de afzendernaam" in r
               for r in reasons), reasons


def test_mail_domain_when_nothing_else_names_the_sender() -> None:
    raw = make_mail(sender="Pieter Bosman <p.bosman@vrbzo.nl>", to=TO, subject="Doorgestuurd: regionaal risicoprofiel",
                    body="Het regionaal risicoprofiel is vastgesteld en staat op onze website.\n")
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "Veiligheidsregio Brabant-Zuidoost"
    assert analysis.organisation_step == "maildomein"
    assert "organisatie uit het e-maildomein (afgeleid): Veiligheidsregio Brabant-Zuidoost" in analysis.notes
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "gemeenschappelijke_regeling" and ctx.decisions["sender_kind"].score == 0.9
    assert "Afzender herkend als Veiligheidsregio Brabant-Zuidoost (kennis: veiligheidsregio's, domein vrbzo.nl): " \
           "gemeenschappelijke_regeling" in reasons


def test_another_council_motion_from_its_griffie_is_raad() -> None:
    raw = make_mail(sender="Griffie Zeist <griffie@zeist.nl>", to=TO, subject="Aangenomen motie armoedebeleid",
                    body="De raad van de gemeente Zeist heeft op 10 maart 2026 de bijgaande motie aangenomen en "
                         "vraagt alle gemeenteraden deze te steunen.\n")
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "raad", reasons


def test_another_college_is_overheid_the_own_college_and_audit_office_are_not() -> None:
    other = make_mail(sender="Bestuurssecretariaat <bestuurssecretariaat@zeist.nl>", to=TO,
                      subject="Regionale woondeal", body="Geachte raad,\n\nWij informeren u over de woondeal.\n\n"
                      "Met vriendelijke groet,\n\nHet college van burgemeester en wethouders van Zeist,\n")
    assert judge(other)[0].value("sender_kind") == "overheid"
    own = make_mail(sender="Bestuurssecretariaat <bestuurssecretariaat@nieuwkoop.nl>",
                    to="Griffie <griffie@nieuwkoop.nl>", subject="Raadsinformatiebrief woningbouw",
                    body="Geachte raad,\n\nWij informeren u over de voortgang.\n\nMet vriendelijke groet,\n\n"
                         "Het college van burgemeester en wethouders van Nieuwkoop,\n")
    assert judge(own, "nieuwkoop")[0].value("sender_kind") == "college"
    audit = make_mail(sender="Ellen Brouwer <e.brouwer@rekenkamernieuwkoop.example>", to="griffie@nieuwkoop.nl",
                      subject="Onderzoeksopzet", body="Geachte raad,\n\nHierbij de onderzoeksopzet.\n\n"
                      "Met vriendelijke groet,\n\nEllen Brouwer\nRekenkamercommissie Nieuwkoop\n")
    assert judge(audit, "nieuwkoop")[0].value("sender_kind") == "rekenkamer"


def test_groups_of_residents_are_organisations() -> None:
    for signature in ("Actiegroep Red de Molenweide", "Dorpsbelangen Noorden", "Bewonersplatform Zuidoost"):
        raw = make_mail(sender="Karin de Wit <karindewit@gmail.com>", to=TO, subject="Oproep aan de raad",
                        body="Geachte raad,\n\nWij maken ons zorgen over de plannen.\n\nMet vriendelijke groet,\n\n"
                             f"Karin de Wit\n{signature}\n")
        analysis = analysis_of(raw)
        assert analysis.sender_organisation == signature
        ctx, reasons = judge(raw)
        assert ctx.value("sender_kind") == "organisatie", (signature, reasons)


def test_greetings_headings_and_sentence_fragments_are_never_the_organisation() -> None:
    citizen = make_mail(sender="Petra van Dam <petravandam@kpnmail.nl>", to=TO, subject="Overlast Parkweg",
                        body="Geachte raad,\n\nAl maanden is er overlast op de Parkweg.\n\nMet vriendelijke groet,\n\n"
                             "Petra van Dam\nIk hoop op een reactie van de gemeenteraad.\n")
    analysis = analysis_of(citizen)
    assert analysis.sender_organisation is None
    assert judge(citizen)[0].value("sender_kind") == "inwoner"
    heading = letter_pdf(["BRANDBRIEF JEUGDHULP EN ZORG IN DE REGIO", "", "Geachte leden van de raad,", "",
                          "Wij vragen aandacht voor de wachtlijsten.", "", "Met vriendelijke groet,", "", "Ria Smeets"])
    raw = make_mail(sender="Ria Smeets <ria.smeets@hotmail.com>", to=TO, subject="Brandbrief",
                    body="Zie bijlage.\n", attachments=[("brandbrief.pdf", "application/pdf", heading)])
    assert analysis_of(raw).sender_organisation is None
    assert judge(raw)[0].value("sender_kind") == "inwoner"


def test_organisation_domain_is_not_inwoner_free_mail_is() -> None:
    body = "Geachte raad,\n\nGraag nodigen wij u uit voor de opening van ons nieuwe gebouw.\n\n" \
           "Met vriendelijke groet,\n\nHenk Mulder\n"
    org = make_mail(sender="Henk Mulder <h.mulder@dekoepel-ankeveen.nl>", to=TO, subject="Uitnodiging", body=body)
    ctx, reasons = judge(org)
    assert ctx.value("sender_kind") == "organisatie" and ctx.decisions["sender_kind"].score < 1.0
    assert any("domein dekoepel-ankeveen.nl" in r for r in reasons), reasons
    private = make_mail(sender="Henk Mulder <henkmulder@ziggo.nl>", to=TO, subject="Uitnodiging", body=body)
    assert judge(private)[0].value("sender_kind") == "inwoner"
    # the own municipality's post room scans citizens' letters: its domain says nothing about the writer
    scanned = make_mail(sender="Henk Mulder <postkamer@nieuwkoop.nl>", to="griffie@nieuwkoop.nl",
                        subject="Uitnodiging", body=body)
    assert judge(scanned, "nieuwkoop")[0].value("sender_kind") == "inwoner"


def test_another_name_of_a_listed_body_is_shown_as_its_own_name() -> None:
    raw = make_mail(sender="Ruben de Bruin <r.debruin@minbzk.nl>", to=TO, subject="Circulaire verkiezingen",
                    body="Geachte colleges en gemeenteraden,\n\nHierbij de circulaire over de verkiezingen.\n\n"
                         "Met vriendelijke groet,\n\nRuben de Bruin\nMinisterie van BZK\n")
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert analysis.organisation_step == "ondertekening"


def test_another_council_motion_as_a_letter_signed_by_its_griffier() -> None:
    motion = letter_pdf(["Motie armoedebeleid", "",
                         "De raad van de gemeente Zeist, in vergadering bijeen op 10 maart 2026,",
                         "", "overwegende dat steeds meer huishoudens moeite hebben rond te komen,", "",
                         "verzoekt het college deze motie aan alle gemeenteraden te sturen,", "",
                         "en gaat over tot de orde van de dag."])
    raw = make_mail(sender="Anne Mulder <a.mulder@zeist.nl>", to=TO, subject="Motie armoedebeleid",
                    body="Geachte griffie,\n\nBijgaand de aangenomen motie.\n\nMet vriendelijke groet,\n\n"
                         "Anne Mulder\nGriffier\n", attachments=[("motie.pdf", "application/pdf", motion)])
    analysis = analysis_of(raw)
    assert analysis.sender_organisation == "Raad van de gemeente Zeist"
    assert analysis.organisation_step == "briefhoofd-kennis"
    ctx, reasons = judge(raw)
    assert ctx.value("sender_kind") == "raad"
    assert any(r.startswith("Afzender herkend als Raad van de gemeente Zeist (kennis: gemeenten") for r in reasons)


def test_a_citizen_writing_about_a_body_is_still_a_citizen() -> None:
    raw = make_mail(sender="Joris Hendriks <jorishendriks@gmail.com>", to=TO, subject="Nieuwe weg",
                    body="Provincie Utrecht plant nieuwe weg door het Zeisterbos\n\nIk maak bezwaar tegen dit plan, "
                         "het bos is van iedereen.\n\nJoris Hendriks\nBoslaan 12, Zeist\n")
    analysis = analysis_of(raw)
    assert analysis.sender_organisation is None, analysis.notes
    assert judge(raw)[0].value("sender_kind") == "inwoner"


def test_a_college_writing_to_its_own_council_is_the_college_another_college_is_a_government() -> None:
    rib = ("Geachte leden van de raad,\n\nMet deze raadsinformatiebrief informeren wij u over de voortgang van de "
           "renovatie van het zwembad.\n\nMet vriendelijke groet,\n\nCollege van burgemeester en wethouders van "
           "Venlo\n")
    own, _ = judge(make_mail(sender="Wim Nelissen <w.nelissen@venlo.nl>", to="griffie@venlo.nl",
                             subject="RIB renovatie zwembad", body=rib))
    assert own.value("sender_kind") == "college"  # addressed to Venlo's own griffie
    other, _ = judge(make_mail(sender="Wim Nelissen <w.nelissen@venlo.nl>", to="griffie@roermond.nl",
                               subject="Brief over het zwembad", body=rib))
    assert other.value("sender_kind") == "overheid"


def test_a_plain_gemeente_signature_from_a_griffie_is_that_council() -> None:
    motion = ("Geachte raad,\n\nDe gemeenteraad van Vlissingen heeft op 12 maart de bijgevoegde motie aangenomen en "
              "roept alle gemeenteraden op deze te steunen.\n\nMet vriendelijke groet,\n\nGemeente Vlissingen\n")
    for sender in ("Griffie gemeente Vlissingen <info@vlissingen.nl>", "Secretariaat <griffie@vlissingen.nl>"):
        ctx, _ = judge(make_mail(sender=sender, to=TO, subject="Motie vreemd aan de orde", body=motion))
        assert ctx.value("sender_kind") == "raad", sender
    college, _ = judge(make_mail(sender="Afdeling Communicatie <communicatie@vlissingen.nl>", to=TO,
                                 subject="Nieuwe dienstregeling veerboot", body=motion.replace("motie", "brief")))
    assert college.value("sender_kind") == "overheid"
