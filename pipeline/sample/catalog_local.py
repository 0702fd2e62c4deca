"""Sample mail from local organisations and companies, including the encrypted and the broken PDF."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, nl_date, num_date, text_mail
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import when


def ondernemers() -> Sample:
    d, chair = date(2025, 6, 4), Person("Sandra Hoekstra")
    org, subject = "Ondernemersvereniging Waterlinde Centrum", "Kadernota 2026: investeer in een levendig centrum"
    letter = Letter(
        org=org, org_lines=["Postbus 88 · 2840 AB Waterlinde · info@ovwaterlinde.nl"],
        place_date=f"Waterlinde, {nl_date(d)}", meta=[("Betreft", subject)],
        salutation="Geachte leden van de raad,",
        paragraphs=[
            "De leegstand in de Hoogstraat is in twee jaar opgelopen tot elf procent. Ondernemers merken dat "
            "bezoekers wegblijven door de slechte staat van de bestrating en het gebrek aan fietsparkeerplekken.",
            "Wij vragen u bij de behandeling van de kadernota 2026 middelen vrij te maken voor het centrumplan en "
            "een bedrijveninvesteringszone (BIZ) te ondersteunen. De ondernemers zijn bereid zelf jaarlijks "
            "EUR 90.000 bij te dragen.",
        ],
        signatories=[(chair.name, f"voorzitter {org}")],
    )
    exp = expect(org=org, name=chair.name, kind="organisatie", subject=subject, letter_date=d, doc="brief",
                 topic="economie", handling="betrekken", attachments=("ok",), people=(chair,))
    return letter_mail("ondernemers_kadernota", sender=(org, "info@ovwaterlinde.nl"), sent=when(2025, 6, 4, 15, 33),
                       subject="Brief aan de raad over de kadernota", letter=letter, expected=exp,
                       filename="OVWC brief kadernota 2026.pdf",
                       body="Geachte griffier,\n\nBijgaand onze brief voor de raad.\n\nOndernemersvereniging "
                            "Waterlinde Centrum\n")


def schoolbestuur() -> Sample:
    d, director = date(2025, 3, 20), Person("dr. L.M. (Lieke) Jacobs")
    named = Person("L.M. (Lieke) Jacobs")
    org = "Stichting Openbaar Onderwijs Waterlinde"
    subject = "Integraal huisvestingsplan onderwijs 2026-2041"
    letter = Letter(
        org=org, org_lines=["Schoolstraat 14 · 2842 SL Waterlinde"],
        meta=[("Datum", nl_date(d)), ("Kenmerk", "SOOW/CvB/25-019"), ("Onderwerp", subject)],
        salutation="Geachte raad,",
        paragraphs=[
            "Binnenkort besluit u over het integraal huisvestingsplan onderwijs voor de komende vijftien jaar. "
            "Namens de openbare scholen vragen wij u de nieuwbouw van De Regenboog naar voren te halen.",
            "Het gebouw uit 1968 voldoet niet meer aan de eisen voor binnenklimaat en toegankelijkheid. In de "
            "zomer loopt de temperatuur in de lokalen op tot boven de dertig graden.",
            "Wij vragen u deze brief te betrekken bij uw besluit over het huisvestingsplan.",
        ],
        signatories=[("Namens het college van bestuur,", director.name, "bestuurder")],
    )
    exp = expect(org=org, name=named.name, kind="organisatie", subject=subject, letter_date=d,
                 reference="SOOW/CvB/25-019", doc="brief", topic="onderwijs en wetenschap", handling="betrekken",
                 attachments=("ok",), people=(named,))
    return letter_mail("schoolbestuur_ihp", sender=("Bestuursbureau SOOW", "bestuursbureau@soow.nl"),
                       sent=when(2025, 3, 21, 11, 12), subject="IHP: brief aan de gemeenteraad", letter=letter,
                       filename="Brief gemeenteraad IHP.pdf", expected=exp,
                       body="Geachte griffie,\n\nIn de bijlage treft u een brief aan de gemeenteraad aan.\n\n"
                            "Bestuursbureau SOOW\n")


def historische_vereniging() -> Sample:
    sent = when(2025, 4, 2, 19, 48)
    secretary = Person("Wim Schouten", email="w.schouten@historischwaterlinde.nl", phone="(0180) 61 23 45")
    subject = "Verzoek om ondersteuning: depot voor de collectie"
    body = ("Geachte leden van de gemeenteraad,\n\nDe Historische Vereniging Oud-Waterlinde beheert een collectie "
            "van ruim 6.000 foto's, kaarten en voorwerpen over de geschiedenis van ons dorp. De zolder van het "
            "oude raadhuis, waar de collectie ligt, moet wegens asbest worden ontruimd.\n\nWij vragen de gemeente "
            "om tijdelijke opslagruimte en een eenmalige bijdrage voor de verhuizing en digitalisering. Zonder "
            "hulp dreigt een deel van de collectie verloren te gaan.\n\nWij lichten ons verzoek graag toe.\n\n"
            f"Met vriendelijke groet,\n\n{secretary.name}\nsecretaris Historische Vereniging Oud-Waterlinde\n"
            f"Tel. {secretary.phone}\n{secretary.email}\n")
    exp = expect(org="Historische Vereniging Oud-Waterlinde", name=secretary.name, kind="organisatie",
                 subject=subject, letter_date=sent.date(), doc="brief", topic="cultuur en recreatie",
                 handling="college_afdoening", people=(secretary,))
    return text_mail("historische_vereniging", sender=(secretary.name, secretary.email or ""), sent=sent,
                     subject=subject, body=body, expected=exp)


def clientenraad() -> Sample:
    d, chair = date(2025, 6, 23), Person("Hatice Demir")
    org, subject = "Cliëntenraad Sociaal Domein Waterlinde", "Advies over de evaluatie van het minimabeleid"
    letter = Letter(
        org=org, org_lines=["p/a Postbus 100 · 2840 AA Waterlinde"], place_date=f"Waterlinde, {nl_date(d)}",
        meta=[("Ons kenmerk", "CR-2025-08"), ("Betreft", subject)], salutation="Geachte raadsleden,",
        paragraphs=[
            "De cliëntenraad heeft de evaluatie van het minimabeleid besproken met inwoners die van de regelingen "
            "gebruikmaken. Zij ervaren de aanvraagformulieren als ingewikkeld en weten vaak niet waar zij recht "
            "op hebben.",
            "Wij adviseren één loket, een eenvoudige aanvraag en actieve benadering van huishoudens met "
            "betalingsachterstanden. Wij vragen u ons advies te betrekken bij de bespreking van de evaluatie.",
        ],
        signatories=[(chair.name, f"voorzitter {org}")],
    )
    exp = expect(org=org, name=chair.name, kind="organisatie", subject=subject, letter_date=d, reference="CR-2025-08",
                 doc="brief", topic="sociale zekerheid", handling="betrekken", attachments=("ok",), people=(chair,))
    return letter_mail("clientenraad_minimabeleid", sender=(org, "clientenraad@waterlinde.nl"),
                       sent=when(2025, 6, 24, 10, 3), subject="Advies cliëntenraad minimabeleid", letter=letter,
                       filename="Advies cliëntenraad minimabeleid.pdf", expected=exp,
                       body="Geachte griffie,\n\nHierbij het advies van de cliëntenraad.\n\nMet vriendelijke groet,\n"
                            "Cliëntenraad Sociaal Domein Waterlinde\n")


def stedenband() -> Sample:
    sent, chair = when(2025, 3, 14, 12, 20), Person("Agnieszka Nowak-Verhoeven")
    subject = "30 jaar stedenband Waterlinde-Leszno"
    body = ("Geachte raad,\n\nDit jaar bestaat de stedenband tussen Waterlinde en de Poolse gemeente Leszno dertig "
            "jaar. In september ontvangen wij een delegatie van het stadsbestuur en een jeugdorkest uit Leszno.\n\n"
            "Wij informeren u graag over het programma en nodigen raadsleden uit om in de werkgroep mee te denken "
            "over uitwisselingen voor scholieren.\n\nMet hartelijke groet,\n\n"
            f"{chair.name}\nvoorzitter Stichting Stedenband Waterlinde-Leszno\n")
    exp = expect(org="Stichting Stedenband Waterlinde-Leszno", name=chair.name, kind="organisatie", subject=subject,
                 letter_date=sent.date(), doc="brief", topic="internationaal", handling="vka", people=(chair,))
    return text_mail("stedenband_leszno", sender=("Stedenband Waterlinde-Leszno", "info@stedenbandleszno.nl"),
                     sent=sent, subject=subject, body=body, expected=exp)


def vluchtelingenwerk_broken() -> Sample:
    d, coordinator = date(2025, 4, 29), Person("Ruud Lambregts", email="r.lambregts@vluchtelingenwerk-rp.nl")
    org, subject = "VluchtelingenWerk Rijn en Plassen", "Jaarverslag 2024 VluchtelingenWerk Waterlinde"
    letter = Letter(
        org=org, org_lines=["Kerkplein 3 · 2841 KP Waterlinde"], place_date=f"Waterlinde, {nl_date(d)}",
        meta=[("Betreft", subject)], salutation="Geachte raadsleden,",
        paragraphs=["In 2024 begeleidden onze vrijwilligers 164 statushouders bij inburgering, werk en wonen."],
        signatories=[(coordinator.name, "coördinator")],
    )
    body = (f"Geachte raadsleden,\n\nBijgaand ons jaarverslag 2024. In 2024 begeleidden onze 58 vrijwilligers "
            "164 statushouders in Waterlinde bij inburgering, taal, werk en wonen.\n\nMet vriendelijke groet,\n\n"
            f"{coordinator.name}\ncoördinator {org}\n{coordinator.email}\n")
    # The broken letter cannot be read: the mail's own date is the letter date.
    exp = expect(org=org, name=coordinator.name, kind="organisatie", subject=subject, letter_date=date(2025, 4, 30),
                 doc="brief", topic="migratie en integratie", handling="vka", attachments=("broken",),
                 people=(coordinator,))
    return letter_mail("vluchtelingenwerk_jaarverslag", sender=(coordinator.name, coordinator.email or ""),
                       sent=when(2025, 4, 30, 13, 37), subject=subject, body=body, letter=letter, how="broken",
                       filename="Jaarverslag 2024 VWRP.pdf", expected=exp)


def jeugdzorg_encrypted() -> Sample:
    d, director = date(2025, 7, 1), Person("Bart Wouters", email="b.wouters@dekering-jeugd.nl")
    org, subject = "De Kering Jeugdhulp B.V.", "Tarieven jeugdhulp 2026"
    letter = Letter(
        org=org, org_lines=["Industrieweg 40 · 2845 IW Waterlinde"], meta=[("Datum", num_date(d)),
                                                                            ("Betreft", subject)],
        paragraphs=["De tarieven die de regio voor 2026 voorstelt, dekken de kosten van ambulante jeugdhulp niet.",
                    "Wij vragen u het college te verzoeken de tarieven opnieuw te laten toetsen."],
        signatories=[(director.name, "directeur")],
    )
    body = ("Geachte leden van de gemeenteraad,\n\nBijgaand treft u een beveiligde brief aan over de tarieven "
            "jeugdhulp 2026. Het wachtwoord ontvangt u per sms van het secretariaat.\n\nMet vriendelijke groet,\n\n"
            f"{director.name}\ndirecteur {org}\n")
    exp = expect(org=org, name=director.name, kind="bedrijf", subject=subject, letter_date=date(2025, 7, 2),
                 doc="brief", topic="zorg en gezondheid", handling="college_afdoening", attachments=("encrypted",),
                 people=(director,))
    return letter_mail("jeugdzorg_beveiligd", sender=(director.name, director.email or ""),
                       sent=when(2025, 7, 2, 9, 9), subject=subject, body=body, letter=letter, how="encrypted",
                       filename="Brief tarieven jeugdhulp 2026 (beveiligd).pdf", expected=exp)


def dorpsraad() -> Sample:
    sent, secretary = when(2025, 5, 15, 20, 2), Person("Kees Bosman", phone="06-90817263")
    subject = "Verzoek om kennismaking met de fractievoorzitters"
    body = ("Geachte griffier,\n\nDe Dorpsraad Oudekerk heeft onlangs de dorpsvisie 2035 vastgesteld. Wij willen "
            "deze visie graag presenteren aan de fractievoorzitters van de raad, bij voorkeur tijdens een "
            "informatiebijeenkomst na de zomer.\n\nKunt u ons laten weten welke data mogelijk zijn?\n\n"
            f"Met vriendelijke groet,\n\n{secretary.name}\nsecretaris Dorpsraad Oudekerk\n{secretary.phone}\n")
    exp = expect(org="Dorpsraad Oudekerk", name=secretary.name, kind="organisatie", subject=subject,
                 letter_date=sent.date(), doc="brief", topic="ruimte en infrastructuur", handling="griffie",
                 people=(secretary,))
    return text_mail("dorpsraad_kennismaking", sender=("Dorpsraad Oudekerk", "dorpsraad@oudekerk.nl"), sent=sent,
                     subject=subject, body=body, expected=exp)


def local_samples() -> list[Sample]:
    return [ondernemers(), schoolbestuur(), historische_vereniging(), clientenraad(), stedenband(),
            vluchtelingenwerk_broken(), jeugdzorg_encrypted(), dorpsraad()]
