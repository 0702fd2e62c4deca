"""field provenance: each decision names who decided its field; items keep their rule hits (issue 16)

Existing registries: a decision by a person ("assistant", "griffier") becomes "person:<user>"; a decision the
pipeline wrote ("pipeline", with the item's whole reason list) gets the best source its reasons still show - the
model with its version and score, the knowledge entry, a default - or "rule:onbekend" when a rule decided (old
reasons do not name the rule), and keeps only the reasons that belong to its field where they can be told apart.
The stored analysis becomes the item as filed: the "Gecorrigeerd door ..." lines review used to append to its
reasons are removed (views rebuild them from the person's decisions). Rule hits of old items are not recoverable
and stay NULL.

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

import re

from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

# The words classify used for a model's reason ("Onderwerp verkeer (0.07) door: ..."), by field.
MODEL_HEADS = {"topic": "Onderwerp", "document_kind": "Soort document", "handling": "Afhandeling"}
NO_MODEL = {"document_kind": "Soort document: geen regel en geen model",
            "handling": "Afhandeling: geen regel en geen model"}
KNOWLEDGE = re.compile(r"^Afzender herkend als (.+?) \(kennis: ")
CORRECTED = "Gecorrigeerd door "

decisions = sa.table("decisions", sa.column("id", sa.Integer), sa.column("item_id", sa.Integer),
                     sa.column("field", sa.String), sa.column("value", sa.Text), sa.column("score", sa.Float),
                     sa.column("source", sa.String), sa.column("model_version", sa.Text),
                     sa.column("reasons", sa.JSON), sa.column("actor", sa.String))
items = sa.table("items", sa.column("id", sa.Integer), sa.column("analysis", sa.JSON))


def _model_reason(field: str, reasons: list[str]) -> tuple[str, list[str]] | None:
    """The model's reason for field and its score, when the model decided it."""
    pattern = re.compile(rf"^{MODEL_HEADS[field]} .+ \((\d\.\d\d)\) (door:|volgens het model)")
    for r in reasons:
        m = pattern.match(r)
        if m:
            own = [r] + [x for x in reasons if field == "document_kind" and x.startswith("Soort document onzeker")]
            return m.group(1), own
    return None


def _version(model_version: str | None, field: str) -> str:
    parts = dict(p.split("=", 1) for p in (model_version or "").split(";") if "=" in p)
    return parts.get(field, "?")


def _ending(value: str | None, reasons: list[str]) -> list[str]:
    """A rule's reasons end in the value they decide (': rondzendbrief', '(overheid)')."""
    if not value:
        return []
    return [r for r in reasons if r.endswith(f": {value}") or r.endswith(f"({value})")]


def recovered(field: str, value: str | None, score: float | None, model_version: str | None,
              reasons: list[str]) -> tuple[str, list[str]]:
    """The best source (and that field's reasons) an old "pipeline" decision's reasons still show."""
    if field in MODEL_HEADS:
        found = _model_reason(field, reasons)
        if found and field != "topic":
            return f"model:{field}@{_version(model_version, field)} {found[0]}", found[1]
        if field == "topic":
            if value is None:
                return "default:geen model", []
            shown = f"{score:.2f}" if score is not None else (found[0] if found else "?")
            return f"model:topic@{_version(model_version, 'topic')} {shown}", found[1] if found else []
        if NO_MODEL[field] in " ".join(reasons):
            return "default:geen regel en geen model", [r for r in reasons if r.startswith(NO_MODEL[field])]
    if field == "sender_kind":
        for r in reasons:
            m = KNOWLEDGE.match(r)
            if m:
                return f"knowledge:{m.group(1)}", [r]
        if value == "onbekend":
            return "default:geen regel", [r for r in reasons if r.startswith("Soort afzender onbekend")]
    if field == "on_list":
        if value == "true":
            return "default:geen regel houdt het eraf", []
        return "rule:onbekend", [r for r in reasons if r.startswith("Niet op de lijst")] or list(reasons)
    if field == "committee":
        return ("profile:onbekend", []) if value is not None else ("default:niet op de lijst", [])
    return "rule:onbekend", _ending(value, reasons) or list(reasons)


def _sqlite() -> bool:
    # SQLite ignores a VARCHAR's length, and a batch rebuild of a parent table there (foreign keys are on, and
    # cannot be turned off inside the migration's transaction) would cascade-delete its children: leave it be.
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    if not _sqlite():
        op.alter_column('decisions', 'source', existing_type=sa.String(length=32), type_=sa.String(length=255),
                        existing_nullable=False)
    op.add_column('items', sa.Column('rule_hits', sa.JSON(), nullable=True))

    conn = op.get_bind()
    rows = conn.execute(sa.select(decisions.c.id, decisions.c.field, decisions.c.value, decisions.c.score,
                                  decisions.c.source, decisions.c.model_version, decisions.c.reasons,
                                  decisions.c.actor)
                        .where(decisions.c.source.in_(("pipeline", "assistant", "griffier", "rules", "model"))))
    for id_, field, value, score, source, model_version, reasons, actor in rows.all():
        if source in ("assistant", "griffier"):
            new, own = f"person:{actor or 'onbekend'}", reasons
        else:
            new, own = recovered(field, value, score, model_version, list(reasons or []))
        conn.execute(decisions.update().where(decisions.c.id == id_).values(source=new, reasons=own))
    for id_, analysis in conn.execute(sa.select(items.c.id, items.c.analysis)).all():
        kept = [r for r in (analysis or {}).get("reasons", []) if not r.startswith(CORRECTED)]
        if analysis and kept != analysis.get("reasons", []):
            conn.execute(items.update().where(items.c.id == id_).values(analysis={**analysis, "reasons": kept}))


def downgrade() -> None:
    # The old words for who decided: a person's decision was the assistant's, everything else the pipeline's.
    conn = op.get_bind()
    conn.execute(decisions.update().where(decisions.c.source.like("person:%")).values(source="assistant"))
    conn.execute(decisions.update().where(decisions.c.source.not_in(("assistant",))).values(source="pipeline"))
    if _sqlite():  # dropping a column rebuilds the table (see _sqlite); 0006 code never reads rule_hits
        return
    op.drop_column('items', 'rule_hits')
    op.alter_column('decisions', 'source', existing_type=sa.String(length=255), type_=sa.String(length=32),
                    existing_nullable=False)
