"""Test data for the review tests: a migrated SQLite registry with items created directly (no pipeline run)."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from pipeline.privacy.detected import record
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.models import Decision, Item, Message
from pipeline.vocab import TOPIC_BY_CODE

ZORG, VERKEER, WONEN = "c_d0463fb7", "c_849842ac", "c_124eaf3a"

# (subject, sender organisation, sender kind, document kind, topic, handling, status, text)
LETTERS = [
    ("Oproep tot behoud van de kinderopvangtoeslag", "LVKK/ZHVKK", "organisatie", "rondzendbrief", ZORG, "vka",
     "triaged", "Geachte leden van de gemeenteraden van Nederland, wij vragen aandacht voor de kinderopvang."),
    ("Verzoek om een zebrapad bij de basisschool", None, "inwoner", "brief", VERKEER, "vka", "needs_review",
     ("Geachte raad, bij de Lindelaan steken veel kinderen over. Ik vraag u om een zebrapad.\n"
      "Met vriendelijke groet,\nJan de Vries\nLindelaan 4\n1234 AB Waterlinde")),
    ("Zienswijze ontwerpbegroting 2026 Veiligheidsregio", "Veiligheidsregio Waterland", "gemeenschappelijke_regeling",
     "zienswijzeverzoek", ZORG, "agenderen", "needs_review",
     "Hierbij bieden wij de ontwerpbegroting 2026 aan met het verzoek om uw zienswijze."),
    ("Nieuwsbrief woningbouw voorjaar", "Woonbond", "organisatie", "nieuwsbrief", WONEN, "niet_op_lijst",
     "ignored", "In deze nieuwsbrief: het laatste nieuws over woningbouw."),
]


def open_registry(tmp_path: Path) -> tuple[str, sessionmaker]:
    url = f"sqlite:///{tmp_path}/register.db"
    engine = make_engine(url)
    migrate(engine)
    return url, session_factory(engine)


def add_item(s: Session, seq: int, subject: str, organisation: str | None, sender_kind: str, kind: str,
             topic: str, handling: str, status: str, text: str, received: datetime) -> Item:
    raw = f"{seq}:{subject}".encode()
    msg = Message(sha256=hashlib.sha256(raw).hexdigest(), size=len(raw), source="file", locator=f"test-{seq}.eml",
                  subject=subject, from_address=f"afzender{seq}@example.nl", received_at=received,
                  state="ignored" if status == "ignored" else "filed")
    s.add(msg)
    s.flush()
    t = TOPIC_BY_CODE[topic]
    doc = {
        "message": {"message_id": f"<{seq}@example.nl>", "from": msg.from_address, "to": ["griffie@waterlinde.nl"],
                    "date": received.isoformat(), "subject": subject, "sha256": msg.sha256},
        "origin": {"forwarded": False, "from": None, "date": None, "subject": None},
        "sender": {"name": None, "organisation": organisation, "kind": sender_kind,
                   "public_label": organisation or "inwoner"},
        "letter": {"date": "2025-06-05", "subject": subject, "reference": None, "addressee": "de gemeenteraad"},
        "document_kind": kind, "circular": kind == "rondzendbrief", "on_list": handling != "niet_op_lijst",
        "topic": {"code": t.code, "label": t.label, "uri": t.uri, "score": 0.71},
        "topics": [{"code": t.code, "label": t.label, "score": 0.71}],
        "handling": {"code": handling, "local_code": handling, "label": handling, "score": 0.62},
        "committee": "Samenleving", "attachments": [], "personal_data": [],
        "reasons": [f"regel soort-{kind}: {kind}", f"model onderwerp: {t.label} (0.71)"],
    }
    item = Item(message_id=msg.id, year=2025, seq=seq, registration_number=f"2025-{seq:04d}", status=status,
                received_at=received, letter_date=date(2025, 6, 5), subject=subject, sender_name=None,
                sender_organisation=organisation, sender_kind=sender_kind, public_label=organisation or "inwoner",
                document_kind=kind, circular=kind == "rondzendbrief", on_list=handling != "niet_op_lijst",
                topic_code=topic, handling_code=handling, committee="Samenleving", analysis=doc, text=text)
    record(item, [], None)  # as filing does: detection stored with the item (no raw mail kept here)
    s.add(item)
    s.flush()
    s.add(Decision(item_id=item.id, field="handling", value=handling, score=0.62, source="pipeline",
                   reasons=list(doc["reasons"])))
    return item


def fill(sessions: sessionmaker) -> dict[str, int]:
    """The four LETTERS as items; returns subject -> item id."""
    start = datetime(2025, 6, 6, 9, 0, tzinfo=timezone.utc)
    ids = {}
    with sessions.begin() as s:
        for n, (subject, org, skind, kind, topic, handling, status, text) in enumerate(LETTERS, start=1):
            ids[subject] = add_item(s, n, subject, org, skind, kind, topic, handling, status, text,
                                    start + timedelta(hours=n)).id
    return ids
