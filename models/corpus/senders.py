"""Fictitious people, places and senders for the corpus generator (real Dutch place names used only as places)."""

FIRST_NAMES = ["Anouk", "Bram", "Chantal", "Dirk", "Esther", "Frank", "Gerda", "Hamid", "Ingrid", "Jeroen", "Karin",
               "Leon", "Marloes", "Nadia", "Otto", "Petra", "Ruud", "Samira", "Theo", "Ursula", "Vincent", "Wilma",
               "Yusuf", "Zoë", "Henk", "Joke", "Kees", "Fatima", "Gijs", "Mirjam"]
LAST_NAMES = ["de Vries-Kamp", "Jansen", "van den Brink", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
              "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
              "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "Haddou", "Yılmaz", "Verbeek", "Schouten",
              "van Dam", "Koster"]
PLACES = ["Nieuwveen", "Zevenhoven", "Ter Aar", "Vinkeveen", "Giethoorn", "Vollenhove", "Oldemarkt", "Born",
          "Limbricht", "Munstergeleen", "Hazerswoude", "Noorden", "Woerdense Verlaat", "Langeraar", "Ossenzijl",
          "Blokzijl", "Kalenberg", "Grevenbicht", "Nieuwkoop", "Koudekerk"]
MUNICIPALITIES = ["Veenwijde", "Lindewaard", "Rivierenmond", "Hoogeland-Zuid", "Dijkerveld", "Molenaarsgraaf",
                  "Oostervenne", "Berkelwoude"]
OTHER_COUNCILS = ["Zuidplasdam", "Westerkwartier-Noord", "Heuvelrand", "Maasbroek", "Bergeijkerveld",
                  "Vlietlanden", "Kromme Aa", "Duinwaard", "Eemsmonde", "Achterhoekse Berg"]
STREETS = ["Dorpsstraat", "Kerkweg", "Lindelaan", "Molenvliet", "Schoolstraat", "Julianalaan", "Hoofdweg",
           "Ringdijk", "Stationsweg", "Beatrixlaan", "Noordeinde", "Kanaalweg"]
SQUARES = ["Marktplein", "Kerkplein", "Raadhuisplein", "Stationsplein", "Brink"]
DISTRICTS = ["wijk De Akkers", "wijk Molenhoek", "buurt Het Zand", "wijk Oostland", "wijk De Veste", "wijk Park Noord"]
RIVERS = ["Meije", "Linde", "Vecht", "Geleenbeek", "Drecht", "Kromme Mijdrecht"]
FOREIGN_TOWNS = ["Bad Lindenau", "Kórnik", "Ravenna-Sud", "Tiszavár", "Kraljevo Polje"]
PARTIES = ["Dorpsbelangen", "Lokaal Liberaal", "Groen Progressief", "Christelijk Sociaal", "Samen Verder"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]

# Ministries (real institutions as senders of circulars) by topic.
MINISTRIES = {
    "c_0361ffb3": "Ministerie van Onderwijs, Cultuur en Wetenschap", "c_c232ae4a": "Ministerie van OCW",
    "c_d363776f": "Ministerie van Economische Zaken", "c_f47ad6ca": "Ministerie van Buitenlandse Zaken",
    "c_399f194b": "Ministerie van Asiel en Migratie", "c_afa30a11": "Ministerie van Klimaat en Groene Groei",
    "c_d58b78ca": "Ministerie van Justitie en Veiligheid", "c_f4679acc": "Ministerie van Justitie en Veiligheid",
    "c_3eb6243b": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "c_391585db": "Ministerie van Financiën",
    "c_cfc7d5ab": "Ministerie van Volkshuisvesting en Ruimtelijke Ordening", "c_124eaf3a": "Ministerie van VRO",
    "c_d4890526": "Ministerie van Sociale Zaken en Werkgelegenheid", "c_9d1917e9": "Ministerie van SZW",
    "c_849842ac": "Ministerie van Infrastructuur en Waterstaat", "c_d0463fb7": "Ministerie van Volksgezondheid, Welzijn en Sport",
}
# Joint arrangements (fictitious) by topic; others fall back to GR_DEFAULT.
GRS = {
    "c_d0463fb7": ["GGD Veenland", "Gemeenschappelijke Regeling Jeugdhulp Veenland"],
    "c_d58b78ca": ["Veiligheidsregio Veenland", "Veiligheidsregio Rivierenland-Oost"],
    "c_afa30a11": ["Omgevingsdienst Veenland", "Afvalschap Midden-Veen"],
    "c_9d1917e9": ["Werkbedrijf Veenland", "Werkvoorzieningsschap De Schakel"],
    "c_d4890526": ["Intergemeentelijke Sociale Dienst Veenland", "Kredietbank Veenland"],
    "c_c232ae4a": ["Regionaal Bureau Leerplicht Veenland"], "c_849842ac": ["Regionale Vervoerscentrale Veenland"],
    "c_0361ffb3": ["Recreatieschap Plassengebied"], "c_391585db": ["Belastingsamenwerking Veenland"],
    "c_3eb6243b": ["Regionale Uitvoeringsdienst Bedrijfsvoering"], "c_cfc7d5ab": ["Waterschap Veenstromen"],
}
GR_DEFAULT = ["de Gemeenschappelijke Regeling Regio Veenland", "Regio Veenland"]
ASSOCIATIONS = ["Vereniging van Nederlandse Gemeenten", "VNG", "Landelijke Vereniging voor Kleine Kernen",
                "Vereniging Nederlandse Gemeenten, afdeling Zuid", "Interprovinciaal Overleg", "Provincie Veenland",
                "Landelijk Platform Burgerkracht", "Stichting Nederland Schoon", "Koepel Adviesraden Sociaal Domein"]
COMPANIES = ["Gemeentewijs B.V.", "Raadsplan Consultancy", "CivicSoft Nederland", "Publiek Partners B.V.",
             "Straatmeubilair Direct", "DataStad Analytics", "Veilig Parkeren B.V.", "GroenGarant Hoveniers"]
FUNCTIONS = ["voorzitter", "secretaris", "directeur", "beleidsadviseur", "coördinator", "penningmeester",
             "bestuurslid", "programmamanager"]
