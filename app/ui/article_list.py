"""The article list: a table model over article ids whose rows are fetched lazily, page by page.

Rules:
- The model holds the ids in display order (``ArticleService.ids``); row data is fetched with
  ``ArticleService.rows`` for one page of ``PAGE`` ids the first time a row of that page is shown,
  and at most ``MAX_PAGES`` pages stay cached (least recently used are dropped).
- Sorting re-queries the ids (the database sorts); when a ranked id list is given (search results),
  the order is the ranking until the user sorts by a column.
- ``refresh_article(id)`` drops the page holding that article so its counts are re-read.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.services.dto import ArticleFilter, ArticleRow

PAGE = 200
MAX_PAGES = 40

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("outlet", "Outlet"),
    ("published_at", "Date"),
    ("highlights", "Highlights"),
)

IdsFn = Callable[[ArticleFilter, str, bool], list[int]]
RowsFn = Callable[[list[int]], list[ArticleRow]]

_Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Rows of the article list, fetched a page at a time."""

    def __init__(self, ids_fn: IdsFn, rows_fn: RowsFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids_fn, self._rows_fn = ids_fn, rows_fn
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[ArticleRow | None]] = OrderedDict()
        self._filter = ArticleFilter()
        self._sort, self._descending = "published_at", True
        self._ranking: list[int] | None = None
        self._headers = {key: label for key, label in COLUMNS}

    # ---- queries -----------------------------------------------------------------------------
    def set_services(self, ids_fn: IdsFn, rows_fn: RowsFn) -> None:
        """Use another library (File ▸ Open library) and reload."""
        self._ids_fn, self._rows_fn = ids_fn, rows_fn
        self.reload()

    def set_header_labels(self, labels: dict[str, str]) -> None:
        self._headers.update(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def set_filter(self, f: ArticleFilter, ranking: Sequence[int] | None = None) -> None:
        """Show the articles matching ``f``; ``ranking`` (best first) orders them until a column sort."""
        self._filter = f
        self._ranking = list(ranking) if ranking is not None else None
        self.reload()

    @property
    def article_filter(self) -> ArticleFilter:
        return self._filter

    @property
    def sort_key(self) -> str | None:
        """The column the rows are sorted by; None while a search ranking orders them."""
        return None if self._ranking is not None else self._sort

    def reload(self) -> None:
        ids = self._ids_fn(self._filter, self._sort, self._descending)
        if self._ranking is not None:
            allowed = set(ids)
            ids = [i for i in dict.fromkeys(self._ranking) if i in allowed]
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._ranking = None
        self.reload()

    # ---- lookups -----------------------------------------------------------------------------
    def article_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {aid: r for r, aid in enumerate(self._ids)}
        return self._row_of.get(article_id)

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_data(self, row: int) -> ArticleRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE]

    def _load_page(self, page_no: int) -> list[ArticleRow | None]:
        chunk = self._ids[page_no * PAGE : (page_no + 1) * PAGE]
        by_id = {r.id: r for r in self._rows_fn(chunk)}
        page: list[ArticleRow | None] = [by_id.get(i) for i in chunk]
        self._pages[page_no] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def refresh_article(self, article_id: int) -> None:
        """Re-read one article's row (its highlight count or title changed)."""
        row = self.row_of(article_id)
        if row is None:
            return
        self._pages.pop(row // PAGE, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # ---- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[COLUMNS[section][0]]
            if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section][0] == "highlights":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.article_id(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole):
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if key == "highlights":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {"title": row.title, "outlet": row.source, "published_at": (row.published_at or "").replace("T", " ")}
            return tips.get(key) or None
        if key == "title":
            return row.title or ""
        if key == "outlet":
            return row.outlet or ""
        if key == "published_at":
            return (row.published_at or "")[:10]
        return row.highlights or ""
