"""Corpus v4 fragments: whole-letter openings and requests for the handlings a griffie tells apart least easily."""

# Each entry: (openings, requests). A v4 letter is an opening, two or three body sentences of its topic and a
# request; the opening and the request carry the handling, the body only the topic. Written by hand for griffiepost.
REQUEST_LETTERS: dict[str, tuple[list[str], list[str]]] = {
    # an organisation or company asks the college for something concrete, or offers something: the college answers
    "college_afdoening": ([
        "Namens {org} bieden wij de gemeente aan om samen iets te doen aan {subject}.",
        "Wij zijn een vereniging van vrijwilligers in {plaats} en lopen vast bij de gemeente rond {subject}.",
        "Ons bedrijf wil graag meewerken aan {subject}; wij hebben daarvoor een concreet aanbod.",
        "Al sinds het voorjaar proberen wij een afspraak te maken met de gemeente over {subject}.",
        "Wij zijn een stichting in {plaats} en willen een activiteit organiseren rond {subject}.",
        "De buurtvereniging van de {wijk} heeft een praktisch probleem dat de gemeente kan oplossen: {subject}.",
        "Onze organisatie heeft een subsidieaanvraag ingediend voor {subject}, maar nog geen beslissing ontvangen.",
    ], [
        "Wij vragen het college contact met ons op te nemen om een afspraak te maken.",
        "Wij stellen voor dat een ambtenaar met ons meekijkt; graag horen wij wie dat kan zijn.",
        "Kan de gemeente ons laten weten of een vergunning nodig is en hoe lang de aanvraag duurt?",
        "Wij bieden aan de kosten te delen en vragen de gemeente om een reactie op ons aanbod.",
        "Graag ontvangen wij binnen vier weken een antwoord van het college.",
        "Wilt u ervoor zorgen dat onze aanvraag alsnog in behandeling wordt genomen?",
        "Wij willen graag weten bij wie bij de gemeente wij hiervoor terechtkunnen.",
        "Wij vragen de gemeente de container, de bankjes en de verlichting vóór de zomer te plaatsen.",
        "Wij verzoeken u de melding door te zetten naar de afdeling die hierover gaat.",
    ]),
    # the same, but the writer asks that the council is kept informed or gets a copy of the college's answer
    "college_afdoening_informeren": ([
        "Wij schrijven het college over {subject} en sturen deze brief ook aan uw raad.",
        "Onze brief over {subject} is gericht aan het college; de raad ontvangt hem in afschrift.",
        "Namens {org} vragen wij het college om een oplossing voor {subject}, en wij betrekken de raad daarbij.",
    ], [
        "Wij vragen het college ons te antwoorden en de raad een kopie van dat antwoord te sturen.",
        "Wij stellen het op prijs als de raad wordt geïnformeerd over hoe het college onze vraag afhandelt.",
        "Graag ontvangt de gemeenteraad een afschrift van de reactie van het college.",
        "Wilt u de raad op de hoogte houden van de afspraken die het college met ons maakt?",
        "Wij vragen het college de raad te informeren zodra er een besluit over ons verzoek is.",
    ]),
    # a request to change policy or a by-law that needs a council decision: the college advises the council first
    "college_advies": ([
        "Wij vragen de raad de openingstijden van {subject} te verruimen; dat vraagt een besluit van uw raad.",
        "De sluitingstijden voor de horeca in de kern {plaats} zijn te streng; wij vragen de raad die aan te passen.",
        "Wij verzoeken de raad de Algemene Plaatselijke Verordening te wijzigen, zodat {subject} mogelijk wordt.",
        "Met deze brief vragen wij de raad om een nieuwe regeling voor {subject}.",
        "Wij vragen de raad de verordening voor {subject} te herzien.",
        "Wij vragen de gemeenteraad het beleid voor {subject} te veranderen.",
        "Wij verzoeken de raad het tarief in de legesverordening voor {subject} te verlagen.",
        "De koopzondagen en de winkeltijden in {plaats} passen niet meer bij het dorp; wij vragen de raad de regels te wijzigen.",
    ], [
        "Wij vragen de raad het college om een voorstel te vragen en daarover een besluit te nemen.",
        "Wij begrijpen dat het college de raad eerst adviseert; wij zien het besluit van de raad met belangstelling tegemoet.",
        "Wij vragen de raad de verordening op dit punt aan te passen.",
        "Graag zien wij dat de raad de openingstijden en sluitingstijden opnieuw vaststelt.",
        "Wij vragen de raad een besluit te nemen over een wijziging van het beleid.",
    ]),
    # information only: nothing is asked of the council (annual report, twinning town, project news, a province)
    "vka": ([
        "Hierbij bieden wij u ons jaarverslag aan, met daarin ook onze activiteiten rond {subject}.",
        "Vanuit onze partnerstad {buitenstad} sturen wij u de hartelijke groeten van het stadsbestuur.",
        "Met genoegen laten wij u weten dat het project rond {subject} is afgerond.",
        "Ter informatie sturen wij u de resultaten van ons onderzoek naar {subject}.",
        "Het college van Gedeputeerde Staten informeert u over de voortgang van {subject}.",
        "Wij houden de gemeenteraden in de regio graag op de hoogte van ons werk rond {subject}.",
        "Onze vereniging bestaat dit jaar vijftig jaar; in het bijgevoegde jubileumboek leest u wat wij deden voor {subject}.",
        "Namens het bestuur van de stedenband met {buitenstad} doen wij u verslag van het uitwisselingsbezoek.",
    ], [
        "Deze brief is ter kennisname; er wordt niets van de raad gevraagd.",
        "Wij danken u voor de goede samenwerking en houden u op de hoogte.",
        "Het volledige verslag staat op onze website.",
        "Voor vragen kunt u terecht bij ons secretariaat.",
        "Wij hopen de banden tussen onze gemeenten ook de komende jaren te versterken.",
        "",
    ]),
    # an explicit request to put a subject on the agenda of the council or a committee
    "agenderen": ([
        "Wij vragen u {subject} op de agenda van de raad te zetten.",
        "Graag zien wij {subject} besproken in de commissie.",
        "Wij verzoeken de raad een debat te houden over {subject}.",
    ], [
        "Wij verzoeken u dit onderwerp te agenderen voor de eerstvolgende commissievergadering.",
        "Wij vragen de raad dit te bespreken en willen het graag toelichten in de commissie.",
        "Graag horen wij wanneer de raad dit onderwerp op de agenda zet.",
    ]),
}

# How many v4 letters per topic carry each handling.
REQUEST_SHARE: dict[str, int] = {
    "college_afdoening": 8, "college_afdoening_informeren": 4, "college_advies": 6, "vka": 8, "agenderen": 3,
}
