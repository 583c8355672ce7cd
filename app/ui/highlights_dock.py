"""The "Highlights" dock: the current article's highlights in text order.

Rules:
- Each row: the quote (elided; full text in the tooltip), its tags as coloured chips with a
  remove button, and an inline note (Enter or leaving the field saves it, Esc reverts).
  Orphaned highlights (their passage vanished after re-cleaning) carry a warning icon and show
  their stored quote.
- Click (or Enter) on a row emits ``highlight_activated`` so the reader jumps there; Delete
  deletes the selected highlights (one undo step). Every change is an undo command.
- Rows are refreshed in place when the same highlights come back (a note being typed and not yet
  saved is never overwritten), rebuilt otherwise; refreshes are coalesced to one per event-loop turn.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import HighlightInfo, TagInfo
from app.ui.commands import DeleteHighlight, SetHighlightNote, SetHighlightTag
from app.ui.context import AppContext
from app.ui.highlight_row import HighlightRow

HID_ROLE = Qt.ItemDataRole.UserRole + 1


class HighlightsDock(QDockWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Highlights"), parent)
        self.setObjectName("HighlightsDock")
        self.ctx = ctx
        self.article_id: int | None = ctx.current_article_id
        self.highlights: list[HighlightInfo] = []
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.viewport().installEventFilter(self)
        self.list.itemClicked.connect(self._activate)
        self.list.itemActivated.connect(self._activate)
        self.list.installEventFilter(self)
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
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        self.setWidget(box)
        self._timer = QTimer(self, singleShot=True, interval=0, timeout=self.refresh)
        ctx.events.article_selected.connect(self.show_article)
        ctx.events.highlights_changed.connect(self._changed)
        ctx.events.codebook_changed.connect(self._timer.start)
        ctx.events.articles_changed.connect(self._articles_changed)
        ctx.events.highlight_activated.connect(self._select_from_reader)
        self.refresh()

    # ---- events ---------------------------------------------------------------------------------
    def show_article(self, article_id: int) -> None:
        self.article_id = article_id
        self.refresh()

    def _articles_changed(self) -> None:
        """Articles were imported/deleted or the library was replaced: follow the reader's article."""
        self.article_id = self.ctx.current_article_id
        self._timer.start()

    def _changed(self, article_id: int) -> None:
        if article_id in (0, self.article_id):
            self._timer.start()

    def _select_from_reader(self, article_id: int, highlight_id: int) -> None:
        if article_id != self.article_id:
            return
        item = self.item(highlight_id)
        if item is not None and self.list.currentItem() is not item:
            self.list.setCurrentItem(item)
            self.list.scrollToItem(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_rows()
            return False
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):  # type: ignore[attr-defined]
                self.delete_selected()
                return True
        return False

    # ---- content --------------------------------------------------------------------------------
    def refresh(self) -> None:
        aid = self.article_id
        try:
            self.highlights = self.ctx.library.highlights.for_article(aid) if aid is not None else []
        except Exception:  # noqa: BLE001 - the article may have just been deleted
            self.highlights = []
        tags = {t.id: t for t in self.ctx.library.codebook.tree()}
        rows = [self.row(i) for i in range(self.list.count())]
        if [r.hid for r in rows if r] == [h.id for h in self.highlights]:
            for r, h in zip(rows, self.highlights):
                r.update_from(h, tags)  # type: ignore[union-attr]
        else:
            selected = {self.list.item(i).data(HID_ROLE) for i in range(self.list.count()) if self.list.item(i).isSelected()}
            self.list.clear()
            for h in self.highlights:
                self._add_row(h, tags, h.id in selected)
        self._fit_rows()
        n, orphans = len(self.highlights), sum(h.orphaned for h in self.highlights)
        text = self.tr("%d highlights") % n
        if orphans:
            text += " · " + self.tr("%d orphaned") % orphans
        self.header.setText(text if aid is not None else self.tr("No article selected"))
        self.empty.setText(self._hint if aid is not None else self.tr("Choose an article to see its highlights."))
        self.list.setVisible(n > 0)
        self.empty.setVisible(n == 0)

    def _add_row(self, h: HighlightInfo, tags: dict[int, TagInfo], selected: bool) -> None:
        row = HighlightRow(h, tags)
        row.note_committed.connect(self.set_note)
        row.tag_removed.connect(self.remove_tag)
        item = QListWidgetItem()
        item.setData(HID_ROLE, h.id)
        self.list.addItem(item)
        self.list.setItemWidget(item, row)
        item.setSelected(selected)

    def _fit_rows(self) -> None:
        """Rows take the list's width; their height follows (chips wrap)."""
        width = self.list.viewport().width()
        for i in range(self.list.count()):
            row = self.row(i)
            if row is not None:
                row.layout().activate()
                height = row.heightForWidth(width) if row.hasHeightForWidth() else row.sizeHint().height()
                self.list.item(i).setSizeHint(QSize(width, max(height, row.minimumSizeHint().height())))

    def item(self, highlight_id: int) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            if self.list.item(i).data(HID_ROLE) == highlight_id:
                return self.list.item(i)
        return None

    def row(self, position: int) -> HighlightRow | None:
        """The row widget at list position ``position``."""
        item = self.list.item(position) if 0 <= position < self.list.count() else None
        w = self.list.itemWidget(item) if item is not None else None
        return w if isinstance(w, HighlightRow) else None

    def row_for(self, highlight_id: int) -> HighlightRow | None:
        item = self.item(highlight_id)
        w = self.list.itemWidget(item) if item is not None else None
        return w if isinstance(w, HighlightRow) else None

    # ---- actions --------------------------------------------------------------------------------
    def _activate(self, item: QListWidgetItem) -> None:
        if self.article_id is not None:
            self.ctx.events.highlight_activated.emit(self.article_id, int(item.data(HID_ROLE)))

    def set_note(self, highlight_id: int, old: str, new: str) -> None:
        self.ctx.undo_stack.push(SetHighlightNote(self.ctx, highlight_id, old or None, new or None))

    def remove_tag(self, highlight_id: int, tag_id: int) -> None:
        self.ctx.undo_stack.push(SetHighlightTag(self.ctx, highlight_id, tag_id, add=False))

    def delete_selected(self) -> None:
        ids = [int(it.data(HID_ROLE)) for it in self.list.selectedItems()]
        if not ids:
            return
        stack = self.ctx.undo_stack
        if len(ids) > 1:
            stack.beginMacro(self.tr("Delete %d highlights") % len(ids))
        for hid in ids:
            stack.push(DeleteHighlight(self.ctx, hid))
        if len(ids) > 1:
            stack.endMacro()
