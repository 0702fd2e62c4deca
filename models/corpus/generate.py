"""Generate the labelled Dutch training corpus (train.jsonl / heldout.jsonl) from hand-written fragments."""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fragments_kinds import ASKS, CLOSINGS, GENERIC, OPENINGS, SALUTATIONS  # noqa: E402
from fragments_topics_a import TOPICS_A  # noqa: E402
from fragments_topics_b import TOPICS_B  # noqa: E402
from fragments_real import REAL  # noqa: E402
from fragments_frames import (EXTRA_ASKS, EXTRA_OPENINGS, FOOTERS, LETTERHEADS, RAPPORT_OPENINGS,  # noqa: E402
                              SHORT_CLOSINGS, SHORT_SALUTATIONS)
from fragments_handling import HANDLING_ASKS, HANDLING_OPENINGS  # noqa: E402
from fragments_requests import REQUEST_LETTERS, REQUEST_SHARE  # noqa: E402
import senders as S  # noqa: E402

SEED = 20261127
PER_TOPIC = 200
HELDOUT_PERCENT = 20
PROVENANCE = "griffiepost corpus generator 2026-11-27 v3 (hand-written fragments, fictitious)"
PROVENANCE_V4 = "griffiepost corpus generator 2026-11-27 v4 request letters (fragments_requests.py, fictitious)"
TOPICS = {code: {part: TOPICS_A.get(code, TOPICS_B.get(code))[part] + REAL[code][part]
                 for part in ("subjects", "body", "orgs")} for code in {**TOPICS_A, **TOPICS_B}}
for _kind, _lines in EXTRA_OPENINGS.items():
    OPENINGS[_kind] = OPENINGS[_kind] + _lines
for _handling, _lines in list(EXTRA_ASKS.items()) + list(HANDLING_ASKS.items()):
    ASKS[_handling] = ASKS[_handling] + _lines

# Document kinds: relative frequency and handling distribution (DOMAIN.md defaults).
KINDS: dict[str, tuple[float, dict[str, float]]] = {
    "brief": (0.26, {"college_afdoening": .24, "college_afdoening_informeren": .09, "college_advies": .1,
                     "agenderen": .06, "betrekken": .13, "griffie": .14, "vka": .16, "niet_op_lijst": .08}),
    "rondzendbrief": (0.11, {"vka": .88, "betrekken": .12}),
    "petitie": (0.06, {"college_advies": 1.0}),
    "klacht": (0.09, {"college_afdoening": .85, "college_afdoening_informeren": .15}),
    "zienswijzeverzoek": (0.06, {"agenderen": 1.0}),
    "raadsinformatiebrief": (0.08, {"vka": 1.0}),
    "jaarstukken": (0.06, {"agenderen": .5, "vka": .5}),  # agenderen = a rekenkamer report, vka = annual accounts
    "motie_andere_gemeente": (0.05, {"vka": 1.0}),
    "uitnodiging": (0.06, {"niet_op_lijst": 1.0}),
    "nieuwsbrief": (0.06, {"niet_op_lijst": 1.0}),
    "reclame": (0.05, {"niet_op_lijst": 1.0}),
    "bezwaarschrift": (0.05, {"niet_op_lijst": 1.0}),
    "automatisch": (0.05, {"niet_op_lijst": 1.0}),
}
# Closing lines that make a kind recognisable beyond its opening.
KIND_EXTRAS: dict[str, list[str]] = {
    "uitnodiging": ["Aanmelden kan tot {datum} via het aanmeldformulier.", "De ontvangst is vanaf 19.00 uur, het programma start om 19.30 uur.",
                    "Wij hopen u te mogen begroeten.", "Na afloop is er gelegenheid om na te praten onder het genot van een hapje en een drankje."],
    "nieuwsbrief": ["Wilt u deze nieuwsbrief niet meer ontvangen? Meld u dan af via de link onderaan.", "Lees verder op onze website.",
                    "Volg ons ook op sociale media.", "Deel deze nieuwsbrief met collega's."],
    "reclame": ["Neem vrijblijvend contact op met onze accountmanager.", "Bekijk onze referenties op www.example.nl.",
                "Deze aanbieding is geldig tot {datum}.", "Plan direct een afspraak in via onze agenda."],
    "bezwaarschrift": ["Ik verzoek u het besluit te herroepen.", "Graag word ik gehoord door de bezwaarschriftencommissie.",
                       "De gronden van het bezwaar zijn als volgt.", "Ik verzoek tevens om vergoeding van de proceskosten."],
    "automatisch": ["Uw bericht wordt niet doorgestuurd.", "Dit bericht is automatisch verzonden; u kunt hierop niet reageren.",
                    "Voor spoedeisende zaken kunt u contact opnemen met het secretariaat."],
    "raadsinformatiebrief": ["Wij verwachten u in het derde kwartaal opnieuw te informeren.", "Het college heeft hierover op {datum} besloten."],
    "jaarstukken": ["De accountant heeft een goedkeurende controleverklaring afgegeven.", "Het algemeen bestuur stelt de jaarrekening vast op {datum}."],
    "zienswijzeverzoek": ["De bijdrage van uw gemeente stijgt naar {bedrag}.", "Uw zienswijze zien wij graag uiterlijk {datum} tegemoet."],
    "motie_andere_gemeente": ["Wij roepen andere gemeenteraden op deze motie te steunen.", "De motie is als bijlage bijgevoegd."],
    "petitie": ["De lijst met handtekeningen is bijgevoegd.", "Wij willen de petitie graag persoonlijk aanbieden."],
}
# Annual accounts are taken for notice; a rekenkamer report goes on the agenda (the label follows the opening).
RAPPORT = RAPPORT_OPENINGS + [o for o in OPENINGS["jaarstukken"] if "rekenkamer" in o]
ACCOUNTS = [o for o in OPENINGS["jaarstukken"] if "rekenkamer" not in o]
NEIGHBOURS = {  # topics whose vocabulary often meets in one letter
    "c_d0463fb7": ["c_d4890526", "c_0361ffb3", "c_124eaf3a", "c_391585db"], "c_d4890526": ["c_d0463fb7", "c_9d1917e9", "c_391585db"],
    "c_9d1917e9": ["c_d4890526", "c_d363776f", "c_399f194b"], "c_124eaf3a": ["c_cfc7d5ab", "c_399f194b", "c_d4890526"],
    "c_cfc7d5ab": ["c_124eaf3a", "c_849842ac", "c_afa30a11"], "c_849842ac": ["c_cfc7d5ab", "c_c232ae4a", "c_d58b78ca"],
    "c_afa30a11": ["c_cfc7d5ab", "c_d363776f", "c_d0463fb7"], "c_391585db": ["c_3eb6243b", "c_d0463fb7", "c_d4890526"],
    "c_3eb6243b": ["c_391585db", "c_f4679acc"], "c_f4679acc": ["c_3eb6243b", "c_d58b78ca", "c_cfc7d5ab"],
    "c_d58b78ca": ["c_f4679acc", "c_d0463fb7", "c_849842ac"], "c_399f194b": ["c_124eaf3a", "c_9d1917e9", "c_f47ad6ca"],
    "c_f47ad6ca": ["c_399f194b", "c_d363776f", "c_0361ffb3"], "c_c232ae4a": ["c_0361ffb3", "c_d0463fb7", "c_9d1917e9"],
    "c_d363776f": ["c_9d1917e9", "c_cfc7d5ab", "c_0361ffb3"], "c_0361ffb3": ["c_c232ae4a", "c_d363776f", "c_d0463fb7"],
}


def fmt_date(rng: random.Random) -> str:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2025, 2026, 2027])
    return rng.choice([f"{day} {S.MONTHS[month - 1]} {year}", f"{day:02d}-{month:02d}-{year}", f"{day}/{month}/{year}",
                       f"{year}-{month:02d}-{day:02d}", f"{day} {S.MONTHS[month - 1][:3]}. {year}"])


def fmt_amount(rng: random.Random) -> str:
    n = rng.choice([12_500, 48_000, 125_000, 250_000, 1_250_000, 3_400_000, 780_000])
    dotted = f"{n:,}".replace(",", ".")
    return rng.choice([f"€ {dotted}", f"€{dotted},-", f"EUR {dotted}", f"{dotted} euro",
                       f"€ {n / 1e6:.1f} miljoen".replace(".", ",") if n >= 1e6 else f"ruim {n // 1000} duizend euro"])


def fill(template: str, rng: random.Random, ctx: dict[str, str]) -> str:
    values = {
        "plaats": ctx["plaats"], "gemeente": ctx["gemeente"], "gemeente2": rng.choice(S.OTHER_COUNCILS),
        "straat": rng.choice(S.STREETS), "plein": rng.choice(S.SQUARES), "wijk": rng.choice(S.DISTRICTS),
        "rivier": rng.choice(S.RIVERS), "buitenstad": ctx["buitenstad"], "bedrag": fmt_amount(rng), "datum": fmt_date(rng),
        "jaar": str(rng.choice([2026, 2027, 2028])), "maand": rng.choice(S.MONTHS), "aantal": str(rng.choice([40, 120, 350, 800, 1500, 2400])),
        "percentage": rng.choice(["8 procent", "12%", "6,5 procent", "15 %"]), "kenmerk": f"{rng.randint(2025, 2026)}/{rng.randint(1000, 99999)}",
        "gr": ctx["gr"], "subject": ctx.get("subject", ""), "ministerie": ctx.get("ministerie", ""), "org": ctx.get("org", ""),
        "achternaam": rng.choice(S.LAST_NAMES), "bedrijf": rng.choice(S.COMPANIES), "persoon": person(rng),
        "domein": ctx["gemeente"].lower().replace(" ", "") + ".nl",
    }
    return template.format(**values)


def pick_handling(kind: str, rng: random.Random) -> str:
    dist = KINDS[kind][1]
    return rng.choices(list(dist), weights=list(dist.values()))[0]


def person(rng: random.Random) -> str:
    return f"{rng.choice(S.FIRST_NAMES)} {rng.choice(S.LAST_NAMES)}"


def signature(kind: str, topic: str, rng: random.Random, ctx: dict[str, str]) -> str:
    org = fill(rng.choice(TOPICS[topic]["orgs"]), rng, ctx)
    if kind in ("klacht", "bezwaarschrift") or (kind in ("brief", "petitie") and rng.random() < .45):
        return f"{person(rng)}\n{rng.choice(S.STREETS)} {rng.randint(1, 140)}, {ctx['plaats']}"
    if kind == "raadsinformatiebrief":
        return f"Burgemeester en wethouders van {ctx['gemeente']},\nde secretaris, de burgemeester"
    if kind == "motie_andere_gemeente":
        return f"De griffier van de gemeente {rng.choice(S.OTHER_COUNCILS)},\n{person(rng)}"
    if kind == "rondzendbrief":
        sender = rng.choice([S.MINISTRIES[topic], rng.choice(S.ASSOCIATIONS), org])
        return f"{person(rng)}\n{rng.choice(S.FUNCTIONS)}, {sender}"
    if kind in ("zienswijzeverzoek", "jaarstukken"):
        return f"Het dagelijks bestuur van {ctx['gr']},\n{person(rng)}, {rng.choice(S.FUNCTIONS)}"
    if kind == "reclame":
        return f"{person(rng)}\nAccountmanager overheid, {rng.choice(S.COMPANIES)}"
    if kind == "automatisch":
        return rng.choice(["", f"{person(rng)}", "Postmaster"])
    return f"{person(rng)}\n{rng.choice(S.FUNCTIONS)}, {org}"


def compose(topic: str, kind: str, handling: str, rng: random.Random) -> str:
    """One letter: header, salutation, opening, body (with other themes mixed in), request, closing."""
    frag = TOPICS[topic]
    ctx = {"plaats": rng.choice(S.PLACES), "gemeente": rng.choice(S.MUNICIPALITIES), "buitenstad": rng.choice(S.FOREIGN_TOWNS),
           "gr": rng.choice(S.GRS.get(topic, S.GR_DEFAULT))}
    ctx["ministerie"] = S.MINISTRIES[topic]
    ctx["org"] = ""  # filled next, from the topic's senders
    ctx["org"] = fill(rng.choice(frag["orgs"]), rng, ctx)
    ctx["subject"] = fill(rng.choice(frag["subjects"]), rng, ctx)
    parts: list[str] = []
    if kind == "automatisch":
        parts.append(f"Onderwerp: {rng.choice(['Automatisch antwoord: ', 'Afwezig: ', 'Undeliverable: ', 'RE: '])}{ctx['subject']}")
        parts.append(fill(rng.choice(OPENINGS[kind]), rng, ctx))
        parts += [fill(x, rng, ctx) for x in rng.sample(KIND_EXTRAS[kind], rng.randint(0, 2))]
        sig = signature(kind, topic, rng, ctx)
        return "\n\n".join(p for p in parts + [sig] if p)
    short = rng.random() < .35  # an e-mail-like letter: few sentences, no filler
    if kind in LETTERHEADS and rng.random() < .55:
        parts.append(fill(rng.choice(LETTERHEADS[kind]), rng, ctx))
    if rng.random() < .7:
        parts.append(f"{rng.choice(['Betreft', 'Onderwerp', 'Inzake'])}: {ctx['subject'][0].upper()}{ctx['subject'][1:]}")
    if rng.random() < .5:
        parts.append(rng.choice([f"{ctx['plaats']}, ", "Datum: ", "Verzonden: "]) + fmt_date(rng))
    if rng.random() < .3:
        parts.append(f"Ons kenmerk: {fill('{kenmerk}', rng, ctx)}")
    if kind == "brief" and handling == "niet_op_lijst":
        parts.append(rng.choice([f"Aan de fractie van {rng.choice(S.PARTIES)},", f"Beste raadslid {rng.choice(S.LAST_NAMES)},",
                                 "Geachte heer, mevrouw,"]))
    else:
        parts.append(fill(rng.choice(SHORT_SALUTATIONS if short else SALUTATIONS), rng, ctx))
    if kind == "jaarstukken":
        pool = RAPPORT if handling == "agenderen" else ACCOUNTS
        parts.append(fill(rng.choice(pool), rng, ctx))
    elif kind == "brief" and handling in HANDLING_OPENINGS and rng.random() < .6:
        parts.append(fill(rng.choice(HANDLING_OPENINGS[handling]), rng, ctx))  # the opening says what is asked
    else:
        parts.append(fill(rng.choice(OPENINGS[kind]), rng, ctx))
    n_body = rng.randint(1, 3) if short or (kind == "brief" and handling == "griffie") else rng.randint(2, 5)
    body = [fill(x, rng, ctx) for x in rng.sample(frag["body"], n_body)]
    for _ in range(0 if short else rng.choice([0, 0, 1, 1, 2])):  # other themes, mostly neighbours
        other = rng.choice(NEIGHBOURS[topic]) if rng.random() < .75 else rng.choice(list(TOPICS))
        body.insert(rng.randint(0, len(body)), fill(rng.choice(TOPICS[other]["body"]), rng, ctx))
    body += rng.sample(GENERIC, 0 if short else rng.randint(0, 2))
    if kind in KIND_EXTRAS and rng.random() < .8:
        body.append(fill(rng.choice(KIND_EXTRAS[kind]), rng, ctx))
    if ASKS[handling] and (handling != "vka" or rng.random() < .6):
        body.append(fill(rng.choice(ASKS[handling]), rng, ctx))
    if kind == "brief" and handling == "niet_op_lijst" and rng.random() < .5:
        body.append(rng.choice(["Deze brief is alleen voor u persoonlijk bedoeld.", "Ik wil liever anoniem blijven."]))
    paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
    parts += paragraphs + [rng.choice(SHORT_CLOSINGS if short else CLOSINGS), signature(kind, topic, rng, ctx)]
    if kind in FOOTERS and rng.random() < .6:
        parts.append(rng.choice(FOOTERS[kind]))
    return "\n\n".join(parts)


def compose_request(topic: str, handling: str, rng: random.Random) -> str:
    """A v4 letter (corpus v4): an ordinary letter whose opening and request carry the handling."""
    frag = TOPICS[topic]
    ctx = {"plaats": rng.choice(S.PLACES), "gemeente": rng.choice(S.MUNICIPALITIES), "buitenstad": rng.choice(S.FOREIGN_TOWNS),
           "gr": rng.choice(S.GRS.get(topic, S.GR_DEFAULT)), "ministerie": S.MINISTRIES[topic], "org": ""}
    ctx["org"] = fill(rng.choice(frag["orgs"]), rng, ctx)
    ctx["subject"] = fill(rng.choice(frag["subjects"]), rng, ctx)
    openings, requests = REQUEST_LETTERS[handling]
    parts: list[str] = []
    if rng.random() < .6:
        parts.append(f"{rng.choice(['Betreft', 'Onderwerp'])}: {ctx['subject'][0].upper()}{ctx['subject'][1:]}")
    short = rng.random() < .4
    parts.append(fill(rng.choice(SHORT_SALUTATIONS if short else SALUTATIONS), rng, ctx))
    body = [fill(rng.choice(openings), rng, ctx)] + [fill(x, rng, ctx) for x in rng.sample(frag["body"], rng.randint(1, 3))]
    body.append(fill(rng.choice(requests), rng, ctx))
    parts.append(" ".join(x for x in body if x))
    parts += [rng.choice(SHORT_CLOSINGS if short else CLOSINGS), signature("brief", topic, rng, ctx)]
    return "\n\n".join(parts)


def generate_requests(seed: int = SEED + 4) -> list[dict[str, str]]:
    """Corpus v4 letters, from their own random stream so the v3 letters stay exactly as they were."""
    rng = random.Random(seed)
    rows = []
    for topic in TOPICS:
        n = 0
        for handling, count in REQUEST_SHARE.items():
            for _ in range(count):
                rows.append({"id": f"gp-{topic}-r{n:02d}", "text": compose_request(topic, handling, rng), "topic": topic,
                             "document_kind": "brief", "handling": handling, "provenance": PROVENANCE_V4})
                n += 1
    return rows


def heldout(doc_id: str) -> bool:
    """Stable split: a fixed share of ids by sha256, independent of order and of the generator's randomness."""
    return int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) % 100 < HELDOUT_PERCENT


def generate(per_topic: int = PER_TOPIC, seed: int = SEED) -> list[dict[str, str]]:
    rng = random.Random(seed)
    kinds, weights = list(KINDS), [w for w, _ in KINDS.values()]
    rows = []
    for topic in TOPICS:
        for n in range(per_topic):
            kind = rng.choices(kinds, weights=weights)[0]
            handling = pick_handling(kind, rng)
            rows.append({"id": f"gp-{topic}-{n:03d}", "text": compose(topic, kind, handling, rng), "topic": topic,
                         "document_kind": kind, "handling": handling, "provenance": PROVENANCE})
    return rows


def freeform(corpus_dir: Path = Path(__file__).resolve().parent) -> list[dict[str, str]]:
    """v5: whole letters written by hand (freeform_*.jsonl), checked against the vocabularies; split like the rest."""
    sys.path.insert(0, str(corpus_dir.parent.parent))
    from pipeline.vocab import DOCUMENT_KINDS, HANDLINGS, TOPICS as TOOI  # noqa: PLC0415

    rows: list[dict[str, str]] = []
    for path in sorted(corpus_dir.glob("freeform_*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            where = f"{path.name}:{n}"
            if row["topic"] not in {t.code for t in TOOI} or row["document_kind"] not in DOCUMENT_KINDS \
                    or row["handling"] not in HANDLINGS or not row.get("provenance") or len(row["text"]) < 40:
                raise ValueError(f"{where}: label outside the vocabularies, no provenance or no text")
            rows.append({k: row[k] for k in ("id", "text", "topic", "document_kind", "handling", "provenance")})
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise ValueError("freeform ids are not unique")
    return rows


def main(out_dir: Path = Path(__file__).resolve().parent) -> None:
    rows = generate() + generate_requests() + freeform(out_dir)
    splits = {"train": [r for r in rows if not heldout(r["id"])], "heldout": [r for r in rows if heldout(r["id"])]}
    for name, part in splits.items():
        with open(out_dir / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for row in part:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(part)} texts")


if __name__ == "__main__":
    main()
