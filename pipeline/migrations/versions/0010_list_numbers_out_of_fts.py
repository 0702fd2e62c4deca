"""inbox search (SQLite): the full-text index holds the registration number, no longer the list number

Numbering a list changed one column of each item, and the FTS5 trigger then took the item's whole row out of
the index and put it back, tokenising the letter text twice: 0.75 s of the 0.9 s CPU of numbering 10,000 items
(issue 13). The list number now stays out of the index, as in the PostgreSQL index (PG_DOCUMENT of 0005); a
search that is a list number finds it through the inbox's own equality on the column (pipeline/inbox.py).

Revision ID: 0010
Revises: 0009
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("subject, sender_name, sender_organisation, public_label, text, registration_number")


def _columns(row: str, with_list_number: bool) -> str:
    numbers = f"{row}registration_number" + (f" || ' ' || coalesce({row}list_number, '')" if with_list_number else "")
    return (f"coalesce({row}subject, ''), coalesce({row}sender_name, '') || ' ' || "
            f"coalesce({row}sender_organisation, '') || ' ' || coalesce({row}public_label, ''), "
            f"coalesce({row}text, ''), {numbers}")


def _rebuild(with_list_number: bool) -> None:
    """The index and its triggers again (the whole index rebuilt once: its numbers column changes meaning)."""
    for name in ('items_fts_insert', 'items_fts_update'):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE items_fts")
    op.execute("CREATE VIRTUAL TABLE items_fts USING fts5(subject, sender, body, numbers, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    watched = TEXT_COLUMNS + (", list_number" if with_list_number else "")
    new = _columns("new.", with_list_number)
    op.execute(f"CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN "
               f"INSERT INTO items_fts(rowid, subject, sender, body, numbers) VALUES (new.id, {new}); END")
    op.execute(f"CREATE TRIGGER items_fts_update AFTER UPDATE OF {watched} ON items BEGIN "
               f"DELETE FROM items_fts WHERE rowid = old.id; "
               f"INSERT INTO items_fts(rowid, subject, sender, body, numbers) VALUES (new.id, {new}); END")
    op.execute(f"INSERT INTO items_fts(rowid, subject, sender, body, numbers) "
               f"SELECT id, {_columns('', with_list_number)} FROM items")


def _has_fts(bind) -> bool:
    return bind.dialect.name == 'sqlite' and bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'items_fts'").first() is not None


def upgrade() -> None:
    if _has_fts(op.get_bind()):
        _rebuild(with_list_number=False)


def downgrade() -> None:
    if _has_fts(op.get_bind()):
        _rebuild(with_list_number=True)
