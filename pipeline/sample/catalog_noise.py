"""Sample mail that stays off the list (invitations, newsletter, advertising, auto-reply, bounce) or is broken."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, nl_date, text_mail
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import RAAD, when


def _html(text: str) -> str:
    paras = "".join(f"<p>{p.replace(chr(10), '<br>')}</p>\n" for p in text.strip().split("\n\n"))
    return f'<html><head><meta charset="utf-8"></head><body>\n{paras}</body></html>\n'


def invitation_dorpshuis() -> Sample:
    sent, chair = when(2025, 3, 3, 13, 0), Person("Bert Kramer")
    subject = "Uitnodiging opening vernieuwd Dorpshuis De Linde"
    body = ("Geachte leden van de gemeenteraad,\n\nNa een jaar verbouwen opent Dorpshuis De Linde op zaterdag "
            "12 april 2025 om 15.00 uur opnieuw zijn deuren. Wij nodigen u van harte uit voor de feestelijke "
            "opening door de burgemeester en een rondleiding door het vernieuwde gebouw.\n\nAanmelden kan tot "
            "5 april via opening@dorpshuisdelinde.nl.\n\nMet vriendelijke groet,\n\n"
            f"{chair.name}\nvoorzitter Stichting Dorpshuis De Linde\n")
    exp = expect(org="Stichting Dorpshuis De Linde", name=chair.name, kind="organisatie", subject=subject,
                 letter_date=sent.date(), doc="uitnodiging", topic="cultuur en recreatie", handling="niet_op_lijst",
                 on_list=False, people=(chair,))
    return text_mail("uitnodiging_dorpshuis", sender=("Dorpshuis De Linde", "info@dorpshuisdelinde.nl"), sent=sent,
                     subject=subject, body=body, expected=exp, to=[RAAD])


def invitation_solar() -> Sample:
    d, director = date(2025, 6, 5), Person("Lars Boonstra", email="l.boonstra@zonwaterlinde.nl")
    org, subject = "Energiecoöperatie Zon op Waterlinde U.A.", "Uitnodiging opening zonnepark Polder Oost"
    letter = Letter(
        org=org, org_lines=["Polderweg 12 · 2846 PW Waterlinde"], place_date=f"Waterlinde, {nl_date(d)}",
        meta=[("Betreft", subject)], salutation="Geachte raadsleden,",
        paragraphs=["Op vrijdag 4 juli 2025 openen wij het zonnepark Polder Oost, met 14.000 panelen in handen van "
                    "ruim 600 inwoners. Wij nodigen u uit voor de opening om 16.00 uur en een borrel op het park.",
                    f"Graag vernemen wij vóór 27 juni of u aanwezig bent, via {director.email}."],
        signatories=[(director.name, f"directeur {org}")],
    )
    exp = expect(org=org, name=director.name, kind="organisatie", subject=subject, letter_date=d, doc="uitnodiging",
                 topic="natuur en milieu", handling="niet_op_lijst", on_list=False, attachments=("ok",),
                 people=(director,))
    return letter_mail("uitnodiging_zonnepark", sender=(org, "info@zonwaterlinde.nl"), sent=when(2025, 6, 5, 10, 0),
                       subject=subject, letter=letter, filename="Uitnodiging opening zonnepark.pdf", expected=exp,
                       body="Geachte griffie,\n\nWilt u bijgaande uitnodiging doorsturen aan de raadsleden?\n\n"
                            "Zon op Waterlinde\n")


def newsletter() -> Sample:
    sent, subject = when(2025, 6, 1, 6, 0), "Nieuwsbrief juni 2025 – Duurzaam Waterlinde"
    text = ("Nieuwsbrief Platform Duurzaam Waterlinde, juni 2025\n\nRepair Café weer open\nElke eerste zaterdag van "
            "de maand repareren vrijwilligers uw kapotte spullen in het dorpshuis.\n\nSubsidie isolatie\nDe "
            "gemeentelijke isolatiesubsidie is verlengd tot eind 2025.\n\nU ontvangt deze nieuwsbrief omdat u zich "
            "heeft aangemeld. Afmelden: https://duurzaamwaterlinde.nl/afmelden\n")
    headers = [("List-Id", "Nieuwsbrief Duurzaam Waterlinde <nieuwsbrief.duurzaamwaterlinde.nl>"),
               ("List-Unsubscribe", "<mailto:afmelden@duurzaamwaterlinde.nl?subject=afmelden>, "
                                    "<https://duurzaamwaterlinde.nl/afmelden?id=4471>"),
               ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"), ("Precedence", "bulk")]
    exp = expect(org="Platform Duurzaam Waterlinde", name=None, kind="organisatie", subject=subject,
                 letter_date=sent.date(), doc="nieuwsbrief", topic="natuur en milieu", handling="niet_op_lijst",
                 on_list=False)
    return text_mail("nieuwsbrief_duurzaam", sender=("Platform Duurzaam Waterlinde", "nieuwsbrief@duurzaamwaterlinde.nl"),
                     sent=sent, subject=subject, body=text, html=_html(text), expected=exp, headers=headers)


def advertising() -> Sample:
    sent, rep = when(2025, 4, 28, 11, 30), Person("Mark de Jong", email="mark.dejong@raadstablet.nl",
                                                  phone="06-19283746")
    subject = "Nieuw: de RaadsTablet Pro met 20% korting voor gemeenten"
    text = ("Geachte griffier,\n\nPapierloos vergaderen was nog nooit zo eenvoudig. De nieuwe RaadsTablet Pro "
            "werkt direct samen met iBabs en NotuBiz en wordt geleverd met een beveiligde werkomgeving.\n\nAlleen "
            "deze maand: 20% korting bij afname van 25 tablets of meer. Vraag vandaag nog een demonstratie aan!\n\n"
            f"Met vriendelijke groet,\n\n{rep.name}\nAccountmanager Overheid\nRaadsTablet B.V.\n{rep.phone}\n"
            f"{rep.email}\n\nWilt u geen aanbiedingen meer ontvangen? Meld u af via raadstablet.nl/afmelden\n")
    exp = expect(org="RaadsTablet B.V.", name=rep.name, kind="bedrijf", subject=subject, letter_date=sent.date(),
                 doc="reclame", topic="organisatie en bedrijfsvoering", handling="niet_op_lijst", on_list=False,
                 people=(rep,))
    return text_mail("reclame_raadstablet", sender=("RaadsTablet B.V.", "aanbiedingen@raadstablet.nl"), sent=sent,
                     subject=subject, body=text, html=_html(text), expected=exp,
                     headers=[("List-Unsubscribe", "<https://raadstablet.nl/afmelden>")])


def auto_reply() -> Sample:
    sent, p = when(2025, 7, 7, 8, 0), Person("Sjoerd Wijnands", email="sjoerd.wijnands@ziggo.nl")
    subject = "Automatisch antwoord: Ontvangstbevestiging brief aan de gemeenteraad"
    body = (f"Ik ben met vakantie tot en met 25 juli en lees mijn e-mail niet. Bij dringende zaken kunt u bellen "
            f"met mijn buurman.\n\nMet vriendelijke groet,\n{p.name}\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=sent.date(), doc="automatisch",
                 topic="organisatie en bedrijfsvoering", handling="niet_op_lijst", on_list=False, people=(p,))
    return text_mail("autoreply_vakantie", sender=(p.name, p.email or ""), sent=sent, subject=subject, body=body,
                     expected=exp, headers=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes"),
                                            ("In-Reply-To", "<griffie.20250707075500@waterlinde.nl>")])


def bounce() -> Sample:
    """Hand-written: a Postfix non-delivery report (multipart/report; report-type=delivery-status)."""
    p = Person("Karel van der Berg", email="k.vanderberg@hetnet.nl")
    b = "=_wl_bounce_0"
    raw = f"""Return-Path: <>
From: MAILER-DAEMON@mail.waterlinde.nl (Mail Delivery System)
To: griffie@waterlinde.nl
Subject: Undelivered Mail Returned to Sender
Date: Mon, 07 Jul 2025 07:55:41 +0200
Message-ID: <20250707055541.8C1F2A0123@mail.waterlinde.nl>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="{b}"

This is a MIME-encapsulated message.

--{b}
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.waterlinde.nl.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<{p.email}>: host mx.hetnet.nl[192.0.2.25] said: 550 5.1.1 User unknown

--{b}
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.waterlinde.nl
Arrival-Date: Mon,  7 Jul 2025 07:55:40 +0200

Final-Recipient: rfc822; {p.email}
Original-Recipient: rfc822;{p.email}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.hetnet.nl
Diagnostic-Code: smtp; 550 5.1.1 User unknown

--{b}
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

From: Griffie Waterlinde <griffie@waterlinde.nl>
To: {p.name} <{p.email}>
Subject: Ontvangstbevestiging brief aan de gemeenteraad
Date: Mon, 07 Jul 2025 07:55:00 +0200
Message-ID: <griffie.20250707075500@waterlinde.nl>

--{b}--
"""
    exp = expect(org=None, name=None, kind="onbekend", subject="Undelivered Mail Returned to Sender",
                 letter_date=date(2025, 7, 7), doc="automatisch", topic="organisatie en bedrijfsvoering",
                 handling="niet_op_lijst", on_list=False, people=(p,))
    return Sample("bounce_onbestelbaar", raw.encode("ascii"), exp)


def truncated_mime() -> Sample:
    """A message cut off during transfer: the PDF's base64 stops mid-way and the closing boundary is missing."""
    p = Person("Sophie Claassen", email="sophie.claassen@live.nl", phone="06-74839201", street="Zuidsingel 77",
               postcode="2846 ZS")
    d, subject = date(2025, 7, 8), "Wachttijd sociale huurwoning"
    letter = Letter(org=None, sender_block=[p.name, *p.address_lines()], place_date=f"Waterlinde, {nl_date(d)}",
                    meta=[("Betreft", subject)], paragraphs=["Ik sta al negen jaar ingeschreven voor een woning."],
                    signatories=[(p.name,)])
    body = ("Geachte raadsleden,\n\nIk sta al negen jaar ingeschreven voor een sociale huurwoning en woon met mijn "
            "twee kinderen bij mijn ouders in. De wachttijd in Waterlinde is veel langer dan in de buurgemeenten. "
            "Ik vraag u om meer sociale huurwoningen en voorrang voor gezinnen met kinderen. Mijn brief zit in de "
            f"bijlage.\n\nMet vriendelijke groet,\n{p.name}\n{p.street}, {p.postcode} Waterlinde\n{p.phone}\n")
    exp = expect(org=None, name=p.name, kind="inwoner", subject=subject, letter_date=d, doc="klacht", topic="wonen",
                 handling="college_afdoening", attachments=("broken",), people=(p,),
                 mime_defects=("CloseBoundaryNotFoundDefect",))
    whole = letter_mail("afgebroken_bericht", sender=(p.name, p.email or ""), sent=when(2025, 7, 8, 12, 1),
                        subject=subject, body=body, letter=letter, filename="brief woning.pdf", expected=exp)
    cut = whole.raw.index(b"Content-Type: application/pdf") + 900
    return Sample(whole.slug, whole.raw[:cut] + b"\n", exp)


def samples() -> list[Sample]:
    return [invitation_dorpshuis(), invitation_solar(), newsletter(), advertising(), auto_reply(), bounce(),
            truncated_mime()]
