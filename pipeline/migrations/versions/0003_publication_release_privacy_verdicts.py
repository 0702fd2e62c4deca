"""list release to the public (published while open) and reviewers' verdicts on detected personal data

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('meetings') as batch:
        batch.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('published_by', sa.String(length=128), nullable=True))
        batch.add_column(sa.Column('published_items', sa.JSON(), nullable=True))
    op.create_table('privacy_verdicts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.Column('verdict', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('item_id', 'key')
    )
    op.create_index('ix_privacy_verdicts_item_id', 'privacy_verdicts', ['item_id'])


def downgrade() -> None:
    op.drop_index('ix_privacy_verdicts_item_id', table_name='privacy_verdicts')
    op.drop_table('privacy_verdicts')
    with op.batch_alter_table('meetings') as batch:
        batch.drop_column('published_items')
        batch.drop_column('published_by')
        batch.drop_column('published_at')
