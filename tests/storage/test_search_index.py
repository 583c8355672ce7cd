"""Korean search over the seeds and random corpora: lemma hits plus everything LIKE finds."""
from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, create_engine, text

from app.core.korean.indexing import prepare_documents
from app.storage import search_index as si

ROOT = Path(__file__).resolve().parents[2]
SEEDS = next(
    (p for p in (ROOT / "seeds", ROOT.parent / "shared" / "seeds") if (p / "000_6f79e3a98b74e807.txt").exists()),
    ROOT / "seeds",
)
_spec = importlib.util.spec_from_file_location("m0002", ROOT / "db/versions/0002_search_index.py")
M0002 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(M0002)  # type: ignore[union-attr]


def _library(conn: Connection) -> None:
    """A minimal ``articles`` table plus the search tables, exactly as migration 0002 creates them."""
    conn.exec_driver_sql("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT NOT NULL)")
    for sql in M0002.UPGRADE:
        conn.exec_driver_sql(sql)


def _add(conn: Connection, rows: list[tuple[int, str, str]]) -> None:
    for i, t, b in rows:
        conn.execute(text("INSERT INTO articles (id, title, body) VALUES (:i, :t, :b)"), {"i": i, "t": t, "b": b})


@pytest.fixture(scope="module")
def kiwi():  # noqa: ANN201 - one Kiwi for the module
    from app.core.kiwi_instance import get_kiwi

    return get_kiwi()


@pytest.fixture(scope="module")
def seeded(kiwi) -> Iterator[Connection]:  # noqa: ANN001
    """Seeds 000 (id 1) and 002 (id 2), raw text as body, indexed."""
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        _library(conn)
        rows = [(1, "LG AI 반도체", (SEEDS / "000_6f79e3a98b74e807.txt").read_text("utf-8")),
                (2, "퓨리오사AI", (SEEDS / "002_c5f69b218af9b8a1.txt").read_text("utf-8"))]
        _add(conn, rows)
        assert si.index_articles(conn, rows) == 2
        yield conn


def _ids(conn: Connection, q: str) -> set[int]:
    found = {h.article_id for h in si.search(conn, q)}
    assert found == si.matching_ids(conn, q), q
    return found


@pytest.mark.parametrize(
    ("query", "expected"),
    [("반도체", {1, 2}), ("반도체를", {1, 2}), ("인수", {1, 2}), ("거절하다", {2}), ("손잡다", {1}),
     ("레니게이드", {1, 2}), ("텐서축약", {2}), ("개발했다", {1, 2}), ("AI", {1, 2}), ("ai", {1, 2})],
)
def test_must_show_queries_on_the_seeds(seeded: Connection, query: str, expected: set[int]) -> None:
    assert _ids(seeded, query) == expected


def test_exact_form_ranks_before_other_inflections(seeded: Connection) -> None:
    hits = si.search(seeded, "반도체를")
    assert [h.tier for h in hits] == sorted(h.tier for h in hits)
    assert hits[0].tier == 0


def test_snippet_spans_mark_the_match(seeded: Connection) -> None:
    (hit,) = si.search(seeded, "거절하다")
    assert hit.article_id == 2 and hit.spans
    assert {hit.snippet[s:e] for s, e in hit.spans} == {"거절"}
    body = (SEEDS / "002_c5f69b218af9b8a1.txt").read_text("utf-8")
    assert all(body[s:e] == "거절" for s, e in hit.body_spans)
    (t_hit,) = si.search(seeded, "퓨리오사")[:1]
    assert t_hit.title_spans or t_hit.spans


def test_article_id_filter(seeded: Connection) -> None:
    assert {h.article_id for h in si.search(seeded, "반도체", article_ids={2})} == {2}
    assert si.matching_ids(seeded, "반도체", article_ids=set()) == set()
    assert si.search(seeded, "반도체", limit=1)[0].article_id in {1, 2}


def test_blank_query_finds_nothing(seeded: Connection) -> None:
    assert si.search(seeded, "  ") == [] and si.matching_ids(seeded, "") == set()


def test_remove_reindex_and_replace(kiwi) -> None:  # noqa: ANN001
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        _library(conn)
        _add(conn, [(1, "제목", "정부가 반도체를 지원한다."), (2, "둘", "기업이 손잡고 투자했다.")])
        si.index_articles(conn, [(1, "제목", "정부가 반도체를 지원한다."), (2, "둘", "기업이 손잡고 투자했다.")])
        assert si.index_status(conn) == (2, 2)
        assert si.remove_article(conn, 1) and not si.remove_article(conn, 1)
        assert si.matching_ids(conn, "반도체") == set() and si.matching_ids(conn, "정부") == set()
        # the body changes BEFORE re-indexing: the old words must disappear all the same
        conn.execute(text("UPDATE articles SET body = '배터리 공장을 세웠다.' WHERE id = 2"))
        si.index_articles(conn, [(2, "둘", "배터리 공장을 세웠다.")])
        assert si.matching_ids(conn, "손잡다") == set() and si.matching_ids(conn, "손") == set()
        assert si.matching_ids(conn, "배터리") == {2} and si.matching_ids(conn, "세우다") == {2}
        assert si.reindex_all(conn) == 2
        assert si.matching_ids(conn, "반도체") == {1} and si.index_status(conn) == (2, 2)
        for table in si.FTS_TABLES:  # FTS5 raises "database disk image is malformed" on a bad index
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES('integrity-check')")


def test_search_in_text_for_ctrl_f(kiwi) -> None:  # noqa: ANN001
    body = "메타의 인수 제의를 거절해 화제가 됐다. 현대반도체와 반도체를"
    assert [body[s:e] for s, e in si.search_in_text(body, "거절하다")] == ["거절해"]
    assert [body[s:e] for s, e in si.search_in_text(body, "반도체")] == ["반도체", "반도체"]


# ------------------------------------------------ recall against LIKE on random corpora

SYLLABLES = list("정부반도체개발인수가를는은이의에서고다했한기업투자") + ["A", "a", "I", "G", "1", " ", " ", ".", "%", "_", "\n"]
words = st.text(alphabet=st.sampled_from(SYLLABLES), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(st.tuples(st.text(st.sampled_from(SYLLABLES), max_size=8), words), min_size=1, max_size=6),
       data=st.data())
def test_everything_like_finds_search_finds(kiwi, docs: list[tuple[str, str]], data: st.DataObject) -> None:  # noqa: ANN001
    engine = create_engine("sqlite://")
    with engine.connect() as conn:
        _library(conn)
        rows = [(i + 1, t, b) for i, (t, b) in enumerate(docs)]
        _add(conn, rows)
        si.index_prepared(conn, prepare_documents(rows))
        source = data.draw(st.sampled_from([b for _, b in docs] + [t for t, _ in docs if t]))
        a = data.draw(st.integers(0, max(0, len(source) - 1)))
        q = data.draw(st.one_of(st.just(source[a : a + data.draw(st.integers(1, 6))]), words))
        q = q.strip()
        if not q:
            return
        pat = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        like = {r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM articles WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\'", (pat, pat))}
        assert like <= si.matching_ids(conn, q), q
        assert like <= {h.article_id for h in si.search(conn, q, limit=100)}, q


def test_migration_0002_up_and_down(tmp_path: Path) -> None:
    """The real Alembic chain creates and drops the search tables."""
    from sqlalchemy import inspect

    from app.storage import migrate
    from app.storage.engine import make_engine

    engine = make_engine(tmp_path / "m.sqlite", immediate=False)
    migrate.upgrade(engine, "0002_search_index")
    names = set(inspect(engine).get_table_names())
    assert {"search_doc", "search_lemma", "search_trigram", "search_gram"} <= names
    with engine.connect() as conn:
        assert si.index_status(conn) == (0, 0)
    migrate.downgrade(engine, "0001_initial")
    assert not {n for n in inspect(engine).get_table_names() if n.startswith("search_")}
    engine.dispose()
