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
- Results = lemma hits UNION substring hits, in tiers: articles matching both (the query as written
  AND its lemmas), then lemma-only (other inflections), then substring-only (inside compounds);
  bm25 orders the first two tiers, newest id first the last one.
- ``search_doc`` keeps a zlib copy of what was indexed: contentless FTS5 on SQLite 3.40 forgets a
  row only when given its original values, so removal and re-indexing never depend on the current
  ``articles`` row (call order in the services does not matter).
- No triggers (Alembic batch mode drops them): services call :func:`index_articles` after writing
  an article and :func:`remove_article` when deleting one.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from app.core.korean.indexing import (
    PreparedDoc,
    gram_query,
    gram_text,
    lemma_match_expression,
    prepare_documents,
    trigram_query,
)
from app.core.korean.matching import Span, quick_spans, snippet
from app.core.korean.query import QueryPlan, analyze_query

FTS_TABLES = ("search_lemma", "search_trigram", "search_gram")
TITLE_WEIGHT = 3.0
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


def _cur(conn: Connection):  # noqa: ANN202 - sqlite3 cursor of the connection's transaction
    return conn.connection.driver_connection.cursor()


def _pack(d: PreparedDoc) -> bytes:
    return zlib.compress(json.dumps([d.title, d.body, d.title_lemmas, d.body_lemmas], ensure_ascii=False).encode(), 6)


def _unpack(blob: bytes) -> PreparedDoc:
    t, b, tl, bl = json.loads(zlib.decompress(blob).decode())
    return PreparedDoc(0, t, b, tl, bl)


def _forget(cur, article_id: int) -> bool:  # noqa: ANN001
    row = cur.execute("SELECT packed FROM search_doc WHERE article_id = ?", (article_id,)).fetchone()
    if row is None:
        return False
    d = _unpack(row[0])
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
        cur.execute("INSERT INTO search_doc(article_id, packed) VALUES (?, ?)", (d.article_id, _pack(d)))
        n += 1
    return n


def index_articles(
    conn: Connection,
    items: Iterable[tuple[int, str, str]],
    *,
    num_workers: int | None = None,
    batch_size: int = 128,
) -> int:
    """Analyse ``(id, title, body)`` items (batched Kiwi) and index them; returns the count."""
    n, batch = 0, []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            n += index_prepared(conn, prepare_documents(batch, num_workers))
            batch = []
    if batch:
        n += index_prepared(conn, prepare_documents(batch, num_workers))
    return n


def remove_article(conn: Connection, article_id: int) -> bool:
    """Forget one article (works before or after its ``articles`` row is gone)."""
    return _forget(_cur(conn), int(article_id))


def reindex_all(
    conn: Connection, *, batch_size: int = 128, progress: Callable[[int, int], None] | None = None
) -> int:
    """Rebuild the whole index from ``articles`` (e.g. after the analyser changed)."""
    cur = _cur(conn)
    for t in FTS_TABLES:
        cur.execute(f"INSERT INTO {t}({t}) VALUES('delete-all')")
    cur.execute("DELETE FROM search_doc")
    total = cur.execute("SELECT count(*) FROM articles").fetchone()[0]
    done, last = 0, -1
    while True:
        rows = cur.execute(
            "SELECT id, coalesce(title, ''), body FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch_size)
        ).fetchall()
        if not rows:
            break
        done += index_prepared(conn, prepare_documents(rows))
        last = rows[-1][0]
        if progress is not None:
            progress(done, total)
    return done


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


def _lemma_scores(cur, plan: QueryPlan) -> dict[int, float]:  # noqa: ANN001
    expr = lemma_match_expression(plan.groups)
    if not expr:
        return {}
    sql = f"SELECT rowid, bm25(search_lemma, {TITLE_WEIGHT}, 1.0) FROM search_lemma WHERE search_lemma MATCH ?"
    return dict(cur.execute(sql, (expr,)).fetchall())


def _candidates(cur, raw: str) -> tuple[set[int], bool]:  # noqa: ANN001
    """Substring candidates and whether they are exact (no LIKE check needed)."""
    if len(raw) <= 2:
        rows = cur.execute("SELECT rowid FROM search_gram WHERE search_gram MATCH ?", (gram_query(raw),))
        return {r[0] for r in rows}, True
    rows = cur.execute("SELECT rowid FROM search_trigram WHERE search_trigram MATCH ?", (trigram_query(raw),))
    return {r[0] for r in rows}, len(raw) == 3


def _verify(cur, raw: str, ids: Sequence[int]) -> list[int]:  # noqa: ANN001
    """The ids among ``ids`` whose title or body contains ``raw`` (SQL LIKE semantics)."""
    out: list[int] = []
    pat = _like_pattern(raw)
    for i in range(0, len(ids), _VERIFY_CHUNK):
        chunk = json.dumps(list(ids[i : i + _VERIFY_CHUNK]))
        out += [
            r[0]
            for r in cur.execute(
                "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
                "AND (title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')",
                (chunk, pat, pat),
            )
        ]
    return out


@dataclass(frozen=True, slots=True)
class _Match:
    lemma: dict[int, float]
    cand: set[int]
    exact: bool


def _match(cur, plan: QueryPlan, article_ids: set[int] | None) -> _Match:  # noqa: ANN001
    lemma = _lemma_scores(cur, plan)
    cand, exact = _candidates(cur, plan.raw)
    if article_ids is not None:
        lemma = {k: v for k, v in lemma.items() if k in article_ids}
        cand &= article_ids
    return _Match(lemma, cand, exact)


def matching_ids(conn: Connection, query: str, *, article_ids: set[int] | None = None) -> set[int]:
    """Every article matching ``query``: lemma matches plus ALL substring (LIKE) matches."""
    plan = analyze_query(query)
    if not plan.raw:
        return set()
    cur = _cur(conn)
    m = _match(cur, plan, article_ids)
    rest = m.cand - m.lemma.keys()
    extra = rest if m.exact else set(_verify(cur, plan.raw, sorted(rest)))
    return set(m.lemma) | extra


def search(
    conn: Connection, query: str, *, limit: int = 50, article_ids: set[int] | None = None
) -> list[SearchHit]:
    """Ranked hits with snippets (see module docstring for the tiers)."""
    plan = analyze_query(query)
    if not plan.raw or limit <= 0:
        return []
    cur = _cur(conn)
    m = _match(cur, plan, article_ids)
    both = sorted((k for k in m.lemma if k in m.cand), key=lambda k: (m.lemma[k], -k))
    only = sorted((k for k in m.lemma if k not in m.cand), key=lambda k: (m.lemma[k], -k))
    ranked = [(k, 0) for k in both] + [(k, 1) for k in only]
    if len(ranked) < limit:
        rest = sorted(m.cand - m.lemma.keys(), reverse=True)
        if m.exact:
            ranked += [(k, 2) for k in rest]
        else:
            for i in range(0, len(rest), _VERIFY_CHUNK):
                ok = set(_verify(cur, plan.raw, rest[i : i + _VERIFY_CHUNK]))
                ranked += [(k, 2) for k in rest[i : i + _VERIFY_CHUNK] if k in ok]
                if len(ranked) >= limit:
                    break
    return _hits(cur, plan, ranked[:limit], m.lemma)


def _hits(cur, plan: QueryPlan, ranked: list[tuple[int, int]], scores: dict[int, float]) -> list[SearchHit]:  # noqa: ANN001
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
        snip = snippet(body, quick_spans(body, plan))
        out.append(
            SearchHit(k, title, snip.text, -scores.get(k, 0.0), snip.spans, snip.start, tuple(quick_spans(title, plan)), tier)
        )
    return out


def search_in_text(text: str, query: str) -> list[Span]:
    """Ctrl+F inside one article: lemma matches mapped to surface spans + substring matches."""
    from app.core.korean.matching import search_in_text as _in_text

    return _in_text(text, query)
