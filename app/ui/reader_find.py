"""Find in article (Ctrl+F): a bar under the reader; Enter/Shift+Enter step through matches.

Rules: matches are found at once as a case-insensitive substring of the clean body; when the
Korean worker is running, its lemma-aware matches (``find_in_text``: 개발 finds 개발했다) replace
them when they arrive, unless the query changed meanwhile. Every match is shown; the current one
is selected and scrolled into view. Esc closes the bar and clears the matches.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

if TYPE_CHECKING:  # pragma: no cover
    from app.ui.reader import ReaderView


def substring_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Non-overlapping case-insensitive occurrences of ``query`` (Python offsets)."""
    q = query.strip()
    if not q:
        return []
    low, ql = text.casefold(), q.casefold()
    if len(low) != len(text):  # casefold changed lengths (ß etc.): search the original text
        low, ql = text, q
    out, at = [], low.find(ql)
    while at >= 0:
        out.append((at, at + len(ql)))
        at = low.find(ql, at + len(ql))
    return out


class FindBar(QWidget):
    def __init__(self, reader: "ReaderView", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in article (Korean words match their inflected forms)"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        prev_b, next_b, close_b = QToolButton(self), QToolButton(self), QToolButton(self)
        prev_b.setText("▲")
        prev_b.setToolTip(self.tr("Previous match (Shift+Enter)"))
        next_b.setText("▼")
        next_b.setToolTip(self.tr("Next match (Enter)"))
        close_b.setText("✕")
        close_b.setToolTip(self.tr("Close (Esc)"))
        box = QHBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        for w in (self.edit, self.count, prev_b, next_b, close_b):
            box.addWidget(w, 1 if w is self.edit else 0)
        self.spans: list[tuple[int, int]] = []
        self.current = -1
        self._request: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self.edit.textChanged.connect(self._timer.start)
        self.edit.installEventFilter(self)
        prev_b.clicked.connect(lambda: self.step(-1))
        next_b.clicked.connect(lambda: self.step(1))
        close_b.clicked.connect(self.close_bar)
        self.hide()

    def open(self) -> None:
        sel = self.reader.browser.textCursor().selectedText()
        if sel and "\u2029" not in sel and len(sel) < 80:
            self.edit.setText(sel)
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.search()

    def close_bar(self) -> None:
        self._cancel()
        self.spans, self.current = [], -1
        self.reader.painter.set_find_ranges([])
        if self.isVisible():
            self.hide()
            self.reader.browser.setFocus()

    def search(self) -> None:
        self._timer.stop()
        self._cancel()
        article, query = self.reader.article, self.edit.text().strip()
        if article is None or not query:
            self._show([])
            return
        self._show(substring_spans(article.body, query))
        worker = getattr(self.reader.annotator, "worker", None)
        if worker is not None:
            aid = article.id
            self._request = worker.request(
                "find_in_text", {"text": article.body, "query": query},
                lambda ok, value: self._lemma_result(aid, query, ok, value),
            )

    def _lemma_result(self, article_id: int, query: str, ok: bool, value: Any) -> None:
        self._request = None
        a = self.reader.article
        if not ok or a is None or a.id != article_id or self.edit.text().strip() != query or not isinstance(value, list):
            return
        spans = sorted({(int(s), int(e)) for s, e in value if 0 <= int(s) < int(e) <= len(a.body)})
        merged = sorted(set(spans) | set(substring_spans(a.body, query)))
        if merged != self.spans:
            self._show(merged)

    def _cancel(self) -> None:
        worker = getattr(self.reader.annotator, "worker", None)
        if self._request is not None and worker is not None:
            worker.cancel(self._request)
        self._request = None

    def _show(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.current = 0 if spans else -1
        self._paint()

    def step(self, delta: int) -> None:
        if self.spans:
            self.current = (self.current + delta) % len(self.spans)
            self._paint()

    def _paint(self) -> None:
        layout = self.reader.layout_map
        ranges: list[tuple[int, int]] = []
        current_range = -1
        for i, (s, e) in enumerate(self.spans):
            doc = layout.doc_ranges(s, e) if layout is not None else []
            if i == self.current and doc:
                current_range = len(ranges)
            ranges.extend(doc)
        self.reader.painter.set_find_ranges(ranges, current_range)
        if self.current >= 0:
            s, e = self.spans[self.current]
            self.reader.select_body(s, e)
        query = self.edit.text().strip()
        if not query:
            self.count.clear()
        elif self.spans:
            self.count.setText(self.tr("%1 of %2").replace("%1", str(self.current + 1)).replace("%2", str(len(self.spans))))
        else:
            self.count.setText(self.tr("not found"))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.search()
                else:
                    self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
