"""List model of one article's highlights (text order) for the Highlights dock.

Rules:
- Holds plain ``HighlightInfo`` values plus a tag cache (id -> ``TagInfo``); it never calls a
  service. A different list of highlight ids is a model reset; the same ids coming back (a note
  or tag edited) only emit ``dataChanged`` for the changed rows (plus ``layoutChanged`` when a
  row's height may change: tags, quote, orphan state), so selection, scroll position and an open
  note editor survive.
- Display = the quote on one line (whitespace collapsed); ToolTip = the full quote (plus the
  orphan explanation); Edit = the note. Editing the note does not write anything: it emits
  ``note_edit_requested(highlight_id, old, new)`` when the stripped text differs, and the dock
  turns that into an undo command.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.dto import HighlightInfo, TagInfo

Index = QModelIndex | QPersistentModelIndex

HID_ROLE = Qt.ItemDataRole.UserRole + 1  # int: highlight id
INFO_ROLE = Qt.ItemDataRole.UserRole + 2  # HighlightInfo
TAGS_ROLE = Qt.ItemDataRole.UserRole + 3  # list[TagInfo]: the highlight's known tags, in order
ORPHANED_ROLE = Qt.ItemDataRole.UserRole + 4  # bool


def one_line(text: str) -> str:
    """Whitespace (newlines included) collapsed to single spaces."""
    return " ".join(text.split())


class HighlightsModel(QAbstractListModel):
    note_edit_requested = Signal(int, str, str)  # highlight id, old note, new note

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[HighlightInfo] = []
        self._quotes: list[str] = []
        self._tags: dict[int, TagInfo] = {}
        self.tags_version = 0  # bumped when the tag cache changes (row heights depend on tag names)
        self.orphan_tip = self.tr("Orphaned: this passage is no longer in the article text "
                                  "(the text was re-cleaned). The stored quote is shown.")

    # ---- content ---------------------------------------------------------------------------------
    def set_highlights(self, highlights: list[HighlightInfo]) -> None:
        if [h.id for h in highlights] == [h.id for h in self._rows]:
            changed = [i for i, (a, b) in enumerate(zip(self._rows, highlights)) if a != b]
            if not changed:
                return
            reshaped = any((self._rows[i].tag_ids, self._rows[i].orphaned, self._rows[i].quote)
                           != (highlights[i].tag_ids, highlights[i].orphaned, highlights[i].quote) for i in changed)
            if reshaped:  # row heights may change: the view lays out again (keeps selection, editor)
                self.layoutAboutToBeChanged.emit()
            self._rows = list(highlights)
            self._quotes = [one_line(h.quote) for h in highlights]
            if reshaped:
                self.layoutChanged.emit()
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
            return
        self.beginResetModel()
        self._rows = list(highlights)
        self._quotes = [one_line(h.quote) for h in highlights]
        self.endResetModel()

    def set_tags(self, tags: dict[int, TagInfo]) -> None:
        """Replace the tag cache (names, colours); rows are laid out and painted again."""
        if tags == self._tags:
            return
        self.layoutAboutToBeChanged.emit()
        self._tags = dict(tags)
        self.tags_version += 1
        self.layoutChanged.emit()

    @property
    def highlights(self) -> list[HighlightInfo]:
        return list(self._rows)

    def info(self, row: int) -> HighlightInfo:
        return self._rows[row]

    def quote(self, row: int) -> str:
        """The quote on one line."""
        return self._quotes[row]

    def tags_of(self, h: HighlightInfo) -> list[TagInfo]:
        return [self._tags[t] for t in h.tag_ids if t in self._tags]

    def row_of(self, highlight_id: int) -> int | None:
        for i, h in enumerate(self._rows):
            if h.id == highlight_id:
                return i
        return None

    # ---- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._quotes[index.row()]
        if role == Qt.ItemDataRole.EditRole:
            return h.note or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.orphan_tip}\n\n{h.quote}" if h.orphaned else h.quote
        if role == HID_ROLE:
            return h.id
        if role == INFO_ROLE:
            return h
        if role == TAGS_ROLE:
            return self.tags_of(h)
        if role == ORPHANED_ROLE:
            return h.orphaned
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        h = self._rows[index.row()]
        old, new = h.note or "", str(value or "").strip()
        if new != old:
            self.note_edit_requested.emit(h.id, old, new)
        return True
