"""Korean full-text search over ``articles`` (tables from db/versions/0002_search_index.py).

Design (measured on SQLite 3.40, see tests/bench/bench_search.py):
- ``search_lemma`` (FTS5 unicode61, contentless): space-joined normalised lemmas of title and body
  (app.core.korean.lemmas). Finds inflected forms: 반도체 -> 반도체를, 거절하다 -> 거절해,
  손잡다 -> 손잡고, 개발했다 -> 개발. Ranked with bm25 (title weighs 3x).
- Substring path, so that every article a plain ``title LIKE '%q%' OR body LIKE '%q%'`` finds is
  found (compounds, loanwords, misanalysed words): for queries of 3+ characters ``search_trigram``
  (FTS5 trigram, detail=none: ~6x smaller than detail=full) gives candidates = AND of the query's
  trigrams; a 3-character query is exact, longer ones are checked with ``LIKE`` on ``articles``
  (only the candidates the lemma path did not already return). For 1-2 character queries, where a
  trigram index finds nothing, ``search_gram`` holds every distinct character and character pair of
  each article as an ASCII token: one exact lookup.
- :func:`matching_ids` = lemma hits UNION substring hits (a superset of LIKE: recall 1.0).
  :func:`search` ranks them in tiers: 0 = lemma match that also contains the query as written,
  1 = other lemma matches (other inflections), 2 = substring-only (inside compounds, misanalysed
  words), newest id first. bm25 orders tiers 0 and 1. A one-word query that is its own lemma
  (정부, 반도체, AI) has no tier 1, so SQLite keeps only the top ``limit`` (no id sets in Python);
  tier 2 is only looked up when the lemma tiers leave room, page by page, newest first.
  bm25 costs ~1-2 us per matching row, so for a word in more than RANK_WINDOW (4,000)
  articles only the 4,000 most recent lemma matches are ranked (``matching_ids`` still returns
  all): latency stays bounded (~5-8 ms of bm25) however common the word.
- ``search_doc`` keeps a zlib copy of what was indexed: contentless FTS5 on SQLite 3.40 forgets a
  row only when given its original values, so removal and re-indexing never depend on the current
  ``articles`` row (call order in the services does not matter).
- No triggers (Alembic batch mode drops them): services call :func:`index_articles` after writing
  an article and :func:`remove_article` when deleting one.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from app.core.korean.indexing import (
    PreparedDoc,
    fold,
    gram_query,
    gram_text,
    lemma_match_expression,
    pack,
    prepare_documents,
    prepare_stream,
    trigram_query,
    unpack,
)
from app.core.korean.matching import Span, plan_snippet, quick_spans
from app.core.korean.query import QueryPlan, analyze_query

FTS_TABLES = ("search_lemma", "search_trigram", "search_gram")
TITLE_WEIGHT = 3.0
RANK_WINDOW = 4_000  # bm25 ranks at most this many (the most recent) lemma matches
_VERIFY_CHUNK = 500


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result. ``spans`` are relative to ``snippet``; ``snippet_start`` is its offset in the body."""

    article_id: int
    title: str
    snippet: str
    score: float  # higher is better within a tier: -bm25 for lemma tiers, 0.0 for substring-only
    spans: tuple[Span, ...]
    snippet_start: int = 0
    title_spans: tuple[Span, ...] = ()
    tier: int = 0  # 0 = as written + lemma, 1 = lemma only, 2 = substring only

    @property
    def body_spans(self) -> tuple[Span, ...]:
        """``spans`` in body coordinates."""
        return tuple((s + self.snippet_start, e + self.snippet_start) for s, e in self.spans)


def _cur(conn: Connection) -> sqlite3.Cursor:
    """A DB-API cursor inside ``conn``'s transaction (begun here if needed, so that the
    engine's BEGIN hook runs and the caller's commit/rollback covers our statements)."""
    if not conn.in_transaction():
        conn.begin()
    return conn.connection.driver_connection.cursor()  # type: ignore[union-attr]


def _forget(cur: sqlite3.Cursor, article_id: int) -> bool:
    row = cur.execute("SELECT packed FROM search_doc WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return False
    d = unpack(row[0])
    cur.execute(
        "INSERT INTO search_lemma(search_lemma, rowid, title, body) VALUES('delete', ?, ?, ?)",
        (article_id, d.title_lemmas, d.body_lemmas),
    )
    cur.execute(
        "INSERT INTO search_trigram(search_trigram, rowid, title, body) VALUES('delete', ?, ?, ?)",
        (article_id, d.title, d.body),
    )
    cur.execute(
        "INSERT INTO search_gram(search_gram, rowid, grams) VALUES('delete', ?, ?)",
        (article_id, gram_text(d.title, d.body)),
    )
    cur.execute("DELETE FROM search_doc WHERE article_id = ?", (article_id,))
    return True


def index_prepared(conn: Connection, docs: Iterable[PreparedDoc]) -> int:
    """Write analysed documents (replacing earlier versions); returns how many were written."""
    cur = _cur(conn)
    n = 0
    for d in docs:
        _forget(cur, d.article_id)
        cur.execute(
            "INSERT INTO search_lemma(rowid, title, body) VALUES (?, ?, ?)",
            (d.article_id, d.title_lemmas, d.body_lemmas),
        )
        cur.execute("INSERT INTO search_trigram(rowid, title, body) VALUES (?, ?, ?)", (d.article_id, d.title, d.body))
        cur.execute("INSERT INTO search_gram(rowid, grams) VALUES (?, ?)", (d.article_id, gram_text(d.title, d.body)))
        cur.execute("INSERT INTO search_doc(article_id, packed) VALUES (?, ?)", (d.article_id, pack(d)))
        n += 1
    return n


def index_articles(conn: Connection, items: Iterable[tuple[int, str, str]], *, num_workers: int | None = None) -> int:
    """Analyse ``(id, title, body)`` items and index them; returns the count.

    One lazy Kiwi batch over all items: Kiwi's workers analyse ahead while this thread writes.
    ``num_workers`` 0/1 analyses sequentially instead (see ``analyze_many``).
    """
    if num_workers is not None and num_workers <= 1:
        return index_prepared(conn, prepare_documents(list(items), num_workers))
    return index_prepared(conn, prepare_stream(items))


def remove_article(conn: Connection, article_id: int) -> bool:
    """Forget one article (works before or after its ``articles`` row is gone)."""
    return _forget(_cur(conn), int(article_id))


def reindex_all(conn: Connection, *, progress: Callable[[int, int], None] | None = None) -> int:
    """Rebuild the whole index from ``articles`` (e.g. after the analyser changed).

    Articles are read page by page and streamed through one Kiwi batch; ``progress(done, total)``
    is called after every written article.
    """
    cur = _cur(conn)
    for t in FTS_TABLES:
        cur.execute(f"INSERT INTO {t}({t}) VALUES('delete-all')")
    cur.execute("DELETE FROM search_doc")
    total = cur.execute("SELECT count(*) FROM articles").fetchone()[0]

    def rows() -> Iterator[tuple[int, str, str]]:
        last = -1
        while True:
            page = _cur(conn).execute(
                "SELECT id, coalesce(title, ''), body FROM articles WHERE id > ? ORDER BY id LIMIT 256", (last,)
            ).fetchall()
            if not page:
                return
            yield from page
            last = page[-1][0]

    def counted(docs: Iterable[PreparedDoc]) -> Iterator[PreparedDoc]:
        for n, d in enumerate(docs, 1):
            yield d
            if progress is not None:
                progress(n, total)

    return index_prepared(conn, counted(prepare_stream(rows())))


def optimize(conn: Connection) -> None:
    """Merge FTS5 segments (after a large import: smaller and faster index)."""
    cur = _cur(conn)
    for t in FTS_TABLES:
        cur.execute(f"INSERT INTO {t}({t}) VALUES('optimize')")


def index_status(conn: Connection) -> tuple[int, int]:
    """``(indexed articles, articles)``: differ after migrating a library that had articles."""
    cur = _cur(conn)
    return (
        cur.execute("SELECT count(*) FROM search_doc").fetchone()[0],
        cur.execute("SELECT count(*) FROM articles").fetchone()[0],
    )


# ---------------------------------------------------------------- querying


def _like_pattern(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_BM25 = f"bm25(search_lemma, {TITLE_WEIGHT}, 1.0)"


def _window_start(cur: sqlite3.Cursor, expr: str) -> int:
    """Lowest rowid of the RANK_WINDOW most recent lemma matches (0: fewer matches than that)."""
    if not expr:
        return 0
    row = cur.execute(
        "SELECT rowid FROM search_lemma WHERE search_lemma MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (expr, RANK_WINDOW - 1),
    ).fetchone()
    return row[0] if row else 0


def _lemma_ranked(cur: sqlite3.Cursor, expr: str, limit: int | None, start: int = 0) -> list[tuple[int, float]]:
    """Lemma matches with rowid >= ``start`` and their bm25, best first (all when ``limit`` is None)."""
    if not expr:
        return []
    sql = (
        f"SELECT rowid, {_BM25} AS s FROM search_lemma WHERE search_lemma MATCH ? AND rowid >= ? "
        "ORDER BY s, rowid DESC"
    )
    if limit is None:
        return cur.execute(sql, (expr, start)).fetchall()
    return cur.execute(sql + " LIMIT ?", (expr, start, limit)).fetchall()


def _lemma_ids(cur: sqlite3.Cursor, expr: str) -> set[int]:
    if not expr:
        return set()
    return {r[0] for r in cur.execute("SELECT rowid FROM search_lemma WHERE search_lemma MATCH ?", (expr,))}


def _substring_sql(raw: str) -> tuple[str, str, bool]:
    """(table, MATCH expression, exact?) of the substring path for ``raw``."""
    if len(raw) <= 2:
        return "search_gram", gram_query(raw), True
    return "search_trigram", trigram_query(raw), len(raw) == 3


def _candidates(cur: sqlite3.Cursor, raw: str, start: int = 0) -> tuple[set[int], bool]:
    """Substring candidates with rowid >= ``start`` and whether they are exact (no LIKE check needed)."""
    table, expr, exact = _substring_sql(raw)
    rows = cur.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid >= ?", (expr, start))
    return {r[0] for r in rows}, exact


def _verify(cur: sqlite3.Cursor, raw: str, ids: Sequence[int]) -> list[int]:
    """The ids among ``ids`` whose title or body contains ``raw`` (SQL LIKE semantics), in order."""
    ok: set[int] = set()
    pat = _like_pattern(raw)
    for i in range(0, len(ids), _VERIFY_CHUNK):
        chunk = json.dumps(list(ids[i : i + _VERIFY_CHUNK]))
        ok.update(
            r[0]
            for r in cur.execute(
                "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                "AND (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')",
                (chunk, pat, pat),
            )
        )
    return [i for i in ids if i in ok]


def _substring_newest(cur: sqlite3.Cursor, raw: str, skip: set[int], allowed: set[int] | None, want: int) -> list[int]:
    """Up to ``want`` substring matches not in ``skip``, newest id first (paged, verified)."""
    table, expr, exact = _substring_sql(raw)
    out: list[int] = []
    last = 1 << 62
    while len(out) < want:
        page = [
            r[0]
            for r in cur.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?",
                (expr, last, _VERIFY_CHUNK),
            )
        ]
        if not page:
            break
        last = page[-1]
        keep = [k for k in page if k not in skip and (allowed is None or k in allowed)]
        out += keep if exact else _verify(cur, raw, keep)
    return out[:want]


def matching_ids(conn: Connection, query: str, *, article_ids: set[int] | None = None) -> set[int]:
    """Every article matching ``query``: lemma matches plus ALL substring (LIKE) matches."""
    plan = analyze_query(query)
    if not plan.raw:
        return set()
    cur = _cur(conn)
    lemma = _lemma_ids(cur, lemma_match_expression(plan.groups))
    cand, exact = _candidates(cur, plan.raw)
    if article_ids is not None:
        lemma &= article_ids
        cand &= article_ids
    rest = cand - lemma
    return lemma | (rest if exact else set(_verify(cur, plan.raw, sorted(rest))))


def _is_simple(plan: QueryPlan) -> bool:
    """One lemma written as the query itself (정부, 반도체, AI): its matches contain the query."""
    return len(plan.groups) == 1 and fold(plan.raw) in {fold(f) for f in plan.groups[0]}


def search(
    conn: Connection, query: str, *, limit: int = 50, article_ids: set[int] | None = None
) -> list[SearchHit]:
    """Ranked hits with snippets (tiers: see the module docstring)."""
    plan = analyze_query(query)
    if not plan.raw or limit <= 0:
        return []
    cur = _cur(conn)
    expr = lemma_match_expression(plan.groups)
    start = _window_start(cur, expr) if article_ids is None else 0
    ranked: list[tuple[int, int]] = []
    if _is_simple(plan) and article_ids is None:  # tier 1 is empty: let SQLite keep the top only
        scores = dict(_lemma_ranked(cur, expr, limit, start))
        ranked = [(k, 0) for k in scores]
    else:
        rows = _lemma_ranked(cur, expr, None, start)
        if article_ids is not None:
            rows = [r for r in rows if r[0] in article_ids]
        scores = dict(rows)
        cand = _candidates(cur, plan.raw, start)[0] if scores and not _is_simple(plan) else set(scores)
        both = [(k, 0) for k in scores if k in cand][:limit]
        only = [(k, 1) for k in scores if k not in cand][:limit]
        ranked = (both + only)[:limit]
    if len(ranked) < limit:  # then ``scores`` holds every (allowed) lemma match
        ranked += [(k, 2) for k in _substring_newest(cur, plan.raw, set(scores), article_ids, limit - len(ranked))]
    return _hits(cur, plan, ranked, scores)


def _hits(cur: sqlite3.Cursor, plan: QueryPlan, ranked: list[tuple[int, int]], scores: dict[int, float]) -> list[SearchHit]:
    if not ranked:
        return []
    ids = json.dumps([k for k, _ in ranked])
    rows = {
        r[0]: (r[1], r[2])
        for r in cur.execute(
            "SELECT id, coalesce(title, ''), body FROM articles WHERE id IN (SELECT value FROM json_each(?))", (ids,)
        )
    }
    out = []
    for k, tier in ranked:
        if k not in rows:  # indexed but deleted without remove_article
            continue
        title, body = rows[k]
        snip = plan_snippet(body, plan)
        out.append(
            SearchHit(k, title, snip.text, -scores.get(k, 0.0), snip.spans, snip.start, tuple(quick_spans(title, plan)), tier)
        )
    return out


def search_in_text(text: str, query: str) -> list[Span]:
    """Ctrl+F inside one article: lemma matches mapped to surface spans + substring matches."""
    from app.core.korean.matching import search_in_text as _in_text

    return _in_text(text, query)
