"""Bring a library's schema to the newest Alembic revision (scripts in ``db/``).

Rules: run on every open; a library already at head costs one query; before migrating a
library that holds data, a backup is taken (see :mod:`app.storage.backup`); a library at a
revision this program does not know (made by a newer Bonmun) is never touched.
"""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from app.paths import migrations_dir


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def has_user_data(engine: Engine) -> bool:
    with engine.connect() as conn:
        return "articles" in inspect(conn).get_table_names()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` on ``engine``."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def known_revisions() -> frozenset[str]:
    return frozenset(r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions())


def unknown_revision(engine: Engine) -> str | None:
    """The library's revision when this program's scripts do not know it (a newer Bonmun made it)."""
    current = current_revision(engine)
    return None if current is None or current in known_revisions() else current


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()
