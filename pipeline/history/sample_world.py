"""A fictitious past of one council: meetings, list entries with the council's practice, and the mail behind them.

Deterministic for a seed. The truth (which message belongs to which entry) is kept beside the generated files so
import and matching can be scored. Every organisation, person and address is invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from pipeline.rules.profile import Profile

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
# Handling a council gives a sender, drawn once per sender: notice is the most common, as on real lists.
HANDLING_WEIGHTS = {"vka": 40, "college_afdoening": 20, "agenderen": 15, "college_advies": 10,
                    "college_afdoening_informeren": 8, "griffie": 7}
WEBMAIL = ("gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "planet.nl")
FIRST = ("Anouk", "Bram", "Carla", "Daan", "Esther", "Frank", "Gerda", "Hans", "Ilse", "Joost", "Karin", "Luuk",
         "Marieke", "Niels", "Olga", "Pieter", "Ria", "Sander", "Truus", "Wim")
LAST = ("Bakker", "van Dijk", "Smits", "de Graaf", "Hendriks", "Jansen", "Kok", "Lammers", "Mulder", "Nijhuis",
        "Oosterhof", "Prins", "Roelofs", "Schouten", "Timmer", "Veenstra", "Wouters", "Zijlstra")
TOPICS = ("de herinrichting van de Dorpsstraat", "het sportpark De Vennen", "de regionale energiestrategie",
          "de opvang van statushouders", "het onderhoud van de fietspaden", "de zwembadtarieven",
          "de uitbreiding van het bedrijventerrein", "het parkeerbeleid in het centrum", "de jeugdzorg in de regio",
          "de sluiting van de bibliotheekvestiging", "de windturbines langs de dijk", "de woningbouw aan de Kerkweg",
          "het peilbesluit voor de polder", "de kosten van de Wmo", "de verkeersveiligheid rond de basisschool",
          "de kermis en evenementen", "het armoedebeleid", "de afvalinzameling", "de ontwerpbegroting",
          "de jaarrekening", "het bomenbeleid", "de huisvesting van arbeidsmigranten", "de ruimtelijke visie",
          "de subsidie voor het dorpshuis", "de aansluiting op het glasvezelnet", "de bereikbaarheid per bus")
OPENERS = ("Zienswijze op", "Informatie over", "Verzoek om steun voor", "Reactie op", "Aanbieding rapport over",
           "Zorgen over", "Uitnodiging bijeenkomst over", "Vragen over", "Oproep tot actie voor", "Advies over")
# Organisations (fictitious): name pattern, kind, and whether they send a recurring report (near-identical subjects)
ORGS = (
    ("Provincie {province}", "overheid", False), ("Waterschap {water}", "overheid", False),
    ("Veiligheidsregio {region}", "gemeenschappelijke_regeling", True), ("GGD {region}", "gemeenschappelijke_regeling", True),
    ("Omgevingsdienst {region}", "gemeenschappelijke_regeling", True), ("Rekenkamercommissie {place}", "rekenkamer", False),
    ("Stichting Welzijn {place}", "organisatie", True), ("Sportraad {place}", "organisatie", False),
    ("Ondernemersvereniging {place}", "organisatie", False), ("Dorpsraad {village}", "organisatie", False),
    ("Historische Vereniging {place}", "organisatie", False), ("Woonstichting {water}", "organisatie", True),
    ("Natuurvereniging De Grutto", "organisatie", False), ("Fietsersbond afdeling {place}", "organisatie", False),
    ("Huurdersvereniging {village}", "organisatie", False), ("Cliëntenraad Sociaal Domein {place}", "organisatie", False),
    ("Seniorenraad {place}", "organisatie", False), ("Bouwbedrijf Kuipers en Zonen B.V.", "bedrijf", False),
    ("Zonnepark Hoge Weide B.V.", "bedrijf", False), ("Gemeente {neighbour}", "overheid", False),
    ("Stichting Bibliotheek {region}", "organisatie", True), ("Muziekvereniging Excelsior", "organisatie", False),
    ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "overheid", False),
    ("Regionaal Bureau Toerisme {region}", "organisatie", True),
)
PLACES = {
    "nieuwkoop": {"province": "Zuid-Holland", "water": "Rijnland", "region": "Hollands Midden",
                  "place": "Nieuwkoop", "villages": ("Ter Aar", "Zevenhoven", "Noorden"), "neighbour": "Kaag en Braassem"},
    "steenwijkerland": {"province": "Overijssel", "water": "Drents Overijsselse Delta", "region": "IJsselland",
                        "place": "Steenwijkerland", "villages": ("Giethoorn", "Vollenhove", "Oldemarkt"),
                        "neighbour": "Westerveld"},
    "sittard-geleen": {"province": "Limburg", "water": "Limburg", "region": "Zuid-Limburg",
                       "place": "Sittard-Geleen", "villages": ("Born", "Munstergeleen", "Limbricht"),
                       "neighbour": "Beek"},
}


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


@dataclass
class Sender:
    name: str
    domain: str
    kind: str
    recurring: bool
    handling: str  # canonical: what this council usually does with this sender's letters
    committee: str


@dataclass
class Entry:
    key: str  # unique within the world: "<meeting date>/<number>"
    meeting: date
    number: str
    received: date
    sender: str  # as the list shows it
    subject: str
    handling: str  # canonical
    committee: str
    org: Sender | None = None


@dataclass
class Mail:
    key: str  # Message-ID local part
    sent: date
    from_name: str
    from_addr: str
    subject: str
    body: str
    entry: str | None  # the entry this letter is, or None (not on any list)
    case: str  # original | variant | forward | resend | noise | unlisted


@dataclass
class World:
    profile: str
    meetings: list[date]
    entries: list[Entry] = field(default_factory=list)
    mails: list[Mail] = field(default_factory=list)
    senders: list[Sender] = field(default_factory=list)


def _slug(name: str) -> str:
    keep = "".join(c if c.isalnum() else "-" for c in name.lower().replace("ë", "e"))
    return "-".join(p for p in keep.split("-") if p and p not in ("van", "de", "en", "b", "v"))[:40]


def _senders(rng: random.Random, profile: Profile) -> list[Sender]:
    place = PLACES[profile.name]
    own = [c for c in HANDLING_WEIGHTS if c not in profile.handling_fallbacks]
    weights = [HANDLING_WEIGHTS[c] for c in own]
    committees = sorted(set(profile.committees.values()))
    out = []
    for i, (pattern, kind, recurring) in enumerate(ORGS):
        name = pattern.format(village=place["villages"][i % 3], **{k: v for k, v in place.items() if k != "villages"})
        out.append(Sender(name, _slug(name) + ".nl", kind, recurring, rng.choices(own, weights)[0],
                          rng.choice(committees)))
    return out


def _meetings(start: date, end: date, rng: random.Random) -> list[date]:
    out, d = [], start
    while d <= end:
        out.append(d)
        d += timedelta(days=rng.choice((28, 35, 42)))
    return out


def _number(profile: Profile, meeting: date, n: int, running: int) -> str:
    if profile.numbering.style == "continuous":
        return str(running)
    prefix = f"{profile.numbering.prefix} " if profile.numbering.prefix else ""
    return f"{prefix}{meeting.year}-{n:03d}"


def _citizen(rng: random.Random, profile: Profile) -> tuple[str, str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    addr = f"{first.lower()}.{last.lower().replace(' ', '')}{rng.randint(1, 99)}@{rng.choice(WEBMAIL)}"
    village = rng.choice(PLACES[profile.name]["villages"])
    shown = f"Inwoner van {village}" if profile.public_label == "inwoner_van_plaats" else "inwoner"
    return f"{first} {last}", addr, shown


def _subject(rng: random.Random, sender: Sender | None, meeting: date) -> str:
    if sender is not None and sender.recurring and rng.random() < 0.5:
        # the same report every period: subjects differ by a month only (near-identical)
        return f"Voortgangsrapportage {sender.name.split()[0].lower()} {MONTHS[meeting.month - 1]} {meeting.year}"
    return f"{rng.choice(OPENERS)} {rng.choice(TOPICS)}"


def _body(subject: str, signer: str, org: str | None) -> str:
    return (f"Geachte leden van de raad,\n\nHierbij ontvangt u onze brief over: {subject.lower()}.\n"
            f"Wij vragen u hier aandacht aan te besteden.\n\nMet vriendelijke groet,\n\n{signer}\n{org or ''}\n")


def _mail_subject(rng: random.Random, subject: str) -> str:
    r = rng.random()
    if r < 0.5:
        return subject
    if r < 0.65:
        return rng.choice(("Aanbieding: ", "Brief: ", "Ter informatie: ", "Voor de raad: ")) + subject
    if r < 0.75:
        return subject.lower()
    words = subject.split()
    return " ".join(words[:-1]) if len(words) > 4 else subject


def build_world(profile: Profile, seed: int = 17, start: date = date(2024, 1, 15),
                end: date = date(2025, 12, 15), per_meeting: tuple[int, int] = (10, 16),
                unlisted: tuple[int, int] = (1, 3)) -> World:
    """The council's past: meetings every four to six weeks, their lists, and the mail behind each entry."""
    rng = random.Random(f"{seed}-{profile.name}")
    world = World(profile.name, _meetings(start, end, rng))
    world.senders = _senders(rng, profile)
    committees = sorted(set(profile.committees.values()))
    own = [c for c in HANDLING_WEIGHTS if c not in profile.handling_fallbacks]
    griffie = f"griffie@{_slug(profile.place)}.nl"
    running, mail_no = 1, 0

    def add_mail(sent: date, name: str, addr: str, subject: str, body: str, entry: str | None, case: str) -> None:
        nonlocal mail_no
        mail_no += 1
        world.mails.append(Mail(f"{profile.name}-{mail_no:05d}", sent, name, addr, subject, body, entry, case))

    for meeting in world.meetings:
        for n in range(1, rng.randint(*per_meeting) + 1):
            org = rng.choice(world.senders) if rng.random() < 0.75 else None
            received = meeting - timedelta(days=rng.randint(12, 40))
            subject = _subject(rng, org, meeting)
            if org is not None:
                shown, from_name, from_addr = org.name, org.name, f"info@{org.domain}"
                # the council's practice for this sender, with an exception now and then
                handling = org.handling if rng.random() < 0.9 else rng.choice(own)
                committee = org.committee if rng.random() < 0.9 else rng.choice(committees)
            else:
                from_name, from_addr, shown = _citizen(rng, profile)
                handling = rng.choice(("college_afdoening", "vka", own[-1]))
                committee = rng.choice(committees)
            entry = Entry(f"{meeting.isoformat()}/{n}", meeting, _number(profile, meeting, n, running), received,
                          shown, subject, handling, committee, org)
            running += 1
            world.entries.append(entry)
            if rng.random() < 0.08:
                continue  # on the list, but no mail in the mailbox (came by post)
            body = _body(subject, from_name if org is None else f"{rng.choice(FIRST)} {rng.choice(LAST)}", shown)
            sent = received - timedelta(days=rng.choice((0, 0, 1)))
            add_mail(sent, from_name, from_addr, _mail_subject(rng, subject), body, entry.key, "original")
            r = rng.random()
            if r < 0.06:  # a colleague forwards the letter to the griffie a day later
                fwd = f"---------- Doorgestuurd bericht ----------\nVan: {from_name} <{from_addr}>\n" \
                      f"Onderwerp: {subject}\n\n{body}"
                add_mail(sent + timedelta(days=1), "Bestuurssecretariaat", f"secretariaat@{_slug(profile.place)}.nl",
                         f"FW: {subject}", fwd, entry.key, "forward")
            elif r < 0.10:  # the sender sends the same letter again, weeks later
                add_mail(sent + timedelta(days=rng.randint(20, 45)), from_name, from_addr, subject, body,
                         entry.key, "resend")
        # mail that never reached a list: newsletters, replies, and letters the griffie kept off
        for _ in range(rng.randint(*unlisted)):
            sent = meeting - timedelta(days=rng.randint(5, 40))
            if rng.random() < 0.5:
                org = rng.choice(world.senders)
                add_mail(sent, org.name, f"nieuwsbrief@{org.domain}", f"Nieuwsbrief {MONTHS[sent.month - 1]}",
                         "Het laatste nieuws van onze organisatie.\n", None, "noise")
            else:
                org = rng.choice(world.senders)
                subject = f"{rng.choice(OPENERS)} {rng.choice(TOPICS)}"
                add_mail(sent, org.name, f"info@{org.domain}", subject, _body(subject, "Secretaris", org.name),
                         None, "unlisted")
        add_mail(meeting - timedelta(days=3), "Griffie", griffie, f"Agenda raadsvergadering {long_date(meeting)}",
                 "De agenda voor de vergadering.\n", None, "noise")
    world.mails.sort(key=lambda m: (m.sent, m.key))
    return world
