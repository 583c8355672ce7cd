"""The one place that wires a library: paths, engines, migrations, seeding, services.

Rules: the library named by ``--db``, else ``$BONMUN_DB``, else the default library in the user
data folder; migrations run on every open (a backup is taken first when data would change);
every new library gets the default codebook; the default library also gets the sample articles
the first time it is created. Opening never writes when nothing is due, so reading works while
another process holds a long write. Articles missing from the search index (a library made before
the index existed) are indexed on open. Deleting an article, or a tag that holds highlights, is
preceded by a ``pre-delete`` backup (see :mod:`app.storage.backup`).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from app.paths import default_library_path
from app.services.articles import ArticleService
from app.services.codebook import CodebookService
from app.services.highlights import HighlightService
from app.services import indexing
from app.services.dto import TagSnapshot
from app.services.seeding import (
    CODEBOOK_KEY,
    mark_samples_seeded,
    sample_files,
    samples_pending,
    seed_codebook,
)
from app.services.unit_of_work import Database, LibraryBusy, ServiceError, busy_as_error
from app.storage import migrate
from app.storage.backup import automatic_backup, backup_before_delete, backup_before_migration, daily_backup_due
from app.storage.engine import database_file, make_engine, to_url
from app.storage.models import Article, LibraryMeta

if TYPE_CHECKING:  # imported on first use: they pull in lxml, trafilatura and the Korean analyzer
    from app.services.analysis import AnalysisService
    from app.services.exports import ExportService

INDEX_BATCH = 64


@dataclass
class Library:
    """An open library and its services."""

    url: str
    path: Path | None
    db: Database
    articles: ArticleService
    codebook: CodebookService
    highlights: HighlightService

    @cached_property
    def exports(self) -> "ExportService":
        from app.services.exports import ExportService

        return ExportService(self.db)

    @cached_property
    def analysis(self) -> "AnalysisService":
        """Search, statistics and suggestions (needs the Korean analyzer: not in the GUI process)."""
        from app.services.analysis import AnalysisService

        return AnalysisService(self.db)

    def close(self) -> None:
        self.db.dispose()


def resolve_db(db: str | os.PathLike[str] | None) -> tuple[str, bool]:
    """(URL, is the default library)."""
    if db:
        return to_url(db), False
    env = os.environ.get("BONMUN_DB")
    if env:
        return to_url(env), False
    return to_url(default_library_path()), True


def open_library(db: str | os.PathLike[str] | None = None, *, samples: bool | None = None) -> Library:
    """Open (creating and migrating as needed) a library and return its services."""
    url, is_default = resolve_db(db)
    path = database_file(url)
    write_engine = make_engine(url, immediate=True)
    read_engine = make_engine(url, immediate=False)
    with busy_as_error():
        newer = migrate.unknown_revision(read_engine)
        if newer is not None:
            read_engine.dispose()
            write_engine.dispose()
            raise ServiceError(f"this library was made by a newer version of Bonmun (schema {newer}); "
                               "update Bonmun to open it")
        if migrate.needs_upgrade(read_engine):  # read engine: checking must not wait for a writer
            if path is not None and migrate.has_user_data(read_engine):
                backup_before_migration(write_engine, path)
            migrate.upgrade(write_engine)
        elif path is not None and daily_backup_due(path):
            write_engine.dispose()
            automatic_backup(path, "daily")
    database = Database(read_engine, write_engine)
    guard = _delete_guard(path, database)
    lib = Library(url, path, database, _GuardedArticles(database, guard), _GuardedCodebook(database, guard),
                  HighlightService(database))
    if _codebook_pending(database):
        seed_codebook(database)
    index_missing(database)
    want_samples = is_default if samples is None else samples
    if want_samples and samples_pending(database):
        list(lib.articles.import_paths(sample_files()))  # results are not needed: bad samples stay out
        mark_samples_seeded(database)
    return lib


def _codebook_pending(db: Database) -> bool:
    with db.read() as s:
        return s.get(LibraryMeta, CODEBOOK_KEY) is None


def index_missing(db: Database, batch: int = INDEX_BATCH) -> int:
    """Index articles the search index lacks (each batch one transaction); returns how many.

    A busy library is left for the next open."""
    from app.storage import search_index

    with db.read() as s:
        indexed, total = search_index.index_status(s.connection())
        if indexed >= total:
            return 0
        todo = list(s.scalars(select(Article.id).where(Article.id.not_in(select(text("article_id FROM search_doc"))))
                              .order_by(Article.id)))
    done = 0
    try:
        for i in range(0, len(todo), batch):
            ids = todo[i:i + batch]

            def action(s, ids=ids) -> int:  # type: ignore[no-untyped-def]
                rows = [(a, t or "", b) for a, t, b in s.execute(select(Article.id, Article.title, Article.body)
                                                                 .where(Article.id.in_(ids)))]
                indexing.index(s, rows)
                return len(rows)

            done += db.write(action)
    except LibraryBusy:
        return done  # another process is writing: the rest is indexed on a later open
    return done


def _last_change(db: Database) -> datetime | None:
    """Newest timestamp of anything an analyst made (imports, highlights, notes, overrides, tags)."""
    q = text("SELECT max(t) FROM (SELECT max(imported_at) AS t FROM articles"
             " UNION ALL SELECT max(updated_at) FROM highlights UNION ALL SELECT max(updated_at) FROM article_notes"
             " UNION ALL SELECT max(created_at) FROM segment_overrides UNION ALL SELECT max(created_at) FROM tags)")
    with db.read() as s:
        value = s.scalar(q)
    if value is None:
        return None
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _delete_guard(path: Path | None, db: Database) -> Callable[[], None]:
    def guard() -> None:
        if path is not None:
            backup_before_delete(path, lambda: _last_change(db))

    return guard


class _GuardedArticles(ArticleService):
    """Article actions; deleting takes a ``pre-delete`` backup first."""

    def __init__(self, db: Database, guard: Callable[[], None]) -> None:
        super().__init__(db)
        self._guard = guard

    def delete(self, article_id: int) -> None:
        self._guard()
        super().delete(article_id)


class _GuardedCodebook(CodebookService):
    """Codebook actions; deleting a tag whose subtree holds highlights takes a ``pre-delete`` backup first."""

    def __init__(self, db: Database, guard: Callable[[], None]) -> None:
        super().__init__(db)
        self._guard = guard

    def delete(self, tag_id: int) -> TagSnapshot:
        if self.usage(tag_id)[1]:
            self._guard()
        return super().delete(tag_id)
