"""Item model of the codebook tree: name (with colour swatch), shortcut, highlight count.

Rules:
- The model only shows ``codebook.tree()``; it never changes data itself. Editing a name emits
  ``rename_requested`` and dropping a dragged tag emits ``move_requested``: the dock turns them
  into undo commands, and the tree is rebuilt from the library when ``codebook_changed`` comes.
- A tag cannot be dropped on itself or inside its own subtree (the drop is refused).
- Drop positions: on a tag = last child of that tag; between rows = that place among the
  siblings (``position`` counts siblings without the moved tag, as ``CodebookService.move`` does).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from app.services.dto import TagInfo

MIME = "application/x-bonmun-tag-id"
TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, KEY, COUNT = range(3)
Index = QModelIndex | QPersistentModelIndex


def swatch(color: str, size: int = 14) -> QIcon:
    """A rounded colour square for a tag."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(color))
    p.setPen(QColor(color).darker(140))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pm)


class CodebookModel(QAbstractItemModel):
    rename_requested = Signal(int, str)  # tag id, new name
    move_requested = Signal(int, object, object)  # tag id, new parent id | None, position | None

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._tags: dict[int, TagInfo] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._row: dict[int, int] = {}
        self._icons: dict[str, QIcon] = {}
        self._subtree_count: dict[int, int] = {}

    # ---- content --------------------------------------------------------------------------------
    def set_tags(self, tags: list[TagInfo]) -> None:
        self.beginResetModel()
        self._tags = {t.id: t for t in tags}
        self._children = {None: []}
        for t in tags:  # tree() lists parents before children, siblings in order
            self._children.setdefault(t.parent_id, []).append(t.id)
            self._children.setdefault(t.id, [])
        self._row = {tid: i for ids in self._children.values() for i, tid in enumerate(ids)}
        self._subtree_count = {}
        for t in reversed(tags):
            self._subtree_count[t.id] = t.highlight_count + sum(self._subtree_count[c] for c in self._children[t.id])
        self.endResetModel()

    def tag(self, index: Index) -> TagInfo | None:
        return self._tags.get(index.internalId()) if index.isValid() else None

    def tags(self) -> list[TagInfo]:
        return list(self._tags.values())

    def index_of(self, tag_id: int, column: int = NAME) -> QModelIndex:
        if tag_id not in self._tags:
            return QModelIndex()
        return self.createIndex(self._row[tag_id], column, tag_id)

    def subtree(self, tag_id: int) -> set[int]:
        out, stack = set(), [tag_id]
        while stack:
            t = stack.pop()
            out.add(t)
            stack.extend(self._children.get(t, []))
        return out

    # ---- structure ------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        pid = parent.internalId() if parent.isValid() else None
        kids = self._children.get(pid, [])
        if 0 <= row < len(kids) and 0 <= column < 3:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        t = self.tag(index)
        if t is None or t.parent_id is None:
            return QModelIndex()
        return self.createIndex(self._row[t.parent_id], 0, t.parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children.get(parent.internalId() if parent.isValid() else None, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Tag"), self.tr("Key"), self.tr("Uses")][section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return [None, self.tr("Keyboard shortcut that applies the tag"),
                    self.tr("Highlights coded with this tag (double-click: list its articles)")][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        t = self.tag(index)
        if t is None:
            return None
        col = index.column()
        if role == TAG_ID_ROLE:
            return t.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return [t.name, t.shortcut or "", str(t.highlight_count)][col]
        if role == Qt.ItemDataRole.DecorationRole and col == NAME:
            if t.color not in self._icons:
                self._icons[t.color] = swatch(t.color)
            return self._icons[t.color]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != NAME:
            return int(Qt.AlignmentFlag.AlignCenter if col == KEY else Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == COUNT and t.highlight_count == 0:
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(t)
        return None

    def _tooltip(self, t: TagInfo) -> str:
        lines = [t.path]
        if t.description:
            lines.append(t.description)
        if t.rules:
            lines.append(self.tr("Rules: %s") % t.rules)
        lines.append(self.tr("%d highlights (%d with sub-tags)") % (t.highlight_count, self._subtree_count.get(t.id, 0)))
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() == NAME:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        t = self.tag(index)
        if t is None or role != Qt.ItemDataRole.EditRole or index.column() != NAME:
            return False
        name = " ".join(str(value).split())
        if name and name != t.name:
            self.rename_requested.emit(t.id, name)
        return False  # the tree shows the new name once the library has it

    # ---- drag and drop --------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        ids = [i.internalId() for i in indexes if i.isValid() and i.column() == NAME]
        if ids:
            mime.setData(MIME, QByteArray(str(ids[0]).encode()))
        return mime

    @staticmethod
    def dragged_id(data: QMimeData) -> int | None:
        if not data.hasFormat(MIME):
            return None
        try:
            return int(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return None

    def move_target(self, tag_id: int, row: int, parent: Index) -> tuple[int | None, int | None] | None:
        """(new parent id, position) for dropping ``tag_id`` at ``row`` under ``parent``; None if refused."""
        if tag_id not in self._tags:
            return None
        pid = parent.internalId() if parent.isValid() else None
        if pid is not None and pid in self.subtree(tag_id):
            return None
        if row < 0:
            return pid, None
        siblings = self._children.get(pid, [])
        if tag_id in siblings and siblings.index(tag_id) < row:
            row -= 1
        return pid, row

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        tid = self.dragged_id(data)
        return tid is not None and self.move_target(tid, row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:  # noqa: N802
        tid = self.dragged_id(data)
        target = self.move_target(tid, row, parent) if tid is not None else None
        if tid is None or target is None:
            return False
        t = self._tags[tid]
        siblings = [c for c in self._children.get(target[0], []) if c != tid]
        pos = len(siblings) if target[1] is None else target[1]
        if not (target[0] == t.parent_id and self._row[tid] == pos):  # not a no-op
            self.move_requested.emit(tid, target[0], target[1])
        return False  # nothing to remove: the tree is rebuilt from the library
