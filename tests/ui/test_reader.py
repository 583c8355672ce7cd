"""The reader: offsets with emoji, overlapping highlights, tooltips, font size, find, safety."""
from __future__ import annotations

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

EMOJI_TEXT = (
    "반도체 지원법 개정안이 국회를 통과했다 🎉🚀 정부는 연구개발 예산을 늘리기로 했다고 밝혔다.\n"
    "업계는 😀 이번 조치가 스타트업 투자를 촉진할 것으로 기대한다고 말했다. "
    "전문가들은 공급망 재편에 대비해야 한다고 지적했다.\n"
    "중소벤처기업부는 팹리스 기업에 대한 세액공제를 확대하겠다고 발표했다 👍 관련 업계는 환영했다.\n"
)


def _cursor_at(reader, pos: int) -> QTextCursor:  # type: ignore[no-untyped-def]
    cur = QTextCursor(reader.browser.document())
    cur.setPosition(pos)
    return cur


def _emoji_article(ctx):  # type: ignore[no-untyped-def]
    r = ctx.library.articles.import_clipboard(EMOJI_TEXT)
    assert r.status == "imported", r
    ctx.events.articles_changed.emit()
    return r.article_id


def test_highlight_after_emoji_stores_python_offsets(qtbot, ctx, window, open_article):
    aid = _emoji_article(ctx)
    open_article(window, aid)
    body = window.reader.article.body
    word = "스타트업"
    start = body.index(word)
    assert any(ord(c) > 0xFFFF for c in body[:start]), "emoji must precede the word"
    # keyboard selection: caret to the word's UTF-16 position, then Shift+Right over it
    cur = QTextCursor(window.reader.browser.document())
    cur.setPosition(window.reader.layout_map.to_doc(start))
    window.reader.browser.setTextCursor(cur)
    window.reader.browser.setFocus()
    for _ in range(len(word)):
        qtbot.keyClick(window.reader.browser, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert window.reader.browser.textCursor().selectedText() == word
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_7)
    [h] = ctx.library.highlights.for_article(aid)
    assert (h.start, h.end) == (start, start + len(word))
    assert body[h.start:h.end] == h.quote == word


def test_alt_digit_keeps_the_exact_selection(qtbot, ctx, window, open_article, select_body):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    start = body.index("반도체")
    select_body(window.reader, start, start + 2)  # "반도" only
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    [h] = ctx.library.highlights.for_article(aid)
    assert h.quote == "반도"


def test_shift_digit_without_worker_falls_back_to_word_snapping(qtbot, ctx, window, open_article, select_body):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    start = body.index("반도체")
    select_body(window.reader, start + 1, start + 2)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Exclam, Qt.KeyboardModifier.ShiftModifier)
    [h] = ctx.library.highlights.for_article(aid)
    assert "반도체" in h.quote and " " not in h.quote


def test_overlapping_highlights_are_both_painted_and_blend(qtbot, ctx, window, open_article):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    start = body.index("반도체")
    t1, t2 = (next(t for t in ctx.library.codebook.tree() if t.shortcut == k) for k in "12")
    a = ctx.library.highlights.create(aid, start, start + 10, [t1.id])
    b = ctx.library.highlights.create(aid, start + 4, start + 16, [t2.id], note="겹치는 메모")
    ctx.events.highlights_changed.emit(aid)
    qtbot.waitUntil(lambda: len(window.reader.browser.paint_items) == 2)
    items = window.reader.browser.paint_items
    assert {it.background.name().upper() for it in items} == {t1.color.upper(), t2.color.upper()}
    assert all(it.background.alpha() < 255 for it in items)  # translucent: the overlap blends
    # the overlap is painted darker than either highlight alone
    layout = window.reader.layout_map
    image = window.reader.browser.viewport().grab().toImage()
    rect_of = lambda off: window.reader.browser.cursorRect(_cursor_at(window.reader, layout.to_doc(off)))  # noqa: E731
    alone, both = rect_of(start + 1), rect_of(start + 6)
    lum = lambda r: image.pixelColor(r.center().x(), r.top() + 2).lightness()  # noqa: E731
    assert lum(both) < lum(alone)
    tip = window.reader.tooltip_at(window.reader.layout_map.to_doc(start + 6))
    assert t1.path in tip and t2.path in tip and "겹치는 메모" in tip
    assert window.reader.painter.at(start + 6)[0].id in (a.id, b.id)


def test_creating_a_highlight_repaints_only_its_selections(qtbot, ctx, window, open_article, select_body):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    first = body.index("반도체")
    ctx.library.highlights.create(aid, first, first + 3, [])
    ctx.events.highlights_changed.emit(aid)
    qtbot.waitUntil(lambda: len(window.reader.painter.highlights) == 1)
    doc = window.reader.browser.document()
    revision = doc.revision()
    before = window.reader.painter._items[next(iter(window.reader.painter.highlights))]
    second = body.index("반도체", first + 3)
    select_body(window.reader, second, second + 3)
    calls = []
    window.reader.refresh_highlights = lambda: calls.append(1)  # a full re-read would land here
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_4)
    QApplication.processEvents()  # deferred refreshes, if any were scheduled, run now
    assert calls == [], "the reader paints its own new highlight without re-reading all of them"
    assert doc.revision() == revision  # the document was not rebuilt
    assert len(window.reader.painter.highlights) == 2
    assert window.reader.painter._items[next(iter(window.reader.painter.highlights))] is before


def test_font_size_shortcuts_change_and_persist(qtbot, ctx, window, ui_settings, open_article):
    open_article(window, window.model.article_id(0))
    size = window.reader.font_size
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.font_size == size + 1
    assert window.reader.browser.document().defaultFont().pointSize() == size + 1
    assert ui_settings.font_size == size + 1
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert ui_settings.font_size == size - 1


def test_find_in_article_marks_every_match(qtbot, ctx, window, open_article, type_text):
    open_article(window, window.model.article_id(0))
    body = window.reader.article.body
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.find_bar.isVisible()
    type_text(window.reader.find_bar.edit, "반도체")
    qtbot.keyClick(window.reader.find_bar.edit, Qt.Key.Key_Return)
    assert len(window.reader.find_bar.spans) == body.count("반도체") > 1
    assert window.reader.browser.textCursor().selectedText() == "반도체"
    qtbot.keyClick(window.reader.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.reader.find_bar.isVisible()
    assert window.reader.browser.extraSelections() == []


def test_reader_never_loads_remote_resources(window):
    b = window.reader.browser
    assert b.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl("https://example.com/x.png")) is None
    assert not b.openLinks() and not b.openExternalLinks()
    b.setSource(QUrl("https://example.com/"))
    assert b.source().isEmpty()


def test_shift_digit_snaps_to_morphemes_through_the_worker(qtbot, ctx, fake_worker, window, open_article, select_body):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    start = body.index("반도체를")
    select_body(window.reader, start + 1, start + 4)  # "도체를": the particle goes, the noun stays whole
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Exclam, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(ctx.library.highlights.for_article(aid)) == 1)
    [h] = ctx.library.highlights.for_article(aid)
    assert (h.start, h.end, h.quote) == (start, start + 3, "반도체")
    assert "snap_morpheme" in fake_worker.ops


def test_find_is_lemma_aware_with_the_worker(qtbot, ctx, fake_worker, window, open_article, type_text):
    open_article(window, window.model.article_id(0))
    body = window.reader.article.body
    assert "손잡다" not in body and "손잡고" in body
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_text(window.reader.find_bar.edit, "손잡다")
    qtbot.keyClick(window.reader.find_bar.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.reader.find_bar.spans))
    s, e = window.reader.find_bar.spans[0]
    assert body[s:e].startswith("손잡")
