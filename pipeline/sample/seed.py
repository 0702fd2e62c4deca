"""The seed letter (LVKK/ZHVKK appeal to all councils, 5 June 2025) in four shapes for tests/data/seed/."""

from __future__ import annotations

from datetime import date

from .documents import scanned_pdf, text_pdf
from .expect import Sample, expect
from .letters import ALL_COUNCILS, Letter, Person
from .mails import GRIFFIE, PDF, finalize, mail, outlook_nl_block, when

# The published letter's names are blanked; these are fictitious stand-ins.
CHAIR_LVKK = Person("Hendrik Boersma")
CHAIR_ZHVKK = Person("Marijke van der Laan")
ADVISER = Person("Sanne de Wit", email="s.dewit@lvkk.nl", phone="06-12345678")
ASSISTANT = Person("Lotte Verbeek", email="l.verbeek@waterlinde.nl", phone="0180 39 12 45")

ORGANISATION = ("Landelijke Vereniging voor Kleine Kernen (LVKK) en "
                "Zuid-Hollandse Vereniging van Kleine Kernen (ZHVKK)")
SUBJECT = "Ontmoeting als antwoord op maatschappelijke opgaven"
MAIL_SUBJECT = "Oproep aan gemeenteraden: investeer in ontmoeting en dorpskracht"
SENT = when(2025, 6, 5, 13, 14)
PDF_NAME = "Oproep LVKK en ZHVKK - ontmoeting en dorpskracht.pdf"

LETTER = Letter(
    org="Landelijke Vereniging voor Kleine Kernen",
    org_lines=["en Zuid-Hollandse Vereniging van Kleine Kernen",
               "Postbus 2143 · 3500 GC Utrecht · info@lvkk.nl · www.lvkk.nl"],
    addressee=list(ALL_COUNCILS),
    place_date="Utrecht, 5 juni 2025",
    meta=[("Betreft", SUBJECT)],
    salutation="Beste leden van de gemeenteraden van Nederland,",
    paragraphs=[
        "Gemeenten staan voor stevige uitdagingen: zorgen over wonen, werk, zorg, veiligheid en een toenemend "
        "gevoel van eenzaamheid. Tegelijkertijd kampen veel gemeenten met een structureel tekort op de begroting. "
        "Er moeten keuzes worden gemaakt, keuzes die raken aan de haarvaten van onze samenleving. Als Landelijke "
        "Vereniging voor Kleine Kernen (LVKK) en Zuid-Hollandse Vereniging van Kleine Kernen (ZHVKK) maken wij "
        "ons zorgen over deze ontwikkelingen. Tegelijkertijd zien wij ook een oplossingsrichting die relatief "
        "weinig kost en veel oplevert: investeren in ontmoeting en dorpskracht.",
        "## Ontmoeting als preventieve kracht",
        "Ontmoetingsplekken zijn geen luxe, maar noodzaak. Een open inloop verlaagt eenzaamheid, "
        "vrijwilligersinitiatieven ondersteunen mantelzorgers, en signalering van problemen kan eerder "
        "plaatsvinden. Zo wordt dure zorg voorkomen en ontstaat een netwerk van wederkerigheid en ondersteuning.",
        "Gemeenten kunnen via deze plekken ook dichter bij inwoners komen. Denk aan gemeentelijke spreekuren, "
        "buurtteams of het aanbieden van digitale hulp.",
        "## Twee voorwaarden voor succesvolle ontmoeting",
        "1. Er moet een plek zijn. Dorpshuizen, sportkantines, multifunctionele accommodaties - elk dorp heeft "
        "een eigen oplossing. Voor het in stand houden van deze plekken is gemeentelijke ondersteuning onmisbaar. "
        "Zeker nu deze plekken ook steeds vaker worden ingezet als noodsteunpunt bij crisis of ramp.",
        "2. Ontmoeting moet worden georganiseerd. Dat lukt als wordt aangesloten bij de energie die er lokaal al "
        "is. Dorpsraden, wijkplatforms, vitaliteitscoöperaties: ze staan klaar. Maar ze hebben ruimte nodig om "
        "hun werk te doen. Wij pleiten daarom voor vertrouwen in de lokale aanpak, ongeacht rechtsvorm of "
        "structuur. Het gaat om impact.",
        "## Onze oproep aan u",
        "\f",
        "Wij vragen u om bij het opstellen van kadernota's en begrotingen serieus te investeren in de kracht van "
        "ontmoeting.",
        "De LVKK vertegenwoordigt ruim 4.000 dorps- en dorpshuisorganisaties in Nederland, waarvan 58 via de "
        "ZHVKK in uw provincie. Dorpsbewoners zetten zich vrijwillig in om hun gemeenschap leefbaar en sociaal te "
        "houden. Uw investering in deze gemeenschapskracht helpt maatschappelijke opgaven op te vangen en "
        "voorkomt zwaardere zorgkosten op termijn.",
        "Wij wensen u veel wijsheid bij het maken van moeilijke keuzes en gaan graag in gesprek over hoe dorpen "
        "kunnen bijdragen aan een gezonde, verbonden samenleving.",
    ],
    signatories=[(CHAIR_LVKK.name, "Voorzitter Landelijke Vereniging voor Kleine Kernen"),
                 (CHAIR_ZHVKK.name, "Voorzitter Zuid-Hollandse Vereniging van Kleine Kernen")],
)

MAIL_BODY = f"""Geachte griffie,

Graag brengen wij bijgevoegde brief onder de aandacht van uw gemeenteraad.

Namens de Landelijke Vereniging voor Kleine Kernen (LVKK) en de Zuid-Hollandse Vereniging voor
Kleine Kernen (ZHVKK) vragen wij aandacht voor het belang van ontmoeting en gemeenschapskracht
in dorpen. Zeker in een tijd waarin gemeenten voor moeilijke keuzes staan, biedt investeren in lokale
ontmoetingsplekken en initiatieven een krachtig, preventief en kosteneffectief antwoord op
maatschappelijke opgaven.

In de bijlage vindt u onze oproep en overwegingen die u mogelijk kunt meenemen bij het opstellen
van de kadernota of begroting.

Wij hopen dat dit aanleiding geeft tot verdere dialoog over de waarde van dorpskracht binnen uw
gemeente. Uiteraard gaan wij daarover graag in gesprek.

Namens de ZHVKK
Zuid Hollandse Vereniging van Kleine Kernen Leefbaar en vitaal

{ADVISER.name}
Communicatie adviseur LVKK (Landelijke Vereniging voor Kleine Kernen)
M {ADVISER.phone}
Werkdagen: ma|di| do

Schrijf je hier in voor onze nieuwe maandelijkse nieuwsbrief
"""


def _direct(pdf: bytes, msgid: str) -> object:
    return mail(sender=(ADVISER.name, ADVISER.email or ""), to=[GRIFFIE], subject=MAIL_SUBJECT, date=SENT,
                msgid=msgid, text=MAIL_BODY, attachments=[(PDF_NAME, PDF, pdf)])


def _expected(forwarded: bool, status: str, people: tuple[Person, ...]) -> dict:
    return expect(org=ORGANISATION, name=CHAIR_LVKK.name, kind="organisatie", subject=SUBJECT,
                  letter_date=date(2025, 6, 5), doc="rondzendbrief", topic="zorg en gezondheid",
                  handling="betrekken", circular=True, forwarded=forwarded, attachments=(status,),
                  people=(CHAIR_LVKK, CHAIR_ZHVKK, ADVISER, *people))


def seed_samples() -> list[Sample]:
    """The four shapes: direct, Outlook-NL inline forward, attached forward, scanned PDF."""
    pdf = text_pdf(LETTER, SUBJECT)
    direct = _direct(pdf, "<a41c7e2f.20250605131402@lvkk.nl>")
    forward_date = when(2025, 6, 6, 9, 2)
    signature = (f"Met vriendelijke groet,\n\n{ASSISTANT.name}\nManagementassistent Griffie\n\n"
                 f"T {ASSISTANT.phone}\nE {ASSISTANT.email}\nGemeente Waterlinde | Postbus 100 | 2840 AA Waterlinde\n")
    inline = mail(sender=(ASSISTANT.name, ASSISTANT.email or ""), to=[GRIFFIE],
                  subject=f"FW: {MAIL_SUBJECT}", date=forward_date, msgid="<AM0PR03MB6123.fw1@waterlinde.nl>",
                  text=f"Ter registratie voor de lijst ingekomen stukken.\n\n{signature}\n"
                       + outlook_nl_block(direct, MAIL_BODY),
                  attachments=[(PDF_NAME, PDF, pdf)],
                  headers=[("Thread-Topic", MAIL_SUBJECT), ("X-MS-Has-Attach", "yes")])
    attached = mail(sender=(ASSISTANT.name, ASSISTANT.email or ""), to=[GRIFFIE],
                    subject=f"Doorgestuurd: {MAIL_SUBJECT}", date=forward_date.replace(minute=7),
                    msgid="<AM0PR03MB6123.fw2@waterlinde.nl>",
                    text=f"Zie het bijgevoegde bericht, graag registreren.\n\n{signature}",
                    messages=[_direct(pdf, "<a41c7e2f.20250605131402@lvkk.nl>")])
    scanned = _direct(scanned_pdf(LETTER), "<a41c7e2f.20250605131455@lvkk.nl>")
    return [
        Sample("seed_direct", finalize(direct, "seed_direct"), _expected(False, "ok", ())),
        Sample("seed_forward_inline", finalize(inline, "seed_inline"), _expected(True, "ok", (ASSISTANT,))),
        Sample("seed_forward_attached", finalize(attached, "seed_attached"), _expected(True, "ok", (ASSISTANT,))),
        Sample("seed_scanned", finalize(scanned, "seed_scanned"), _expected(False, "ocr", ())),
    ]
