"""inbox at scale: full-text search, assignment and notes, session versions, disabled users, login throttling

Revision ID: 0005
Revises: 0004

"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

INBOX_COLUMNS = ('status', 'topic_code', 'handling_code', 'sender_kind', 'committee', 'meeting_id', 'assigned_to',
                 'received_at', 'message_id', 'year', 'seq')
# SQLite: an FTS5 table kept by triggers, one row per item (rowid = items.id). Diacritics folded, so
# "zienswijze" finds "Zienswijze" and "financiën" finds "financien".
_FTS_COLUMNS = ("coalesce(new.subject, ''), "
                "coalesce(new.sender_name, '') || ' ' || coalesce(new.sender_organisation, '') || ' ' || "
                "coalesce(new.public_label, ''), coalesce(new.text, ''), "
                "new.registration_number || ' ' || coalesce(new.list_number, '')")
SQLITE_FTS = [
    "CREATE VIRTUAL TABLE items_fts USING fts5(subject, sender, body, numbers, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN "
    f"INSERT INTO items_fts(rowid, subject, sender, body, numbers) VALUES (new.id, {_FTS_COLUMNS}); END",
    f"CREATE TRIGGER items_fts_update AFTER UPDATE OF subject, sender_name, sender_organisation, public_label, "
    f"text, registration_number, list_number ON items BEGIN "
    f"DELETE FROM items_fts WHERE rowid = old.id; "
    f"INSERT INTO items_fts(rowid, subject, sender, body, numbers) VALUES (new.id, {_FTS_COLUMNS}); END",
    "CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN DELETE FROM items_fts WHERE rowid = old.id; END",
    "INSERT INTO items_fts(rowid, subject, sender, body, numbers) SELECT id, coalesce(subject, ''), "
    "coalesce(sender_name, '') || ' ' || coalesce(sender_organisation, '') || ' ' || coalesce(public_label, ''), "
    "coalesce(text, ''), registration_number || ' ' || coalesce(list_number, '') FROM items",
]
# PostgreSQL: an expression GIN index; pipeline/inbox.py uses the very same expression (PG_DOCUMENT).
PG_DOCUMENT = ("to_tsvector('simple'::regconfig, coalesce(subject, '') || ' ' || coalesce(sender_name, '') || ' ' || "
               "coalesce(sender_organisation, '') || ' ' || coalesce(public_label, '') || ' ' || "
               "coalesce(text, '') || ' ' || registration_number)")


def _sqlite_has_fts5(bind) -> bool:
    options = {row[0] for row in bind.exec_driver_sql("PRAGMA compile_options").fetchall()}
    return "ENABLE_FTS5" in options


def upgrade() -> None:
    with op.batch_alter_table('items') as batch:
        batch.add_column(sa.Column('assigned_to', sa.String(length=128), nullable=True))
        batch.create_index('ix_items_assigned_to', ['assigned_to'])
        batch.create_index('ix_items_received_at', ['received_at'])
        # Covering index for the inbox's filters, counts and sort: scanning it is far cheaper than the rows
        # (which carry the letter text and the analysis JSON).
        batch.create_index('ix_items_inbox', list(INBOX_COLUMNS))
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('session_version', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('disabled', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table('item_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=128), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['items.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_item_notes_item_id', 'item_notes', ['item_id'])
    op.create_table('login_throttle',
    sa.Column('key', sa.String(length=200), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('last_failure_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('blocked_until', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('key')
    )
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        if _sqlite_has_fts5(bind):
            for statement in SQLITE_FTS:
                op.execute(statement)
    elif bind.dialect.name == 'postgresql':
        op.execute(f"CREATE INDEX ix_items_fulltext ON items USING gin ({PG_DOCUMENT})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for name in ('items_fts_insert', 'items_fts_update', 'items_fts_delete'):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS items_fts")
    elif bind.dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_items_fulltext")
    op.drop_table('login_throttle')
    op.drop_index('ix_item_notes_item_id', table_name='item_notes')
    op.drop_table('item_notes')
    with op.batch_alter_table('users') as batch:
        batch.drop_column('disabled')
        batch.drop_column('session_version')
    with op.batch_alter_table('items') as batch:
        batch.drop_index('ix_items_inbox')
        batch.drop_index('ix_items_received_at')
        batch.drop_index('ix_items_assigned_to')
        batch.drop_column('assigned_to')
