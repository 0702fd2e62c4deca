"""acknowledgements: at most one per item, held by a unique index (two outbox passes at once planned two)

Revision ID: 0008
Revises: 0007
"""
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_acknowledgements_item_id', table_name='acknowledgements')
    op.create_index('ix_acknowledgements_item_id', 'acknowledgements', ['item_id'], unique=True)


def downgrade() -> None:
    op.drop_index('ix_acknowledgements_item_id', table_name='acknowledgements')
    op.create_index('ix_acknowledgements_item_id', 'acknowledgements', ['item_id'])
