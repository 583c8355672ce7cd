"""Tag palette (Ctrl+T): type to filter the codebook's tag paths, Up/Down to move, Enter to apply.

Rules: every whitespace-separated word typed must occur in the tag's path (case-insensitive, in
any order); tags whose name starts with the first word come first, then codebook order; Enter
applies the current tag (``tag_chosen``) and closes; Esc closes without applying.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPixmap, QIcon
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services.dto import TagInfo


def filter_tags(tags: list[TagInfo], query: str) -> list[TagInfo]:
    """Tags matching every word of ``query`` (see module rules), best first."""
    words = query.casefold().split()
    if not words:
        return list(tags)
    hits = [t for t in tags if all(w in t.path.casefold() for w in words)]
    return sorted(hits, key=lambda t: not t.name.casefold().startswith(words[0]))


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


class TagPalette(QFrame):
    tag_chosen = Signal(int)

    def __init__(self, tags: list[TagInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tags = tags
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type to find a tag…"))
        self.list = QListWidget(self)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.hint = QLabel(self.tr("↑↓ choose · Enter apply · Esc close"), self)
        self.hint.setEnabled(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(6, 6, 6, 6)
        box.setSpacing(4)
        box.addWidget(self.edit)
        box.addWidget(self.list)
        box.addWidget(self.hint)
        self.resize(420, 360)
        self.edit.textChanged.connect(self._refilter)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self.apply())
        self.list.itemClicked.connect(lambda _item: self.apply())
        self._refilter("")

    def popup(self, at: QPoint) -> None:
        """Show at a global position (kept on screen) with the search box focused."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            at = QPoint(min(at.x(), screen.right() - self.width()), min(at.y(), screen.bottom() - self.height()))
        self.move(at)
        self.show()
        self.activateWindow()
        self.edit.setFocus()

    def _refilter(self, text: str) -> None:
        self.list.clear()
        for t in filter_tags(self.tags, text):
            label = t.path.replace("/", " ▸ ")
            if t.shortcut:
                label += f"   [{t.shortcut}]"
            item = QListWidgetItem(_swatch(t.color), label)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if t.description:
                item.setToolTip(t.description)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_tag_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def apply(self) -> None:
        tag_id = self.current_tag_id()
        self.close()
        if tag_id is not None:
            self.tag_chosen.emit(tag_id)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}[Qt.Key(key)]
                if self.list.count():
                    row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                    self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.apply()
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(obj, event)
