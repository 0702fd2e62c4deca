"""Sample mail from associations, companies and foundations, several of them forwarded by colleagues."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, msgid, nl_date, num_date, render, text_mail
from .catalog_local import local_samples
from .expect import Sample, expect
from .letters import ALL_COUNCILS, Letter, Person
from .mails import GRIFFIE, finalize, gmail_block, mail, outlook_en_block, outlook_nl_block, when

INFO = ("Gemeente Waterlinde", "info@waterlinde.nl")


def association_appeal() -> Sample:
    d, chair = date(2025, 3, 4), Person("Anouk Smits")
    subject = "Oproep: investeer in veilige en toegankelijke speelplekken"
    org = "Vereniging Speelruimte Nederland"
    letter = Letter(
        org=org, org_lines=["Oudegracht 210 · 3511 NS Utrecht · www.speelruimtenederland.nl"],
        addressee=list(ALL_COUNCILS), place_date=f"Utrecht, {nl_date(d)}", meta=[("Betreft", subject)],
        salutation="Geachte raadsleden,",
        paragraphs=[
            "Buiten spelen is belangrijk voor de gezondheid en ontwikkeling van kinderen. Toch speelt nog maar één "
            "op de drie kinderen dagelijks buiten. Veel speelplekken zijn verouderd of niet toegankelijk voor "
            "kinderen met een beperking.",
            "Wij roepen alle gemeenteraden op om in het speelruimtebeleid de norm van drie procent speelruimte "
            "per wijk op te nemen en bij de vervanging van speeltoestellen te kiezen voor inclusieve speelplekken.",
            "Op onze website vindt u een handreiking en voorbeelden uit andere gemeenten.",
        ],
        signatories=[(chair.name, f"Voorzitter {org}")],
    )
    exp = expect(org=org, name=chair.name, kind="organisatie", subject=subject, letter_date=d, doc="rondzendbrief",
                 circular=True, topic="cultuur en recreatie", handling="vka", attachments=("ok",), people=(chair,))
    return letter_mail("speelruimte_oproep", sender=(org, "info@speelruimtenederland.nl"), sent=when(2025, 3, 5, 8, 15),
                       subject="Oproep aan alle gemeenteraden: speelruimte", letter=letter, expected=exp,
                       filename="Oproep speelruimte gemeenteraden 2025.pdf",
                       body="Geachte griffie,\n\nWilt u bijgaande oproep doorsturen aan de leden van uw raad?\n\n"
                            "Met vriendelijke groet,\nVereniging Speelruimte Nederland\n")


def sportraad_html() -> Sample:
    sent, chair = when(2025, 5, 30, 20, 41), Person("Dennis Groeneveld", email="d.groeneveld@sportraadwaterlinde.nl")
    subject = "Reactie Sportraad op de kadernota 2026"
    html = f"""<html><head><meta charset="utf-8"><style>p {{ font-family: Arial; }}</style></head><body>
<p>Geachte leden van de gemeenteraad,</p>
<p>De Sportraad Waterlinde heeft met belangstelling de <b>kadernota 2026</b> gelezen. Wij zijn blij dat het college
de sportaccommodaties op peil wil houden, maar maken ons zorgen over de voorgestelde verhoging van de huurtarieven
voor sporthallen met twaalf procent.</p>
<p>Veel verenigingen draaien op vrijwilligers en hebben de contributies al verhoogd. Een verdere stijging maakt
sporten voor gezinnen met een laag inkomen onbetaalbaar. Wij vragen u deze reactie te betrekken bij de behandeling
van de kadernota op 3 juli.</p>
<p>Met sportieve groet,</p>
<p>{chair.name}<br>Voorzitter Sportraad Waterlinde<br><a href="mailto:{chair.email}">{chair.email}</a></p>
<img src="https://www.sportraadwaterlinde.nl/logo.png" alt="Sportraad Waterlinde">
</body></html>
"""
    exp = expect(org="Sportraad Waterlinde", name=chair.name, kind="organisatie", subject=subject,
                 letter_date=sent.date(), doc="brief", topic="cultuur en recreatie", handling="betrekken",
                 people=(chair,))
    return text_mail("sportraad_html", sender=("Sportraad Waterlinde", chair.email or ""), sent=sent,
                     subject=subject, body=None, html=html, expected=exp, to=[GRIFFIE, ("", "raad@waterlinde.nl")])


def huurders_forward_nl() -> Sample:
    d, chair = date(2025, 5, 26), Person("Gerrit Post", phone="06-55123498")
    clerk = Person("Femke Jansen", email="f.jansen@waterlinde.nl")
    org, subject = "Huurdersvereniging Waterlinde", "Achterstallig onderhoud en schimmel in woningen Molenwijk"
    letter = Letter(
        org=org, org_lines=["Wilgenhof 2 · 2844 WH Waterlinde"], place_date=f"Waterlinde, {nl_date(d)}",
        meta=[("Ons kenmerk", "HVW-2025-011"), ("Betreft", subject)], salutation="Geachte gemeenteraad,",
        paragraphs=[
            "Sinds de winter ontvangen wij veel meldingen van huurders in de Molenwijk over schimmel, lekkage en "
            "tocht. Woningcorporatie Lindestede reageert traag en verwijst naar de geplande renovatie in 2027.",
            "Wij vragen u het college te verzoeken de prestatieafspraken met Lindestede aan te scherpen, zodat "
            "acute gezondheidsklachten binnen vier weken worden verholpen.",
            f"Voor meer informatie kunt u contact opnemen met onze voorzitter op {chair.phone}.",
        ],
        signatories=[(chair.name, f"voorzitter {org}")],
    )
    ctype, pdf = render(letter, "pdf", subject)
    orig_body = ("Geachte heer, mevrouw,\n\nGraag ontvangen wij een ontvangstbevestiging van de bijgevoegde brief "
                 f"aan de gemeenteraad.\n\nMet vriendelijke groet,\n{chair.name}\n{org}\n")
    orig = mail(sender=(org, "bestuur@huurdersverenigingwaterlinde.nl"), to=[INFO], subject=f"Brief aan de raad: {subject}",
                date=when(2025, 5, 26, 19, 3), msgid="<hvw.20250526190300@huurdersverenigingwaterlinde.nl>",
                text=orig_body)
    sent = when(2025, 5, 27, 8, 44)
    note = (f"Hallo griffie,\n\nDeze brief kwam binnen via het algemene postvak, is voor de raad.\n\n"
            f"Groet,\n{clerk.name}\nKlantcontactcentrum\n\n")
    msg = mail(sender=(clerk.name, clerk.email or ""), to=[GRIFFIE], subject=f"FW: {orig['Subject']}", date=sent,
               msgid=msgid("huurders_fw", sent, clerk.email or ""), text=note + outlook_nl_block(orig, orig_body),
               attachments=[("Brief gemeenteraad onderhoud Molenwijk.pdf", ctype, pdf)])
    exp = expect(org=org, name=chair.name, kind="organisatie", subject=subject, letter_date=d,
                 reference="HVW-2025-011", doc="brief", topic="wonen", handling="college_afdoening_informeren",
                 forwarded=True, attachments=("ok",), people=(chair, clerk))
    return Sample("huurders_fw_outlook_nl", finalize(msg, "huurders"), exp)


def fietsersbond_forward_en() -> Sample:
    secretary = Person("Inge Bakker", phone="06-71829304")
    member = Person("Ahmed Yilmaz", email="a.yilmaz@raad.waterlinde.nl")
    subject = "Fietsroute Zuidsingel onveilig"
    orig_body = ("Geachte raadsleden,\n\nDe fietsroute over de Zuidsingel is sinds de herinrichting onveilig. "
                 "Fietsers moeten bij de kruising met de Havenkade tussen geparkeerde auto's en bussen door, en "
                 "de nieuwe drempels liggen midden in het fietspad.\n\nDe Fietsersbond heeft in april tellingen "
                 "gedaan: dagelijks rijden er ruim 2.400 fietsers, onder wie veel scholieren. Wij vragen de "
                 "gemeente het fietspad te verbreden en de kruising als fietsstraat in te richten.\n\n"
                 f"Met vriendelijke groet,\n\n{secretary.name}\nsecretaris Fietsersbond afdeling Waterlinde\n"
                 f"{secretary.phone}\n")
    orig = mail(sender=("Fietsersbond afdeling Waterlinde", "waterlinde@fietsersbond.nl"),
                to=[("Fracties Waterlinde", "fracties@raad.waterlinde.nl")], subject=subject,
                date=when(2025, 6, 2, 21, 17), msgid="<fb.20250602211700@fietsersbond.nl>", text=orig_body)
    sent = when(2025, 6, 3, 7, 58)
    note = f"Voor de lijst ingekomen stukken.\n\n{member.name}\nRaadslid Waterlinde\n\n"
    msg = mail(sender=(member.name, member.email or ""), to=[GRIFFIE], subject=f"FW: {subject}", date=sent,
               msgid=msgid("fietsersbond_fw", sent, member.email or ""), text=note + outlook_en_block(orig, orig_body))
    exp = expect(org="Fietsersbond afdeling Waterlinde", name=secretary.name, kind="organisatie", subject=subject,
                 letter_date=date(2025, 6, 2), doc="brief", topic="verkeer", handling="college_afdoening",
                 forwarded=True, people=(secretary, member))
    return Sample("fietsersbond_fw_outlook_en", finalize(msg, "fietsersbond"), exp)


def natuur_gmail_forward() -> Sample:
    chair = Person("Joost van Vliet")
    member = Person("Ria de Bruin", email="riadebruin1971@gmail.com")
    subject = "Ecologisch bermbeheer: oproep aan de raad"
    orig_body = ("Beste raadsleden,\n\nStichting Natuurlijk Waterlinde vraagt uw aandacht voor het maaibeheer van "
                 "de bermen. Nu wordt er vier keer per jaar gemaaid en blijft het maaisel liggen. Daardoor "
                 "verdwijnen bloemen en insecten.\n\nAndere gemeenten maaien twee keer per jaar en voeren het "
                 "maaisel af. Dat is goed voor bijen en vlinders en kost op termijn niet meer. Wij bieden aan om "
                 "samen met de buitendienst een proef te doen langs de Molenweg.\n\n"
                 f"Met groene groet,\n{chair.name}\nvoorzitter Stichting Natuurlijk Waterlinde\n")
    orig = mail(sender=("Stichting Natuurlijk Waterlinde", "info@natuurlijkwaterlinde.nl"),
                to=[(member.name, member.email or "")], subject=subject, date=when(2025, 4, 7, 10, 11),
                msgid="<snw.20250407101100@natuurlijkwaterlinde.nl>", text=orig_body)
    sent = when(2025, 4, 8, 22, 5)
    msg = mail(sender=(member.name, member.email or ""), to=[GRIFFIE], subject=f"Fwd: {subject}", date=sent,
               msgid="<CAJx8fwd.20250408220500@mail.gmail.com>",
               text="Ter info, kan deze op de lijst?\n\nRia\n\n" + gmail_block(orig, orig_body))
    exp = expect(org="Stichting Natuurlijk Waterlinde", name=chair.name, kind="organisatie", subject=subject,
                 letter_date=date(2025, 4, 7), doc="brief", topic="natuur en milieu", handling="vka",
                 forwarded=True, people=(chair, member))
    return Sample("natuur_fw_gmail", finalize(msg, "natuur"), exp)


def horeca_attached_forward() -> Sample:
    d, chair = date(2025, 6, 12), Person("Marco Visser", email="m.visser@khn-waterlinde.nl")
    secretary = Person("Esther Kok", email="e.kok@waterlinde.nl")
    org, subject = "Koninklijke Horeca Nederland afdeling Waterlinde", "Verruiming sluitingstijden horeca centrum"
    letter = Letter(
        org=org, org_lines=["Marktplein 7 · 2841 MP Waterlinde"], meta=[("Datum", num_date(d)),
                                                                         ("Betreft", subject)],
        salutation="Geachte leden van de gemeenteraad,",
        paragraphs=[
            "De horecaondernemers in het centrum van Waterlinde vragen u de sluitingstijden op vrijdag en zaterdag "
            "te verruimen van 01.00 uur naar 03.00 uur, zoals in de omliggende gemeenten.",
            "Jongeren trekken nu na middernacht naar Rijnstad, met alle risico's van dien op de N-weg. Een "
            "gespreide sluiting voorkomt bovendien dat alle bezoekers tegelijk op straat staan.",
            "Wij zijn graag bereid onze zorgen en ideeën toe te lichten in een commissievergadering.",
        ],
        signatories=[(chair.name, f"voorzitter {org}")],
    )
    ctype, pdf = render(letter, "pdf", subject)
    orig = mail(sender=(chair.name, chair.email or ""), to=[("Burgemeester Waterlinde", "burgemeester@waterlinde.nl")],
                subject="Brief KHN over sluitingstijden", date=when(2025, 6, 12, 17, 26),
                msgid="<khn.20250612172600@khn-waterlinde.nl>",
                text=f"Geachte burgemeester,\n\nBijgaand onze brief aan de raad over de sluitingstijden.\n\n"
                     f"Met vriendelijke groet,\n{chair.name}\n",
                attachments=[("Brief KHN sluitingstijden.pdf", ctype, pdf)])
    sent = when(2025, 6, 13, 9, 30)
    msg = mail(sender=(secretary.name, secretary.email or ""), to=[GRIFFIE], subject="FW: Brief KHN over sluitingstijden",
               date=sent, msgid=msgid("horeca_fw", sent, secretary.email or ""), messages=[orig],
               text=f"Beste griffie,\n\nDe burgemeester vraagt of jullie deze brief aan de raad willen registreren.\n\n"
                    f"Met vriendelijke groet,\n{secretary.name}\nSecretariaat burgemeester\n")
    exp = expect(org=org, name=chair.name, kind="organisatie", subject=subject, letter_date=d, doc="brief",
                 topic="economie", handling="college_advies", forwarded=True, attachments=("ok",),
                 people=(chair, secretary))
    return Sample("horeca_fw_bijlage", finalize(msg, "horeca"), exp)


def samples() -> list[Sample]:
    return [association_appeal(), sportraad_html(), huurders_forward_nl(), fietsersbond_forward_en(),
            natuur_gmail_forward(), horeca_attached_forward(), *local_samples()]
