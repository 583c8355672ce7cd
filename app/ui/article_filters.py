"""The filter bar above the article list: search box, outlet, tag, date range, has highlights.

Rules: the bar only collects what the analyst chose; it emits ``changed`` (debounced while
typing in the search box) and the window turns :meth:`FilterBar.base_filter` plus
:meth:`FilterBar.search_text` into a query. A date bound at its minimum means "no bound".
"""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from app.services.dto import ArticleFilter, TagInfo

NO_DATE = QDate(1900, 1, 1)
SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search articles (Korean words find their inflected forms)"))
        self.search.setClearButtonEnabled(True)
        self.outlet = QComboBox(self)
        self.tag = QComboBox(self)
        self.outlet.setMinimumContentsLength(8)
        self.tag.setMinimumContentsLength(10)
        for combo in (self.outlet, self.tag):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.since = self._date_edit(self.tr("since"))
        self.until = self._date_edit(self.tr("until"))
        self.has_highlights = QCheckBox(self.tr("Has highlights"), self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear all filters"))

        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setSpacing(4)
        grid.addWidget(self.search, 0, 0, 1, 4)
        grid.addWidget(self.outlet, 1, 0, 1, 2)
        grid.addWidget(self.tag, 1, 2, 1, 2)
        grid.addWidget(self.since, 2, 0)
        grid.addWidget(QLabel("–", self), 2, 1)
        grid.addWidget(self.until, 2, 2)
        grid.addWidget(self.has_highlights, 2, 3)
        grid.addWidget(self.clear_button, 0, 4)
        self.set_outlets([])
        self.set_tags([])

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._search_now)
        self.outlet.currentIndexChanged.connect(self.changed)
        self.tag.currentIndexChanged.connect(self.changed)
        self.since.dateChanged.connect(self.changed)
        self.until.dateChanged.connect(self.changed)
        self.has_highlights.toggled.connect(self.changed)
        self.clear_button.clicked.connect(self.clear)

    def _date_edit(self, placeholder: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(placeholder)
        edit.setDate(NO_DATE)
        edit.setToolTip(self.tr("Publication date bound (the leftmost value means no bound)"))
        return edit

    def _search_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    # ---- contents ----------------------------------------------------------------------------
    def set_outlets(self, outlets: list[str]) -> None:
        """Fill the outlet combo, keeping the current choice when it still exists."""
        current = self.outlet.currentData()
        self.outlet.blockSignals(True)
        self.outlet.clear()
        self.outlet.addItem(self.tr("All outlets"), None)
        for name in outlets:
            self.outlet.addItem(name, name)
        at = self.outlet.findData(current) if current is not None else 0
        self.outlet.setCurrentIndex(max(0, at))
        self.outlet.blockSignals(False)
        if current is not None and at < 0:
            self.changed.emit()

    def set_tags(self, tags: list[TagInfo]) -> None:
        """Fill the tag combo with the codebook tree (indented), keeping the current choice."""
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), None)
        for t in tags:
            depth = t.path.count("/")
            self.tag.addItem("    " * depth + t.name, t.id)
            self.tag.setItemData(self.tag.count() - 1, t.path, Qt.ItemDataRole.ToolTipRole)
        at = self.tag.findData(current) if current is not None else 0
        self.tag.setCurrentIndex(max(0, at))
        self.tag.blockSignals(False)
        if current is not None and at < 0:
            self.changed.emit()

    # ---- values ------------------------------------------------------------------------------
    def search_text(self) -> str:
        return " ".join(self.search.text().split())

    def base_filter(self) -> ArticleFilter:
        """Every constraint but the search text."""
        since = self.since.date()
        until = self.until.date()
        return ArticleFilter(
            outlet=self.outlet.currentData(),
            tag_id=self.tag.currentData(),
            since=since.toString("yyyy-MM-dd") if since != NO_DATE else None,
            until=until.toString("yyyy-MM-dd") if until != NO_DATE else None,
            has_highlights=True if self.has_highlights.isChecked() else None,
        )

    def is_active(self) -> bool:
        return bool(self.search_text()) or self.base_filter() != ArticleFilter()

    def clear(self) -> None:
        widgets = (self.search, self.outlet, self.tag, self.since, self.until, self.has_highlights)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.outlet.setCurrentIndex(0)
        self.tag.setCurrentIndex(0)
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        self.has_highlights.setChecked(False)
        for w in widgets:
            w.blockSignals(False)
        self._timer.stop()
        self.changed.emit()
