"""The one place that wires a library: paths, engines, migrations, seeding, services.

Rules: the library named by ``--db``, else ``$BONMUN_DB``, else the default library in the user
data folder; migrations run on every open (a backup is taken first when data would change);
every new library gets the default codebook; the default library also gets the sample articles
the first time it is created.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from app.paths import default_library_path
from app.services.analysis import AnalysisService
from app.services.articles import ArticleService
from app.services.codebook import CodebookService
from app.services.exports import ExportService
from app.services.highlights import HighlightService
from app.services.seeding import mark_samples_seeded, sample_files, samples_pending, seed_codebook
from app.services.unit_of_work import Database
from app.storage import migrate
from app.storage.backup import automatic_backup, backup_before_migration, daily_backup_due
from app.storage.engine import database_file, make_engine, to_url


@dataclass
class Library:
    """An open library and its services."""

    url: str
    path: Path | None
    db: Database
    articles: ArticleService
    codebook: CodebookService
    highlights: HighlightService
    exports: ExportService
    analysis: AnalysisService

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
    if migrate.needs_upgrade(write_engine):
        if path is not None and migrate.has_user_data(write_engine):
            backup_before_migration(write_engine, path)
        migrate.upgrade(write_engine)
    elif path is not None and daily_backup_due(path):
        write_engine.dispose()
        automatic_backup(path, "daily")
    database = Database(read_engine, write_engine)
    lib = Library(url, path, database, ArticleService(database), CodebookService(database),
                  HighlightService(database), ExportService(database), AnalysisService(database))
    seed_codebook(database)
    want_samples = is_default if samples is None else samples
    if want_samples and samples_pending(database):
        for _ in lib.articles.import_paths(sample_files()):
            pass
        mark_samples_seeded(database)
    return lib
