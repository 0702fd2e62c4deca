"""Small registries for the list tests: a migrated SQLite file, profiles built in code, items made directly."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timezone
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from pipeline.privacy.detected import record
from pipeline.registry.db import make_engine, migrate, session_factory
from pipeline.registry.models import Attachment, Item, Message
from pipeline.registry.numbering import next_number
from pipeline.rules.profile import Cutoff, ListGroup, Numbering, Profile
from pipeline.vocab import HANDLINGS, SENDER_KINDS

GROUPS = (
    ListGroup("Overheden en gemeenschappelijke regelingen", ("overheid", "gemeenschappelijke_regeling", "rekenkamer", "raad")),
    ListGroup("Inwoners, organisaties en bedrijven", ("inwoner", "organisatie", "bedrijf", "onbekend")),
    ListGroup("College van burgemeester en wethouders", ("college",)),
)


def small_profile(name: str = "proef", codes: dict[str, tuple[str, str]] | None = None,
                 cutoff: Cutoff | None = None, style: str = "continuous", prefix: str = "") -> Profile:
    words = {"vka": ("A", "voor kennisgeving aannemen"), "college_afdoening": ("B", "ter afdoening naar het college"),
             "college_afdoening_informeren": ("B", "ter afdoening naar het college"),
             "college_advies": ("C", "om advies naar het college"), "agenderen": ("D", "agenderen"),
             "betrekken": ("D", "agenderen"), "griffie": ("E", "afdoening door de griffie"),
             "niet_op_lijst": ("-", "niet op de lijst")}
    return Profile(name=name, council="gemeente Proefdorp", place="Proefdorp", handling=codes or words,
                   committees={}, default_committee="Commissie Algemeen", cutoff=cutoff or Cutoff("hours_before", hours=48),
                   groups=GROUPS, numbering=Numbering(style, prefix), public_label="inwoner_van_plaats")


def registry(tmp: Path) -> sessionmaker:
    engine = make_engine(f"sqlite:///{tmp}/r.db")
    migrate(engine)
    return session_factory(engine)


def make_item(s: Session, *, received_at: datetime, subject: str = "Brief", kind: str = "organisatie",
              organisation: str | None = "Stichting Groen", name: str | None = None, label: str | None = None,
              handling: str = "vka", on_list: bool = True, text: str = "", letter_date: date | None = None,
              status: str = "triaged", attachments: tuple[str, ...] = (), from_address: str | None = None) -> Item:
    assert kind in SENDER_KINDS and handling in HANDLINGS
    n = next_number(s, "test-messages")
    msg = Message(sha256=hashlib.sha256(f"m{n}".encode()).hexdigest(), size=1, source="file", locator=f"t{n}",
                  subject=subject, state="filed", received_at=received_at, from_address=from_address)
    for pos, fn in enumerate(attachments):
        msg.attachments.append(Attachment(position=pos, filename=fn, content_type="application/pdf", sha256="0" * 64,
                                          size=1, status="ok", text=""))
    s.add(msg)
    s.flush()
    seq = next_number(s, f"registration-{received_at.year}")
    item = Item(message_id=msg.id, year=received_at.year, seq=seq, registration_number=f"{received_at.year}-{seq:04d}",
                status=status, received_at=received_at, letter_date=letter_date, subject=subject, sender_name=name,
                sender_organisation=organisation, sender_kind=kind,
                public_label=label or (organisation if kind != "inwoner" else "inwoner van Proefdorp"),
                document_kind="brief", circular=False, on_list=on_list, topic_code=None, handling_code=handling,
                committee=None, analysis={}, text=text)
    record(item, msg.attachments, None)  # as filing does: detection stored with the item (no raw mail kept here)
    s.add(item)
    s.flush()
    return item


def utc(y: int, m: int, d: int, h: int = 12, mi: int = 0) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=timezone.utc)
