"""Alembic environment: always run with a connection given by app.storage.migrate (batch mode)."""
from __future__ import annotations

from alembic import context

from app.storage.models import Base

target_metadata = Base.metadata
FTS_PREFIXES = ("fts_", "search_")


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """Keep FTS virtual/shadow tables out of autogenerate."""
    return not (type_ == "table" and name and name.startswith(FTS_PREFIXES))


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from app.storage.engine import make_engine

        url = context.config.get_main_option("sqlalchemy.url")
        engine = make_engine(url, immediate=False)
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    context.run_migrations()


run_migrations_online()
