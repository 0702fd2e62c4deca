"""Hand-written Dutch fragments per document kind and per handling request, written for griffiepost (fictitious)."""

# Opening sentences per document kind; {subject} is a topic subject phrase.
OPENINGS: dict[str, list[str]] = {
    "brief": [
        "Hierbij wend ik mij tot uw raad in verband met {subject}.", "Graag vraag ik uw aandacht voor {subject}.",
        "Met deze brief willen wij u informeren over onze zorgen rond {subject}.", "Als inwoner van {plaats} schrijf ik u over {subject}.",
        "Namens ons bestuur schrijven wij u over {subject}.", "Al geruime tijd houdt {subject} ons bezig.",
        "Wij richten ons tot de gemeenteraad omdat {subject} ons grote zorgen baart.",
        "Onlangs las ik in de krant over {subject} en ik wil daarop reageren.",
    ],
    "rondzendbrief": [
        "Deze brief sturen wij aan alle gemeenteraden in Nederland; hij gaat over {subject}.",
        "Hierbij informeren wij alle colleges en gemeenteraden over {subject}.",
        "Met deze ledenbrief informeren wij u over {subject}.", "Graag brengen wij bijgevoegde brief over {subject} onder de aandacht van uw gemeenteraad.",
        "In deze circulaire gaan wij in op {subject}.", "Beste leden van de gemeenteraden van Nederland, wij vragen aandacht voor {subject}.",
        "Dit is een brief aan alle 342 gemeenten over {subject}.", "Namens de minister informeer ik u over {subject}.",
    ],
    "petitie": [
        "Hierbij bieden wij u een petitie aan over {subject}, ondertekend door {aantal} inwoners.",
        "Ruim {aantal} mensen hebben onze petitie over {subject} getekend.", "Met deze petitie vragen wij de raad om actie op {subject}.",
        "Namens de ondertekenaars bieden wij de petitie '{subject}' aan.", "Onze handtekeningenactie over {subject} heeft {aantal} steunbetuigingen opgeleverd.",
    ],
    "klacht": [
        "Ik wil een klacht indienen over {subject}.", "Ik ben zeer ontevreden over de manier waarop de gemeente omgaat met {subject}.",
        "Hierbij dien ik een klacht in over de behandeling van mijn melding over {subject}.",
        "Tot mijn grote ergernis is er nog steeds niets gedaan aan {subject}.", "Ik klaag over het gedrag van een medewerker in verband met {subject}.",
        "Al maanden meld ik problemen met {subject}, zonder resultaat.",
    ],
    "zienswijzeverzoek": [
        "Hierbij bieden wij u de ontwerpbegroting {jaar} van {gr} aan met het verzoek uw zienswijze te geven.",
        "Conform de Wet gemeenschappelijke regelingen ontvangt u de kaderbrief {jaar} van {gr}; u kunt een zienswijze indienen.",
        "Het algemeen bestuur van {gr} legt de ontwerpbegroting en de meerjarenraming aan uw raad voor.",
        "Graag ontvangen wij uiterlijk {datum} uw zienswijze op de ontwerpbegroting {jaar}, mede over {subject}.",
        "Wij vragen uw raad om een zienswijze op het voorstel tot wijziging van de regeling over {subject}.",
        "In het kader van de begrotingscyclus van {gr} vragen wij uw raad om een zienswijze.",
    ],
    "raadsinformatiebrief": [
        "Met deze raadsinformatiebrief informeren wij u over {subject}.", "Het college informeert de raad graag over de stand van zaken rond {subject}.",
        "In deze raadsinformatiebrief geven wij u een update over {subject}.", "Wij houden u hierbij op de hoogte van de ontwikkelingen rond {subject}.",
        "Zoals toegezegd in de commissievergadering informeren wij u over {subject}.", "Graag brengen wij u op de hoogte van {subject}.",
    ],
    "jaarstukken": [
        "Hierbij ontvangt u de jaarstukken {jaar} van {gr}, bestaande uit het jaarverslag en de jaarrekening.",
        "Wij bieden u het jaarverslag {jaar} aan, met daarin ook aandacht voor {subject}.",
        "De jaarrekening {jaar} van {gr} sluit met een positief resultaat van {bedrag}.",
        "Bijgaand treft u de voorlopige jaarrekening en de controleverklaring van de accountant aan.",
        "Het rapport over {subject} van de rekenkamercommissie bieden wij u hierbij aan.",
        "Hierbij zenden wij u het jaarverslag van de rekenkamer, met onderzoeken naar onder meer {subject}.",
    ],
    "motie_andere_gemeente": [
        "De gemeenteraad van {gemeente2} heeft op {datum} een motie aangenomen over {subject}.",
        "Hierbij sturen wij u de aangenomen motie van de raad van {gemeente2} over {subject}.",
        "In zijn vergadering van {datum} heeft de raad van {gemeente2} de motie '{subject}' unaniem aangenomen.",
        "Op verzoek van de raad van {gemeente2} zenden wij alle gemeenteraden de motie over {subject}.",
        "De raad van {gemeente2} roept in een motie het kabinet op om werk te maken van {subject}.",
    ],
    "uitnodiging": [
        "Graag nodigen wij u uit voor een bijeenkomst over {subject} op {datum}.", "U bent van harte welkom bij ons symposium over {subject}.",
        "Wij nodigen raadsleden uit voor een werkbezoek in het kader van {subject}.", "Save the date: op {datum} organiseren wij een congres over {subject}.",
        "Graag ontmoeten wij u tijdens onze informatieavond over {subject}.", "Uitnodiging: webinar voor raadsleden over {subject}.",
    ],
    "nieuwsbrief": [
        "In deze nieuwsbrief: {subject} en meer.", "Nieuwsbrief {maand} {jaar} - dit keer over {subject}.",
        "Welkom bij de nieuwe editie van onze digitale nieuwsbrief, met als thema {subject}.", "Het laatste nieuws over {subject} leest u in dit nummer.",
        "U ontvangt deze nieuwsbrief omdat u zich heeft aangemeld. Deze maand: {subject}.",
    ],
    "reclame": [
        "Speciaal voor gemeenten: onze oplossing voor {subject}.", "Tijdelijk 20% korting op ons advies over {subject}!",
        "Wist u dat wij al {aantal} gemeenten helpen met {subject}?", "Maak kennis met het nieuwste product voor {subject}.",
        "Bestel nu ons handboek over {subject} voor raadsleden.", "Vraag vandaag nog een gratis demonstratie aan over {subject}.",
    ],
    "bezwaarschrift": [
        "Hierbij maak ik bezwaar tegen het besluit van {datum} over {subject}.", "Ik teken bezwaar aan tegen de beschikking inzake {subject}.",
        "Namens mijn cliënt maak ik bezwaar tegen het besluit over {subject}, kenmerk {kenmerk}.",
        "Dit is een pro-forma bezwaarschrift tegen uw besluit over {subject}; de gronden volgen.",
        "Op grond van de Algemene wet bestuursrecht maak ik bezwaar tegen het besluit over {subject}.",
    ],
    "automatisch": [
        "Dank voor uw bericht over {subject}. Ik ben afwezig tot en met {datum} en heb beperkt toegang tot mijn e-mail.",
        "Automatisch antwoord: ik ben met vakantie. Uw bericht over {subject} wordt na mijn terugkomst behandeld.",
        "Dit is een automatisch gegenereerd bericht. Wij hebben uw e-mail over {subject} in goede orde ontvangen.",
        "Afwezigheidsmelding: tot {datum} niet bereikbaar. Voor dringende zaken over {subject} kunt u het algemene nummer bellen.",
        "Uw bericht kon niet worden afgeleverd. Delivery Status Notification (Failure) voor het bericht over {subject}.",
        "Out of office: ik ben niet op kantoor. Berichten over {subject} worden niet doorgestuurd.",
    ],
}

# What a letter asks, per handling; the label follows from which request the letter makes.
ASKS: dict[str, list[str]] = {
    "vka": [
        "Deze brief is uitsluitend ter informatie.", "Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd.",
        "U hoeft op deze brief geen actie te ondernemen.", "Voor nadere informatie kunt u terecht op onze website.",
        "Wij houden u op de hoogte van verdere ontwikkelingen.", "Deze informatie is bedoeld om u mee te nemen in de stand van zaken.",
        "Wij informeren u hierover graag, zodat u weet wat er speelt.", "Een reactie van uw raad wordt niet gevraagd.",
    ],
    "college_afdoening": [
        "Ik verzoek u ervoor te zorgen dat dit probleem snel wordt opgelost.", "Kunt u mij laten weten wanneer er iets gaat gebeuren?",
        "Graag ontvang ik binnen zes weken een antwoord op mijn vragen.", "Ik hoop op een spoedige reactie van de gemeente.",
        "Wilt u zorgen dat de melding alsnog wordt opgepakt?", "Ik verwacht dat de gemeente contact met mij opneemt.",
        "Wij vragen de gemeente om hier op korte termijn iets aan te doen.", "Graag hoor ik hoe de gemeente dit gaat oplossen.",
    ],
    "college_afdoening_informeren": [
        "Ik wil graag dat de raad een afschrift ontvangt van het antwoord dat het college mij stuurt.",
        "Wilt u de raad op de hoogte houden van de afhandeling van deze brief?",
        "Ik verzoek u het antwoord van het college ook aan alle raadsleden te sturen.",
        "Graag een reactie van het college, met een kopie aan de gemeenteraad.",
        "Ik wil dat de raadsleden weten hoe het college met deze klacht omgaat.",
    ],
    "college_advies": [
        "Wij verzoeken de raad een besluit te nemen over ons voorstel en daarover eerst het college om advies te vragen.",
        "Wij vragen de raad de verordening op dit punt te wijzigen.", "Ons burgerinitiatiefvoorstel legt een concreet besluit aan de raad voor.",
        "Wij vragen de raad om een structurele subsidie toe te kennen, wat een raadsbesluit vergt.",
        "Wij verzoeken de raad om het beleid te herzien en een nieuw besluit te nemen.",
        "Graag zien wij dat de raad zich uitspreekt en het college opdracht geeft een voorstel uit te werken.",
    ],
    "agenderen": [
        "Wij verzoeken u dit onderwerp te agenderen voor de eerstvolgende commissievergadering.",
        "Graag gaan wij hierover met de raad in gesprek tijdens een commissievergadering.",
        "Wij vragen u deze kwestie op de agenda van de raad te plaatsen.", "Wij stellen voor dit stuk in de commissie te bespreken.",
        "Het lijkt ons goed als de raad hierover met elkaar het debat voert.", "Wij verzoeken om bespreking in de raadsvergadering van {maand}.",
        "Wij bieden aan het rapport in een informatiebijeenkomst voor de raad toe te lichten.",
    ],
    "betrekken": [
        "Wij vragen u deze overwegingen mee te nemen bij het opstellen van de kadernota {jaar}.",
        "Wij hopen dat u dit betrekt bij de behandeling van de begroting {jaar}.",
        "Graag zien wij onze punten terug bij de bespreking van de voorjaarsnota.",
        "Wij verzoeken u deze brief te betrekken bij de behandeling van de omgevingsvisie die binnenkort op de agenda staat.",
        "U kunt dit meenemen bij de kaderstelling voor de begroting in {maand}.",
        "Wij vragen u dit te betrekken bij het raadsvoorstel dat al voor {maand} is gepland.",
    ],
    "griffie": [
        "Graag maak ik gebruik van het spreekrecht tijdens de commissievergadering van {datum}.",
        "Kan de griffie mij laten weten hoe ik kan inspreken bij de raad?",
        "Ik verzoek de griffie mij de stukken van de raadsvergadering toe te sturen.",
        "Ik wil graag een gesprek met de griffier over de gang van zaken in de raad.",
        "Wilt u dit verzoek doorsturen aan de vertrouwenscommissie?",
        "Kan de griffie een rondleiding in de raadzaal voor onze klas regelen?",
    ],
    "niet_op_lijst": [],
}

# Sentences that only say who writes, or frame the letter; shared by all topics (overlapping vocabulary).
GENERIC: list[str] = [
    "Wij begrijpen dat de gemeente voor moeilijke keuzes staat.", "De afgelopen jaren is er veel veranderd in onze gemeente.",
    "Inwoners voelen zich onvoldoende gehoord.", "Wij zijn graag bereid ons verhaal toe te lichten.",
    "In de bijlage vindt u een toelichting en een overzicht van de kosten.", "De situatie is de laatste maanden verslechterd.",
    "Wij hebben hierover eerder contact gehad met een ambtenaar, helaas zonder resultaat.", "Het gaat om een kleine groep, maar het raakt veel mensen.",
    "Wij zien ook kansen om samen met de gemeente tot een oplossing te komen.", "Veel vrijwilligers zetten zich hiervoor in.",
    "De gevolgen zijn voor het hele dorp merkbaar.", "Wij rekenen op uw steun.",
]

CLOSINGS: list[str] = [
    "Met vriendelijke groet,", "Hoogachtend,", "Met vriendelijke groeten,", "Met hartelijke groet,", "Vriendelijke groet,",
    "In afwachting van uw reactie, met vriendelijke groet,", "Met collegiale groet,",
]
SALUTATIONS: list[str] = [
    "Geachte leden van de gemeenteraad,", "Geachte raadsleden,", "Geachte raad,", "Beste raadsleden,", "Geachte griffie,",
    "Geacht college en geachte raad,", "Aan de gemeenteraad van {gemeente},", "Geachte heer, mevrouw,", "Beste griffier,",
]
