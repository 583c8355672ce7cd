"""Automatic backups (daily, pre-delete), their pruning and listing, and restoring one."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.bootstrap import open_library
from app.cli import main
from app.storage.backup import KEEP, automatic_backup, backup_kind, backups_dir, list_backups
from tests.safety.corpus import write_articles
from tests.safety.helpers import audit, connect_ro, library_state


def _kinds(path: Path) -> list[str | None]:
    return [backup_kind(b) for b in list_backups(path)]


def _fake_old(library: Path, template: Path, days_ago: int, kind: str = "daily") -> Path:
    stamp = (datetime.now(timezone.utc) - timedelta(days=days_ago)).strftime("%Y%m%dT%H%M%S%fZ")
    out = backups_dir(library) / f"{library.stem}-{stamp}-{kind}.sqlite"
    shutil.copyfile(template, out)
    return out


@pytest.fixture
def filled(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A library with 3 articles and 2 tagged highlights on article 1."""
    db = tmp_path / "lib.sqlite"
    lib = open_library(db, samples=False)
    assert {r.status for r in lib.articles.import_paths(write_articles(tmp_path / "src", 3))} == {"imported"}
    tag = lib.codebook.find("산업정책").id
    for quote in ("기자", "업계"):
        lib.highlights.annotate_quote(1, quote, tag, note=f"{quote} 메모")
    yield db, lib
    lib.close()


def test_daily_backup_on_first_open_of_the_day_pruned_to_the_last_seven(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "lib.sqlite"
    open_library(db, samples=False).close()
    assert list_backups(db) == []  # a new, empty library: nothing to save yet
    open_library(db, samples=False).close()
    open_library(db, samples=False).close()
    [today] = list_backups(db)
    assert backup_kind(today) == "daily"

    olds = [_fake_old(db, today, d) for d in range(1, 10)]
    today.unlink()  # as if today's first open had not happened yet
    pre_delete = _fake_old(db, olds[0], 0, "pre-delete")
    open_library(db, samples=False).close()
    dailies = [b for b in list_backups(db) if backup_kind(b) == "daily"]
    assert len(dailies) == KEEP and dailies[1:] == olds[:KEEP - 1], "the newest seven daily backups are kept"
    assert pre_delete.exists(), "deletion backups are pruned separately from daily ones"

    assert main(["--db", str(db), "backups"]) == 0
    assert capsys.readouterr().out.splitlines() == [str(p) for p in list_backups(db)]


def test_pruning_keeps_the_newest_of_each_kind(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    open_library(db, samples=False).close()
    made = [automatic_backup(db, "pre-delete") for _ in range(KEEP + 3)]
    assert list_backups(db) == made[::-1][:KEEP]


def test_backups_and_library_are_private(filled) -> None:  # type: ignore[no-untyped-def]
    db, lib = filled
    lib.articles.delete(3)
    folder = backups_dir(db)
    assert folder.stat().st_mode & 0o777 == 0o700
    files = list_backups(db)
    assert files and all(f.stat().st_mode & 0o777 == 0o600 for f in files)
    for f in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        assert f.stat().st_mode & 0o777 == 0o600, f


def test_deleting_an_article_keeps_it_in_a_pre_delete_backup(filled) -> None:  # type: ignore[no-untyped-def]
    db, lib = filled
    lib.articles.delete(1)
    [backup] = list_backups(db)
    assert backup_kind(backup) == "pre-delete"
    con = connect_ro(backup)
    try:
        assert con.execute("SELECT count(*) FROM articles WHERE id = 1").fetchone() == (1,)
        assert sorted(con.execute("SELECT quote, note FROM highlights WHERE article_id = 1")) == \
            [("기자", "기자 메모"), ("업계", "업계 메모")]
    finally:
        con.close()
    assert lib.articles.count() == 2

    lib.articles.delete(2)  # nothing changed since the last backup: it already holds article 2
    assert len(list_backups(db)) == 1
    lib.highlights.annotate_quote(3, "기자", lib.codebook.find("스타트업 생태계").id)
    lib.articles.delete(3)  # a highlight was made since: a new backup holds it
    newest = list_backups(db)[0]
    assert len(list_backups(db)) == 2
    con = connect_ro(newest)
    try:
        assert con.execute("SELECT count(*) FROM highlights WHERE article_id = 3").fetchone() == (1,)
    finally:
        con.close()


def test_deleting_a_tag_with_highlights_keeps_it_in_a_pre_delete_backup(filled) -> None:  # type: ignore[no-untyped-def]
    db, lib = filled
    unused = lib.codebook.create("빈 태그")
    lib.codebook.delete(unused.id)
    assert list_backups(db) == [], "a tag without highlights needs no backup"
    tag = lib.codebook.find("산업정책")
    lib.codebook.delete(tag.id)
    [backup] = list_backups(db)
    con = connect_ro(backup)
    try:
        assert con.execute("SELECT name FROM tags WHERE id = ?", (tag.id,)).fetchone() == ("산업정책",)
        assert con.execute("SELECT count(*) FROM highlight_tags WHERE tag_id = ?", (tag.id,)).fetchone() == (2,)
    finally:
        con.close()
    assert all(not h.tag_ids for h in lib.highlights.for_article(1))
    assert len(lib.highlights.for_article(1)) == 2, "deleting a tag never deletes highlights"


def test_restore_backup_brings_the_library_back(filled, capsys) -> None:  # type: ignore[no-untyped-def]
    db, lib = filled
    saved_state = library_state(db)
    backup = automatic_backup(db, "daily")
    lib.articles.delete(1)
    lib.highlights.annotate_quote(2, "기자", lib.codebook.find("스타트업 생태계").id)
    changed_state = library_state(db)
    reader = sqlite3.connect(db)  # another connection keeps the WAL alive during the restore
    reader.execute("SELECT count(*) FROM articles").fetchone()

    assert main(["--db", str(db), "restore-backup", str(backup)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"restored {backup.name}: 3 articles")
    assert library_state(db) == saved_state
    assert reader.execute("SELECT count(*) FROM articles").fetchone() == (3,)
    reader.close()
    assert lib.articles.count() == 3 and len(lib.highlights.for_article(1)) == 2  # an open library sees it too
    audit(db)
    [pre_restore] = [b for b in list_backups(db) if backup_kind(b) == "pre-restore"]
    assert str(pre_restore) in out
    assert library_state(pre_restore) == changed_state, "what the restore replaced is kept"


def test_restore_backup_refuses_bad_files_and_busy_libraries(filled, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    db, _ = filled
    before = library_state(db)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 100)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    future = tmp_path / "future.sqlite"
    shutil.copyfile(automatic_backup(db, "daily"), future)
    con = sqlite3.connect(future)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    for bad in (junk, other, tmp_path / "missing.sqlite", future):
        assert main(["--db", str(db), "restore-backup", str(bad)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("bonmun: ") and err.count("\n") == 1, err
    assert library_state(db) == before

    backup = automatic_backup(db, "daily")
    monkeypatch.setenv("BONMUN_BUSY_TIMEOUT_MS", "100")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        assert main(["--db", str(db), "restore-backup", str(backup)]) == 1
        assert "the library is busy" in capsys.readouterr().err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert library_state(db) == before


def test_restore_backup_over_a_damaged_library(filled, capsys) -> None:  # type: ignore[no-untyped-def]
    db, lib = filled
    backup = automatic_backup(db, "daily")
    saved_state = library_state(db)
    lib.close()
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    db.write_bytes(b"\0garbage" * 4096)
    assert main(["--db", str(db), "restore-backup", str(backup)]) == 0
    capsys.readouterr()
    assert library_state(db) == saved_state
    assert [b for b in list_backups(db) if backup_kind(b) == "damaged"], "the damaged file is set aside, not deleted"
