"""Alembic environment. Migrations always run on a connection handed in by
``onderwijsgraaf.db.migrate`` (``config.attributes["connection"]``), for SQLite and PostgreSQL
alike, so the schema is the same on both."""

from __future__ import annotations

from alembic import context

from onderwijsgraaf.db.models import Base
from onderwijsgraaf.db.naamzoeken import is_zoekindex

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # the database's own text index for name search is made by its migration, not the models
    include_name=lambda name, _type, _parents: not is_zoekindex(name),
)
with context.begin_transaction():
    context.run_migrations()
