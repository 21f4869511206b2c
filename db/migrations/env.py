"""Alembic environment: always online, on the connection the store hands over."""

from alembic import context

from db.members.search import is_search_index_table
from db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("UnionDesk migrations run through db.store / db.migrations, not the alembic CLI")


def include_name(name, type_, _parent_names):
    """Autogenerate compares the models only: the FTS5 search index (migration 0002) lies outside them."""
    return not (type_ == "table" and is_search_index_table(name))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transaction_per_migration=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
