"""Sample mail from the region and the town hall: joint arrangements, rekenkamer, college, another council."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, nl_date, num_date, text_mail
from .documents import text_pdf
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import PDF, RAAD, when

PARTICIPANTS = ["Aan de gemeenteraden van de deelnemende gemeenten", "in de regio Rijn en Plassen"]


def cover(org: str, title: str, lines: list[str]) -> tuple[str, str, bytes]:
    """A short report (title page plus summary) sent along with a cover letter."""
    doc = Letter(org=org, addressee=[], salutation="", closing=None, paragraphs=[f"## {title}", *lines])
    return (f"{title}.pdf", PDF, text_pdf(doc, title))


def veiligheidsregio() -> Sample:
    d, chair, secretary = date(2025, 4, 10), Person("A.J. Meijer"), Person("Karin Brouwer")
    subject = "Zienswijze ontwerpbegroting 2026 Veiligheidsregio Rijn en Plassen"
    org = "Veiligheidsregio Rijn en Plassen"
    letter = Letter(
        org=org, org_lines=["Brandweerweg 2 · 2841 BR Waterlinde · www.vrrp.nl"], addressee=PARTICIPANTS,
        meta=[("Datum", num_date(d)), ("Kenmerk", "VRRP/AB/2025-041"), ("Onderwerp", subject)],
        salutation="Geachte raadsleden,",
        paragraphs=[
            "Het algemeen bestuur van de Veiligheidsregio Rijn en Plassen heeft op 3 april de ontwerpbegroting "
            "2026 vastgesteld voor zienswijze. Op grond van artikel 35 van de Wet gemeenschappelijke regelingen "
            "stellen wij uw raad in de gelegenheid een zienswijze in te dienen.",
            "De gemeentelijke bijdrage stijgt in 2026 met 4,8 procent. Die stijging komt door de loon- en "
            "prijsontwikkeling, de vervanging van tankautospuiten en de uitbreiding van de meldkamer.",
            "Wij ontvangen uw zienswijze graag uiterlijk 20 juni 2025, zodat het algemeen bestuur de begroting op "
            "2 juli 2025 kan vaststellen.",
        ],
        signatories=[(chair.name, "voorzitter"), (secretary.name, "secretaris")],
    )
    extra = cover(org, "Ontwerpbegroting 2026 VRRP", [
        "Programma 1 Brandweerzorg, programma 2 Crisisbeheersing, programma 3 Meldkamer.",
        "Totale lasten 2026: EUR 58,4 miljoen. Bijdrage gemeente Waterlinde: EUR 3.912.000."])
    exp = expect(org=org, name=chair.name, kind="gemeenschappelijke_regeling", subject=subject, letter_date=d,
                 reference="VRRP/AB/2025-041", doc="zienswijzeverzoek", topic="openbare orde en veiligheid",
                 handling="agenderen", attachments=("ok", "ok"), people=(chair, secretary))
    return letter_mail("veiligheidsregio_zienswijze", sender=("Bestuurssecretariaat VRRP", "bestuurssecretariaat@vrrp.nl"),
                       sent=when(2025, 4, 11, 13, 40), subject="Ontwerpbegroting 2026 VRRP - verzoek om zienswijze",
                       letter=letter, filename="Aanbiedingsbrief ontwerpbegroting 2026.pdf", extra=[extra],
                       body="Geachte griffier,\n\nBijgaand de aanbiedingsbrief en de ontwerpbegroting 2026 van de "
                            "Veiligheidsregio Rijn en Plassen.\n\nMet vriendelijke groet,\nBestuurssecretariaat VRRP\n",
                       expected=exp)


def ggd() -> Sample:
    d, director = date(2025, 4, 16), Person("drs. Wouter Lammers", email="w.lammers@ggdrp.nl")
    named = Person("Wouter Lammers", email="w.lammers@ggdrp.nl")
    subject = "Ontwerpbegroting 2026 GGD Rijn en Plassen: verzoek om zienswijze"
    org = "GGD Rijn en Plassen"
    letter = Letter(
        org=org, org_lines=["Gezondheidsplein 5 · 2842 GG Waterlinde"], addressee=PARTICIPANTS,
        place_date=f"Waterlinde, {nl_date(d)}", meta=[("Ons kenmerk", "GGD-2025-0233"), ("Betreft", subject)],
        salutation="Geachte leden van de gemeenteraad,",
        paragraphs=[
            "Hierbij bieden wij u de ontwerpbegroting 2026 van de GGD Rijn en Plassen aan. Wij vragen uw raad om "
            "uiterlijk 27 juni 2025 een zienswijze te geven.",
            "De begroting zet in op gezondheidsbescherming, de jeugdgezondheidszorg en de aanpak van "
            "gezondheidsachterstanden. Voor de nieuwe taken in het kader van het Gezond en Actief Leven Akkoord "
            "vragen wij een extra bijdrage van EUR 0,38 per inwoner.",
            f"Voor een toelichting kunt u contact opnemen met de directeur publieke gezondheid via {named.email}.",
        ],
        signatories=[("Namens het algemeen bestuur,", director.name, "directeur publieke gezondheid")],
    )
    exp = expect(org=org, name=named.name, kind="gemeenschappelijke_regeling", subject=subject, letter_date=d,
                 reference="GGD-2025-0233", doc="zienswijzeverzoek", topic="zorg en gezondheid",
                 handling="agenderen", attachments=("ok",), people=(named,))
    return letter_mail("ggd_zienswijze", sender=("GGD Rijn en Plassen", "bestuur@ggdrp.nl"),
                       sent=when(2025, 4, 17, 9, 25), subject="Zienswijze ontwerpbegroting 2026 GGD", letter=letter,
                       filename="GGD ontwerpbegroting 2026 aanbiedingsbrief.pdf", expected=exp,
                       body="Geachte griffie,\n\nZie de bijgevoegde brief.\n\nBestuurssecretariaat GGD Rijn en Plassen\n")


def omgevingsdienst() -> Sample:
    d, signer = date(2025, 5, 8), Person("Pieter-Jan Mulder")
    org = "Omgevingsdienst Midden-Holland Waterlinde"
    subject = "Jaarstukken 2024 Omgevingsdienst Midden-Holland Waterlinde"
    letter = Letter(
        org=org, org_lines=["Milieustraat 1 · 2843 OD Waterlinde"], addressee=PARTICIPANTS,
        meta=[("Datum", nl_date(d)), ("Kenmerk", "ODMHW-U-25-0877"), ("Betreft", subject)],
        salutation="Geachte raad,",
        paragraphs=[
            "Hierbij ontvangt u de jaarstukken 2024 van de Omgevingsdienst Midden-Holland Waterlinde, zoals "
            "vastgesteld door het algemeen bestuur. De accountant heeft een goedkeurende verklaring afgegeven.",
            "In 2024 voerde de omgevingsdienst 3.480 controles uit op het gebied van bodem, geluid en "
            "luchtkwaliteit. Het jaar sluit met een positief resultaat van EUR 212.000, dat naar rato aan de "
            "deelnemers wordt terugbetaald.",
            "De jaarstukken worden u ter informatie toegezonden; een zienswijze is niet vereist.",
        ],
        signatories=[("Namens het dagelijks bestuur,", signer.name, "directeur")],
    )
    extra = cover(org, "Jaarstukken 2024 ODMHW", ["Jaarverslag en jaarrekening 2024.",
                                                  "Resultaat na bestemming: EUR 212.000 positief."])
    exp = expect(org=org, name=signer.name, kind="gemeenschappelijke_regeling", subject=subject, letter_date=d,
                 reference="ODMHW-U-25-0877", doc="jaarstukken", topic="natuur en milieu", handling="vka",
                 attachments=("ok", "ok"), people=(signer,))
    return letter_mail("omgevingsdienst_jaarstukken", sender=("Omgevingsdienst MHW", "secretariaat@odmhw.nl"),
                       sent=when(2025, 5, 9, 11, 0), subject="Jaarstukken 2024 ODMHW", letter=letter,
                       filename="Aanbiedingsbrief jaarstukken 2024.pdf", extra=[extra], expected=exp,
                       body="Geachte griffier,\n\nBijgaand de jaarstukken 2024 met aanbiedingsbrief.\n\n"
                            "Secretariaat ODMHW\n")


def werkbedrijf() -> Sample:
    sent, signer = when(2025, 6, 18, 14, 12), Person("Monique Timmermans", phone="06-29384756")
    subject = "Regionaal Werkbedrijf: resultaten banenafspraak 2024"
    body = ("Geachte raadsleden van de gemeente Waterlinde,\n\nGraag informeer ik u over de resultaten van het "
            "Werkbedrijf Rijn en Plassen in 2024. Dankzij de inzet van werkgevers in de regio zijn 214 mensen met "
            "een arbeidsbeperking aan het werk geholpen binnen de banenafspraak, 31 meer dan in 2023.\n\nDe krapte "
            "op de arbeidsmarkt biedt kansen: vooral in de zorg, de techniek en de logistiek. Tegelijk zien we dat "
            "de begeleiding van werkzoekenden met een grote afstand tot de arbeidsmarkt meer tijd vraagt.\n\n"
            "In het najaar presenteren wij het nieuwe regionale arbeidsmarktprogramma 2026-2029.\n\n"
            f"Met vriendelijke groet,\n\n{signer.name}\nDirecteur Werkbedrijf Rijn en Plassen\nM {signer.phone}\n")
    exp = expect(org="Werkbedrijf Rijn en Plassen", name=signer.name, kind="gemeenschappelijke_regeling",
                 subject=subject, letter_date=sent.date(), doc="brief", topic="werk", handling="vka",
                 people=(signer,))
    return text_mail("werkbedrijf_banenafspraak", sender=("Werkbedrijf Rijn en Plassen", "directie@werkbedrijfrp.nl"),
                     sent=sent, subject=subject, body=body, expected=exp)


def rekenkamer() -> Sample:
    d, chair = date(2025, 5, 23), Person("P.A. Hendriks")
    secretary = Person("Jeroen Oosterhuis", email="j.oosterhuis@waterlinde.nl", phone="06-41237788")
    org, subject = "Rekenkamercommissie Waterlinde", "Rapport Grip op jeugdhulp"
    letter = Letter(
        org=org, org_lines=["Postbus 100 · 2840 AA Waterlinde · rekenkamer@waterlinde.nl"],
        place_date=f"Waterlinde, {nl_date(d)}", meta=[("Kenmerk", "RKC-2025-03"), ("Betreft", subject)],
        salutation="Geachte leden van de raad,",
        paragraphs=[
            "Hierbij bieden wij u ons onderzoeksrapport Grip op jeugdhulp aan. Wij onderzochten of de raad "
            "voldoende zicht heeft op de kosten, de toegang en de resultaten van de jeugdhulp.",
            "Onze conclusie is dat de uitgaven in vier jaar met 38 procent zijn gestegen, terwijl de raad weinig "
            "informatie krijgt over de effecten van de hulp. Wij doen vijf aanbevelingen, onder meer over "
            "prestatie-indicatoren en een jaarlijkse monitor.",
            "Wij stellen voor het rapport te bespreken in de commissie Samenleving en daarna in de raad. "
            f"Voor vragen kunt u contact opnemen met de secretaris, {secretary.name}, via {secretary.phone} of "
            f"{secretary.email}.",
        ],
        signatories=[(chair.name, "voorzitter Rekenkamercommissie Waterlinde")],
    )
    extra = cover(org, "Rapport Grip op jeugdhulp", ["Conclusies en aanbevelingen.",
                                                     "Bestuurlijke reactie van het college en nawoord."])
    exp = expect(org=org, name=chair.name, kind="rekenkamer", subject=subject, letter_date=d,
                 reference="RKC-2025-03", doc="brief", topic="zorg en gezondheid", handling="agenderen",
                 attachments=("ok", "ok"), people=(chair, secretary))
    return letter_mail("rekenkamer_jeugdhulp", sender=(secretary.name, secretary.email or ""),
                       sent=when(2025, 5, 23, 16, 45), subject="Aanbieding rapport Grip op jeugdhulp", letter=letter,
                       filename="Aanbiedingsbrief RKC Grip op jeugdhulp.pdf", extra=[extra], expected=exp,
                       body=f"Beste griffie,\n\nBijgaand het rapport en de aanbiedingsbrief.\n\nGroet,\n"
                            f"{secretary.name}\n")


def _rib(slug: str, number: str, d: date, subject: str, portfolio: Person, paragraphs: list[str], topic: str,
         sent_day: int) -> Sample:
    secretary, mayor = Person("M.L. de Graaf"), Person("J.W. Hofman")
    letter = Letter(
        org="Gemeente Waterlinde", org_lines=["College van burgemeester en wethouders", "Postbus 100 · 2840 AA Waterlinde"],
        meta=[("Raadsinformatiebrief", number), ("Datum", nl_date(d)), ("Portefeuillehouder", portfolio.name),
              ("Onderwerp", subject)],
        salutation="Geachte leden van de raad,", paragraphs=paragraphs, closing="Het college van burgemeester en "
        "wethouders van Waterlinde,", signatories=[(secretary.name, "secretaris"), (mayor.name, "burgemeester")],
    )
    exp = expect(org="College van burgemeester en wethouders van Waterlinde", name=secretary.name, kind="college",
                 subject=subject, letter_date=d, reference=number, doc="raadsinformatiebrief", topic=topic,
                 handling="vka", attachments=("ok",), people=(portfolio, secretary, mayor))
    return letter_mail(slug, sender=("Bestuurssecretariaat Waterlinde", "bestuurssecretariaat@waterlinde.nl"),
                       sent=when(d.year, d.month, sent_day, 12, 0), subject=f"Raadsinformatiebrief {number} {subject}",
                       letter=letter, filename=f"RIB {number} {subject}.pdf", expected=exp, to=[RAAD],
                       body="Aan de leden van de raad,\n\nBijgaand ontvangt u een raadsinformatiebrief van het "
                            "college.\n\nBestuurssecretariaat gemeente Waterlinde\n")


def ribs() -> list[Sample]:
    return [
        _rib("rib_woningbouw", "2025-14", date(2025, 4, 22), "Voortgang woningbouwprogramma 2025",
             Person("T. Willemsen"), [
                 "Met deze brief informeren wij u over de voortgang van het woningbouwprogramma. In 2024 zijn 186 "
                 "woningen opgeleverd, waarvan 74 sociale huurwoningen. Dat is minder dan de 220 woningen die wij "
                 "ons ten doel hadden gesteld.",
                 "De vertraging komt vooral door netcongestie en bezwaarprocedures bij de Molenwijk-Zuid. Voor 2025 "
                 "verwachten wij 240 opleveringen, waaronder de eerste 40 woningen in het project Havenkwartier.",
                 "Wij informeren u in het najaar opnieuw, samen met de woonmonitor."], "wonen", 23),
        _rib("rib_schoolzones", "2025-17", date(2025, 5, 13), "Verkeersveiligheid rond basisscholen",
             Person("R. Koç"), [
                 "In 2024 hebben wij met Veilig Verkeer Nederland de omgeving van alle elf basisscholen onderzocht. "
                 "Bij zes scholen zijn knelpunten gevonden, vooral door parkeren op de stoep en te hard rijden.",
                 "Wij richten deze scholen dit jaar in als schoolzone met rode markering, smallere rijbanen en "
                 "kiss-and-ride-plaatsen. De kosten van EUR 180.000 passen binnen het budget verkeersveiligheid."],
             "verkeer", 14),
        _rib("rib_minimabeleid", "2025-21", date(2025, 6, 17), "Evaluatie minimabeleid 2023-2024",
             Person("S. van Rijn-Bos"), [
                 "Hierbij ontvangt u de evaluatie van het minimabeleid over 2023 en 2024. Het bereik van de "
                 "individuele inkomenstoeslag steeg van 41 naar 56 procent; het bereik van de meedoenregeling voor "
                 "kinderen bleef achter.",
                 "Wij gaan de regelingen vereenvoudigen tot één aanvraag en werken samen met scholen en "
                 "sportverenigingen om gezinnen beter te bereiken. Een voorstel volgt bij de begroting 2026."],
             "sociale zekerheid", 18),
    ]


def motie_rijnstad() -> Sample:
    d, clerk, chair = date(2025, 5, 20), Person("B. Vermeulen"), Person("C.A. Smit-de Boer")
    subject = "Aangenomen motie Eerlijke financiering gemeentefonds"
    letter = Letter(
        org="Gemeenteraad van Rijnstad", org_lines=["Stadhuisplein 1 · 2450 AA Rijnstad"],
        addressee=["Aan de gemeenteraden van Nederland"], place_date=f"Rijnstad, {nl_date(d)}",
        meta=[("Kenmerk", "RIJ/GR/2025/0312"), ("Onderwerp", subject)], salutation="Geachte gemeenteraad,",
        paragraphs=[
            "In zijn vergadering van 15 mei 2025 heeft de gemeenteraad van Rijnstad de onderstaande motie "
            "aangenomen. De raad verzoekt ons de motie aan alle gemeenteraden van Nederland toe te zenden.",
            "## Motie Eerlijke financiering gemeentefonds",
            "De raad van de gemeente Rijnstad, constaterende dat gemeenten vanaf 2026 worden geconfronteerd met een "
            "forse daling van het gemeentefonds; overwegende dat gemeenten hierdoor moeten bezuinigen op "
            "voorzieningen voor inwoners; verzoekt de regering de opschalingskorting definitief te schrappen en "
            "de financiering van gemeenten structureel op orde te brengen, en gaat over tot de orde van de dag.",
            "Wij roepen uw raad op een vergelijkbare motie te overwegen.",
        ],
        closing="De raad van de gemeente Rijnstad,",
        signatories=[(clerk.name, "griffier"), (chair.name, "voorzitter")],
    )
    exp = expect(org="Gemeenteraad van Rijnstad", name=clerk.name, kind="raad", subject=subject, letter_date=d,
                 reference="RIJ/GR/2025/0312", doc="motie_andere_gemeente", circular=True,
                 topic="overheidsfinanciën", handling="vka", attachments=("ok",), people=(clerk, chair))
    return letter_mail("motie_rijnstad", sender=("Griffie Rijnstad", "griffie@rijnstad.nl"),
                       sent=when(2025, 5, 21, 10, 30), subject="Motie gemeenteraad Rijnstad: eerlijke financiering",
                       letter=letter, filename="Motie Rijnstad gemeentefonds.pdf", expected=exp,
                       body="Geachte griffier,\n\nNamens de gemeenteraad van Rijnstad zenden wij u bijgaande motie "
                            "toe, met het verzoek deze aan uw raad voor te leggen.\n\nMet vriendelijke groet,\n"
                            "Griffie Rijnstad\n")


def regional_samples() -> list[Sample]:
    return [veiligheidsregio(), ggd(), omgevingsdienst(), werkbedrijf(), rekenkamer(), *ribs(), motie_rijnstad()]
