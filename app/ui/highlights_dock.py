"""The "Highlights" dock: the current article's highlights in text order (model/view).

Rules:
- One :class:`HighlightsModel` row per highlight, painted by :class:`HighlightsDelegate`; no
  widget per row, so an article with thousands of highlights opens at once.
- Click (or Enter) on a row emits ``highlight_activated`` so the reader jumps there; F2 or a
  double-click edits the note inline (Enter or leaving saves, Esc reverts); the “×” on a chip or
  the context menu removes a tag; Delete deletes the selected highlights (one undo step). Every
  change is an undo command.
- Refreshes follow ``article_selected`` (at once) and ``highlights_changed`` for this article,
  ``codebook_changed`` (tag names/colours, cached) and ``articles_changed``, coalesced to one per
  event-loop turn. Selection survives a refresh; a note being typed is never overwritten.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QLabel, QListView, QMenu, QStyleOptionViewItem, QVBoxLayout, QWidget

from app.services.dto import HighlightInfo
from app.ui.commands import DeleteHighlight, SetHighlightNote, SetHighlightTag
from app.ui.context import AppContext
from app.ui.highlights_delegate import HighlightsDelegate
from app.ui.highlights_model import HID_ROLE, HighlightsModel

__all__ = ["HID_ROLE", "HighlightsDock"]


class HighlightsDock(QDockWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Highlights"), parent)
        self.setObjectName("HighlightsDock")
        self.ctx = ctx
        self.article_id: int | None = ctx.current_article_id
        self.model = HighlightsModel(self)
        self.model.note_edit_requested.connect(self.set_note)
        self.delegate = HighlightsDelegate(self)
        self.delegate.tag_remove_requested.connect(self.remove_tag)
        self.view = v = QListView()
        v.setModel(self.model)
        v.setItemDelegate(self.delegate)
        v.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        v.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        v.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        v.setResizeMode(QListView.ResizeMode.Adjust)  # row heights follow the width (chips wrap)
        v.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        v.setMouseTracking(True)
        v.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        v.customContextMenuRequested.connect(self._context_menu)
        v.clicked.connect(self._clicked)
        v.activated.connect(self._activate)
        v.installEventFilter(self)
        self.header = QLabel()
        self.header.setContentsMargins(6, 4, 6, 4)
        self._hint = self.tr("No highlights yet. Select text in the article and press a tag's key "
                             "(or Ctrl+T) to highlight it.")
        self.empty = QLabel(self._hint)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.empty.setContentsMargins(8, 8, 8, 8)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(v, 1)
        layout.addWidget(self.empty, 1)
        self.setWidget(box)
        self._tags_stale = True
        self._timer = QTimer(self, singleShot=True, interval=0, timeout=lambda: self.refresh(cached=True))
        ctx.events.article_selected.connect(self.show_article)
        ctx.events.highlights_changed.connect(self._changed)
        ctx.events.codebook_changed.connect(self._codebook_changed)
        ctx.events.articles_changed.connect(self._articles_changed)
        ctx.events.highlight_activated.connect(self._select_from_reader)
        self.refresh()

    # ---- events ---------------------------------------------------------------------------------
    def show_article(self, article_id: int) -> None:
        self.article_id = article_id
        self.refresh(cached=True)

    def _articles_changed(self) -> None:
        """Articles were imported/deleted or the library was replaced: follow the reader's article."""
        self.article_id = self.ctx.current_article_id
        self._timer.start()

    def _codebook_changed(self) -> None:
        self._tags_stale = True
        self._timer.start()

    def _changed(self, article_id: int) -> None:
        if article_id in (0, self.article_id):
            self._timer.start()

    def _select_from_reader(self, article_id: int, highlight_id: int) -> None:
        if article_id != self.article_id:
            return
        row = self.model.row_of(highlight_id)
        if row is not None and self.view.currentIndex().row() != row:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.view and event.type() == QEvent.Type.KeyPress \
                and self.view.state() != QAbstractItemView.State.EditingState:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # type: ignore[attr-defined]
                self.delete_selected()
                return True
        return False

    # ---- content --------------------------------------------------------------------------------
    def refresh(self, cached: bool = False) -> None:
        """Re-read this article's highlights (``cached``: the read shared with the reader may serve)."""
        self._timer.stop()
        if not cached:
            self.ctx.forget_highlights()
        aid = self.article_id
        try:
            highlights = self.ctx.highlights_for(aid) if aid is not None else []
        except Exception:  # noqa: BLE001 - the article may have just been deleted
            highlights = []
        if self._tags_stale:
            self.model.set_tags({t.id: t for t in self.ctx.library.codebook.tree()})
            self._tags_stale = False
        selected, current = self.selected_ids(), self.view.currentIndex().data(HID_ROLE)
        self.model.set_highlights(highlights)
        self._restore_selection(selected, current)
        n, orphans = len(highlights), sum(h.orphaned for h in highlights)
        text = self.tr("%d highlights") % n
        if orphans:
            text += " · " + self.tr("%d orphaned") % orphans
        self.header.setText(text if aid is not None else self.tr("No article selected"))
        self.empty.setText(self._hint if aid is not None else self.tr("Choose an article to see its highlights."))
        self.view.setVisible(n > 0)
        self.empty.setVisible(n == 0)

    def _restore_selection(self, selected: list[int], current: int | None) -> None:
        sm = self.view.selectionModel()
        rows = {h.id: i for i, h in enumerate(self.model.highlights)}
        if current in rows and self.view.currentIndex().row() != rows[current]:
            sm.setCurrentIndex(self.model.index(rows[current]), QItemSelectionModel.SelectionFlag.NoUpdate)
        wanted = [rows[h] for h in selected if h in rows]
        if sorted(wanted) == sorted(i.row() for i in sm.selectedRows()):
            return
        selection = QItemSelection()
        for r in wanted:
            selection.select(self.model.index(r), self.model.index(r))
        sm.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @property
    def highlights(self) -> list[HighlightInfo]:
        return self.model.highlights

    def index_for(self, highlight_id: int) -> QModelIndex:
        row = self.model.row_of(highlight_id)
        return self.model.index(row) if row is not None else QModelIndex()

    def remove_button_rects(self, highlight_id: int) -> dict[int, QRect]:
        """Where each tag chip's “×” is painted, by tag id, in viewport coordinates."""
        index = self.index_for(highlight_id)
        if not index.isValid():
            return {}
        opt = QStyleOptionViewItem()
        self.view.initViewItemOption(opt)
        opt.rect = self.view.visualRect(index)
        return self.delegate.remove_button_rects(opt, index)

    def selected_ids(self) -> list[int]:
        return [int(i.data(HID_ROLE)) for i in sorted(self.view.selectionModel().selectedRows(), key=QModelIndex.row)]

    # ---- actions --------------------------------------------------------------------------------
    def _clicked(self, index: QModelIndex) -> None:
        if not self.delegate.take_consumed_click():
            self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        if self.article_id is not None and index.isValid():
            self.ctx.events.highlight_activated.emit(self.article_id, int(index.data(HID_ROLE)))

    def edit_note(self, highlight_id: int) -> None:
        index = self.index_for(highlight_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.edit(index)

    def set_note(self, highlight_id: int, old: str, new: str) -> None:
        self.ctx.undo_stack.push(SetHighlightNote(self.ctx, highlight_id, old or None, new or None))

    def remove_tag(self, highlight_id: int, tag_id: int) -> None:
        self.ctx.undo_stack.push(SetHighlightTag(self.ctx, highlight_id, tag_id, add=False))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        stack = self.ctx.undo_stack
        if len(ids) > 1:
            stack.beginMacro(self.tr("Delete %d highlights") % len(ids))
        for hid in ids:
            stack.push(DeleteHighlight(self.ctx, hid))
        if len(ids) > 1:
            stack.endMacro()

    def context_menu(self, index: QModelIndex) -> QMenu:
        """The row's menu: jump, edit note, remove one of its tags, delete."""
        menu = QMenu(self)
        h = self.model.info(index.row())
        menu.addAction(self.tr("Go to highlight"), lambda: self._activate(index))
        menu.addAction(self.tr("Edit note…"), lambda: self.edit_note(h.id))
        tags = self.model.tags_of(h)
        if tags:
            sub = menu.addMenu(self.tr("Remove tag"))
            for t in tags:
                act = sub.addAction(t.path)
                act.setData(t.id)
                act.triggered.connect(lambda _=False, tid=t.id: self.remove_tag(h.id, tid))
        menu.addSeparator()
        n = len(self.selected_ids()) if self.view.selectionModel().isSelected(index) else 1
        menu.addAction(self.tr("Delete highlight") if n == 1 else self.tr("Delete %d highlights") % n, self.delete_selected)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        if not self.view.selectionModel().isSelected(index):
            self.view.setCurrentIndex(index)
        self.context_menu(index).exec(self.view.viewport().mapToGlobal(pos))
