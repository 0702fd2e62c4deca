"""More inhabitants' mail: petitions, a bezwaarschrift, a letter to one member, a proposal and a reply."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, msgid, nl_date, text_mail
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import GRIFFIE, finalize, mail, when

MOLENWIJK = "Petitie Speeltuin Molenwijk – handtekeningen en toelichting.pdf"  # en dash: RFC 2231 file name


def petition_playground() -> Sample:
    p = Person("Yvonne Martens", email="yvonne.martens.molenwijk@gmail.com", phone="06-65748392", street="Molenweg 3",
               postcode="2843 KA")
    co1, co2 = Person("Erik Dijkman"), Person("Noor Bakker")
    d, subject = date(2025, 4, 9), "Petitie Behoud speeltuin Molenwijk"
    letter = Letter(
        org=None, sender_block=[p.name, *p.address_lines(), p.phone or "", p.email or ""],
        place_date=f"Waterlinde, {nl_date(d)}", meta=[("Betreft", subject)], salutation="Geachte gemeenteraad,",
        paragraphs=[
            "Namens de bewoners van de Molenwijk bied ik u de petitie Behoud speeltuin Molenwijk aan. De petitie is "
            "ondertekend door 312 bewoners, onder wie veel ouders met jonge kinderen.",
            "Het college wil de speeltuin aan de Molenweg opheffen om er woningen te bouwen. De speeltuin is de "
            "enige plek in de wijk waar kinderen veilig kunnen spelen. Wij vragen de raad de speeltuin te behouden "
            "of een gelijkwaardige plek in de wijk aan te wijzen voordat de bouw begint.",
            f"De petitie is opgesteld door {p.name}, {co1.name} en {co2.name}. Wij bieden de handtekeningen graag "
            "persoonlijk aan tijdens een raadsvergadering.",
        ],
        signatories=[(p.name, "namens de bewoners van de Molenwijk")],
    )
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=d, doc="petitie",
                 topic="cultuur en recreatie", handling="agenderen", attachments=("ok",), people=(p, co1, co2))
    return letter_mail("petitie_speeltuin", sender=(p.name, p.email or ""), sent=when(2025, 4, 9, 20, 55),
                       subject="Petitie speeltuin Molenwijk", letter=letter, filename=MOLENWIJK, expected=exp,
                       body=f"Geachte griffie,\n\nBijgaand onze petitie voor de gemeenteraad.\n\nMet vriendelijke "
                            f"groet,\n{p.name}\n")


def petition_speed() -> Sample:
    p = Person("Rob Hendriks", email="rob.hendriks@xs4all.nl", street="Jan Steenstraat 28", postcode="2846 JS")
    sent, subject = when(2025, 6, 30, 18, 20), "Petitie 30 km-zone Jan Steenstraat"
    body = ("Geachte leden van de gemeenteraad,\n\nWij, 147 bewoners van de Jan Steenstraat en omgeving, vragen u "
            "de Jan Steenstraat in te richten als 30 km-zone. Sinds de afsluiting van de Dijkweg rijdt er veel "
            "doorgaand verkeer door onze straat, vaak veel te hard. Op de straat spelen kinderen en er is een "
            "kinderdagverblijf.\n\nDe lijst met 147 handtekeningen is via petities.nl verzameld en kan op verzoek "
            "worden overgelegd.\n\nMet vriendelijke groet,\n\n"
            f"{p.name}\n{p.street}\n{p.postcode} Waterlinde\nnamens de bewoners van de Jan Steenstraat\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="petitie",
                 topic="verkeer", handling="agenderen", people=(p,))
    return text_mail("petitie_30km", sender=(p.name, p.email or ""), sent=sent, subject=subject, body=body,
                     expected=exp)


def objection() -> Sample:
    p = Person("Annelies Brouwer", email="a.brouwer@planet.nl", phone="06-83920174", street="Lindelaan 21",
               postcode="2842 LA")
    neighbour = Person(p.name, street="Lindelaan 23")  # the neighbour's house: an address of a private person
    d, subject = date(2025, 5, 5), "Bezwaarschrift tegen omgevingsvergunning dakopbouw Lindelaan 23"
    letter = Letter(
        org=None, sender_block=_block(p), addressee=["Aan de gemeenteraad van Waterlinde", "Postbus 100",
                                                     "2840 AA  Waterlinde"],
        place_date=f"Waterlinde, {nl_date(d)}",
        meta=[("Kenmerk besluit", "OV-2025-0412"), ("Betreft", subject)], salutation="Geachte raad,",
        paragraphs=[
            f"Hierbij maak ik bezwaar tegen het besluit van 27 maart 2025 waarbij een omgevingsvergunning is "
            f"verleend voor een dakopbouw op de woning {neighbour.street} (kenmerk OV-2025-0412).",
            "De dakopbouw ontneemt mijn woning en tuin vrijwel alle middagzon en past niet in het beschermde "
            "dorpsgezicht. Ik ben vooraf niet geïnformeerd. Ik verzoek u het besluit te herroepen en mij te horen.",
        ],
        signatories=[(p.name,)],
    )
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=d, doc="bezwaarschrift",
                 topic="ruimte en infrastructuur", handling="niet_op_lijst", on_list=False, attachments=("ok",),
                 people=(p, neighbour))
    return letter_mail("bezwaarschrift_dakopbouw", sender=(p.name, p.email or ""), sent=when(2025, 5, 5, 11, 6),
                       subject="Bezwaarschrift", body="Geachte heer/mevrouw,\n\nBijgaand mijn bezwaarschrift.\n\n"
                       f"{p.name}\n", letter=letter, filename="bezwaarschrift OV-2025-0412.pdf", expected=exp)


def _block(p: Person) -> list[str]:
    return [p.name, *p.address_lines(), *([f"Tel.: {p.phone}"] if p.phone else []),
            *([f"E-mail: {p.email}"] if p.email else [])]


def to_one_member() -> Sample:
    p = Person("Peter Mulder", email="p.mulder1962@ziggo.nl")
    member = Person("A. Visser", email="a.visser@raad.waterlinde.nl")
    sent, subject = when(2025, 3, 26, 17, 35), "Voor raadslid mevrouw Visser: schoolzwemmen"
    body = (f"Geachte mevrouw {member.name},\n\nOp de bewonersavond in de Molenwijk zei u dat u zich wilt inzetten "
            "voor de terugkeer van het schoolzwemmen. Ik ben oud-badmeester en wil u graag vertellen hoe dat vroeger "
            "in Waterlinde was georganiseerd. Misschien kunnen we een keer koffie drinken?\n\nWilt u deze mail aan "
            "mevrouw Visser doorgeven? Ik had haar e-mailadres niet.\n\n"
            f"Hartelijke groet,\n{p.name}\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="brief",
                 topic="onderwijs en wetenschap", handling="niet_op_lijst", on_list=False, people=(p, member))
    return text_mail("brief_aan_raadslid", sender=(p.name, p.email or ""), sent=sent, subject=subject, body=body,
                     expected=exp, cc=[(f"mevrouw {member.name}", member.email or "")])


def knarrenhof() -> Sample:
    p = Person("Tineke van Leeuwen", email="tinekevanleeuwen@kpnmail.nl", phone="06-56473829")
    sent, subject = when(2025, 5, 19, 9, 41), "Initiatief knarrenhof voor senioren"
    body = ("Geachte raadsleden,\n\nMet een groep van twaalf zestigplussers willen wij in Waterlinde een "
            "knarrenhof bouwen: een hofje met levensloopbestendige woningen rond een gezamenlijke tuin, waar "
            "bewoners naar elkaar omkijken.\n\nWij zoeken een geschikte locatie en vragen de gemeente mee te denken, "
            "bijvoorbeeld over de vrijgekomen schoollocatie aan de Zuidsingel. Wilt u het college vragen met ons "
            "in gesprek te gaan en de raad over de uitkomst te informeren?\n\n"
            f"Met vriendelijke groet,\n\n{p.name}\n{p.phone}\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="brief",
                 topic="wonen", handling="college_afdoening_informeren", people=(p,))
    return text_mail("knarrenhof_initiatief", sender=(p.name, p.email or ""), sent=sent, subject=subject, body=body,
                     expected=exp)


def reply_loitering() -> Sample:
    p = Person("Mustafa Aydın", email="mustafa.aydin.kerkplein@gmail.com", street="Kerkplein 12")
    assistant = Person("Lotte Verbeek")
    subject = "Overlast hangjongeren Kerkplein"
    sent = when(2025, 7, 3, 22, 16)
    body = ("Geachte griffie,\n\nDank voor uw ontvangstbevestiging. Ik wil mijn brief nog aanvullen: afgelopen "
            "weekend is opnieuw een bankje vernield en werd er tot 03.00 uur harde muziek gedraaid bij de "
            "speeltuin achter de kerk. Buurtbewoners durven 's avonds niet meer over het plein.\n\nIk vraag de "
            "gemeente om cameratoezicht en meer inzet van boa's in de avonduren.\n\nMet vriendelijke groet,\n"
            f"{p.name}\n{p.street}\n\n-----Oorspronkelijk bericht-----\nVan: Griffie Waterlinde <griffie@waterlinde.nl>\n"
            f"Verzonden: woensdag 2 juli 2025 10:12\nAan: {p.name} <{p.email}>\nOnderwerp: {subject}\n\n"
            f"Geachte heer Aydın,\n\nHierbij bevestigen wij de ontvangst van uw brief aan de gemeenteraad. Uw brief "
            "wordt geplaatst op de lijst ingekomen stukken.\n\nMet vriendelijke groet,\n"
            f"{assistant.name}\nGriffie Waterlinde\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="klacht",
                 topic="openbare orde en veiligheid", handling="college_afdoening", people=(p, assistant))
    msg = mail(sender=(p.name, p.email or ""), to=[GRIFFIE], subject=f"RE: {subject}", date=sent,
               msgid=msgid("overlast_re", sent, p.email or ""), text=body,
               headers=[("In-Reply-To", "<griffie.20250702101200@waterlinde.nl>")])
    return Sample("klacht_hangjongeren_re", finalize(msg, "hangjongeren"), exp)


def resident_samples() -> list[Sample]:
    return [petition_playground(), petition_speed(), objection(), to_one_member(), knarrenhof(), reply_loitering()]
