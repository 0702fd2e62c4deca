"""history: imported lists ingekomen stukken, their entries and past messages paired with them (issue 17)

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('history_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.Text(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('layout', sa.String(length=32), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('entries', sa.Integer(), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=128), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256')
    )
    op.create_table('history_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('profile', sa.String(length=64), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('number', sa.String(length=64), nullable=False),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('sender', sa.Text(), nullable=False),
    sa.Column('subject', sa.Text(), nullable=False),
    sa.Column('handling_text', sa.Text(), nullable=False),
    sa.Column('handling_code', sa.String(length=32), nullable=True),
    sa.Column('committee', sa.Text(), nullable=True),
    sa.Column('source_file', sa.Text(), nullable=False),
    sa.Column('source_page', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['history_imports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_history_entries_import_id', 'history_entries', ['import_id'])
    op.create_index('ix_history_entries_profile', 'history_entries', ['profile'])
    op.create_index('ix_history_entries_meeting_date', 'history_entries', ['meeting_date'])
    op.create_table('history_matches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Text(), nullable=False),
    sa.Column('from_address', sa.Text(), nullable=True),
    sa.Column('sent', sa.Date(), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('matched_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['history_entries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_id')
    )


def downgrade() -> None:
    op.drop_table('history_matches')
    op.drop_index('ix_history_entries_meeting_date', table_name='history_entries')
    op.drop_index('ix_history_entries_profile', table_name='history_entries')
    op.drop_index('ix_history_entries_import_id', table_name='history_entries')
    op.drop_table('history_entries')
    op.drop_table('history_imports')
