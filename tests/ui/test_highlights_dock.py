"""The Highlights dock: the current article's highlights, edited in place through undo commands."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.ui.context import AppContext
from app.ui.highlights_dock import HighlightsDock


@pytest.fixture
def ctx(qtbot, seeded_library):  # type: ignore[no-untyped-def]
    return AppContext(seeded_library)


@pytest.fixture
def coded(ctx):  # type: ignore[no-untyped-def]
    """Article 1 with three highlights, created out of text order."""
    lib = ctx.library
    body = lib.articles.get(1).body
    chip = lib.codebook.find("산업정책/반도체·AI 반도체")
    invest = lib.codebook.find("스타트업 생태계/투자·M&A")
    words = ["퓨리오사", "반도체", "LG"]
    spans = sorted((body.index(w), body.index(w) + len(w)) for w in words)
    made = [lib.highlights.create(1, *spans[2], [chip.id]),
            lib.highlights.create(1, *spans[0], [chip.id, invest.id], note="첫 메모"),
            lib.highlights.create(1, *spans[1], [invest.id])]
    return sorted(made, key=lambda h: h.start), chip, invest


@pytest.fixture
def dock(qtbot, ctx, coded):  # type: ignore[no-untyped-def]
    d = HighlightsDock(ctx)
    qtbot.addWidget(d)
    d.resize(360, 500)
    d.show()
    qtbot.waitExposed(d)
    ctx.current_article_id = 1
    ctx.events.article_selected.emit(1)
    return d


def rows(dock) -> list:  # type: ignore[no-untyped-def]
    return [dock.row(i) for i in range(dock.list.count())]


def test_lists_highlights_in_text_order_with_tags_and_notes(dock, coded) -> None:
    highlights, chip, invest = coded
    assert [r.hid for r in rows(dock)] == [h.id for h in highlights]
    first = rows(dock)[0]
    assert first.quote.text() == f"“{highlights[0].quote}”"
    assert set(first.chip_buttons()) == set(highlights[0].tag_ids)
    assert [r.note.text() for r in rows(dock)] == [h.note or "" for h in highlights]
    assert dock.header.text() == "3 highlights"


def test_edit_note_inline_then_undo(qtbot, dock, ctx, coded) -> None:
    h = coded[0][1]
    row = dock.row_for(h.id)
    row.note.setFocus()
    row.note.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString("정책 배경 설명")
    QApplication.sendEvent(row.note, event)
    qtbot.keyClick(row.note, Qt.Key.Key_Return)
    assert ctx.library.highlights.get(h.id).note == "정책 배경 설명"
    ctx.undo_stack.undo()
    assert ctx.library.highlights.get(h.id).note == h.note
    qtbot.waitUntil(lambda: dock.row_for(h.id).note.text() == (h.note or ""))
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: dock.row_for(h.id).note.text() == "정책 배경 설명")


def test_escape_reverts_an_unsaved_note(qtbot, dock, ctx, coded) -> None:
    h = coded[0][0]
    row = dock.row_for(h.id)
    row.note.setFocus()
    qtbot.keyClicks(row.note, "draft")
    qtbot.keyClick(row.note, Qt.Key.Key_Escape)
    assert row.note.text() == (h.note or "")
    assert ctx.undo_stack.count() == 0


def test_remove_a_tag_with_its_chip_then_undo(qtbot, dock, ctx, coded) -> None:
    highlights, chip, invest = coded
    h = next(x for x in highlights if len(x.tag_ids) == 2)
    qtbot.mouseClick(dock.row_for(h.id).chip_buttons()[invest.id], Qt.MouseButton.LeftButton)
    assert ctx.library.highlights.get(h.id).tag_ids == (chip.id,)
    qtbot.waitUntil(lambda: set(dock.row_for(h.id).chip_buttons()) == {chip.id})
    ctx.undo_stack.undo()
    assert set(ctx.library.highlights.get(h.id).tag_ids) == {chip.id, invest.id}
    qtbot.waitUntil(lambda: set(dock.row_for(h.id).chip_buttons()) == {chip.id, invest.id})


def test_delete_key_deletes_the_selected_highlight(qtbot, dock, ctx, coded) -> None:
    highlights = coded[0]
    dock.list.setFocus()
    dock.list.setCurrentRow(1)
    qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert [h.id for h in ctx.library.highlights.for_article(1)] == [highlights[0].id, highlights[2].id]
    qtbot.waitUntil(lambda: [r.hid for r in rows(dock)] == [highlights[0].id, highlights[2].id])
    ctx.undo_stack.undo()
    restored = ctx.library.highlights.get(highlights[1].id)
    assert (restored.start, restored.end, restored.tag_ids, restored.note) == (
        highlights[1].start, highlights[1].end, highlights[1].tag_ids, highlights[1].note)
    qtbot.waitUntil(lambda: [r.hid for r in rows(dock)] == [h.id for h in highlights])


def test_click_asks_the_reader_to_jump(qtbot, dock, coded) -> None:
    h = coded[0][2]
    row = dock.row_for(h.id)
    with qtbot.waitSignal(dock.ctx.events.highlight_activated) as blocker:
        qtbot.mouseClick(row.quote, Qt.MouseButton.LeftButton)
    assert blocker.args == [1, h.id]


def test_orphaned_highlight_shows_a_warning_and_its_quote(qtbot, dock, ctx, coded) -> None:
    h = coded[0][0]
    body = ctx.library.articles.get(1).body
    line = next(ln for ln in body.split("\n") if h.start >= body.index(ln) and h.end <= body.index(ln) + len(ln))
    ctx.library.articles.set_override(1, line, "remove")  # the analyst removes the line holding the passage
    assert ctx.library.highlights.get(h.id).orphaned
    ctx.events.highlights_changed.emit(1)
    qtbot.waitUntil(lambda: dock.row_for(h.id) is not None and dock.row_for(h.id).warning.isVisibleTo(dock))
    assert dock.row_for(h.id).quote.text() == f"“{h.quote}”"
    orphans = sum(x.orphaned for x in ctx.library.highlights.for_article(1))
    assert orphans >= 1 and f"{orphans} orphaned" in dock.header.text()


def test_other_articles_and_no_article(qtbot, dock, ctx) -> None:
    ctx.events.article_selected.emit(2)
    assert dock.list.count() == 0 and dock.empty.isVisibleTo(dock)
    ctx.events.article_selected.emit(1)
    assert dock.list.count() == 3 and not dock.empty.isVisibleTo(dock)


def test_follows_the_library_when_it_is_replaced(qtbot, dock, ctx, tmp_path) -> None:
    from app.bootstrap import open_library

    ctx.replace_library(open_library(tmp_path / "other.sqlite", samples=False))
    qtbot.waitUntil(lambda: dock.list.count() == 0)
    assert dock.article_id is None and dock.header.text() == "No article selected"
