"""Tag suggestions in the reader: marked from the worker's rule matches, Ctrl+J / Enter / Backspace."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

TEXT = (
    "오늘 날씨가 맑았다.\n"
    "정부는 반도체 기업을 지원하기로 했다.\n"
    "정부 청사 앞은 조용했다.\n"  # one rule word only: not enough to suggest
    "시민들은 공원에서 산책을 즐겼다.\n"
)


@pytest.fixture
def rule_article(ctx):  # type: ignore[no-untyped-def]
    """An article with one matching sentence and a codebook where only one tag has rules."""
    for t in ctx.library.codebook.tree():
        if t.rules:
            ctx.library.codebook.update(t.id, rules=None)
    tag = ctx.library.codebook.create("정부 정책", rules="정부, 지원", color="#2E7D32")
    r = ctx.library.articles.import_clipboard(TEXT)
    assert r.status == "imported", r
    ctx.events.codebook_changed.emit()
    ctx.events.articles_changed.emit()
    return tag, r.article_id


def _shown(window, fake_worker, qtbot, open_article, aid):  # type: ignore[no-untyped-def]
    open_article(window, aid)
    sug = window.reader.suggestions
    qtbot.waitUntil(lambda: bool(sug.items))
    return sug


def test_matching_sentence_is_suggested_and_marked(qtbot, ctx, window, fake_worker, rule_article, open_article):
    tag, aid = rule_article
    sug = _shown(window, fake_worker, qtbot, open_article, aid)
    body = window.reader.article.body
    sentence = "정부는 반도체 기업을 지원하기로 했다."
    [s] = sug.items
    assert s.tag_id == tag.id and body[s.start:s.end].strip() == sentence
    assert set(s.matched) == {"정부", "지원"}
    assert "suggest" in fake_worker.ops
    marks = window.reader.browser.suggestion_marks
    assert marks and {m.color.rgb() for m in marks} == {0xFF2E7D32}
    tip = window.reader.tooltip_at(window.reader.layout_map.to_doc(s.start + 1))
    assert "Suggested: 정부 정책 (matched: " in tip and "Enter accepts" in tip
    assert not ctx.library.highlights.for_article(aid)  # nothing applied silently


def test_ctrl_j_enter_accepts_and_ctrl_z_undoes(qtbot, ctx, window, fake_worker, rule_article, open_article):
    tag, aid = rule_article
    sug = _shown(window, fake_worker, qtbot, open_article, aid)
    [s] = sug.items
    window.reader.browser.setFocus()
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.selection_span() == (s.start, s.end)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Return)
    [h] = ctx.library.highlights.for_article(aid)
    assert (h.start, h.end, h.tag_ids) == (s.start, s.end, (tag.id,))
    assert (h.start, h.end) in {(hl.start, hl.end) for hl in window.reader.painter.highlights.values()}
    qtbot.waitUntil(lambda: not sug._pending and sug._request is None)
    assert sug.items == []  # the worker no longer suggests a coded sentence
    assert not window.reader.browser.suggestion_marks
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.highlights.for_article(aid) == []
    qtbot.waitUntil(lambda: sug.items == [s])  # undone: suggested again


@pytest.mark.parametrize("key", [Qt.Key.Key_Backspace, Qt.Key.Key_Delete])
def test_backspace_dismisses_for_the_session(qtbot, ctx, window, fake_worker, rule_article, open_article, key):
    tag, aid = rule_article
    sug = _shown(window, fake_worker, qtbot, open_article, aid)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader.browser, key)
    assert sug.items == [] and not window.reader.browser.suggestion_marks
    assert ctx.library.highlights.for_article(aid) == []
    # asking again (e.g. after another change) does not bring it back
    sug.refresh()
    qtbot.waitUntil(lambda: sug._request is None)
    assert sug.items == []
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Return)  # nothing under the cursor: no highlight
    assert ctx.library.highlights.for_article(aid) == []


def test_toggle_hides_marks_and_is_remembered(qtbot, ctx, window, fake_worker, rule_article, open_article, ui_settings):
    tag, aid = rule_article
    sug = _shown(window, fake_worker, qtbot, open_article, aid)
    view_menu = window.menus.view
    action = next(a for a in view_menu.actions() if a.text() == "Show tag suggestions")
    action.trigger()
    assert not sug.enabled and ui_settings.show_suggestions is False
    assert sug.items == [] and not window.reader.browser.suggestion_marks
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert not window.reader.browser.textCursor().hasSelection()
    action.trigger()
    qtbot.waitUntil(lambda: bool(sug.items))
    assert ui_settings.show_suggestions is True


def test_waits_for_the_analyzer_instead_of_starting_it(qtbot, ctx, window, rule_article, open_article, loading_worker):
    from app.ui import worker_client

    loading = loading_worker
    worker_client._SHARED[ctx] = loading  # type: ignore[assignment]
    _tag, aid = rule_article
    open_article(window, aid)
    assert loading.sent == []
    loading.ready = True
    loading.state_changed.emit("ready")
    qtbot.waitUntil(lambda: bool(loading.sent))
    assert loading.sent == [("suggest", {"article_id": aid, "min_hits": 2})]
