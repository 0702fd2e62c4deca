"""Sample mail for the griffie's deadlines (issue 18), numbered after all others so earlier file names stay: the
college's raadsinformatiebrief answering a letter the council handed to it (closes that letter's term), and a joint
arrangement asking a zienswijze by a date that falls in the summer recess, before the next council meeting."""

from __future__ import annotations

from datetime import date

from .build import letter_mail, nl_date
from .catalog_regional import PARTICIPANTS, _rib as rib_mail
from .expect import Sample, expect
from .letters import Letter, Person
from .mails import when


def rib_knarrenhof() -> Sample:
    """The answer to 043_knarrenhof_initiatief (college_afdoening_informeren): names the letter by its subject
    and date, never the private writer (a raadsinformatiebrief is public)."""
    paragraphs = [
        "Op 19 mei 2025 ontving uw raad een brief van een groep inwoners met het initiatief knarrenhof voor "
        "senioren. Uw raad heeft die brief in handen van het college gesteld ter afdoening, met het verzoek de raad "
        "over de uitkomst te informeren. Met deze brief doen wij dat.",
        "Wij hebben op 24 juni met de initiatiefnemers gesproken. De vrijgekomen schoollocatie aan de Zuidsingel is "
        "te klein voor twaalf woningen met een gezamenlijke tuin; wij onderzoeken met hen de locatie van de "
        "voormalige kwekerij aan de Molenvliet en nemen die mee in de woonvisie.",
        "De initiatiefnemers hebben ons antwoord schriftelijk ontvangen."]
    return rib_mail("rib_knarrenhof", "2025-24", date(2025, 7, 1),
                    "Beantwoording brief initiatief knarrenhof voor senioren", Person("T. Willemsen"), paragraphs,
                    "wonen", 2)


def afvalschap_zienswijze() -> Sample:
    d, chair, secretary = date(2025, 6, 30), Person("G.H. Brinkman"), Person("Marloes Peeters")
    org = "Afvalschap Rijn en Plassen"
    subject = "Zienswijze eerste begrotingswijziging 2025 Afvalschap Rijn en Plassen"
    letter = Letter(
        org=org, org_lines=["Stortweg 8 · 2849 AR Waterlinde"], addressee=PARTICIPANTS,
        place_date=f"Waterlinde, {nl_date(d)}", meta=[("Ons kenmerk", "ARP/AB/2025-118"), ("Betreft", subject)],
        salutation="Geachte leden van de gemeenteraad,",
        paragraphs=[
            "Het algemeen bestuur van het Afvalschap Rijn en Plassen heeft op 26 juni 2025 de eerste "
            "begrotingswijziging 2025 voorlopig vastgesteld. De verwerkingskosten van restafval stijgen door de "
            "hogere verbrandingsbelasting; de bijdrage van de deelnemende gemeenten neemt daardoor in 2025 met "
            "EUR 1,2 miljoen toe.",
            "Op grond van artikel 35 van de Wet gemeenschappelijke regelingen stellen wij uw raad in de "
            "gelegenheid hierover een zienswijze te geven. Wij ontvangen uw zienswijze graag uiterlijk vrijdag "
            "22 augustus 2025.",
            "Het algemeen bestuur stelt de begrotingswijziging definitief vast in zijn vergadering van "
            "11 september 2025.",
        ],
        signatories=[(chair.name, "voorzitter"), (secretary.name, "secretaris")],
    )
    exp = expect(org=org, name=chair.name, kind="gemeenschappelijke_regeling", subject=subject, letter_date=d,
                 reference="ARP/AB/2025-118", doc="zienswijzeverzoek", topic="natuur en milieu",
                 handling="agenderen", attachments=("ok",), people=(chair, secretary))
    return letter_mail("afvalschap_zienswijze",
                       sender=("Secretariaat Afvalschap Rijn en Plassen", "secretariaat@arp.nl"),
                       sent=when(2025, 7, 1, 10, 5), subject="Verzoek om zienswijze begrotingswijziging 2025",
                       letter=letter, filename="Aanbiedingsbrief begrotingswijziging 2025.pdf", expected=exp,
                       body="Geachte griffier,\n\nBijgaand het verzoek om een zienswijze op de eerste "
                            "begrotingswijziging 2025 van het Afvalschap.\n\nMet vriendelijke groet,\n"
                            "Secretariaat Afvalschap Rijn en Plassen\n")


def samples() -> list[Sample]:
    return [rib_knarrenhof(), afvalschap_zienswijze()]
