"""Several processes on one library: writers queue instead of failing, and a writer that holds the
library too long gets a clear one-line "busy" message, never a traceback."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.bootstrap import open_library
from app.cli import main
from app.services.unit_of_work import LibraryBusy
from tests.safety.corpus import write_articles
from tests.safety.helpers import HERE, PROCESS_TIMEOUT, audit, bonmun_cmd, no_traceback, run_bonmun, spawn

BUSY = "bonmun: the library is busy: another Bonmun process is writing to it; try again\n"


def _finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=PROCESS_TIMEOUT)
    return proc.returncode, out, err


def test_two_imports_and_a_highlight_burst_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    lib = open_library(db, samples=False)
    assert {r.status for r in lib.articles.import_paths(write_articles(tmp_path / "base", 3))} == {"imported"}
    lib.close()
    folders = [tmp_path / "a", tmp_path / "b"]
    write_articles(folders[0], 25, start=1000)
    write_articles(folders[1], 25, start=2000)

    with spawn([sys.executable, str(HERE / "highlight_burst.py"), str(db), "0", "3"]) as burst:
        assert burst.stdout is not None
        assert burst.stdout.readline().startswith("ready"), burst.stderr.read() if burst.stderr else ""
        imports = [subprocess.Popen(bonmun_cmd(db, "import", str(f)), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, encoding="utf-8") for f in folders]
        results = [_finish(p) for p in imports]
        assert burst.poll() is None, "the highlight burst died while the imports ran"
        burst.kill()
        burst.wait()
        lines = burst.stdout.read().splitlines()
        burst_err = burst.stderr.read() if burst.stderr else ""
    for code, out, err in results:
        assert code == 0 and err == "", err
        assert out.count(": imported") == 25
    assert burst_err == "" and no_traceback(burst_err)

    final = audit(db)
    assert final.articles == 3 + 50
    created = [line.split()[1:] for line in lines if line.startswith("created ")]
    assert len(created) >= 1
    con = sqlite3.connect(db)
    try:
        for hid, aid, start, end in created:
            row = con.execute("SELECT article_id, start, end FROM highlights WHERE id = ?", (int(hid),)).fetchone()
            assert row == (int(aid), int(start), int(end)), f"highlight {hid} was lost"
    finally:
        con.close()


def test_processes_creating_the_same_new_library_at_once(tmp_path: Path) -> None:
    """Three processes open a library that does not exist yet: one creates and migrates it, the
    others wait for it; the default codebook is seeded once."""
    db = tmp_path / "new" / "lib.sqlite"
    procs = [subprocess.Popen(bonmun_cmd(db, "tags", "--json"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, encoding="utf-8") for _ in range(3)]
    results = [_finish(p) for p in procs]
    for code, _, err in results:
        assert code == 0 and err == "", err
    trees = [json.loads(out) for _, out, _ in results]
    assert trees[0] and trees[0] == trees[1] == trees[2]
    paths = [t["path"] for t in trees[0]]
    assert len(paths) == len(set(paths))
    audit(db)


@pytest.fixture
def held_library(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A library with one article, and another connection holding its write lock (BEGIN IMMEDIATE)."""
    db = tmp_path / "lib.sqlite"
    lib = open_library(db, samples=False)
    [article] = write_articles(tmp_path / "one", 1)
    assert next(iter(lib.articles.import_paths([article]))).status == "imported"
    lib.close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO library_meta (key, value) VALUES ('holder', 'uncommitted')")
    yield db
    holder.execute("ROLLBACK")
    holder.close()


def test_busy_library_gives_one_line_and_nonzero_exit(held_library: Path, tmp_path: Path, capsys,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    proc = run_bonmun(held_library, "annotate", "1", "--quote", "기자", "--tag", "산업정책",
                      env={"BONMUN_BUSY_TIMEOUT_MS": "150"})
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stderr == BUSY and no_traceback(proc.stdout, proc.stderr)

    monkeypatch.setenv("BONMUN_BUSY_TIMEOUT_MS", "100")
    db = str(held_library)
    new = write_articles(tmp_path / "new", 1, start=7)
    for args in (("import", str(new[0])), ("reclean", "--all")):
        assert main(["--db", db, *args]) == 1, args
        out, err = capsys.readouterr()
        assert err == BUSY and no_traceback(out, err), (args, err)
    assert main(["--db", db, "list"]) == 0  # reading never waits for a writer
    out, err = capsys.readouterr()
    assert err == "" and len(out.splitlines()) == 1
    assert main(["--db", db, "tags", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)


def test_busy_library_in_process_raises_library_busy(held_library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BONMUN_BUSY_TIMEOUT_MS", "100")
    lib = open_library(held_library, samples=False)
    try:
        assert lib.articles.count() == 1
        with pytest.raises(LibraryBusy, match="the library is busy"):
            lib.highlights.create(1, 0, 5)
    finally:
        lib.close()
