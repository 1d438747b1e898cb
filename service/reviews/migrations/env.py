"""Alembic environment of the review records; run by :func:`service.reviews.store.ReviewStore.migrate`.

The store hands over an open connection (``config.attributes["connection"]``) that already holds
the migration lock (PostgreSQL advisory lock, SQLite ``BEGIN EXCLUSIVE``), so several workers
starting at once migrate exactly once.
"""

from alembic import context

from service.reviews.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
