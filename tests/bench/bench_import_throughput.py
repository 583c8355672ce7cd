"""Import throughput: raw Kiwi batch tokenisation vs the search index path (script, not a test).

    .venv/bin/python tests/bench/bench_import_throughput.py [--articles 200] [--repeat 2]

Same synthetic articles (see bench_search.py) for all steps; best of ``--repeat`` interleaved runs:
- baseline: ``kiwi.tokenize([title, body, ...])`` (one batched Kiwi call, tokens discarded);
  also shown: the same over the texts' non-blank lines (what the index path feeds Kiwi)
- index path: ``index_articles(conn, items)`` into a fresh library (line split + NFC + ONE Kiwi
  pass per text + lemma texts + grams + FTS5 writes + commit)
- full import: the same articles as .txt files through ``ArticleService.import_paths`` into a new
  library (read + decode + clean + analyse + store, one transaction per article)
Target: index path chars/s >= 0.8 x baseline chars/s.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main() -> None:
    sys.path[:0] = [str(ROOT), str(HERE)]
    from bench_search import articles, sentence_pool  # type: ignore[import-not-found]
    from sqlalchemy import create_engine, text

    from app.core.kiwi_instance import get_kiwi
    from app.core.korean.analyzer import analyze_many
    from app.storage.search_index import index_articles

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()

    items = [(a.id, a.title, a.body) for a in articles(sentence_pool(8000), args.articles)]
    texts = [t for _, title, body in items for t in (title, body)]
    chars = sum(map(len, texts))
    kiwi = get_kiwi()
    kiwi.tokenize("워밍업 문장입니다.")
    migration = (ROOT / "db/versions/0002_search_index.py").read_text("utf-8")
    ns: dict = {}
    exec(compile(migration.replace("from alembic import op", "op = None"), "0002", "exec"), ns)

    def baseline() -> float:
        t = time.perf_counter()
        for _ in kiwi.tokenize(texts):
            pass
        return time.perf_counter() - t

    lines = [ln for t in texts for ln in t.splitlines() if ln.strip()]

    def baseline_lines() -> float:
        t = time.perf_counter()
        for _ in kiwi.tokenize(lines):
            pass
        return time.perf_counter() - t

    def analysis_only() -> float:
        t = time.perf_counter()
        analyze_many(texts)
        return time.perf_counter() - t

    def index_path() -> float:
        engine = create_engine("sqlite://")
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT NOT NULL)")
            for sql in ns["UPGRADE"]:
                conn.exec_driver_sql(sql)
            conn.execute(text("SELECT 1"))
            t = time.perf_counter()
            index_articles(conn, items)
        dt = time.perf_counter() - t
        engine.dispose()
        return dt

    import os
    import tempfile

    work = Path(tempfile.mkdtemp(prefix="bonmun-import-bench-"))
    folder = work / "articles"
    folder.mkdir()
    for i, title, body in items:
        (folder / f"{i:06d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    os.environ["BONMUN_HOME"] = str(work / "home")

    def full_import() -> float:
        from app.bootstrap import open_library

        lib = open_library(work / f"lib-{time.perf_counter_ns()}.sqlite")
        t = time.perf_counter()
        results_ = list(lib.articles.import_paths([folder]))
        dt = time.perf_counter() - t
        lib.close()
        assert sum(r.status == "imported" for r in results_) == len(items), "every article imported"
        return dt

    results = {}
    steps = (
        ("kiwi batch (baseline)", baseline),
        ("kiwi batch, lines", baseline_lines),
        ("analyze_many", analysis_only),
        ("index_articles", index_path),
        ("full import (files)", full_import),
    )
    for _ in range(args.repeat):  # interleaved, so that all steps see the same machine load
        for name, fn in steps:
            results[name] = min(results.get(name, float("inf")), fn())
    print(f"{len(items)} articles, {chars:,} chars, Kiwi workers: {kiwi.num_workers}")
    base = chars / results["kiwi batch (baseline)"]
    for name, dt in results.items():
        rate = chars / dt
        print(f"{name:>22}: {dt:7.2f} s  {rate:10,.0f} chars/s  {rate / base:5.2f}x baseline")
    print("target: index_articles >= 0.80x baseline ->", "OK" if chars / results["index_articles"] >= 0.8 * base else "MISSED")
    print("target: full import (decode + clean + analyse + store, one transaction per article) >= 0.80x baseline ->",
          "OK" if chars / results["full import (files)"] >= 0.8 * base else "MISSED")


if __name__ == "__main__":
    main()
