"""One row of the Highlights dock: quote, tag chips (wrapping), inline note.

Rules: the quote is one elided line (full text in the tooltip; italic with a warning icon when
orphaned); chips carry the tag colour with readable ink and a remove button; the note editor
reports a change only when its text differs from the stored note, and Esc restores it.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import HighlightInfo, TagInfo


class ElidedLabel(QLabel):
    """One line of text, elided at the right to the width it gets."""

    def paintEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setPen(self.palette().color(self.foregroundRole()))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        p.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(40, self.fontMetrics().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, self.fontMetrics().height() + 2)


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps them onto new lines (tag chips)."""

    def __init__(self, spacing: int = 4) -> None:
        super().__init__()
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, apply: bool) -> int:
        x, y, line, gap = rect.x(), rect.y(), 0, self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


class NoteEdit(QLineEdit):
    """The inline note: emits ``committed(new_text)`` when it changed; Esc restores the saved note."""

    committed = Signal(str)

    def __init__(self, note: str, parent: QWidget | None = None) -> None:
        super().__init__(note, parent)
        self.saved = note
        self.setFrame(False)
        self.setPlaceholderText(self.tr("Add a note…"))
        self.editingFinished.connect(self._commit)

    def set_saved(self, note: str) -> None:
        """Show the stored note, unless the analyst is in the middle of changing it."""
        typing = self.hasFocus() and self.text().strip() != self.saved
        self.saved = note
        if not typing:
            self.setText(note)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.setText(self.saved)
            self.clearFocus()
            return
        super().keyPressEvent(event)

    def _commit(self) -> None:
        text = self.text().strip()
        if text != self.saved:
            self.saved = text
            self.committed.emit(text)


def _chip(tag: TagInfo, on_remove) -> QFrame:  # type: ignore[no-untyped-def]
    color = QColor(tag.color)
    ink = "#000000" if color.lightnessF() > 0.6 else "#FFFFFF"
    chip = QFrame()
    chip.setObjectName("chip")
    chip.setStyleSheet(f"QFrame#chip {{ background: {color.name()}; border-radius: 8px; }}"
                       f"QLabel, QToolButton {{ color: {ink}; background: transparent; border: none; }}")
    chip.setToolTip(tag.path)
    box = QHBoxLayout(chip)
    box.setContentsMargins(7, 0, 2, 0)
    box.setSpacing(0)
    box.addWidget(QLabel(tag.name))
    remove = QToolButton()
    remove.setText("×")
    remove.setObjectName("remove_tag")
    remove.setToolTip(chip.tr("Remove this tag from the highlight"))
    remove.clicked.connect(on_remove)
    box.addWidget(remove)
    return chip


class HighlightRow(QWidget):
    """One highlight: quote, tag chips, note."""

    note_committed = Signal(int, str, str)  # highlight id, old note, new note
    tag_removed = Signal(int, int)  # highlight id, tag id

    def __init__(self, h: HighlightInfo, tags: dict[int, TagInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hid = h.id
        self.warning = QLabel()
        self.warning.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16))
        self.warning.setToolTip(self.tr("Orphaned: this passage is no longer in the article text "
                                        "(the text was re-cleaned). The stored quote is shown."))
        self.quote = ElidedLabel()
        self.quote.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.chips = FlowLayout(4)
        self.note = NoteEdit(h.note or "")
        self.note.committed.connect(lambda text: self.note_committed.emit(self.hid, self._note, text))
        top = QHBoxLayout()
        top.setSpacing(4)
        top.addWidget(self.warning)
        top.addWidget(self.quote, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addLayout(self.chips)
        layout.addWidget(self.note)
        self.update_from(h, tags)

    def update_from(self, h: HighlightInfo, tags: dict[int, TagInfo]) -> None:
        self._note = h.note or ""
        self.tag_ids = h.tag_ids
        self.warning.setVisible(h.orphaned)
        quote = " ".join(h.quote.split())
        self.quote.setText(f"“{quote}”")
        self.quote.setToolTip(h.quote)
        f = self.quote.font()
        f.setItalic(h.orphaned)
        self.quote.setFont(f)
        while self.chips.count():
            w = self.chips.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        for tid in h.tag_ids:
            if tid in tags:
                self.chips.addWidget(_chip(tags[tid], lambda _=False, t=tid: self.tag_removed.emit(self.hid, t)))
        if not h.tag_ids:
            none = QLabel(self.tr("no tag"))
            none.setEnabled(False)
            self.chips.addWidget(none)
        self.note.set_saved(self._note)

    def chip_buttons(self) -> dict[int, QToolButton]:
        """Remove buttons by tag id (for keyboard users and tests)."""
        buttons = [self.chips.itemAt(i).widget() for i in range(self.chips.count())]  # type: ignore[union-attr]
        found = [b.findChild(QToolButton, "remove_tag") for b in buttons if isinstance(b, QFrame)]
        return dict(zip([t for t in self.tag_ids], found))
