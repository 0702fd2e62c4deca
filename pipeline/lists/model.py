"""The list as data: typed rows and groups that every format renders, and that a frozen snapshot stores."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

VERSIONS = ("internal", "public")


@dataclass(frozen=True)
class DocumentRef:
    name: str
    url: str | None = None


@dataclass(frozen=True)
class ListRow:
    """One entry on the list; sender/subject/documents are already those of the version being rendered."""

    item_id: int
    registration_number: str
    number: str  # the council's running number as printed (prefix included)
    letter_date: str | None  # ISO dates
    received_date: str
    sender: str
    sender_kind: str
    subject: str
    handling: str  # canonical code
    handling_local: str  # the council's own code (a, II, 3, ...)
    handling_label: str  # the council's own words
    committee: str | None
    documents: tuple[DocumentRef, ...] = ()
    decision: str | None = None  # what adoption decided (pulled for discussion, handling changed)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["documents"] = [asdict(x) for x in self.documents]
        return d


@dataclass(frozen=True)
class ListGroup:
    heading: str
    rows: tuple[ListRow, ...]


@dataclass(frozen=True)
class AmendmentView:
    number: str
    registration_number: str
    field: str  # Dutch name of the field
    old: str | None
    new: str | None
    at: str  # ISO date
    actor: str
    reason: str | None = None


@dataclass(frozen=True)
class MeetingView:
    id: int
    date: str
    body: str
    title: str  # the printed title ("gemeenteraad 18-03-2025" or the meeting's own)
    status: str  # open | vastgesteld
    cutoff_at: str | None
    adopted_at: str | None
    adopted_by: str | None


@dataclass(frozen=True)
class ListDoc:
    council: str
    profile: str
    version: str  # internal | public
    meeting: MeetingView
    groups: tuple[ListGroup, ...]
    generated_at: str
    amendments: tuple[AmendmentView, ...] = field(default_factory=tuple)

    @property
    def rows(self) -> list[ListRow]:
        return [r for g in self.groups for r in g.rows]

    def as_dict(self) -> dict[str, Any]:
        """The JSON format: one object with meeting, profile, version and groups with items."""
        return {
            "council": self.council, "profile": self.profile, "version": self.version,
            "meeting": asdict(self.meeting), "generated_at": self.generated_at,
            "groups": [{"heading": g.heading, "items": [r.as_dict() for r in g.rows]} for g in self.groups],
            "amendments": [asdict(a) for a in self.amendments],
        }
