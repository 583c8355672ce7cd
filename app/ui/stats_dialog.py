"""Tools ▸ Statistics…: the most frequent lemmas of a tag's quotes, and the shown article's keywords.

Rules:
- Everything is computed by the Korean worker (``stats`` op; lemmas, so 정부는 / 정부가 count as 정부);
  this dialog never analyses Korean itself. While a request is out, "Korean analyzer loading…" (or
  "Analysing…" once the worker is ready) is shown; a newer request cancels the older one.
- "Tags" tab: the codebook as a list (path, highlight count); choosing a tag asks ``stats`` {tag_id}
  and fills a Lemma / Count table (the tag's subtree is included by the worker).
- "This article" tab: keywords (lemma, score) and top lemmas (lemma, count) of the article shown in
  the reader when the dialog was opened (or re-opened), via ``stats`` {article_id}.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from app.ui.context import AppContext

TOP_N = 30


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)
    return t


def _number(value: Any) -> str:
    """Counts as integers; scores with one decimal unless they are whole."""
    v = float(value)
    return str(int(v)) if v.is_integer() else f"{v:.1f}"


def _fill(table: QTableWidget, rows: list[Any]) -> None:
    table.setRowCount(0)
    for lemma, value in rows:
        r = table.rowCount()
        table.insertRow(r)
        table.setItem(r, 0, QTableWidgetItem(str(lemma)))
        cell = QTableWidgetItem(_number(value))
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(r, 1, cell)


def _pairs(value: Any) -> list[tuple[str, float]] | None:
    if not isinstance(value, list):
        return None
    try:
        return [(str(k), v) for k, v in value]
    except (TypeError, ValueError):
        return None


class StatsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Statistics"))
        self.resize(720, 520)
        self._requests: dict[str, int] = {}
        self.article_id: int | None = None

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._make_tag_tab(), self.tr("Tags"))
        self.tabs.addTab(self._make_article_tab(), self.tr("This article"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        box = QVBoxLayout(self)
        box.addWidget(self.tabs, 1)
        box.addWidget(buttons)
        self.fill_tags()
        ctx.events.codebook_changed.connect(self.fill_tags)
        ctx.events.highlights_changed.connect(self._on_highlights_changed)

    # ---- tags tab ----------------------------------------------------------------------------
    def _make_tag_tab(self) -> QWidget:
        page = QSplitter(Qt.Orientation.Horizontal)
        self.tag_list = QListWidget()
        self.tag_list.currentItemChanged.connect(lambda *_: self._tag_chosen())
        right = QWidget()
        col = QVBoxLayout(right)
        col.setContentsMargins(6, 0, 0, 0)
        self.tag_status = QLabel(self.tr("Choose a tag to see the words of its highlights."))
        self.tag_status.setWordWrap(True)
        self.tag_status.setToolTip(self.tr("Words are counted by their dictionary form: 정부는 and 정부가 count as 정부."))
        self.tag_table = _table([self.tr("Lemma"), self.tr("Count")])
        col.addWidget(self.tag_status)
        col.addWidget(self.tag_table, 1)
        page.addWidget(self.tag_list)
        page.addWidget(right)
        page.setSizes([260, 440])
        return page

    def fill_tags(self) -> None:
        current = self.selected_tag_id()
        self.tag_list.blockSignals(True)
        self.tag_list.clear()
        for t in self.ctx.library.codebook.tree():
            depth = t.path.count("/")
            item = QListWidgetItem("    " * depth + t.name + (f"  ({t.highlight_count})" if t.highlight_count else ""))
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            item.setToolTip(t.path)
            pix = QPixmap(12, 12)
            pix.fill(QColor(t.color))
            item.setIcon(QIcon(pix))
            self.tag_list.addItem(item)
            if t.id == current:
                self.tag_list.setCurrentItem(item)
        self.tag_list.blockSignals(False)

    def selected_tag_id(self) -> int | None:
        item = self.tag_list.currentItem() if hasattr(self, "tag_list") else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_tag(self, tag_id: int) -> None:
        for i in range(self.tag_list.count()):
            if self.tag_list.item(i).data(Qt.ItemDataRole.UserRole) == tag_id:
                self.tag_list.setCurrentRow(i)
                return

    def _on_highlights_changed(self, _article_id: int) -> None:
        if self.isVisible():
            self._tag_chosen()

    def _tag_chosen(self) -> None:
        tag_id = self.selected_tag_id()
        if tag_id is None:
            return
        self._ask("tag", {"tag_id": tag_id, "n": TOP_N}, self.tag_status,
                  lambda value: self._tag_arrived(tag_id, value))

    def _tag_arrived(self, tag_id: int, value: Any) -> None:
        rows = _pairs(value.get("top_lemmas")) if isinstance(value, dict) else None
        if rows is None or tag_id != self.selected_tag_id():
            return
        n = int(value.get("highlights") or 0)
        _fill(self.tag_table, rows)
        if n == 0:
            self.tag_status.setText(self.tr("No highlights have this tag yet."))
        else:
            self.tag_status.setText(self.tr("Most frequent nouns and verbs in 1 highlight:") if n == 1 else
                                    self.tr("Most frequent nouns and verbs in %d highlights:") % n)

    # ---- article tab -------------------------------------------------------------------------
    def _make_article_tab(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        self.article_status = QLabel()
        self.article_status.setWordWrap(True)
        self.keyword_table = _table([self.tr("Keyword"), self.tr("Score")])
        self.article_table = _table([self.tr("Lemma"), self.tr("Count")])
        row = QHBoxLayout()
        for title, table in ((self.tr("Keywords"), self.keyword_table), (self.tr("Most frequent words"), self.article_table)):
            sub = QVBoxLayout()
            sub.addWidget(QLabel(f"<b>{title}</b>"))
            sub.addWidget(table, 1)
            row.addLayout(sub)
        col.addWidget(self.article_status)
        col.addLayout(row, 1)
        return page

    def show_article(self, article_id: int | None) -> None:
        """Show the keywords and top lemmas of an article (None: the reader shows none)."""
        self.article_id = article_id
        self.keyword_table.setRowCount(0)
        self.article_table.setRowCount(0)
        if article_id is None:
            self.article_status.setText(self.tr("Open an article in the reader to see its keywords."))
            return
        self._ask("article", {"article_id": article_id, "n": TOP_N}, self.article_status,
                  lambda value: self._article_arrived(article_id, value))

    def _article_arrived(self, article_id: int, value: Any) -> None:
        if article_id != self.article_id or not isinstance(value, dict):
            return
        keywords, top = _pairs(value.get("keywords") or []), _pairs(value.get("top_lemmas"))
        if keywords is None or top is None:
            self.article_status.setText(self.tr("Cannot compute statistics: %s") % self.tr("unexpected answer"))
            return
        _fill(self.keyword_table, keywords)
        _fill(self.article_table, top)
        try:
            title = self.ctx.library.articles.get(article_id).title
        except Exception:  # noqa: BLE001 - the article may have been deleted meanwhile
            title = ""
        self.article_status.setText(self.tr("Keywords and most frequent words of “%s”:") % title)

    # ---- worker ------------------------------------------------------------------------------
    def _ask(self, slot: str, payload: dict[str, Any], status: QLabel, done: Any) -> None:
        from app.ui.worker_client import shared_worker

        worker = shared_worker(self.ctx)
        old = self._requests.pop(slot, None)
        if old is not None:
            worker.cancel(old)
        status.setText(self.tr("Analysing…") if worker.is_ready() else self.tr("Korean analyzer loading…"))

        def arrived(ok: bool, value: Any) -> None:
            self._requests.pop(slot, None)
            if not ok:
                status.setText(self.tr("Cannot compute statistics: %s") % value)
                return
            done(value)

        self._requests[slot] = worker.request("stats", payload, arrived)

    def done(self, result: int) -> None:  # noqa: D102 - cancel what is still out
        from app.ui.worker_client import shared_worker

        worker = shared_worker(self.ctx)
        for rid in self._requests.values():
            worker.cancel(rid)
        self._requests.clear()
        super().done(result)
