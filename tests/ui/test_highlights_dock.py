"""The Highlights dock: the current article's highlights, edited in place through undo commands."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFrame, QLineEdit, QWidget

from app.ui.context import AppContext
from app.ui.highlights_dock import HighlightsDock
from app.ui.highlights_model import HID_ROLE, ORPHANED_ROLE, TAGS_ROLE


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


def ids(dock) -> list[int]:  # type: ignore[no-untyped-def]
    m = dock.model
    return [m.index(i).data(HID_ROLE) for i in range(m.rowCount())]


def shown(dock, hid: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    return dock.index_for(hid).data(role)


def open_note_editor(qtbot, dock, hid: int) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Select the row and press F2, like the analyst."""
    dock.view.setFocus()
    dock.view.setCurrentIndex(dock.index_for(hid))
    qtbot.keyClick(dock.view, Qt.Key.Key_F2)
    editor = dock.view.findChild(QLineEdit, "note_editor")
    assert editor is not None and editor.isVisible()
    return editor


def test_lists_highlights_in_text_order_with_tags_and_notes(dock, coded) -> None:
    highlights, chip, invest = coded
    assert ids(dock) == [h.id for h in highlights]
    first = highlights[0]
    assert shown(dock, first.id) == first.quote
    assert first.quote in shown(dock, first.id, Qt.ItemDataRole.ToolTipRole)
    assert [t.id for t in shown(dock, first.id, TAGS_ROLE)] == list(first.tag_ids)
    assert set(dock.remove_button_rects(first.id)) == set(first.tag_ids)
    assert [shown(dock, h.id, Qt.ItemDataRole.EditRole) for h in highlights] == [h.note or "" for h in highlights]
    assert dock.header.text() == "3 highlights"


def test_edit_note_inline_then_undo(qtbot, dock, ctx, coded) -> None:
    h = coded[0][1]
    editor = open_note_editor(qtbot, dock, h.id)
    assert editor.text() == (h.note or "")
    editor.selectAll()
    event = QInputMethodEvent("", [])
    event.setCommitString("정책 배경 설명")
    QApplication.sendEvent(editor, event)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: ctx.library.highlights.get(h.id).note == "정책 배경 설명")
    assert ctx.undo_stack.count() == 1
    qtbot.waitUntil(lambda: shown(dock, h.id, Qt.ItemDataRole.EditRole) == "정책 배경 설명")
    ctx.undo_stack.undo()
    assert ctx.library.highlights.get(h.id).note == h.note
    qtbot.waitUntil(lambda: shown(dock, h.id, Qt.ItemDataRole.EditRole) == (h.note or ""))
    ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: shown(dock, h.id, Qt.ItemDataRole.EditRole) == "정책 배경 설명")


def test_double_click_opens_the_note_editor(qtbot, dock, coded) -> None:
    h = coded[0][2]
    rect = dock.view.visualRect(dock.index_for(h.id))
    qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # QTest's double-click
    qtbot.mouseDClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # sends no press of its own
    qtbot.waitUntil(lambda: dock.view.findChild(QLineEdit, "note_editor") is not None)


def test_escape_reverts_an_unsaved_note(qtbot, dock, ctx, coded) -> None:
    h = coded[0][0]
    editor = open_note_editor(qtbot, dock, h.id)
    qtbot.keyClicks(editor, "draft")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dock.view.state() != QAbstractItemView.State.EditingState)
    assert shown(dock, h.id, Qt.ItemDataRole.EditRole) == (h.note or "")
    assert ctx.library.highlights.get(h.id).note == h.note
    assert ctx.undo_stack.count() == 0


def test_a_note_being_typed_survives_a_refresh(qtbot, dock, ctx, coded) -> None:
    highlights = coded[0]
    editor = open_note_editor(qtbot, dock, highlights[0].id)
    qtbot.keyClicks(editor, "draft")
    ctx.library.highlights.set_note(highlights[2].id, "다른 메모")  # another change to this article
    dock.refresh()
    assert shown(dock, highlights[2].id, Qt.ItemDataRole.EditRole) == "다른 메모"
    assert editor.isVisible() and editor.text().endswith("draft")


def test_remove_a_tag_with_its_chip_then_undo(qtbot, dock, ctx, coded) -> None:
    highlights, chip, invest = coded
    h = next(x for x in highlights if len(x.tag_ids) == 2)
    with qtbot.assertNotEmitted(ctx.events.highlight_activated):
        qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=dock.remove_button_rects(h.id)[invest.id].center())
    assert ctx.library.highlights.get(h.id).tag_ids == (chip.id,)
    qtbot.waitUntil(lambda: set(dock.remove_button_rects(h.id)) == {chip.id})
    ctx.undo_stack.undo()
    assert set(ctx.library.highlights.get(h.id).tag_ids) == {chip.id, invest.id}
    qtbot.waitUntil(lambda: set(dock.remove_button_rects(h.id)) == {chip.id, invest.id})


def test_remove_a_tag_from_the_context_menu(qtbot, dock, ctx, coded) -> None:
    highlights, chip, invest = coded
    h = next(x for x in highlights if len(x.tag_ids) == 2)
    menu = dock.context_menu(dock.index_for(h.id))
    [remove] = [a for a in menu.actions() if a.menu() is not None]
    by_tag = {a.data(): a for a in remove.menu().actions()}
    assert set(by_tag) == {chip.id, invest.id}
    assert by_tag[chip.id].text() == chip.path
    by_tag[chip.id].trigger()
    assert ctx.library.highlights.get(h.id).tag_ids == (invest.id,)
    qtbot.waitUntil(lambda: [t.id for t in shown(dock, h.id, TAGS_ROLE)] == [invest.id])


def test_delete_key_deletes_the_selected_highlight(qtbot, dock, ctx, coded) -> None:
    highlights = coded[0]
    dock.view.setFocus()
    dock.view.setCurrentIndex(dock.model.index(1))
    qtbot.keyClick(dock.view, Qt.Key.Key_Delete)
    assert [h.id for h in ctx.library.highlights.for_article(1)] == [highlights[0].id, highlights[2].id]
    qtbot.waitUntil(lambda: ids(dock) == [highlights[0].id, highlights[2].id])
    ctx.undo_stack.undo()
    restored = ctx.library.highlights.get(highlights[1].id)
    assert (restored.start, restored.end, restored.tag_ids, restored.note) == (
        highlights[1].start, highlights[1].end, highlights[1].tag_ids, highlights[1].note)
    qtbot.waitUntil(lambda: ids(dock) == [h.id for h in highlights])


def test_delete_several_is_one_undo_step(qtbot, dock, ctx, coded) -> None:
    highlights = coded[0]
    dock.view.setFocus()
    dock.view.selectAll()
    qtbot.keyClick(dock.view, Qt.Key.Key_Delete)
    assert ctx.library.highlights.for_article(1) == []
    qtbot.waitUntil(lambda: dock.model.rowCount() == 0 and dock.empty.isVisibleTo(dock))
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: ids(dock) == [h.id for h in highlights])


def test_click_asks_the_reader_to_jump(qtbot, dock, coded) -> None:
    h = coded[0][2]
    rect = dock.view.visualRect(dock.index_for(h.id))
    with qtbot.waitSignal(dock.ctx.events.highlight_activated) as blocker:
        qtbot.mouseClick(dock.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + QPoint(20, 8))
    assert blocker.args == [1, h.id]


def test_reader_activation_selects_the_row(qtbot, dock, ctx, coded) -> None:
    h = coded[0][2]
    ctx.events.highlight_activated.emit(1, h.id)
    assert dock.view.currentIndex().data(HID_ROLE) == h.id


def test_orphaned_highlight_shows_a_warning_and_its_quote(qtbot, dock, ctx, coded) -> None:
    h = coded[0][0]
    body = ctx.library.articles.get(1).body
    line = next(ln for ln in body.split("\n") if h.start >= body.index(ln) and h.end <= body.index(ln) + len(ln))
    ctx.library.articles.set_override(1, line, "remove")  # the analyst removes the line holding the passage
    assert ctx.library.highlights.get(h.id).orphaned
    ctx.events.highlights_changed.emit(1)
    qtbot.waitUntil(lambda: shown(dock, h.id, ORPHANED_ROLE) is True)
    assert shown(dock, h.id) == h.quote
    assert "Orphaned" in shown(dock, h.id, Qt.ItemDataRole.ToolTipRole)
    orphans = sum(x.orphaned for x in ctx.library.highlights.for_article(1))
    assert orphans >= 1 and f"{orphans} orphaned" in dock.header.text()


def test_other_articles_and_no_article(qtbot, dock, ctx) -> None:
    ctx.events.article_selected.emit(2)
    assert dock.model.rowCount() == 0 and dock.empty.isVisibleTo(dock)
    ctx.events.article_selected.emit(1)
    assert dock.model.rowCount() == 3 and not dock.empty.isVisibleTo(dock)


def test_changes_to_another_article_do_not_refresh(qtbot, dock, ctx, coded) -> None:
    with qtbot.assertNotEmitted(dock.model.modelReset), qtbot.assertNotEmitted(dock.model.dataChanged):
        ctx.events.highlights_changed.emit(2)
        qtbot.wait(20)


def test_follows_the_library_when_it_is_replaced(qtbot, dock, ctx, tmp_path) -> None:
    from app.bootstrap import open_library

    ctx.replace_library(open_library(tmp_path / "other.sqlite", samples=False))
    qtbot.waitUntil(lambda: dock.model.rowCount() == 0)
    assert dock.article_id is None and dock.header.text() == "No article selected"


def test_a_thousand_highlights_load_without_row_widgets(qtbot, ctx) -> None:
    lib = ctx.library
    rng = random.Random(7)  # varied sentences: the cleaner drops repeated lines as boilerplate
    subjects = ["정부는", "산업통상자원부는", "중소벤처기업부는", "업계는", "전문가들은", "투자사들은", "기업들은"]
    objects = ["반도체 산업 지원을", "반도체 인재 양성을", "반도체 공급망 안정을", "반도체 설계 역량을"]
    verbs = ["강조했다", "발표했다", "요구했다", "검토하고 있다", "추진하기로 했다", "약속했다"]
    paragraphs = [" ".join(f"{rng.choice(subjects)} {2000 + p}년 {i + 1}분기 {rng.choice(objects)} 위해 "
                           f"{rng.randint(1, 900)}억원 규모의 계획을 {rng.choice(verbs)}." for i in range(5))
                  for p in range(220)]
    result = lib.articles.import_clipboard("반도체 지원책 합성 기사\n\n" + "\n\n".join(paragraphs))
    aid = result.article_id
    body = lib.articles.get(aid).body
    tag = lib.codebook.find("산업정책/반도체·AI 반도체")
    starts = [i for i in range(len(body)) if body.startswith("반도체", i)]
    assert len(starts) >= 1000
    for s in starts[:1000]:
        lib.highlights.create(aid, s, s + 3, [tag.id], note="메모" if s % 2 else None)
    d = HighlightsDock(ctx)
    qtbot.addWidget(d)
    d.resize(360, 600)
    d.show()
    qtbot.waitExposed(d)
    frames_before = len(d.findChildren(QFrame))
    ctx.current_article_id = aid
    ctx.events.article_selected.emit(aid)
    assert d.model.rowCount() == 1000
    assert d.header.text() == "1000 highlights"
    qtbot.wait(10)  # let the view lay out and paint
    assert len(d.findChildren(QWidget)) < 40 and len(d.findChildren(QFrame)) == frames_before
    last = d.model.index(999)
    d.view.scrollTo(last)
    assert d.view.visualRect(last).intersects(d.view.viewport().rect())
