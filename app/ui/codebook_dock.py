"""The "Codebook" dock: the tag tree and every codebook action, each one an undo command.

Rules:
- The tree is rebuilt from ``codebook.tree()`` after ``codebook_changed``/``highlights_changed``
  (coalesced to one rebuild per event-loop turn), keeping expanded branches and the selection.
- Rename in place (F2 / double-click on the name); double-click on the key or count column,
  or "Show articles with this tag", emits ``tag_filter_requested(tag_id)``.
- Delete and merge say what they touch (sub-tags, highlights) before doing it; nothing is
  applied silently: "Code all matches…" previews the worker's suggestions first and applies the
  checked ones as one undo step.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDockWidget,
    QHeaderView,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import TagInfo
from app.ui.codebook_model import COUNT, KEY, NAME, CodebookModel
from app.ui.commands import CreateHighlight, CreateTag, DeleteTag, MergeTag, MoveTag, UpdateTag
from app.ui.context import AppContext
from app.ui.tag_dialogs import MergeTagDialog, SuggestionDialog, TagEditDialog
from app.ui.worker_client import WorkerClient, shared_worker

PALETTE = ["#E53935", "#FB8C00", "#FDD835", "#43A047", "#00ACC1", "#1E88E5", "#5E35B1", "#D81B60", "#6D4C41", "#546E7A"]


class CodebookDock(QDockWidget):
    tag_filter_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, worker: WorkerClient | None = None) -> None:
        super().__init__(self.tr("Codebook"), parent)
        self.setObjectName("CodebookDock")
        self.ctx = ctx
        self._worker = worker
        self.model = CodebookModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.model.rename_requested.connect(self.rename_tag)
        self.model.move_requested.connect(lambda tid, pid, pos: QTimer.singleShot(0, lambda: self.move_tag(tid, pid, pos)))
        self._make_actions()
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.tree)
        self.setWidget(box)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        self._pending_edit: int | None = None
        ctx.events.codebook_changed.connect(self._refresh_timer.start)
        ctx.events.highlights_changed.connect(lambda *_: self._refresh_timer.start())
        self.refresh()

    # ---- actions --------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut: QKeySequence | None = None, tip: str = "") -> QAction:  # type: ignore[no-untyped-def]
        a = QAction(text, self)
        a.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            a.setShortcut(shortcut)
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.tree.addAction(a)
        if tip:
            a.setToolTip(tip)
        return a

    def _make_actions(self) -> None:
        sel = self.selected_id
        self.add_action = self._action(self.tr("Add tag"), lambda: self.add_tag(None), QKeySequence(Qt.Key.Key_Insert),
                                       self.tr("Add a top-level tag"))
        self.add_child_action = self._action(self.tr("Add sub-tag"), lambda: self.add_tag(sel()), None,
                                             self.tr("Add a tag under the selected one"))
        self.edit_action = self._action(self.tr("Edit…"), lambda: self.edit_tag(sel()))
        self.recolour_action = self._action(self.tr("Colour…"), lambda: self.recolour_tag(sel()))
        self.merge_action = self._action(self.tr("Merge into…"), lambda: self.merge_tag(sel()))
        self.delete_action = self._action(self.tr("Delete…"), lambda: self.delete_tag(sel()), QKeySequence(Qt.Key.Key_Delete))
        self.filter_action = self._action(self.tr("Show articles with this tag"), lambda: self._filter(sel()))
        self.code_all_action = self._action(self.tr("Code all matches…"), lambda: self.code_all_matches(sel()),
                                            tip=self.tr("Suggest passages in all articles from the tag's rules"))
        self.code_here_action = self._action(self.tr("Code matches in this article…"),
                                             lambda: self.code_all_matches(sel(), self.ctx.current_article_id))
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for a in (self.add_action, self.add_child_action, self.edit_action, self.delete_action, self.code_all_action):
            self.toolbar.addAction(a)
        self._update_actions()

    def _update_actions(self) -> None:
        t = self.selected_tag()
        for a in (self.add_child_action, self.edit_action, self.recolour_action, self.merge_action,
                  self.delete_action, self.filter_action):
            a.setEnabled(t is not None)
        rules = t is not None and bool((t.rules or "").strip())
        self.code_all_action.setEnabled(rules)
        self.code_here_action.setEnabled(rules and self.ctx.current_article_id is not None)

    def _menu(self, pos: QPoint) -> None:
        self._update_actions()
        menu = QMenu(self)
        for a in (self.add_action, self.add_child_action, None, self.edit_action, self.recolour_action,
                  self.merge_action, self.delete_action, None, self.filter_action, self.code_here_action,
                  self.code_all_action):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu.popup(self.tree.viewport().mapToGlobal(pos))

    def _double_clicked(self, index: QModelIndex) -> None:
        tag = self.model.tag(index)
        if tag is not None and index.column() in (KEY, COUNT):
            self._filter(tag.id)

    def _filter(self, tag_id: int | None) -> None:
        if tag_id is not None:
            self.tag_filter_requested.emit(tag_id)

    # ---- view state -----------------------------------------------------------------------------
    def selected_tag(self) -> TagInfo | None:
        return self.model.tag(self.tree.currentIndex()) if self.tree.selectionModel().hasSelection() else None

    def selected_id(self) -> int | None:
        t = self.selected_tag()
        return t.id if t else None

    def select(self, tag_id: int) -> None:
        index = self.model.index_of(tag_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def refresh(self) -> None:
        """Rebuild from the library, keeping expansion and selection."""
        expanded = {t.id for t in self.model.tags() if self.tree.isExpanded(self.model.index_of(t.id))}
        first = not self.model.tags()
        current = self.selected_id()
        self.model.set_tags(self.ctx.library.codebook.tree())
        for t in self.model.tags():
            if first or t.id in expanded:
                self.tree.expand(self.model.index_of(t.id))
        target = self._pending_edit or current
        if target is not None:
            self.select(target)
        if self._pending_edit is not None and self.model.index_of(self._pending_edit).isValid():
            self.tree.edit(self.model.index_of(self._pending_edit))
        self._pending_edit = None
        self._update_actions()

    # ---- commands -------------------------------------------------------------------------------
    def add_tag(self, parent_id: int | None, name: str | None = None, color: str | None = None) -> int | None:
        """Create a tag (named "New tag" and opened for renaming when no name is given)."""
        siblings = [t for t in self.ctx.library.codebook.tree() if t.parent_id == parent_id]
        rename = name is None
        if name is None:
            base, n, taken = self.tr("New tag"), 1, {t.name for t in siblings}
            name = base
            while name in taken:
                n += 1
                name = f"{base} {n}"
        if color is None:
            used = {t.color.upper() for t in siblings}
            color = next((c for c in PALETTE if c not in used), PALETTE[len(siblings) % len(PALETTE)])
        cmd = CreateTag(self.ctx, name, parent_id, color)
        self.ctx.undo_stack.push(cmd)
        if cmd.info is None:
            return None
        if parent_id is not None:
            self.tree.expand(self.model.index_of(parent_id))
        self._pending_edit = cmd.info.id if rename and self.isVisible() else None
        if self._pending_edit is None:
            self._select_later(cmd.info.id)
        return cmd.info.id

    def _select_later(self, tag_id: int) -> None:
        QTimer.singleShot(0, lambda: self.select(tag_id))

    def rename_tag(self, tag_id: int, name: str) -> None:
        self.update_tag(tag_id, name=name)

    def update_tag(self, tag_id: int, **changes: Any) -> None:
        tag = self._tag(tag_id)
        if tag is not None and changes:
            self.ctx.undo_stack.push(UpdateTag(self.ctx, tag, **changes))

    def recolour_tag(self, tag_id: int | None, color: str | None = None) -> None:
        tag = self._tag(tag_id)
        if tag is None:
            return
        if color is None:
            c = QColorDialog.getColor(QColor(tag.color), self, self.tr("Colour of “%s”") % tag.name)
            if not c.isValid():
                return
            color = c.name()
        if color.upper() != tag.color.upper():
            self.update_tag(tag.id, color=color)

    def edit_tag(self, tag_id: int | None) -> None:
        tag = self._tag(tag_id)
        if tag is None:
            return
        dlg = TagEditDialog(tag, self)
        if dlg.exec() == TagEditDialog.DialogCode.Accepted:
            self.update_tag(tag.id, **dlg.changes())

    def move_tag(self, tag_id: int, parent_id: int | None, position: int | None) -> None:
        tag = self._tag(tag_id)
        if tag is not None:
            self.ctx.undo_stack.push(MoveTag(self.ctx, tag, parent_id, position))
            self._select_later(tag_id)

    def merge_tag(self, source_id: int | None, target_id: int | None = None) -> None:
        """Merge into ``target_id`` (asked for when None); reports how many highlights it re-tagged."""
        source = self._tag(source_id)
        if source is None:
            return
        if target_id is None:
            subtree = self.model.subtree(source.id)
            candidates = [t for t in self.ctx.library.codebook.tree() if t.id not in subtree]
            dlg = MergeTagDialog(source, candidates, self.ctx.library.codebook.usage(source.id), self)
            if dlg.exec() != MergeTagDialog.DialogCode.Accepted or dlg.target_id() is None:
                return
            target_id = dlg.target_id()
        cmd = MergeTag(self.ctx, source.id, target_id)  # type: ignore[arg-type]
        self.ctx.undo_stack.push(cmd)
        if cmd.merge is not None:
            target = self._tag(target_id)
            self.ctx.events.status_message.emit(self.tr("Merged “%s” into “%s”: %d highlights re-tagged")
                                                % (source.name, target.path if target else "", cmd.merge.highlights))

    def delete_tag(self, tag_id: int | None) -> bool:
        """Ask (saying what it touches), then delete the tag and its sub-tags."""
        tag = self._tag(tag_id)
        if tag is None:
            return False
        tags, highlights = self.ctx.library.codebook.usage(tag.id)
        text = self.tr("Delete the tag “%s”?") % tag.path
        details = []
        if tags > 1:
            details.append(self.tr("Its %d sub-tags are deleted too.") % (tags - 1))
        if highlights:
            details.append(self.tr("%d highlights lose this tag (the highlights themselves stay).") % highlights)
        details.append(self.tr("You can undo this with Ctrl+Z."))
        answer = QMessageBox.question(self, self.tr("Delete tag"), text + "\n\n" + "\n".join(details),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.ctx.undo_stack.push(DeleteTag(self.ctx, tag.id))
        return True

    def _tag(self, tag_id: int | None) -> TagInfo | None:
        if tag_id is None:
            return None
        return next((t for t in self.ctx.library.codebook.tree() if t.id == tag_id), None)

    # ---- rule suggestions -----------------------------------------------------------------------
    def code_all_matches(self, tag_id: int | None, article_id: int | None = None) -> int | None:
        """Ask the worker for rule matches (one article or all), then preview them."""
        tag = self._tag(tag_id)
        if tag is None or not (tag.rules or "").strip():
            return None
        worker = self._worker or shared_worker(self.ctx)
        payload: dict[str, Any] = {"tag_id": tag.id, "min_hits": 1}
        if article_id is not None:
            payload["article_id"] = article_id
        busy = QProgressDialog(self.tr("Looking for “%s” passages…") % tag.name, self.tr("Cancel"), 0, 0, self)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(300)

        def done(ok: bool, value: Any) -> None:
            busy.close()
            busy.deleteLater()
            if not ok:
                self.ctx.events.status_message.emit(self.tr("Suggestions failed: %s") % value)
                return
            if not value:
                self.ctx.events.status_message.emit(self.tr("No new passages match the rules of “%s”") % tag.name)
                return
            self.preview = SuggestionDialog(tag, value, self)
            self.preview.accepted.connect(lambda: self.apply_suggestions(tag, self.preview.chosen()))
            self.preview.open()

        rid = worker.request("suggest", payload, done)
        busy.canceled.connect(lambda: worker.cancel(rid))
        return rid

    def apply_suggestions(self, tag: TagInfo, chosen: list[dict[str, Any]]) -> None:
        """Highlight every chosen suggestion with ``tag``: one undo step."""
        if not chosen:
            return
        stack = self.ctx.undo_stack
        stack.beginMacro(self.tr("Code %d passages with “%s”") % (len(chosen), tag.name))
        for s in chosen:
            stack.push(CreateHighlight(self.ctx, s["article_id"], s["start"], s["end"], [tag.id]))
        stack.endMacro()
        self.ctx.events.status_message.emit(self.tr("Highlighted %d passages with “%s”") % (len(chosen), tag.name))
