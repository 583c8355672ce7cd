"""A process killed (SIGKILL) in the middle of a write loses nothing it reported as done.

The kill is triggered by what the process printed (read line by line), never by a sleep.
"""
from __future__ import annotations

import sys
from pathlib import Path

from app.bootstrap import open_library
from app.services.importing import content_hash
from tests.safety.corpus import article_text, write_articles
from tests.safety.helpers import HERE, audit, bonmun_cmd, kill_after, no_traceback, run_bonmun, spawn

N_ARTICLES = 1000
KILL_AFTER_IMPORTED = 250
KILL_AFTER_HIGHLIGHTS = 150


def test_sigkill_mid_import_then_rerun_imports_each_article_exactly_once(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    paths = write_articles(folder, N_ARTICLES)
    db = tmp_path / "lib.sqlite"
    with spawn(bonmun_cmd(db, "import", str(folder))) as proc:
        lines = kill_after(proc, KILL_AFTER_IMPORTED, ": imported")
    reported = {Path(line.rsplit(": ", 1)[0]).name for line in lines if line.endswith(": imported")}

    first = audit(db)  # integrity ok, every article whole and indexed, no duplicates
    assert reported <= set(first.sources), "an article reported as imported is missing"
    assert len(reported) <= first.articles <= len(reported) + 1 < N_ARTICLES  # + the one in flight

    rerun = run_bonmun(db, "import", str(folder))
    assert rerun.returncode == 0, rerun.stderr
    assert no_traceback(rerun.stdout, rerun.stderr)
    out = rerun.stdout.splitlines()
    imported = sum(line.endswith(": imported") for line in out)
    duplicate = sum(line.endswith(": duplicate") for line in out)
    assert duplicate == first.articles and imported + duplicate == N_ARTICLES == len(out)

    final = audit(db)
    assert final.articles == N_ARTICLES
    assert sorted(final.sources) == sorted(p.name for p in paths)
    assert final.content_hashes == {content_hash(article_text(i)) for i in range(N_ARTICLES)}


def test_sigkill_mid_highlight_burst_keeps_every_reported_edit(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    lib = open_library(db, samples=False)
    results = list(lib.articles.import_paths(write_articles(tmp_path / "a", 4)))
    assert {r.status for r in results} == {"imported"}
    lib.close()

    with spawn([sys.executable, str(HERE / "highlight_burst.py"), str(db), "0", "7"]) as proc:
        lines = kill_after(proc, KILL_AFTER_HIGHLIGHTS, "created ")

    audit(db)  # integrity ok; every highlight's quote is its body[start:end]
    lib = open_library(db, samples=False)  # "restart"
    try:
        for line in lines:
            kind, hid, *rest = line.split(" ", 2)
            if kind == "created":
                article, start, end = map(int, rest[0].split())
                h = lib.highlights.get(int(hid))
                assert (h.article_id, h.start, h.end, h.orphaned) == (article, start, end, False)
                assert h.quote == lib.articles.get(article).body[start:end]
            elif kind == "noted":
                assert lib.highlights.get(int(hid)).note == rest[0]
            elif kind == "tagged":
                assert int(rest[0]) in lib.highlights.get(int(hid)).tag_ids
        created = sum(line.startswith("created ") for line in lines)
        stored = sum(len(lib.highlights.for_article(a.id)) for a in lib.articles.list())
        assert created <= stored <= created + 1  # at most the edit in flight when killed
    finally:
        lib.close()
