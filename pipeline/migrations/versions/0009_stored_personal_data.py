"""items: the personal data detection found, stored once (issue 16: public pages no longer detect per request)

Existing items get NULL: not yet scanned. They are not publishable until the worker's pass has scanned them
(pipeline/privacy/detected.py), which it does for every item whose stored detection is missing or older.

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if 'personal_data' in {c['name'] for c in sa.inspect(op.get_bind()).get_columns('items')}:
        # kept by a downgrade on SQLite (below): what was stored may be stale, so every item is scanned again
        op.execute("UPDATE items SET personal_data = NULL, personal_data_version = NULL")
        return
    op.add_column('items', sa.Column('personal_data', sa.JSON(), nullable=True))
    op.add_column('items', sa.Column('personal_data_version', sa.Integer(), nullable=True))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # Dropping a column on SQLite rebuilds the table, and dropping items cascades to its decisions (0007);
        # 0008 code never reads these columns, so they stay.
        return
    op.drop_column('items', 'personal_data_version')
    op.drop_column('items', 'personal_data')
