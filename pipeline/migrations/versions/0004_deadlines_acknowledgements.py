"""deadlines (zienswijze, afdoening) and acknowledgements of receipt (the outbox)

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('deadlines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('warning', sa.Text(), nullable=True),
    sa.Column('closed_by_item_id', sa.Integer(), nullable=True),
    sa.Column('closed_reason', sa.Text(), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['closed_by_item_id'], ['items.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'kind')
    )
    op.create_index('ix_deadlines_item_id', 'deadlines', ['item_id'])
    op.create_index('ix_deadlines_due_date', 'deadlines', ['due_date'])
    op.create_index('ix_deadlines_status', 'deadlines', ['status'])
    op.create_table('acknowledgements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('raw_sha256', sa.String(length=64), nullable=True),
    sa.Column('message_id_header', sa.Text(), nullable=True),
    sa.Column('actor', sa.String(length=128), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_acknowledgements_item_id', 'acknowledgements', ['item_id'])
    op.create_index('ix_acknowledgements_recipient', 'acknowledgements', ['recipient'])
    op.create_index('ix_acknowledgements_status', 'acknowledgements', ['status'])


def downgrade() -> None:
    op.drop_index('ix_acknowledgements_status', table_name='acknowledgements')
    op.drop_index('ix_acknowledgements_recipient', table_name='acknowledgements')
    op.drop_index('ix_acknowledgements_item_id', table_name='acknowledgements')
    op.drop_table('acknowledgements')
    op.drop_index('ix_deadlines_status', table_name='deadlines')
    op.drop_index('ix_deadlines_due_date', table_name='deadlines')
    op.drop_index('ix_deadlines_item_id', table_name='deadlines')
    op.drop_table('deadlines')
