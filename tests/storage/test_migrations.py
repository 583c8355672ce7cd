"""Migrations run on open, go down and up again, and keep data."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from app.storage import migrate
from app.storage.engine import make_engine


def test_empty_library_is_migrated_to_head(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "a.sqlite", immediate=False)
    assert migrate.current_revision(engine) is None
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    names = set(inspect(engine).get_table_names())
    assert {"articles", "tags", "highlights", "highlight_tags", "article_notes", "segment_overrides"} <= names


def test_down_to_base_and_up_again(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "b.sqlite", immediate=False)
    migrate.upgrade(engine)
    migrate.downgrade(engine, "base")
    assert "articles" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_pragmas_on_every_connection(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "c.sqlite", immediate=False)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_new_library_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite"
    make_engine(path, immediate=False)
    assert path.stat().st_mode & 0o077 == 0


def test_open_library_backs_up_before_migrating_old_data(tmp_path: Path) -> None:
    from app.bootstrap import open_library
    from app.storage.backup import list_backups

    path = tmp_path / "old.sqlite"
    engine = make_engine(path, immediate=False)
    migrate.upgrade(engine, "0001_initial")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO tags (name, color, position, created_at) VALUES ('옛 태그', '#112233', 1, '2024-01-01')"))
    engine.dispose()
    if migrate.head_revision() == "0001_initial":
        return  # nothing to migrate yet
    lib = open_library(path)
    try:
        assert any(t.name == "옛 태그" for t in lib.codebook.tree())
        assert list_backups(path), "a backup is taken before the migration"
    finally:
        lib.close()
