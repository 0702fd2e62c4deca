"""Corpus v3 fragments: openings and requests that carry how a griffie labels a letter's handling (DOMAIN.md)."""

# Openings of an ordinary letter that already decide its handling, whatever the topic (used with that handling).
HANDLING_OPENINGS: dict[str, list[str]] = {
    # purely for information: provinces, waterschappen, ministries, associations' annual reports, twinning towns
    "vka": [
        "Graag informeren wij u over de stand van zaken rond {subject}.",
        "Hierbij ontvangt u ter kennisname ons jaarverslag, waarin wij ook ingaan op {subject}.",
        "Gedeputeerde Staten van de provincie brengen u op de hoogte van de voortgang van {subject}.",
        "Het waterschap informeert de gemeenteraden in het beheergebied over {subject}.",
        "Namens de minister informeren wij u over de landelijke ontwikkelingen rond {subject}.",
        "Onze vereniging stuurt u, zoals ieder jaar, het jaarverslag en de jaarcijfers ter informatie.",
        "Namens het stadsbestuur van onze partnerstad {buitenstad} sturen wij u hartelijke groeten en een terugblik op het afgelopen jaar.",
        "Met deze brief houden wij de gemeenteraden in de regio op de hoogte van {subject}.",
        "Ter informatie zenden wij u een afschrift van onze brief aan het college over {subject}.",
        "Wij laten u graag weten dat het project rond {subject} is afgerond; een samenvatting treft u bijgaand aan.",
    ],
    # the council itself: get acquainted, speaking rights, attending a meeting, a question for the griffie
    "griffie": [
        "Graag zouden wij kennismaken met de nieuwe gemeenteraad en de fracties.",
        "Onze vereniging wil graag een kennismakingsgesprek met de raadsfracties over ons werk in {plaats}.",
        "Ik wil graag gebruikmaken van het spreekrecht in de commissievergadering over {subject}.",
        "Namens onze school vraag ik of een klas een raadsvergadering mag bijwonen en daarna met raadsleden mag praten.",
        "Een delegatie van de raad van onze partnerstad {buitenstad} wil graag een vergadering van uw raad bijwonen.",
        "Ik heb een vraag aan de griffie over de manier waarop ik een burgerinitiatief kan indienen.",
        "Wij willen de nieuwe commissie graag ontmoeten om ons werk toe te lichten.",
        "Graag dien ik een klacht in over het gedrag van een raadslid tijdens de laatste commissievergadering.",
        "Kan de griffie ons laten weten wanneer de fracties een werkbezoek aan ons kunnen brengen?",
        "Ik wil mij aanmelden als inspreker bij de raadsvergadering van {maand}.",
    ],
    # weigh it in with the kadernota, the budget or a decision already planned
    "betrekken": [
        "Met het oog op de begrotingsbehandeling in november vragen wij uw aandacht voor {subject}.",
        "In aanloop naar de kadernota {jaar} willen wij u enkele overwegingen meegeven over {subject}.",
        "Nu de voorjaarsnota eraan komt, vragen wij u rekening te houden met {subject}.",
        "Binnenkort besluit uw raad over de omgevingsvisie; wij vragen u daarbij aandacht voor {subject}.",
    ],
    # a petition or a request to change policy that needs a council decision (pre-advies of the college)
    "college_advies": [
        "Wij vragen de raad het beleid rond {subject} te wijzigen.",
        "Met dit burgerinitiatief vragen wij de raad een besluit te nemen over {subject}.",
        "Wij verzoeken de raad de verordening over {subject} aan te passen.",
        "Wij vragen uw raad om een structurele bijdrage voor {subject}, wat een besluit van de raad vraagt.",
    ],
    # a concrete request the college can answer or do, a copy of the answer for the council
    "college_afdoening_informeren": [
        "Wij hebben het college al eerder gevraagd iets te doen aan {subject}; wij willen dat ook de raad dit weet.",
        "Wij sturen deze brief aan het college en, zodat u op de hoogte bent, in afschrift aan de raad.",
        "Graag vragen wij het college om een oplossing voor {subject}, en de raad om te volgen hoe het college dit afhandelt.",
    ],
    "college_afdoening": [
        "Wij lopen al maanden aan tegen {subject} en vragen de gemeente om hulp.",
        "Ik heb een vraag over {subject} en weet niet bij wie ik moet zijn.",
        "Onze stichting vraagt de gemeente om {subject} op te lossen vóór de zomer.",
        "Al twee keer hebben wij een melding gedaan over {subject}, maar er gebeurt niets.",
    ],
}

# More requests per handling (closing sentences).
HANDLING_ASKS: dict[str, list[str]] = {
    "vka": ["Deze brief vraagt geen besluit van uw raad.", "Wij sturen u dit jaarverslag ter informatie.",
            "Wij zien uit naar een voortzetting van de goede banden tussen onze steden.",
            "Vragen over deze brief kunt u stellen aan ons secretariaat.", "Wij houden u op de hoogte."],
    "griffie": ["Kan de griffie een datum voorstellen?", "Wilt u mij laten weten hoe de aanmelding verloopt?",
                "Hoe kunnen wij ons aanmelden voor een informatieavond van de raad?",
                "Graag hoor ik van de griffier hoe ik dit kan aankaarten.", "Wij horen graag welke datum de fracties past."],
    "betrekken": ["Wij vragen u hiermee rekening te houden bij de begrotingsbehandeling.",
                  "Wilt u deze punten meewegen bij de besluitvorming over de kadernota?",
                  "Wij hopen dat u dit meeneemt bij de behandeling van het raadsvoorstel."],
    "college_advies": ["Wij vragen de raad hierover een besluit te nemen.", "Wij vragen de raad het college opdracht te geven een voorstel voor te bereiden.",
                       "Wij vragen de raad het eerdere besluit te heroverwegen."],
    "college_afdoening_informeren": ["Wij vragen het college om een antwoord en de raad om een kopie daarvan.",
                                     "Wilt u de gemeenteraad informeren over de afhandeling?",
                                     "Graag ontvangt ook de raad een afschrift van de reactie van het college."],
    "college_afdoening": ["Kunt u ervoor zorgen dat dit wordt opgelost?", "Graag ontvangen wij een antwoord van de gemeente.",
                          "Wie kan ons hierbij helpen?", "Wilt u de melding alsnog in behandeling nemen?"],
}
