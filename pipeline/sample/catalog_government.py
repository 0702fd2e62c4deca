"""Sample mail from governments: VNG, ministries, province, water board, COA, ombudsman, another council."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, nl_date, num_date, text_mail
from .catalog_regional import regional_samples
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import RAAD, when

MEMBERS = ["Aan de colleges van burgemeester en wethouders", "en de leden van de gemeenteraden"]


def vng_ledenbrief() -> Sample:
    d, signer = date(2025, 3, 11), Person("Hanneke Dijkstra")
    subject = "Financiële verhoudingen na 2026: uitkomsten ledenraadpleging"
    letter = Letter(
        org="Vereniging van Nederlandse Gemeenten", org_lines=["Postbus 30435 · 2500 GK Den Haag · www.vng.nl"],
        addressee=MEMBERS,
        meta=[("Datum", nl_date(d)), ("Ons kenmerk", "TLS/U202500214"), ("Lbr. nr.", "25/012"),
              ("Telefoon", "070 373 83 93"), ("Betreft", subject)],
        salutation="Geachte leden van het college en de raad,",
        paragraphs=[
            "Met deze ledenbrief informeren wij u over de uitkomsten van de ledenraadpleging over de financiële "
            "verhoudingen tussen Rijk en gemeenten. Ruim 280 gemeenten hebben gereageerd; een ruime meerderheid "
            "steunt de inzet van de VNG op een stabiel en toereikend gemeentefonds.",
            "Gemeenten zien vanaf 2026 structurele tekorten ontstaan door de opschalingskorting en de stijgende "
            "uitgaven in het sociaal domein. Wij blijven bij het kabinet aandringen op een nieuwe, duurzame "
            "financieringssystematiek en op een eigen belastinggebied voor gemeenten.",
            "In de bijlage bij deze brief vindt u de volledige resultaten per provincie. Wij adviseren colleges "
            "deze uitkomsten te betrekken bij de voorbereiding van de kadernota en de begroting 2026.",
        ],
        closing="Met vriendelijke groet, Vereniging van Nederlandse Gemeenten",
        signatories=[(signer.name, "algemeen directeur")],
    )
    sent = when(2025, 3, 12, 10, 5)
    body = ("Geachte leden van het college en de raad,\n\nHierbij ontvangt u ledenbrief Lbr. 25/012 van de "
            "Vereniging van Nederlandse Gemeenten.\nDeze ledenbrief staat ook op vng.nl/brieven.\n\n"
            "Met vriendelijke groet,\nVereniging van Nederlandse Gemeenten\n")
    exp = expect(org="Vereniging van Nederlandse Gemeenten", name=signer.name, kind="organisatie", subject=subject,
                 letter_date=d, reference="TLS/U202500214", doc="rondzendbrief", circular=True,
                 topic="overheidsfinanciën", handling="vka", attachments=("ok",), people=(signer,))
    return letter_mail("vng_ledenbrief", sender=("VNG Ledenbrieven", "ledenbrieven@vng.nl"), sent=sent,
                       subject="Ledenbrief: " + subject, body=body, letter=letter,
                       filename="Lbr. 25-012 Financiele verhoudingen.pdf", expected=exp, to=[RAAD])


def bzk_circulaire() -> Sample:
    d, signer = date(2025, 3, 25), Person("R.J. Hoogendoorn")
    subject = "Circulaire rechtspositie decentrale politieke ambtsdragers 2025"
    letter = Letter(
        org="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        org_lines=["Turfmarkt 147 · Postbus 20011 · 2500 EA Den Haag · www.rijksoverheid.nl"],
        addressee=["Aan de colleges van burgemeester en wethouders,", "de gemeenteraden en de griffiers"],
        meta=[("Datum", nl_date(d)), ("Kenmerk", "2025-0000187431"), ("Betreft", subject)],
        salutation="Geachte college- en raadsleden,",
        paragraphs=[
            "Met deze circulaire informeer ik u over de wijzigingen in de rechtspositie van wethouders, "
            "raadsleden en commissieleden per 1 januari 2025. De vergoedingen voor werkzaamheden worden "
            "geïndexeerd met 2,9 procent, overeenkomstig de loonontwikkeling in de sector Rijk.",
            "Daarnaast wordt de tegemoetkoming in de kosten van ondersteuning voor raadsleden verruimd. "
            "Raadsleden kunnen voortaan ook kosten voor scholing in digitale veiligheid vergoed krijgen.",
            "De bedragen per gemeentegrootteklasse vindt u in de tabellen in de bijlage. De griffier wordt "
            "verzocht deze circulaire onder de aandacht van de raad te brengen.",
        ],
        closing="De Minister van Binnenlandse Zaken en Koninkrijksrelaties,",
        signatories=[("namens deze,", "de directeur Democratie en Bestuur,", signer.name)],
    )
    sent = when(2025, 3, 27, 14, 30)
    exp = expect(org="Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", name=signer.name, kind="overheid",
                 subject=subject, letter_date=d, reference="2025-0000187431", doc="rondzendbrief", circular=True,
                 topic="organisatie en bedrijfsvoering", handling="vka", attachments=("ok",), people=(signer,))
    return letter_mail("bzk_circulaire", sender=("Postbus Democratie en Bestuur", "postbus.dnb@minbzk.nl"),
                       sent=sent, subject=subject, letter=letter, filename="Circulaire rechtspositie 2025.pdf",
                       body="Geachte griffier,\n\nBijgaand treft u de circulaire rechtspositie decentrale politieke "
                            "ambtsdragers 2025 aan.\n\nMet vriendelijke groet,\nMinisterie van BZK\n", expected=exp)


def szw_minister() -> Sample:
    d, signer = date(2025, 4, 14), Person("Y.M. van den Berg-Smit")
    subject = "Participatiewet in balans: wat verandert er voor gemeenten"
    letter = Letter(
        org="Ministerie van Sociale Zaken en Werkgelegenheid", org_lines=["Postbus 90801 · 2509 LV Den Haag"],
        addressee=MEMBERS, place_date=f"Den Haag, {nl_date(d)}",
        meta=[("Ons kenmerk", "2025-0000093117"), ("Onderwerp", subject)],
        salutation="Geachte colleges en gemeenteraden,",
        paragraphs=[
            "Op 1 april heeft de Tweede Kamer het wetsvoorstel Participatiewet in balans aangenomen. Met deze brief "
            "informeer ik u over de belangrijkste wijzigingen en over de ondersteuning die gemeenten krijgen bij "
            "de invoering.",
            "Het wetsvoorstel geeft gemeenten meer ruimte om maatwerk te bieden. Zo vervalt de verplichte "
            "zoektermijn van vier weken voor jongeren en mogen inwoners met een bijstandsuitkering meer "
            "bijverdienen. Ook wordt de terugvordering bij onbedoelde fouten beperkt.",
            "Het Rijk stelt voor de uitvoering in 2025 en 2026 extra middelen beschikbaar via het gemeentefonds. "
            "Divosa en de VNG organiseren in het najaar regionale bijeenkomsten voor beleidsmakers en raadsleden.",
        ],
        closing="Hoogachtend,",
        signatories=[("de Minister van Sociale Zaken en Werkgelegenheid,", signer.name)],
    )
    sent = when(2025, 4, 15, 11, 42)
    exp = expect(org="Ministerie van Sociale Zaken en Werkgelegenheid", name=signer.name, kind="overheid",
                 subject=subject, letter_date=d, reference="2025-0000093117", doc="rondzendbrief", circular=True,
                 topic="sociale zekerheid", handling="vka", attachments=("ok",), people=(signer,))
    return letter_mail("szw_minister_participatiewet", sender=("Ministerie van SZW", "noreply@minszw.nl"),
                       sent=sent, subject=f"Brief aan gemeenten: {subject}", letter=letter,
                       filename="Brief minister SZW aan gemeenten.pdf", expected=exp,
                       body="Dit bericht is verstuurd aan alle gemeenten. U kunt niet op dit bericht reageren.\n")


def ienw_reply() -> Sample:
    d, signer = date(2025, 5, 2), Person("M.C. Vos")
    subject = "Reactie op uw motie over de spoorwegovergang Dijkweg"
    letter = Letter(
        org="Ministerie van Infrastructuur en Waterstaat", org_lines=["Postbus 20901 · 2500 EX Den Haag"],
        addressee=["Aan de gemeenteraad van Waterlinde", "t.a.v. de griffier", "Postbus 100", "2840 AA  Waterlinde"],
        meta=[("Datum", nl_date(d)), ("Uw kenmerk", "M-2025-07"), ("Ons kenmerk", "IENW/BSK-2025/98765"),
              ("Onderwerp", subject)],
        salutation="Geachte leden van de gemeenteraad,",
        paragraphs=[
            "Op 6 februari jongstleden heeft uw raad een motie aangenomen waarin u mij vraagt de onbewaakte "
            "spoorwegovergang aan de Dijkweg met voorrang te beveiligen. Ik dank u voor uw betrokkenheid bij de "
            "veiligheid van deze overgang.",
            "ProRail heeft de overgang opgenomen in het Landelijk Verbeterprogramma Overwegen. De beveiliging met "
            "halve overwegbomen en lichtsignalen staat gepland voor het tweede kwartaal van 2026. Tot die tijd "
            "wordt de maximumsnelheid op de Dijkweg in overleg met uw college verlaagd naar 30 kilometer per uur.",
            "Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd.",
        ],
        closing="DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT,",
        signatories=[(signer.name,)],
    )
    sent = when(2025, 5, 6, 8, 51)
    exp = expect(org="Ministerie van Infrastructuur en Waterstaat", name=signer.name, kind="overheid",
                 subject=subject, letter_date=d, reference="IENW/BSK-2025/98765", doc="brief", topic="verkeer",
                 handling="vka", attachments=("ok",), people=(signer,))
    return letter_mail("ienw_reactie_motie", sender=("Ministerie van IenW", "bsk@minienw.nl"), sent=sent,
                       subject="Uw motie spoorwegovergang Dijkweg (IENW/BSK-2025/98765)", letter=letter,
                       filename="IENW-BSK-2025-98765.pdf", expected=exp,
                       body="Geachte griffier,\n\nIn de bijlage vindt u de reactie van de minister op de motie "
                            "van uw raad.\n\nMet vriendelijke groet,\nBestuursondersteuning IenW\n")


def province_supervision() -> Sample:
    d, signer = date(2025, 3, 18), Person("E.W. Koster")
    subject = "Begroting 2025 en meerjarenraming 2026-2028: financieel toezicht"
    letter = Letter(
        org="Provincie Zuid-Holland", org_lines=["Zuid-Hollandplein 1 · Postbus 90602 · 2509 LP Den Haag"],
        addressee=["Aan de gemeenteraad van Waterlinde", "Postbus 100", "2840 AA  Waterlinde"],
        meta=[("Datum", num_date(d)), ("Ons kenmerk", "PZH-2025-812345678"), ("Onderwerp", subject)],
        salutation="Geachte raad,",
        paragraphs=[
            "Wij hebben uw begroting 2025 en de meerjarenraming 2026-2028 beoordeeld. De begroting is structureel "
            "en reëel in evenwicht. Daarom valt uw gemeente in 2025 onder het repressief toezicht.",
            "Wel vragen wij aandacht voor het dalende weerstandsvermogen en de stijgende schuldpositie als gevolg "
            "van de investeringen in onderwijshuisvesting. Wij verzoeken u bij de volgende begroting te laten zien "
            "hoe u deze risico's beheerst.",
        ],
        signatories=[("Gedeputeerde Staten van Zuid-Holland,", "namens dezen,", signer.name,
                      "afdelingshoofd Bestuur en Samenleving")],
    )
    sent = when(2025, 3, 19, 15, 20)
    exp = expect(org="Provincie Zuid-Holland", name=signer.name, kind="overheid", subject=subject, letter_date=d,
                 reference="PZH-2025-812345678", doc="brief", topic="overheidsfinanciën", handling="vka",
                 attachments=("ok",), people=(signer,))
    return letter_mail("provincie_toezicht", sender=("Provincie Zuid-Holland", "toezicht@pzh.nl"), sent=sent,
                       subject="Toezichtbrief begroting 2025 gemeente Waterlinde", letter=letter,
                       filename="Toezichtbrief 2025 Waterlinde.pdf", expected=exp,
                       body="Geachte griffier,\n\nBijgaand de toezichtbrief over de begroting 2025.\n\n"
                            "Met vriendelijke groet,\nTeam Interbestuurlijk Toezicht\nProvincie Zuid-Holland\n")


def province_circular() -> Sample:
    d, signer = date(2025, 5, 20), Person("Jolanda Brinkman")
    subject = "Voortgang Zuid-Hollands Programma Landelijk Gebied en de rol van gemeenten"
    letter = Letter(
        org="Provincie Zuid-Holland", org_lines=["Postbus 90602 · 2509 LP Den Haag"],
        addressee=["Aan de colleges en gemeenteraden van de Zuid-Hollandse gemeenten"],
        place_date=f"Den Haag, {nl_date(d)}", meta=[("Kenmerk", "PZH-2025-823456012"), ("Betreft", subject)],
        salutation="Geachte college- en raadsleden,",
        paragraphs=[
            "Met deze brief informeren wij alle Zuid-Hollandse gemeenten over de voortgang van het Zuid-Hollands "
            "Programma Landelijk Gebied. Het programma richt zich op natuurherstel, waterkwaliteit en het "
            "verminderen van de stikstofdepositie rond Natura 2000-gebieden.",
            "In elk gebied werken provincie, waterschappen, gemeenten en agrariërs samen aan een gebiedsplan. "
            "Wij vragen gemeenten om mee te denken over de inpassing van maatregelen in hun omgevingsplan.",
            "In september organiseren wij per gebied een informatiebijeenkomst voor raadsleden.",
        ],
        signatories=[("Gedeputeerde Staten van Zuid-Holland,", signer.name, "gedeputeerde Landelijk Gebied")],
    )
    sent = when(2025, 5, 21, 9, 12)
    exp = expect(org="Provincie Zuid-Holland", name=signer.name, kind="overheid", subject=subject, letter_date=d,
                 reference="PZH-2025-823456012", doc="rondzendbrief", circular=True, topic="natuur en milieu",
                 handling="vka", attachments=("ok",), people=(signer,))
    return letter_mail("provincie_landelijk_gebied", sender=("Provincie Zuid-Holland", "landelijkgebied@pzh.nl"),
                       sent=sent, subject="Brief aan Zuid-Hollandse gemeenten: Programma Landelijk Gebied",
                       letter=letter, filename="Brief ZH-PLG aan gemeenten.pdf", expected=exp,
                       body="Geachte griffier,\n\nWij verzoeken u bijgaande brief door te geleiden naar de leden "
                            "van uw raad.\n\nMet vriendelijke groet,\nProgrammabureau Landelijk Gebied\n")


def water_board() -> Sample:
    d, signer = date(2025, 6, 10), Person("ir. G.H. Roodenburg")
    subject = "Dijkversterking Lekdijk-West: start planuitwerking"
    letter = Letter(
        org="Hoogheemraadschap van Rijn en Plassen", org_lines=["Postbus 156 · 2840 AD Waterlinde"],
        meta=[("Datum", nl_date(d)), ("Ons kenmerk", "HRP/2025/04418"), ("Betreft", subject)],
        salutation="Geachte raad,",
        paragraphs=[
            "Het hoogheemraadschap start deze zomer met de planuitwerking voor de versterking van de Lekdijk tussen "
            "Waterlinde en Oudekerk. Uit de laatste beoordeling blijkt dat de dijk over 4,2 kilometer niet voldoet "
            "aan de nieuwe veiligheidsnormen.",
            "Wij betrekken bewoners, ondernemers en uw gemeente vanaf het begin bij de keuze voor een "
            "voorkeursalternatief. De dijkversterking heeft gevolgen voor de ruimtelijke inrichting van het "
            "buitengebied en voor de Dijkstraat.",
            "Wij bieden uw raad graag een informatiebijeenkomst aan in het najaar.",
        ],
        signatories=[("Het college van dijkgraaf en hoogheemraden,", signer.name, "dijkgraaf")],
    )
    sent = when(2025, 6, 11, 10, 2)
    named = Person("G.H. Roodenburg")
    exp = expect(org="Hoogheemraadschap van Rijn en Plassen", name=named.name, kind="overheid", subject=subject,
                 letter_date=d, reference="HRP/2025/04418", doc="brief", topic="ruimte en infrastructuur",
                 handling="vka", attachments=("ok",), people=(named,))
    return letter_mail("hoogheemraadschap_dijk", sender=("Hoogheemraadschap van Rijn en Plassen", "post@hhrp.nl"),
                       sent=sent, subject=subject, letter=letter, filename="Brief gemeenteraad dijkversterking.pdf",
                       body="Geachte griffie,\n\nBijgaand een brief van het college van dijkgraaf en "
                            "hoogheemraden aan uw raad.\n\nHoogheemraadschap van Rijn en Plassen\n", expected=exp)


def coa_mail() -> Sample:
    sent, signer = when(2025, 4, 24, 16, 5), Person("Said El Amrani", email="s.elamrani@coa.nl",
                                                    phone="06-18273645")
    subject = "Stand van zaken opvanglocatie Lindelaan"
    body = (f"Geachte leden van de gemeenteraad van Waterlinde,\n\nGraag informeren wij u over de opvanglocatie aan "
            "de Lindelaan. Sinds januari wonen er 120 asielzoekers, vooral gezinnen uit Syrië en Eritrea. De "
            "samenwerking met de buurt verloopt goed; de klankbordgroep komt elke maand bijeen.\n\nDe kinderen gaan "
            "naar de nieuwkomersklas van basisschool De Regenboog. Statushouders worden in overleg met uw gemeente "
            "zo snel mogelijk gehuisvest, zodat de doorstroom op gang blijft.\n\nVoor vragen kunt u mij bereiken "
            f"op {signer.phone} of via {signer.email}.\n\nMet vriendelijke groet,\n\n{signer.name}\n"
            "Locatiemanager COA Waterlinde\nCentraal Orgaan opvang asielzoekers\n")
    exp = expect(org="Centraal Orgaan opvang asielzoekers", name=signer.name, kind="overheid", subject=subject,
                 letter_date=sent.date(), doc="brief", topic="migratie en integratie", handling="vka",
                 people=(signer,))
    return text_mail("coa_opvanglocatie", sender=(signer.name, signer.email or ""), sent=sent, subject=subject,
                     body=body, expected=exp)


def ombudsman() -> Sample:
    sent, signer = when(2025, 5, 28, 7, 30), Person("Floor Hermans")
    subject = "Jaarverslag 2024: gemeenten en de menselijke maat"
    text = ("Aan de gemeenteraden van Nederland\n\nGeachte raadsleden,\n\nVandaag verschijnt het jaarverslag 2024 "
            "van de Nationale ombudsman. In 2024 ontvingen wij 4.312 klachten over gemeenten, vooral over "
            "schuldhulp, parkeervergunningen en de afhandeling van bezwaren.\n\nWij roepen gemeenteraden op om in "
            "hun controlerende rol aandacht te vragen voor de menselijke maat: bereikbaarheid, begrijpelijke "
            "brieven en een persoonlijke aanpak bij fouten.\n\nHet volledige jaarverslag vindt u op "
            "nationaleombudsman.nl.\n\nMet vriendelijke groet,\n\n" + signer.name + "\nNationale ombudsman\n")
    html = "<html><body>" + "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in text.split("\n\n")) + "</body></html>"
    exp = expect(org="Nationale ombudsman", name=signer.name, kind="overheid", subject=subject,
                 letter_date=sent.date(), doc="rondzendbrief", circular=True, topic="recht", handling="vka",
                 people=(signer,))
    return text_mail("ombudsman_jaarverslag", sender=("Nationale ombudsman", "communicatie@nationaleombudsman.nl"),
                     sent=sent, subject=subject, body=text, html=html, expected=exp)


def samples() -> list[Sample]:
    return [vng_ledenbrief(), bzk_circulaire(), szw_minister(), ienw_reply(), province_supervision(),
            province_circular(), water_board(), coa_mail(), ombudsman(), *regional_samples()]
