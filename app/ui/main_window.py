"""The analyst's desk: filters and article list on the left, the reader in the middle, docks around.

Rules:
- Widgets talk through ``ctx.events``; the window wires them, builds the menus and keeps the
  status bar, the window layout (restored from :class:`Settings`) and the recent libraries.
- The Korean worker starts once the window is shown (never before: the first window must not wait).
- Searching: with the worker ready, the search box runs the Korean morpheme search and the list
  shows its hits, best first; otherwise (or when the worker fails) a plain substring filter.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QSplitter, QTableView, QVBoxLayout, QWidget

from app.services.dto import ArticleFilter
from app.ui.article_filters import FilterBar
from app.ui.article_list import ArticleListModel
from app.ui.context import AppContext
from app.ui.import_runner import ImportRunner, install_drop_target
from app.ui.main_menus import build_menus
from app.ui.reader import ReaderView
from app.ui.settings import Settings
from app.ui.worker_client import shared_worker

SEARCH_LIMIT = 500
STATUS_TIMEOUT_MS = 8000


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, settings: Settings | None = None, *, start_worker: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or Settings()
        self._start_worker = start_worker
        self._search_request: int | None = None
        self.setObjectName("main_window")
        self.setWindowTitle("Bonmun")

        self.filters = FilterBar(self)
        self.model = ArticleListModel(
            lambda f, sort, desc: self.ctx.library.articles.ids(f, sort, desc),
            lambda ids: self.ctx.library.articles.rows(ids), self)
        self.model.set_header_labels({"title": self.tr("Title"), "outlet": self.tr("Outlet"),
                                      "published_at": self.tr("Date"), "highlights": self.tr("Highlights")})
        self.table = self._make_table()
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.filters)
        box.addWidget(self.table, 1)
        self.reader = ReaderView(ctx, self.settings, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 760])
        self.setCentralWidget(self.splitter)

        self.importer = ImportRunner(ctx, self)
        install_drop_target(self.reader.browser, self.importer)
        install_drop_target(self.table, self.importer)
        self.docks = self._make_docks()
        self.articles_label, self.highlights_label = QLabel(self), QLabel(self)
        self.statusBar().addPermanentWidget(self.highlights_label)
        self.statusBar().addPermanentWidget(self.articles_label)
        self.menus = build_menus(self)

        ev = ctx.events
        ev.status_message.connect(lambda text: self.statusBar().showMessage(text, STATUS_TIMEOUT_MS))
        ev.articles_changed.connect(self._on_articles_changed)
        ev.codebook_changed.connect(lambda: self.filters.set_tags(self.ctx.library.codebook.tree()))
        ev.highlights_changed.connect(self._on_highlights_changed)
        ev.article_selected.connect(self._select_row)
        ev.highlight_activated.connect(self._on_highlight_activated)
        self.filters.changed.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.table.activated.connect(lambda _index: self.reader.browser.setFocus())  # Enter: start reading
        self.reader.highlight_count_changed.connect(self._show_highlight_count)

        self._restore_layout()
        self.filters.set_tags(ctx.library.codebook.tree())
        self.filters.set_outlets(ctx.library.articles.outlets())
        self.apply_filters()
        self.update_title()

    # ---- construction -----------------------------------------------------------------------
    def _make_table(self) -> QTableView:
        t = QTableView(self)
        t.setObjectName("article_table")
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setSortingEnabled(True)
        t.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        t.setWordWrap(False)
        t.setAlternatingRowColors(True)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = t.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fm = header.fontMetrics()
        for col, sample in ((1, "아시아경제"), (2, "2024-12-31"), (3, self.model.headerData(3, Qt.Orientation.Horizontal))):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, fm.horizontalAdvance(str(sample)) + 28)
        header.setStretchLastSection(False)
        return t

    def _make_docks(self) -> list[Any]:
        from app.ui.codebook_dock import CodebookDock
        from app.ui.highlights_dock import HighlightsDock

        docks = []
        for cls, name, area in ((CodebookDock, "codebook_dock", Qt.DockWidgetArea.RightDockWidgetArea),
                                (HighlightsDock, "highlights_dock", Qt.DockWidgetArea.RightDockWidgetArea)):
            dock = cls(self.ctx, self)
            if not dock.objectName():
                dock.setObjectName(name)
            self.addDockWidget(area, dock)
            docks.append(dock)
        if len(docks) == 2:
            self.splitDockWidget(docks[0], docks[1], Qt.Orientation.Vertical)
        for dock in docks:
            dock.setMinimumWidth(240)
        self.resizeDocks(docks[:1], [320], Qt.Orientation.Horizontal)
        return docks

    def _restore_layout(self) -> None:
        geometry, state, split = self.settings.geometry(), self.settings.window_state(), self.settings.splitter_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        if state is not None:
            self.restoreState(state)
        if split is not None:
            self.splitter.restoreState(split)

    # ---- window ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._start_worker:
            self._start_worker = False
            QTimer.singleShot(300, lambda: shared_worker(self.ctx).start())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        self.settings.sync()
        if self.importer.is_running():
            self.importer.cancel()
        shared_worker(self.ctx).stop()
        super().closeEvent(event)

    def update_title(self) -> None:
        lib = self.ctx.library
        name = lib.path.name if lib.path is not None else lib.url
        self.setWindowTitle(f"{name} — Bonmun (본문)")

    # ---- list --------------------------------------------------------------------------------
    def apply_filters(self) -> None:
        """Query the list again with the filter bar's values (search through the worker when ready)."""
        worker = shared_worker(self.ctx)
        if self._search_request is not None:
            worker.cancel(self._search_request)
            self._search_request = None
        base, text = self.filters.base_filter(), self.filters.search_text()
        if text and worker.is_ready():
            self._search_request = worker.request("search", {"query": text, "limit": SEARCH_LIMIT},
                                                  lambda ok, value: self._search_done(text, base, ok, value))
            return
        self._set_filter(ArticleFilter(text=text or None, outlet=base.outlet, tag_id=base.tag_id, since=base.since,
                                       until=base.until, has_highlights=base.has_highlights))

    def _search_done(self, text: str, base: ArticleFilter, ok: bool, value: Any) -> None:
        self._search_request = None
        if text != self.filters.search_text() or base != self.filters.base_filter():
            return
        ids = search_hit_ids(value) if ok else None
        if ids is None:
            self.ctx.events.status_message.emit(self.tr("Korean search failed (%s); showing plain text matches") % value)
            self._set_filter(ArticleFilter(text=text, outlet=base.outlet, tag_id=base.tag_id, since=base.since,
                                           until=base.until, has_highlights=base.has_highlights))
            return
        f = ArticleFilter(outlet=base.outlet, tag_id=base.tag_id, since=base.since, until=base.until,
                          has_highlights=base.has_highlights, ids=frozenset(ids))
        self._set_filter(f, ranking=ids)

    def _set_filter(self, f: ArticleFilter, ranking: list[int] | None = None) -> None:
        self.model.set_filter(f, ranking)
        header = self.table.horizontalHeader()
        if ranking is not None:
            header.setSortIndicatorShown(False)
        else:
            header.setSortIndicatorShown(True)
        self._reselect()
        self._show_article_count()

    def _reselect(self) -> None:
        current = self.ctx.current_article_id
        row = self.model.row_of(current) if current is not None else None
        sel = self.table.selectionModel()
        sel.blockSignals(True)
        if row is None:
            sel.clear()
        else:
            index = self.model.index(row, 0)
            sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        sel.blockSignals(False)
        self.table.viewport().update()

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        aid = self.model.article_id(current.row()) if current.isValid() else None
        if aid is not None and aid != self.ctx.current_article_id:
            self.ctx.events.article_selected.emit(aid)

    def _select_row(self, article_id: int) -> None:
        if self.model.row_of(article_id) is not None:
            self._reselect()

    def _on_articles_changed(self) -> None:
        self.filters.set_outlets(self.ctx.library.articles.outlets())
        self.update_title()
        self.apply_filters()

    def _on_highlights_changed(self, article_id: int) -> None:
        if article_id:
            self.model.refresh_article(article_id)
        if self.filters.base_filter().has_highlights or self.filters.base_filter().tag_id is not None:
            QTimer.singleShot(0, self.apply_filters)

    def _on_highlight_activated(self, article_id: int, highlight_id: int) -> None:
        if self.ctx.current_article_id != article_id:
            self.ctx.events.article_selected.emit(article_id)
        h = self.reader.painter.highlights.get(highlight_id)
        if h is not None and not h.orphaned:
            self.reader.select_body(h.start, h.end)
            self.reader.browser.setFocus()

    # ---- status ------------------------------------------------------------------------------
    def _show_article_count(self) -> None:
        shown, total = self.model.rowCount(), self.ctx.library.articles.count()
        if self.filters.is_active():
            self.articles_label.setText(self.tr("%1 of %2 articles").replace("%1", f"{shown:,}").replace("%2", f"{total:,}"))
        else:
            self.articles_label.setText(self.tr("%1 articles").replace("%1", f"{total:,}"))

    def _show_highlight_count(self, n: int) -> None:
        self.highlights_label.setText(self.tr("%1 highlights in this article").replace("%1", str(n))
                                      if self.reader.article is not None else "")

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def cycle_focus(self) -> None:
        """F6: article list <-> reader."""
        (self.reader.browser if self.table.hasFocus() else self.table).setFocus()


def search_hit_ids(value: Any) -> list[int] | None:
    """Article ids, best first, from the worker's search result (a list of hits or of ids)."""
    if isinstance(value, dict):
        value = value.get("hits", value.get("ids"))
    if not isinstance(value, list):
        return None
    out: list[int] = []
    for hit in value:
        if isinstance(hit, int) and not isinstance(hit, bool):
            out.append(hit)
        elif isinstance(hit, dict) and isinstance(hit.get("article_id", hit.get("id")), int):
            out.append(hit.get("article_id", hit.get("id")))
        elif isinstance(hit, (list, tuple)) and hit and isinstance(hit[0], int):
            out.append(hit[0])
        else:
            return None
    return out
