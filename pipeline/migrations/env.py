"""Alembic environment: runs on the connection griffiepost hands over (batch mode for SQLite)."""

from alembic import context

from pipeline.registry.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # plain `alembic` command line: open the configured URL
    from sqlalchemy import create_engine

    connection = create_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
