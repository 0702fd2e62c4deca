"""Hand-written Dutch letter frames (2026-11-27, griffiepost): letterheads, openings, requests, footers; fictitious."""

# Letterheads per document kind; placeholders are filled by generate.py ({ministerie}, {org}, {gr}, {gemeente}...).
LETTERHEADS: dict[str, list[str]] = {
    "rondzendbrief": [
        "{ministerie}\nRetouradres Postbus 20011 2500 EA Den Haag\nAan de colleges van burgemeester en wethouders en de gemeenteraden",
        "{ministerie}\nAan: de gemeenteraden en colleges van B&W\nDatum: {datum}\nKenmerk: {kenmerk}\nBijlage(n): 1",
        "Vereniging van Nederlandse Gemeenten\nLedenbrief\nAan de leden\nDatum: {datum}\nOns kenmerk: {kenmerk}",
        "Provincie, Gedeputeerde Staten\nAan de gemeenteraden in de provincie\nDatum: {datum}",
        "Interprovinciaal Overleg (IPO)\nAan gemeenten en waterschappen",
        "{org}\nAan: alle gemeenteraden van Nederland\nRondzendbrief",
        "Waterschap Veenstromen, dagelijks bestuur\nAan de gemeenteraden in ons beheergebied\nUw kenmerk: -\nOns kenmerk: {kenmerk}",
    ],
    "raadsinformatiebrief": [
        "Raadsinformatiebrief\nNummer: RIB {kenmerk}\nDatum: {datum}\nPortefeuillehouder: wethouder {achternaam}",
        "Gemeente {gemeente}\nRaadsinformatiebrief aan de gemeenteraad\nDatum: {datum}",
        "Informatiebrief van het college aan de raad\nZaaknummer: {kenmerk}",
    ],
    "zienswijzeverzoek": [
        "{gr}\nAan de raden van de deelnemende gemeenten\nDatum: {datum}\nKenmerk: {kenmerk}",
        "{gr}\nAlgemeen bestuur\nAan de gemeenteraad van {gemeente}",
    ],
    "jaarstukken": [
        "{gr}\nAan de gemeenteraden van de deelnemers\nDatum: {datum}",
        "Rekenkamercommissie {gemeente}\nAan de gemeenteraad\nDatum: {datum}",
        "Rekenkamer {gemeente}\nAan de leden van de raad",
    ],
    "motie_andere_gemeente": [
        "Griffie gemeente {gemeente2}\nAan: alle gemeenteraden\nDatum: {datum}",
        "Gemeenteraad van {gemeente2}\nAan de gemeenteraden in Nederland",
    ],
    "nieuwsbrief": [
        "Bekijk deze e-mail in uw browser", "Nieuwsbrief | {org} | {maand} {jaar}", "Is deze e-mail niet goed leesbaar? Bekijk de online versie.",
    ],
    "reclame": ["Van: {bedrijf}\nOnderwerp: Exclusief aanbod voor gemeenten", "Adv. | {bedrijf}"],
    "uitnodiging": ["UITNODIGING", "Uitnodiging voor raadsleden en griffie", "Save the date!"],
    "brief": [
        "Van: {org}\nVerzonden: {datum}\nAan: griffie\nOnderwerp: brief aan de raad",
        "{org}\nt.a.v. de gemeenteraad van {gemeente}\nPostbus 100\n{plaats}",
        "---------- Doorgestuurd bericht ----------\nVan: info@{domein}\nAan: raadsgriffie@{domein}",
        "Aan de gemeenteraad van {gemeente}\nDatum: {datum}",
    ],
    "klacht": [
        "Van: {persoon}\nVerzonden: {datum}\nAan: gemeenteraad\nOnderwerp: klacht", "Aan de gemeenteraad van {gemeente}\n{plaats}, {datum}",
        "Ingevuld webformulier 'Contact met de raad'\nNaam: {persoon}\nBericht:",
    ],
    "petitie": ["PETITIE", "Petitie aan de gemeenteraad van {gemeente}", "Burgerpetitie via petities.nl"],
    "bezwaarschrift": ["Aan het college van burgemeester en wethouders van {gemeente}\nBetreft: bezwaarschrift\nUw kenmerk: {kenmerk}",
                       "Aangetekend\nAan burgemeester en wethouders"],
}

# More openings per kind, in the words real letters use.
EXTRA_OPENINGS: dict[str, list[str]] = {
    "brief": ["Wij zijn een vereniging van bewoners en schrijven u over {subject}.", "Graag brengen wij het volgende onder uw aandacht: {subject}.",
              "Als betrokken inwoners maken wij ons zorgen over {subject}.", "Onze organisatie zet zich in voor {plaats} en wil u iets vragen over {subject}.",
              "Ik richt mij tot u omdat mijn vragen over {subject} bij de gemeente niet worden beantwoord."],
    "rondzendbrief": ["Met deze brief informeer ik u over {subject}.", "Hierbij ontvangt u de circulaire over {subject}.",
                      "In deze ledenbrief gaan wij in op {subject}.", "Gedeputeerde Staten informeren u over {subject}.",
                      "Het waterschap informeert de gemeenteraden in het beheergebied over {subject}."],
    "klacht": ["Ik ben het zat: al maanden is er niets gebeurd aan {subject}.", "Mijn meldingen over {subject} worden niet serieus genomen.",
               "Graag dien ik een klacht in, want ik ben slecht behandeld rond {subject}.", "Ik wil mijn ongenoegen uiten over {subject}."],
    "petitie": ["Wij bieden u de handtekeningen aan van {aantal} inwoners die zich zorgen maken over {subject}.",
                "Met deze burgerpetitie vragen {aantal} mensen de raad een besluit te nemen over {subject}."],
    "raadsinformatiebrief": ["Het college wil u met deze brief informeren over {subject}.", "Ter informatie brengen wij u op de hoogte van {subject}."],
    "uitnodiging": ["Wij nodigen u van harte uit voor de netwerkbijeenkomst over {subject}.", "Graag verwelkomen wij u bij de opening van {subject}."],
    "nieuwsbrief": ["In deze editie van onze nieuwsbrief: {subject}, agenda en ledennieuws."],
    "reclame": ["Ook uw gemeente worstelt met {subject}? Wij hebben de oplossing.", "Nieuw: de slimme app voor {subject}."],
}
# Rekenkamer reports (jaarstukken, handling agenderen).
RAPPORT_OPENINGS: list[str] = [
    "Hierbij bieden wij u ons onderzoeksrapport over {subject} aan, met conclusies en aanbevelingen.",
    "De rekenkamer heeft onderzoek gedaan naar {subject}; het rapport met aanbevelingen treft u bijgaand aan.",
    "Met genoegen bieden wij de raad het rekenkamerrapport over de doeltreffendheid van het beleid rond {subject} aan.",
]
# More requests per handling.
EXTRA_ASKS: dict[str, list[str]] = {
    "vka": ["Wij informeren u hierbij ter kennisname.", "Meer informatie vindt u op onze website."],
    "college_afdoening": ["Wij vragen het college ons te laten weten welke maatregelen worden genomen.",
                          "Graag ontvangen wij een reactie van de gemeente op onze vragen.", "Kunt u ervoor zorgen dat iemand contact met mij opneemt?",
                          "Wij verzoeken de gemeente dit probleem met ons op te lossen."],
    "college_afdoening_informeren": ["Wij vragen het college om een reactie en de raad om een afschrift daarvan.",
                                     "Wilt u de raad informeren over het antwoord aan ons?"],
    "college_advies": ["Wij vragen de raad hierover een besluit te nemen en het college om advies te vragen.",
                       "Wij verzoeken de raad het college te vragen een voorstel uit te werken."],
    "agenderen": ["Wij stellen voor het rapport in de commissie te bespreken en lichten het graag toe.",
                  "Wij vragen de raad dit te bespreken voordat er een besluit valt."],
    "betrekken": ["Wij vragen u dit mee te wegen bij de behandeling van de programmabegroting.",
                  "Graag zien wij dit meegenomen in de kadernota en de voorjaarsnota."],
    "griffie": ["Wij willen graag kennismaken met de gemeenteraad; kan de griffie een afspraak plannen?",
                "Kunnen wij tijdens een informatiebijeenkomst van de raad een presentatie geven?",
                "Hoe kan ik mij aanmelden om in te spreken bij de commissie?", "Kan de griffier mij uitleggen hoe ik een burgerinitiatief indien?"],
}
FOOTERS: dict[str, list[str]] = {
    "nieuwsbrief": ["Afmelden | Privacyverklaring | Bekijk online", "U ontvangt deze e-mail omdat u geabonneerd bent. Uitschrijven"],
    "reclame": ["Wilt u geen aanbiedingen meer ontvangen? Klik hier om af te melden.", "Prijzen exclusief btw. Op al onze diensten zijn onze algemene voorwaarden van toepassing."],
    "automatisch": ["Diagnostic information for administrators: 550 5.1.1 User unknown", "Dit is een automatisch gegenereerd bericht."],
}
SHORT_SALUTATIONS: list[str] = ["Beste gemeente,", "Geachte heer/mevrouw,", "Beste raadsleden,", "Hallo,", "Geachte leden van de raad,"]
SHORT_CLOSINGS: list[str] = ["Groet,", "Met vriendelijke groet,", "Alvast bedankt,", "Groeten,", "Hoogachtend,"]
