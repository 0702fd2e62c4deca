"""Sample mail from inhabitants: complaints, petitions, a bezwaarschrift, a letter to one member, requests."""

from __future__ import annotations

import quopri
from datetime import date
from email.header import Header

from .build import letter_mail, nl_date, text_mail
from .catalog_residents import resident_samples
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import when


def _block(p: Person) -> list[str]:
    lines = [p.name, *p.address_lines()]
    if p.phone:
        lines.append(f"Tel.: {p.phone}")
    if p.email:
        lines.append(f"E-mail: {p.email}")
    return lines


def parking() -> Sample:
    p = Person("Johan de Vries", email="j.devries58@ziggo.nl", phone="06-12837465", street="Molenweg 14",
               postcode="2843 KM")
    sent, subject = when(2025, 3, 10, 21, 14), "Klacht over parkeeroverlast Molenweg"
    body = ("Geachte gemeenteraad,\n\nAl maanden staat de Molenweg 's avonds vol met auto's van bezoekers van de "
            "sporthal. Er wordt op de stoep en voor uitritten geparkeerd, zodat ik met mijn rollator niet over de "
            "stoep kan en de vuilniswagen niet door kan.\n\nIk heb dit drie keer gemeld bij de gemeente, maar er "
            "gebeurt niets. Ik vraag u te zorgen voor handhaving en een parkeerverbod aan één kant van de weg.\n\n"
            f"Met vriendelijke groet,\n\n{p.name}\n{p.street}\n{p.postcode} Waterlinde\n{p.phone}\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="klacht",
                 topic="verkeer", handling="college_afdoening", people=(p,))
    return text_mail("klacht_parkeren", sender=(p.name, p.email or ""), sent=sent, subject=subject, body=body,
                     expected=exp)


def noise() -> Sample:
    p = Person("Fatima Ouali", email="fatima.ouali@hotmail.com", phone="06-48291037", street="Kerkstraat 9",
               postcode="2841 KB")
    d, subject = date(2025, 6, 16), "Geluidsoverlast terras Kerkplein"
    letter = Letter(
        org=None, sender_block=_block(p), place_date=f"Waterlinde, {nl_date(d)}", meta=[("Onderwerp", subject)],
        salutation="Geachte leden van de gemeenteraad,",
        paragraphs=[
            "Sinds het terras van het café op het Kerkplein tot 01.00 uur open mag, is er bijna elke nacht "
            "geluidsoverlast. Bezoekers blijven na sluitingstijd op het plein hangen en er wordt glas gebroken.",
            "Ik heb meerdere meldingen gedaan bij de politie en de gemeente. Mijn kinderen slapen slecht en ik "
            "moet om zes uur op voor mijn werk in de thuiszorg. Ik vraag u om strengere handhaving en om de "
            "terrastijden door de week terug te brengen naar 23.00 uur.",
        ],
        signatories=[(p.name,)],
    )
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=d, doc="klacht",
                 topic="openbare orde en veiligheid", handling="college_afdoening", attachments=("ok",), people=(p,))
    return letter_mail("klacht_geluid", sender=(p.name, p.email or ""), sent=when(2025, 6, 16, 23, 40),
                       subject="brief voor de raad", body="Zie bijlage.\n\nFatima\n", letter=letter,
                       filename="klacht kerkplein.pdf", expected=exp)


def benefits() -> Sample:
    p = Person("Henk Verhagen", email="h.verhagen@kpnmail.nl", phone="0180-612987", street="Dijkstraat 112",
               postcode="2845 DS", iban="NL91ABNA0417164300", bsn="123456782", birthdate="14-03-1958")
    sent, subject = when(2025, 4, 3, 10, 27), "Klacht over afhandeling bijzondere bijstand"
    body = ("Geachte raadsleden,\n\nIk schrijf u omdat ik al vijf maanden wacht op een besluit over mijn aanvraag "
            "bijzondere bijstand voor een nieuwe koelkast en wasmachine. Ik heb alle papieren drie keer "
            "ingeleverd.\n\nMijn gegevens, zodat u het kunt nakijken:\n"
            f"Naam: {p.name}\nGeboortedatum: {p.birthdate}\nBSN: {p.bsn}\nRekeningnummer: {p.iban}\n"
            f"Adres: {p.street}, {p.postcode} Waterlinde\n\nIk leef van een klein pensioen en kan deze uitgaven niet "
            "zelf betalen. Ik vind het onbehoorlijk dat niemand mij terugbelt. Graag een reactie.\n\n"
            f"Met vriendelijke groet,\n{p.name}\nTelefoon {p.phone}\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="klacht",
                 topic="sociale zekerheid", handling="college_afdoening", people=(p,))
    return text_mail("klacht_bijstand", sender=(p.name, p.email or ""), sent=sent, subject=subject, body=body,
                     expected=exp)


def trees_scanned() -> Sample:
    p = Person("Gerda Smit-Koster", phone="0180-614455", street="Lindelaan 41", postcode="2842 LB")
    d, subject = date(2025, 5, 12), "Kap van de lindebomen aan de Lindelaan"
    letter = Letter(
        org=None, sender_block=_block(p), place_date=f"Waterlinde, {nl_date(d)}", meta=[("Betreft", subject)],
        salutation="Geachte raad,",
        paragraphs=[
            "Met verbazing las ik in het huis-aan-huisblad dat de gemeente alle 34 lindebomen aan de Lindelaan wil "
            "kappen voor de vervanging van het riool. Deze bomen zijn bijna honderd jaar oud en geven onze straat "
            "haar naam.",
            "Ik vraag u te onderzoeken of het riool kan worden vervangen zonder de bomen te kappen, zoals in andere "
            "gemeenten gebeurt. Ook vraag ik u de bewoners te betrekken voordat er een kapvergunning wordt "
            "verleend.",
        ],
        signatories=[(p.name,)],
    )
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=d, doc="klacht",
                 topic="natuur en milieu", handling="college_afdoening", attachments=("ocr",), people=(p,))
    return letter_mail("klacht_bomenkap_scan", sender=("Scanner Postkamer", "scan@waterlinde.nl"),
                       sent=when(2025, 5, 14, 9, 32), subject="Gescand document 20250514-0932",
                       body="Gescand document van apparaat MFP-Postkamer-01.\nAantal pagina's: 1\n",
                       letter=letter, how="scan", filename="SCAN_20250514_0932.pdf", expected=exp)


def wmo_docx() -> Sample:
    p = Person("Jan-Willem Kuipers", email="jw.kuipers@outlook.com", phone="06-37481920", street="Havenkade 5",
               postcode="2841 HK")
    mother = Person("Cornelia Kuipers-van Dam", birthdate="2 februari 1941", street="Wilgenhof 17")
    d, subject = date(2025, 6, 26), "Klacht over huishoudelijke hulp van mijn moeder"
    letter = Letter(
        org=None, sender_block=_block(p), place_date=f"Waterlinde, {nl_date(d)}", meta=[("Betreft", subject)],
        salutation="Geachte leden van de gemeenteraad,",
        paragraphs=[
            f"Mijn moeder, mevrouw {mother.name} (geboren {mother.birthdate}), woont zelfstandig aan de "
            f"{mother.street}. Zij heeft na een heupoperatie een indicatie voor huishoudelijke hulp via de Wmo.",
            "Sinds de gemeente in april van zorgaanbieder is gewisseld, komt de hulp onregelmatig en vaak "
            "helemaal niet. Niemand belt af. Mijn moeder is slecht ter been en kan het huishouden niet zelf doen.",
            "Ik vraag u het college te laten zorgen dat de afgesproken zorg wordt geleverd, en dat inwoners bij "
            "uitval worden geïnformeerd.",
        ],
        signatories=[(p.name,)],
    )
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=d, doc="klacht",
                 topic="zorg en gezondheid", handling="college_afdoening", attachments=("ok",), people=(p, mother))
    return letter_mail("klacht_wmo_docx", sender=(p.name, p.email or ""), sent=when(2025, 6, 26, 14, 2),
                       subject="Klacht huishoudelijke hulp", body="Geachte griffie,\n\nIn de bijlage mijn brief aan "
                       f"de gemeenteraad.\n\nMet vriendelijke groet,\n{p.name}\n", letter=letter, how="docx",
                       filename="Brief gemeenteraad huishoudelijke hulp.docx", expected=exp)


def cafe_latin1() -> Sample:
    """Hand-written bytes: an old mail client that sends ISO-8859-1 with a quoted-printable body."""
    p = Person("Ëlla Dekker", email="ella@cafedereunie.nl", phone="06-21436587")
    subject = "Klacht: evenementenvergunning reünie-weekend café"
    body = (f"Geachte leden van de raad,\n\nAls eigenaar van Café De Reünie aan de Havenkade organiseer ik al "
            "twaalf jaar het reünie-weekend voor oud-leerlingen van het Lindecollege. Dit jaar is mijn aanvraag "
            "voor een evenementenvergunning na negen weken geweigerd, zonder uitleg en zonder overleg.\n\n"
            "Andere ondernemers krijgen wél een vergunning voor een vergelijkbaar evenement. Ik vraag u het "
            "college te verzoeken de aanvraag opnieuw en zorgvuldig te beoordelen.\n\nMet vriendelijke groet,\n\n"
            f"{p.name}\nCafé De Reünie\nTel. {p.phone}\n")

    encoded_body = quopri.encodestring(body.encode("iso-8859-1")).decode("ascii")
    raw = "\n".join([
        f"From: {Header(p.name, 'iso-8859-1').encode()} <{p.email}>",
        "To: griffie@waterlinde.nl",
        f"Subject: {Header(subject, 'iso-8859-1').encode()}",
        "Date: Tue, 22 Apr 2025 16:48:03 +0200",
        "Message-ID: <20250422164803.4471@cafedereunie.nl>",
        "X-Mailer: Microsoft Outlook Express 6.00.2900.5931",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="iso-8859-1"',
        "Content-Transfer-Encoding: quoted-printable",
        "",
        encoded_body,
    ])
    exp = expect(org="Café De Reünie", name=p.name, kind="bedrijf", subject=subject, letter_date=date(2025, 4, 22),
                 doc="klacht", topic="economie", handling="college_afdoening", people=(p,))
    return Sample("cafe_iso8859", raw.encode("ascii"), exp)


def samples() -> list[Sample]:
    return [parking(), noise(), benefits(), trees_scanned(), wmo_docx(), cafe_latin1(), *resident_samples()]

