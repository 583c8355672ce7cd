"""SQLite online backups of a library, and restoring one.

Rules:
- Backups use SQLite's online backup API (consistent while other connections write); automatic
  ones go to ``<library>.backups/`` (a 0700 folder) beside the library, named
  ``<stem>-<UTC timestamp>-<why>.sqlite``, readable by the user only (0600).
- Why: ``daily`` (first open of a UTC day), ``pre-migration``, ``pre-delete`` (before deleting an
  article or a tag that holds highlights), ``pre-restore``. The newest ``KEEP`` of each kind are
  kept, so a day of deletions never pushes the daily history out.
- A ``pre-delete`` backup is skipped only when the newest backup is less than ``PRE_DELETE_WINDOW``
  old and no article, highlight, note, override or tag changed since it was taken.
- Restoring copies a backup INTO the library with the backup API (never a file copy: a stale
  ``-wal`` beside a copied file would be replayed onto it); what it replaces is saved first as a
  ``pre-restore`` backup.
"""
from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import Engine

from app.storage.engine import busy_timeout_ms
from app.storage.migrate import known_revisions

KEEP = 7
PRE_DELETE_WINDOW = timedelta(minutes=10)
_NAME = re.compile(r"-(\d{8}T\d{6}\d{6}Z)-([a-z-]+)\.sqlite$")


class BackupError(Exception):
    """A one-line reason why a backup could not be restored."""


def backups_dir(library: Path) -> Path:
    return library.with_name(library.name + ".backups")


def backup_file(source: Path, out: Path) -> Path:
    """Copy the library at ``source`` to ``out`` with the online backup API (atomic rename)."""
    out = out.expanduser().resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(tmp, out)
    return out


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def backup_time(path: Path) -> datetime | None:
    """When an automatic backup was taken (naive UTC, from its name)."""
    m = _NAME.search(path.name)
    return datetime.strptime(m.group(1), "%Y%m%dT%H%M%S%fZ") if m else None


def backup_kind(path: Path) -> str | None:
    m = _NAME.search(path.name)
    return m.group(2) if m else None


def automatic_backup(library: Path, why: str) -> Path:
    folder = backups_dir(library)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    out = backup_file(library, folder / f"{library.stem}-{_stamp()}-{why}.sqlite")
    prune(library)
    return out


def list_backups(library: Path) -> list[Path]:
    """Automatic backups of ``library``, newest first."""
    folder = backups_dir(library)
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.glob(f"{library.stem}-*.sqlite") if _NAME.search(p.name)), reverse=True)


def prune(library: Path, keep: int = KEEP) -> None:
    """Keep the newest ``keep`` automatic backups of each kind."""
    seen: dict[str | None, int] = {}
    for path in list_backups(library):
        kind = backup_kind(path)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] > keep:
            path.unlink(missing_ok=True)


def backup_before_migration(engine: Engine, library: Path) -> Path:
    engine.dispose()
    return automatic_backup(library, "pre-migration")


def daily_backup_due(library: Path) -> bool:
    today = datetime.now(timezone.utc).strftime("%Y%m%d")
    return not any(p.name.startswith(f"{library.stem}-{today}") and backup_kind(p) in ("daily", "pre-migration")
                   for p in list_backups(library))


def backup_before_delete(library: Path, last_change: Callable[[], datetime | None]) -> Path | None:
    """Take a ``pre-delete`` backup unless a recent one already holds everything (see module rules)."""
    backups = list_backups(library)
    newest = backup_time(backups[0]) if backups else None
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    if newest is not None and now - newest < PRE_DELETE_WINDOW:
        changed = last_change()
        if changed is None or changed < newest:
            return None
    return automatic_backup(library, "pre-delete")


def _check_backup(backup: Path) -> None:
    if not backup.is_file():
        raise BackupError(f"{backup}: no such backup file")
    try:
        con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            ok = con.execute("PRAGMA integrity_check").fetchone()[0]
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone() if ok == "ok" else None
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{backup.name}: not a Bonmun library ({exc})") from None
    if not {"alembic_version", "articles", "highlights"} <= tables:
        raise BackupError(f"{backup.name}: not a Bonmun library")
    if ok != "ok":
        raise BackupError(f"{backup.name}: the backup is damaged ({ok})")
    if revision is None or revision[0] not in known_revisions():
        raise BackupError(f"{backup.name}: made by a newer version of Bonmun; update Bonmun to restore it")


def _set_aside(library: Path) -> Path:
    """Move an unreadable library and its -wal/-shm into the backups folder; returns the new name."""
    folder = backups_dir(library)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"{library.stem}-{_stamp()}-damaged.sqlite"
    for suffix in ("-wal", "-shm"):
        side = library.with_name(library.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(library, target)
    return target


def restore_backup(library: Path, backup: Path) -> Path | None:
    """Replace the library's content with ``backup``; returns where the replaced content was saved.

    Raises :class:`BackupError` (one line) for a bad backup or when another process is writing."""
    backup = backup.expanduser().resolve()
    _check_backup(backup)
    saved: Path | None = None
    if library.exists():
        try:
            saved = automatic_backup(library, "pre-restore")
        except sqlite3.OperationalError as exc:
            raise BackupError(f"cannot save the current library first: {exc}") from None
        except sqlite3.DatabaseError:  # not a database / malformed: keep it aside, restore into a new file
            saved = _set_aside(library)
    if not library.exists():
        fd = os.open(library, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    dst = sqlite3.connect(library, timeout=busy_timeout_ms() / 1000, isolation_level=None)
    try:
        try:  # take and release the write lock: fail fast (one line) instead of waiting forever
            dst.execute("BEGIN IMMEDIATE")
            dst.execute("ROLLBACK")
        except sqlite3.OperationalError:
            raise BackupError("the library is busy: another Bonmun process is writing to it; try again") from None
        src.backup(dst)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"cannot restore {backup.name}: {exc}") from None
    finally:
        dst.close()
        src.close()
    return saved
