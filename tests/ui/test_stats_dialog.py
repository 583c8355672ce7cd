"""Tools ▸ Statistics…: lemma counts of a tag's highlights and the shown article's keywords, via the worker."""
from __future__ import annotations

import pytest

TEXT = (
    "정부는 반도체 산업을 지원한다.\n"
    "정부가 새 예산을 발표했다.\n"
    "기업들은 투자를 늘렸다.\n"
)


@pytest.fixture
def tagged(ctx):  # type: ignore[no-untyped-def]
    tag = ctx.library.codebook.create("정부 언급", color="#1565C0")
    r = ctx.library.articles.import_clipboard(TEXT)
    assert r.status == "imported", r
    body = ctx.library.articles.get(r.article_id).body
    for sentence in ("정부는 반도체 산업을 지원한다.", "정부가 새 예산을 발표했다."):
        start = body.index(sentence)
        ctx.library.highlights.create(r.article_id, start, start + len(sentence), [tag.id])
    ctx.events.codebook_changed.emit()
    ctx.events.articles_changed.emit()
    return tag, r.article_id


def _rows(table) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}


def test_tag_tab_counts_lemmas_of_its_highlights(qtbot, ctx, fake_worker, tagged):
    from app.ui.stats_dialog import StatsDialog

    tag, _aid = tagged
    dialog = StatsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_tag(tag.id)
    assert dialog.tag_status.text() == "Analysing…"  # until the worker answers
    qtbot.waitUntil(lambda: dialog.tag_table.rowCount() > 0)
    rows = _rows(dialog.tag_table)
    assert rows["정부"] == "2"  # 정부는 + 정부가
    assert "정부는" not in rows and "정부가" not in rows
    assert "지원하다" in rows or "지원" in rows
    assert "2 highlight" in dialog.tag_status.text()
    assert fake_worker.ops.count("stats") == 1


def test_article_tab_from_the_stats_menu(qtbot, ctx, window, fake_worker, tagged, open_article):
    from app.ui.stats_dialog import StatsDialog

    _tag, aid = tagged
    open_article(window, aid)
    action = next(a for a in window.menus.tools.actions() if a.text() == "Statistics…")
    action.trigger()
    dialog = window.findChild(StatsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.article_table.rowCount() > 0 and dialog.keyword_table.rowCount() > 0)
    assert _rows(dialog.article_table)["정부"] == "2"
    assert "정부" in _rows(dialog.keyword_table)
    assert window.reader.article.title in dialog.article_status.text()
    dialog.close()


def test_loading_message_while_the_analyzer_starts(qtbot, ctx, loading_worker):
    from app.ui import worker_client
    from app.ui.stats_dialog import StatsDialog

    loading = loading_worker
    worker_client._SHARED[ctx] = loading  # type: ignore[assignment]
    dialog = StatsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show_article(1)
    assert dialog.article_status.text() == "Korean analyzer loading…"
    assert loading.sent == [("stats", {"article_id": 1, "n": 30})]
