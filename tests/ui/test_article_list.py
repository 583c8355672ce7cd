"""The article list model: lazy pages over a large library, sorting, ranking, refresh."""
from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from app.services.dto import ArticleFilter
from app.ui.article_list import PAGE, ArticleListModel

N = 20_000


@pytest.fixture(scope="module")
def big_library(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A library with 20,000 synthetic articles, inserted directly (no cleaning/indexing needed)."""
    from sqlalchemy import insert

    from app.bootstrap import open_library
    from app.storage.models import Article

    lib = open_library(tmp_path_factory.mktemp("big") / "big.sqlite", samples=False)
    rows = [
        {"raw": f"본문 {i}", "kind": "text", "content_hash": hashlib.sha256(str(i).encode()).hexdigest(),
         "title": f"기사 {i:05d} 반도체", "outlet": ("뉴시스", "연합뉴스", "아시아경제")[i % 3],
         "published_at": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", "body": f"본문 {i}", "body_hash": "x",
         "cleaner_version": "test", "source": f"file{i}.html"}
        for i in range(N)
    ]
    with lib.db.write_engine.begin() as conn:
        conn.execute(insert(Article), rows)
    yield lib
    lib.close()


class Spy:
    def __init__(self, fn):  # type: ignore[no-untyped-def]
        self.fn, self.calls = fn, []

    def __call__(self, ids):  # type: ignore[no-untyped-def]
        self.calls.append(list(ids))
        return self.fn(ids)


def test_twenty_thousand_rows_are_fetched_a_small_window_at_a_time(qtbot, big_library):
    rows = Spy(big_library.articles.rows)
    model = ArticleListModel(big_library.articles.ids, rows)
    model.set_filter(ArticleFilter())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == N
    qtbot.waitUntil(lambda: bool(rows.calls))  # the first paint reads the visible page
    assert all(len(c) <= PAGE for c in rows.calls)
    first_fetch = sum(map(len, rows.calls))
    assert first_fetch <= 2 * PAGE

    view.scrollToBottom()
    qtbot.waitUntil(lambda: any(model.row_of(c[-1]) == N - 1 for c in rows.calls))
    fetched = sum(map(len, rows.calls))
    assert fetched <= 4 * PAGE, "only the visible pages are read, not all 20,000 rows"
    last = model.row_data(N - 1)
    assert last is not None and last.id == model.article_id(N - 1)
    assert view.model().data(model.index(N - 1, 0)) == last.title


def test_sorting_requeries_ids_in_the_database_order(qtbot, big_library):
    model = ArticleListModel(big_library.articles.ids, big_library.articles.rows)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, 0)) == "기사 00000 반도체"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == f"기사 {N - 1:05d} 반도체"
    model.set_filter(ArticleFilter(outlet="연합뉴스"))
    assert model.rowCount() == len(range(1, N, 3))
    assert {model.data(model.index(r, 1)) for r in range(50)} == {"연합뉴스"}


def test_a_search_ranking_orders_rows_until_a_column_sort(big_library):
    model = ArticleListModel(big_library.articles.ids, big_library.articles.rows)
    ranked = [500, 7, 12_000, 3]
    model.set_filter(ArticleFilter(ids=frozenset(ranked)), ranking=ranked)
    assert model.ids() == ranked and model.sort_key is None
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.ids() == sorted(ranked)


def test_refresh_article_rereads_only_its_page(big_library):
    rows = Spy(big_library.articles.rows)
    model = ArticleListModel(big_library.articles.ids, rows)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    model.data(model.index(5, 0))
    model.data(model.index(PAGE * 3, 0))
    assert len(rows.calls) == 2
    model.refresh_article(model.article_id(5))
    model.data(model.index(PAGE * 3, 0))
    assert len(rows.calls) == 2  # the other page stayed cached
    model.data(model.index(5, 3))
    assert len(rows.calls) == 3 and model.article_id(5) in rows.calls[-1]
