"""The Codebook dock: every action goes through the undo stack and the library, both ways."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from app.ui.codebook_dock import CodebookDock
from app.ui.codebook_model import COUNT, MIME, NAME
from app.ui.context import AppContext


@pytest.fixture
def ctx(qtbot, library):  # type: ignore[no-untyped-def]
    return AppContext(library)


@pytest.fixture
def dock(qtbot, ctx):  # type: ignore[no-untyped-def]
    d = CodebookDock(ctx)
    qtbot.addWidget(d)
    d.show()
    return d


def paths(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.path for t in ctx.library.codebook.tree()]


def shown(dock) -> list[str]:  # type: ignore[no-untyped-def]
    """Tag paths as the tree shows them, depth-first."""
    out: list[str] = []
    m = dock.model

    def walk(parent: QModelIndex, prefix: str) -> None:
        for r in range(m.rowCount(parent)):
            i = m.index(r, NAME, parent)
            path = f"{prefix}/{i.data()}" if prefix else i.data()
            out.append(path)
            walk(i, path)

    walk(QModelIndex(), "")
    return out


def type_korean(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type Hangul the way an input method delivers it (QTest.keyClicks handles ASCII only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def settle(qtbot, dock) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: shown(dock) == paths(dock.ctx))


def undo_redo(qtbot, dock, before: list[str], after: list[str]) -> None:  # type: ignore[no-untyped-def]
    stack = dock.ctx.undo_stack
    stack.undo()
    assert paths(dock.ctx) == before
    settle(qtbot, dock)
    stack.redo()
    assert paths(dock.ctx) == after
    settle(qtbot, dock)


def test_tree_shows_the_codebook_with_colours_keys_and_counts(dock, ctx) -> None:
    assert shown(dock) == paths(ctx)
    chip = ctx.library.codebook.find("산업정책/반도체·AI 반도체")
    index = dock.model.index_of(chip.id)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert dock.model.index_of(chip.id, 1).data() == "1"
    assert dock.model.index_of(chip.id, COUNT).data() == "0"
    assert dock.tree.isExpanded(dock.model.index_of(chip.parent_id))


def test_add_tag_and_sub_tag_then_undo_redo(qtbot, dock, ctx) -> None:
    before = paths(ctx)
    root = ctx.library.codebook.find("스타트업 생태계")
    dock.tree.setCurrentIndex(dock.model.index_of(root.id))
    dock.add_child_action.trigger()  # opens the new tag for renaming
    qtbot.waitUntil(lambda: dock.tree.findChild(QLineEdit) is not None and dock.tree.findChild(QLineEdit).isVisible())
    editor = dock.tree.findChild(QLineEdit)
    editor.selectAll()
    type_korean(editor, "글로벌 확장")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "스타트업 생태계/글로벌 확장" in shown(dock))
    assert ctx.undo_stack.count() == 2  # create, rename
    after = paths(ctx)
    ctx.undo_stack.undo()  # the rename
    assert "스타트업 생태계/New tag" in paths(ctx)
    ctx.undo_stack.undo()  # the creation
    assert paths(ctx) == before
    settle(qtbot, dock)
    ctx.undo_stack.redo()
    ctx.undo_stack.redo()
    assert paths(ctx) == after
    settle(qtbot, dock)


def test_rename_with_f2(qtbot, dock, ctx) -> None:
    tag = ctx.library.codebook.find("산업정책/규제·제도")
    before = paths(ctx)
    dock.tree.setFocus()
    dock.tree.setCurrentIndex(dock.model.index_of(tag.id))
    qtbot.keyClick(dock.tree, Qt.Key.Key_F2)
    editor = dock.tree.findChild(QLineEdit)
    assert editor is not None and editor.text() == "규제·제도"
    editor.selectAll()
    type_korean(editor, "규제 개혁")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "산업정책/규제 개혁" in shown(dock))
    assert ctx.library.codebook.get(tag.id).name == "규제 개혁"
    undo_redo(qtbot, dock, before, paths(ctx))


def test_recolour(qtbot, dock, ctx) -> None:
    tag = ctx.library.codebook.find("산업정책")
    dock.recolour_tag(tag.id, "#00ff00")
    assert ctx.library.codebook.get(tag.id).color == "#00FF00"
    ctx.undo_stack.undo()
    assert ctx.library.codebook.get(tag.id).color == tag.color
    ctx.undo_stack.redo()
    assert ctx.library.codebook.get(tag.id).color == "#00FF00"


def test_move_by_drop_reparents_and_reorders(qtbot, dock, ctx) -> None:
    before = paths(ctx)
    tag = ctx.library.codebook.find("산업정책/인재·R&D")
    new_parent = ctx.library.codebook.find("스타트업 생태계")
    mime = dock.model.mimeData([dock.model.index_of(tag.id)])
    assert mime.hasFormat(MIME)
    # dropping a tag inside itself is refused
    assert not dock.model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, dock.model.index_of(tag.id))
    parent_index = dock.model.index_of(new_parent.id)
    assert dock.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, parent_index)
    dock.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, parent_index)  # first child of 스타트업 생태계
    qtbot.waitUntil(lambda: ctx.library.codebook.get(tag.id).parent_id == new_parent.id)
    children = [t.name for t in ctx.library.codebook.tree() if t.parent_id == new_parent.id]
    assert children[0] == "인재·R&D"
    settle(qtbot, dock)
    undo_redo(qtbot, dock, before, paths(ctx))

    # re-order among siblings: the first child of 산업정책 goes to the end
    ctx.undo_stack.undo()
    settle(qtbot, dock)
    first = [t for t in ctx.library.codebook.tree() if t.parent_id == tag.parent_id][0]
    n = dock.model.rowCount(dock.model.index_of(tag.parent_id))
    dock.model.dropMimeData(dock.model.mimeData([dock.model.index_of(first.id)]), Qt.DropAction.MoveAction, n, 0,
                            dock.model.index_of(tag.parent_id))
    qtbot.waitUntil(lambda: [t.id for t in ctx.library.codebook.tree() if t.parent_id == tag.parent_id][-1] == first.id)
    settle(qtbot, dock)
    ctx.undo_stack.undo()
    assert paths(ctx) == before


def _highlight(ctx, tag_ids):  # type: ignore[no-untyped-def]
    res = ctx.library.articles.import_clipboard(
        "정부가 AI 반도체 지원 방안을 발표했다.\n중소벤처기업부는 팹리스 스타트업 육성에 예산을 늘리기로 했다.\n업계는 환영했다고 밝혔다.")
    body = ctx.library.articles.get(res.article_id).body
    out = []
    for word in ("반도체", "팹리스"):
        s = body.index(word)
        out.append(ctx.library.highlights.create(res.article_id, s, s + len(word), tag_ids))
    return out


def test_merge_retags_highlights_and_undoes_exactly(qtbot, dock, ctx) -> None:
    source = ctx.library.codebook.find("산업정책/통상·공급망")
    target = ctx.library.codebook.find("산업정책/규제·제도")
    hs = _highlight(ctx, [source.id])
    dock.refresh()
    before = paths(ctx)
    messages: list[str] = []
    ctx.events.status_message.connect(messages.append)
    dock.merge_tag(source.id, target.id)
    assert source.path not in paths(ctx)
    assert all(ctx.library.highlights.get(h.id).tag_ids == (target.id,) for h in hs)
    assert any("2 highlights" in m for m in messages)
    qtbot.waitUntil(lambda: dock.model.index_of(target.id, COUNT).data() == "2")
    ctx.undo_stack.undo()
    assert paths(ctx) == before
    assert all(ctx.library.highlights.get(h.id).tag_ids == (source.id,) for h in hs)
    settle(qtbot, dock)
    ctx.undo_stack.redo()
    assert all(ctx.library.highlights.get(h.id).tag_ids == (target.id,) for h in hs)


def test_delete_asks_with_counts_then_undo_restores_links(qtbot, dock, ctx, monkeypatch) -> None:
    root = ctx.library.codebook.find("산업정책")
    child = ctx.library.codebook.find("산업정책/반도체·AI 반도체")
    hs = _highlight(ctx, [child.id])
    asked: list[str] = []

    def question(parent, title, text, *args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    before = paths(ctx)
    assert dock.delete_tag(root.id)
    assert "5 sub-tags" in asked[0] and "2 highlights" in asked[0]
    assert not any(p.startswith("산업정책") for p in paths(ctx))
    assert all(ctx.library.highlights.get(h.id).tag_ids == () for h in hs)  # highlights stay
    settle(qtbot, dock)
    undo_redo(qtbot, dock, before, paths(ctx))
    ctx.undo_stack.undo()
    assert all(ctx.library.highlights.get(h.id).tag_ids == (child.id,) for h in hs)


def test_delete_cancelled_changes_nothing(dock, ctx, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Cancel)
    before = paths(ctx)
    assert not dock.delete_tag(ctx.library.codebook.find("산업정책").id)
    assert paths(ctx) == before and ctx.undo_stack.count() == 0


def test_double_click_on_count_requests_a_tag_filter(qtbot, dock, ctx) -> None:
    tag = ctx.library.codebook.find("스타트업 생태계")
    index = dock.model.index_of(tag.id, COUNT)
    rect = dock.tree.visualRect(index)
    with qtbot.waitSignal(dock.tag_filter_requested) as blocker:  # a real double click: press, release, double
        qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [tag.id]


def test_apply_suggestions_is_one_undo_step(qtbot, dock, ctx) -> None:
    tag = ctx.library.codebook.find("산업정책/반도체·AI 반도체")
    res = ctx.library.articles.import_clipboard("정부가 AI 반도체 지원 방안을 발표했다.\n업계는 팹리스 육성을 환영했다.\n")
    body = ctx.library.articles.get(res.article_id).body
    lines = [ln for ln in body.split("\n") if ln]
    chosen = [{"article_id": res.article_id, "start": body.index(ln), "end": body.index(ln) + len(ln)} for ln in lines]
    dock.apply_suggestions(tag, chosen)
    assert len(ctx.library.highlights.for_article(res.article_id)) == len(lines)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert ctx.library.highlights.for_article(res.article_id) == []
    ctx.undo_stack.redo()
    assert [h.quote for h in ctx.library.highlights.for_article(res.article_id)] == lines
    qtbot.waitUntil(lambda: dock.model.index_of(tag.id, COUNT).data() == str(len(lines)))


def test_empty_mime_is_refused(dock) -> None:
    assert not dock.model.canDropMimeData(QMimeData(), Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_code_all_matches_previews_worker_suggestions_before_applying(qtbot, ctx, seed_paths) -> None:
    from app.ui.worker_client import WorkerClient

    assert [r.status for r in ctx.library.articles.import_paths(seed_paths)] == ["imported", "imported"]
    worker = WorkerClient(ctx)
    dock = CodebookDock(ctx, worker=worker)
    qtbot.addWidget(dock)
    dock.show()
    tag = ctx.library.codebook.find("산업정책/반도체·AI 반도체")
    try:
        dock.code_all_matches(tag.id)
        qtbot.waitUntil(lambda: getattr(dock, "preview", None) is not None and dock.preview.isVisible(), timeout=120_000)
    finally:
        worker.stop()
    preview = dock.preview
    assert ctx.library.highlights.for_article(1) == []  # nothing applied before the analyst decides
    items = [preview.tree.topLevelItem(i) for i in range(preview.tree.topLevelItemCount())]
    visible = [it for it in items if not it.isHidden()]
    assert len(visible) >= 2 and {it.data(0, Qt.ItemDataRole.UserRole)["article_id"] for it in items} == {1, 2}
    visible[0].setCheckState(0, Qt.CheckState.Unchecked)
    chosen = preview.chosen()
    assert len(chosen) == len(visible) - 1
    preview.accept()
    coded = [h for aid in (1, 2) for h in ctx.library.highlights.for_article(aid)]
    assert sorted((h.article_id, h.start, h.end) for h in coded) == sorted((s["article_id"], s["start"], s["end"]) for s in chosen)
    assert all(h.tag_ids == (tag.id,) for h in coded)
    assert ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    assert [h for aid in (1, 2) for h in ctx.library.highlights.for_article(aid)] == []
