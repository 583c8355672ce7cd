"""SQLite online backups of a library.

Rules: backups use SQLite's online backup API (consistent while other connections write);
automatic ones go to ``<library>.backups/`` beside the library, named
``<stem>-<UTC timestamp>-<why>.sqlite``, readable by the user only; the newest ``KEEP`` are kept.
"""
from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine

KEEP = 7


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
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=15)
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
    return sorted(folder.glob(f"{library.stem}-*.sqlite"), reverse=True)


def prune(library: Path, keep: int = KEEP) -> None:
    for old in list_backups(library)[keep:]:
        old.unlink(missing_ok=True)


def backup_before_migration(engine: Engine, library: Path) -> Path:
    engine.dispose()
    return automatic_backup(library, "pre-migration")


def daily_backup_due(library: Path) -> bool:
    today = datetime.now(timezone.utc).strftime("%Y%m%d")
    return not any(p.name.startswith(f"{library.stem}-{today}") for p in list_backups(library))
