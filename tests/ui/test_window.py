"""The main window driven like an analyst: select, press a digit, undo, restart, filter, smoke."""
from __future__ import annotations

import html
import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.services.dto import ArticleFilter


def _word_with(body: str, needle: str) -> tuple[int, int]:
    """Span of the first whitespace-delimited word containing ``needle``, punctuation trimmed."""
    for m in re.finditer(r"\S+", body):
        if needle in m.group():
            s, e = m.start(), m.end()
            while unicodedata.category(body[s])[0] in "PS":
                s += 1
            while unicodedata.category(body[e - 1])[0] in "PS":
                e -= 1
            return s, e
    raise AssertionError(f"{needle!r} not in body")


def _tag(ctx, shortcut: str):  # type: ignore[no-untyped-def]
    return next(t for t in ctx.library.codebook.tree() if t.shortcut == shortcut)


def test_digit_highlights_snapped_word_and_it_survives_a_restart(qtbot, ctx, window, lib_path, new_window,
                                                                   open_article, select_body, painted_spans):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    ws, we = _word_with(body, "반도체")
    select_body(window.reader, ws + 1, we - 1)  # inside the word: snaps outwards
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_1)

    [h] = ctx.library.highlights.for_article(aid)
    assert (h.start, h.end) == (ws, we)
    assert h.tag_ids == (_tag(ctx, "1").id,)
    doc_span = (window.reader.layout_map.to_doc(ws), window.reader.layout_map.to_doc(we))
    assert doc_span in painted_spans(window.reader)
    assert "1 " in window.highlights_label.text()
    assert window.model.row_data(window.model.row_of(aid)).highlights == 1

    window.close()
    ctx.library.close()
    from app.bootstrap import open_library
    from app.ui.context import AppContext

    ctx2 = AppContext(open_library(lib_path, samples=False))
    try:
        w2 = new_window(ctx2)
        open_article(w2, aid)
        [again] = ctx2.library.highlights.for_article(aid)
        assert (again.start, again.end, again.quote) == (ws, we, body[ws:we])
        assert (w2.reader.layout_map.to_doc(ws), w2.reader.layout_map.to_doc(we)) in painted_spans(w2.reader)
        w2.close()
    finally:
        ctx2.library.close()


def test_undo_and_redo_shortcuts(qtbot, ctx, window, open_article, select_body, painted_spans):
    aid = window.model.article_id(0)
    open_article(window, aid)
    ws, we = _word_with(window.reader.article.body, "AI")
    select_body(window.reader, ws, we)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_2)
    [h] = ctx.library.highlights.for_article(aid)
    assert len(painted_spans(window.reader)) == 1

    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ctx.library.highlights.for_article(aid) == []
    qtbot.waitUntil(lambda: painted_spans(window.reader) == set())

    qtbot.keyClick(window.reader.browser, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [back] = ctx.library.highlights.for_article(aid)
    assert (back.id, back.start, back.end, back.tag_ids) == (h.id, h.start, h.end, h.tag_ids)
    qtbot.waitUntil(lambda: len(painted_spans(window.reader)) == 1)


def test_digit_on_an_existing_highlight_adds_a_second_tag(qtbot, ctx, window, open_article, select_body):
    aid = window.model.article_id(0)
    open_article(window, aid)
    ws, we = _word_with(window.reader.article.body, "반도체")
    select_body(window.reader, ws, we)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_1)
    select_body(window.reader, ws + 1, we)  # same word again, partly selected
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_6)
    [h] = ctx.library.highlights.for_article(aid)
    assert set(h.tag_ids) == {_tag(ctx, "1").id, _tag(ctx, "6").id}
    tip = window.reader.tooltip_at(window.reader.layout_map.to_doc(ws + 1))
    assert html.escape(_tag(ctx, "1").path) in tip and html.escape(_tag(ctx, "6").path) in tip


def test_removed_text_toggle_shows_removed_lines_and_restoring_one_changes_the_body(qtbot, ctx, fake_worker, window,
                                                                                    open_article):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    removed = [s for s in ctx.library.articles.segments(aid) if not s.kept and s.text.strip() not in body]
    assert removed, "the seed article has boilerplate the cleaner removed"
    assert all(s.text not in window.reader.browser.toPlainText() for s in removed)

    window.reader.header.removed_button.click()
    qtbot.waitUntil(lambda: all(s.text in window.reader.browser.toPlainText() for s in removed))
    assert [op for op in fake_worker.ops if op != "suggest"] == ["segments"]  # re-cleaning needs Kiwi: never in the GUI process
    shown = window.reader.browser.toPlainText()

    # restore one removed line through its context menu action
    target = max(removed, key=lambda s: len(s.text))
    doc_pos = shown.index(target.text) + 1
    menu = QMenu()
    window.reader.annotator._line_actions(menu, doc_pos)
    [restore] = [a for a in menu.actions() if a.text() == "Restore this line to the body"]
    restore.trigger()
    qtbot.waitUntil(lambda: target.text.strip() in window.reader.article.body)
    assert window.reader.article.body == ctx.library.articles.get(aid).body
    assert window.reader.show_removed_action.isChecked()


def test_filters_outlet_has_highlights_and_substring_search(qtbot, ctx, window, open_article, select_body, type_text):
    rows = [window.model.row_data(r) for r in range(window.model.rowCount())]
    assert len(rows) == 2 and rows[0].outlet != rows[1].outlet
    a, b = rows

    window.filters.outlet.setCurrentIndex(window.filters.outlet.findData(b.outlet))
    assert window.model.ids() == [b.id]
    assert window.filters.base_filter() == ArticleFilter(outlet=b.outlet)
    window.filters.outlet.setCurrentIndex(0)
    assert sorted(window.model.ids()) == sorted([a.id, b.id])

    open_article(window, a.id)
    ws, we = _word_with(window.reader.article.body, "반도체")
    select_body(window.reader, ws, we)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_1)
    window.filters.has_highlights.setChecked(True)
    assert window.model.ids() == [a.id]
    window.filters.has_highlights.setChecked(False)

    word = next(w for w in re.findall(r"\w{3,}", ctx.library.articles.get(b.id).body)
                if w not in ctx.library.articles.get(a.id).body)
    type_text(window.filters.search, word)
    qtbot.waitUntil(lambda: window.model.ids() == [b.id], timeout=2000)
    assert "1 of 2" in window.articles_label.text()
    window.filters.clear()
    assert len(window.model.ids()) == 2


def test_search_box_asks_the_korean_worker(qtbot, ctx, fake_worker, window, type_text):
    hits = [aid for aid in window.model.ids() if "손잡고" in ctx.library.articles.get(aid).body]
    assert hits and len(hits) < window.model.rowCount()
    type_text(window.filters.search, "손잡다")  # the dictionary form: no substring match anywhere
    qtbot.waitUntil(lambda: window.model.ids() == hits)
    assert "search" in fake_worker.ops


def test_orphaned_highlights_are_listed_in_a_banner(qtbot, ctx, fake_worker, window, open_article, select_body):
    aid = window.model.article_id(0)
    open_article(window, aid)
    reader = window.reader
    paragraph = max(reader.layout_map.paragraphs, key=len)
    start = reader.article.body.index(paragraph)
    select_body(reader, start, start + len(paragraph))
    qtbot.keyClick(reader.browser, Qt.Key.Key_3)
    reader.annotator.set_override(paragraph, "remove")
    qtbot.waitUntil(reader.banner.isVisible)
    [h] = ctx.library.highlights.for_article(aid)
    assert h.orphaned and paragraph not in reader.article.body
    assert h.quote[:20] in reader.banner.label.text()


def test_switching_library_shows_the_new_one_and_remembers_it(qtbot, ctx, fake_worker, window, tmp_path,
                                                              ui_settings, open_article):
    from app.ui.main_menus import switch_library

    open_article(window, window.model.article_id(0))
    other = tmp_path / "other.sqlite"
    assert switch_library(window, str(other), create=True)
    assert window.model.rowCount() == 0 and window.reader.article is None
    assert ctx.library.path == other.resolve() and "other.sqlite" in window.windowTitle()
    assert window.filters.tag.count() > 1  # a new library gets the default codebook
    assert ui_settings.recent_libraries()[0] == str(other.resolve())
    assert ui_settings.last_library == str(other.resolve())


def test_enter_in_the_list_moves_focus_to_the_reader(qtbot, window):
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.reader.browser.hasFocus()
    assert window.reader.article is not None


def test_smoke_run_prints_window_shown(lib_path, capsys):
    from app.ui.app import run_gui

    assert run_gui(str(lib_path), smoke=True) == 0
    assert "window shown" in capsys.readouterr().out


def test_korean_translation_is_loaded_for_a_korean_locale(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from app.ui.app import install_translations

    installed = install_translations(qapp, QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    try:
        assert installed, "resources/translations/bonmun_ko.qm is missing"
        assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
        assert QCoreApplication.translate("ReaderView", "Show removed text") == "제거된 텍스트 보기"
    finally:
        for t in installed:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
