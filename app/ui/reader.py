"""The reader: one article's clean body with its highlights, header, find bar and line view.

Rules:
- The reader shows ``ctx.current_article_id``; it re-reads highlights (once per event-loop turn,
  however many changes arrive) when ``highlights_changed`` names that article (or 0 = "any": a tag
  changed) and repaints only those that changed; changes made by its own annotator inside
  :meth:`ReaderView.own_change` are painted by the annotator directly, without a re-read. It
  rebuilds the document only for a new article, a changed body, the removed-text toggle or a new
  font size.
- Font size and the removed-text toggle are remembered in :class:`Settings`.
- The removed lines come from the Korean worker (:mod:`app.ui.reader_segments`): the body is shown
  at once and the line view replaces it when the answer arrives, if the article, its body and the
  toggle are still the same.
- The analyst's actions (tagging, notes, line overrides) live in :mod:`app.ui.reader_annotate`;
  tag suggestions (marks, Ctrl+J, Enter / Backspace) in :mod:`app.ui.reader_suggestions`.
"""
from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QPalette, QTextCursor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.services.dto import ArticleDetail, HighlightInfo, SegmentView, TagInfo
from app.services.unit_of_work import ServiceError
from app.ui.context import AppContext
from app.ui.reader_browser import ReaderBrowser
from app.ui.reader_document import ReaderLayout, ReaderStyle, build_document, reason_label
from app.ui.reader_find import FindBar
from app.ui.reader_header import OrphanBanner, ReaderHeader
from app.ui.reader_painter import HighlightPainter
from app.ui.reader_segments import SegmentLoader
from app.ui.settings import FONT_DEFAULT, FONT_MAX, FONT_MIN, Settings

FONT_FAMILY = "NanumGothic"


class ReaderView(QWidget):
    highlight_count_changed = Signal(int)

    def __init__(self, ctx: AppContext, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.settings = ctx, settings
        self.article: ArticleDetail | None = None
        self.layout_map: ReaderLayout | None = None
        self.tags: dict[int, TagInfo] = {}
        self.font_size = settings.font_size
        self._own = 0
        self._refresh_pending = False

        self.header = ReaderHeader(self)
        self.banner = OrphanBanner(self)
        self.browser = ReaderBrowser(self)
        self.browser.document().setUndoRedoEnabled(False)
        self.browser.tooltip_for = self.tooltip_at
        self.find_bar = FindBar(self, self)
        self.painter = HighlightPainter(self.browser)
        self.segment_loader = SegmentLoader(ctx, self._segments_ready, self)
        self.painter.dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.header)
        box.addWidget(self.banner)
        box.addWidget(self.browser, 1)
        box.addWidget(self.find_bar)
        self._make_actions()
        self.header.removed_button.setDefaultAction(self.show_removed_action)

        ev = ctx.events
        ev.article_selected.connect(self.show_article)
        ev.highlights_changed.connect(self._on_highlights_changed)
        ev.article_changed.connect(self._on_article_changed)
        ev.codebook_changed.connect(self._on_codebook_changed)
        ev.articles_changed.connect(self._on_articles_changed)
        from app.ui.reader_annotate import Annotator  # imports this module's names

        self.annotator = Annotator(ctx, self)
        from app.ui.reader_suggestions import ReaderSuggestions

        self.suggestions = ReaderSuggestions(ctx, self, settings)
        self.addAction(self.suggestions.next_action)
        self.reload_tags()
        self._render()

    def _make_actions(self) -> None:
        self.show_removed_action = QAction(self.tr("Show removed text"), self)
        self.show_removed_action.setCheckable(True)
        self.show_removed_action.setChecked(self.settings.show_removed)
        self.show_removed_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.show_removed_action.setToolTip(self.tr("Show the lines the cleaner removed, with the reason (Ctrl+Shift+R)"))
        self.show_removed_action.toggled.connect(self.set_show_removed)
        self.zoom_in_action = QAction(self.tr("Larger text"), self)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.zoom_in_action.triggered.connect(lambda: self.set_font_size(self.font_size + 1))
        self.zoom_out_action = QAction(self.tr("Smaller text"), self)
        self.zoom_out_action.setShortcut(QKeySequence("Ctrl+-"))
        self.zoom_out_action.triggered.connect(lambda: self.set_font_size(self.font_size - 1))
        self.zoom_reset_action = QAction(self.tr("Normal text size"), self)
        self.zoom_reset_action.setShortcut(QKeySequence("Ctrl+0"))
        self.zoom_reset_action.triggered.connect(lambda: self.set_font_size(FONT_DEFAULT))
        self.find_action = QAction(self.tr("Find in article…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.find_bar.open)

    # ---- showing -----------------------------------------------------------------------------
    def show_article(self, article_id: int | None) -> None:
        """Show an article (None or a missing id clears the reader)."""
        self.article = None
        if article_id:
            try:
                self.article = self.ctx.library.articles.get(article_id)
            except ServiceError as exc:
                self.ctx.events.status_message.emit(str(exc))
        self.ctx.current_article_id = self.article.id if self.article else None
        self.find_bar.close_bar()
        self._render()
        self.browser.verticalScrollBar().setValue(0)

    def _render(self) -> None:
        """Rebuild the document and paint every highlight."""
        a = self.article
        self.header.show_article(a)
        segments = self.segment_loader.get(a) if a is not None and self.show_removed_action.isChecked() else None
        doc = self.browser.document()
        if a is None:
            self.layout_map = None
            doc.clear()
            self.browser.setHtml(self._placeholder())
            highlights: list[HighlightInfo] = []
        else:
            self.layout_map = build_document(doc, a.body, self._style(), segments, lambda _doc: self.browser.fit_column())
            highlights = self.ctx.highlights_for(a.id)
        self.painter.reset(self.layout_map, highlights, self.tags)
        self._after_highlights()
        self.suggestions.repaint()  # the layout may be new
        self.suggestions.refresh(force=False)

    def _segments_ready(self, key: tuple[int, str]) -> None:
        a = self.article
        if a is None or (a.id, a.body_hash) != key or not self.show_removed_action.isChecked():
            return
        scroll = self.browser.verticalScrollBar().value()
        self._render()
        self.browser.verticalScrollBar().setValue(scroll)

    def _placeholder(self) -> str:
        text = self.tr("Choose an article on the left, or import news with File ▸ Import files… (Ctrl+O) "
                       "or paste copied text with Ctrl+Shift+V.")
        return f"<p style='color: gray; margin: 2em'>{html.escape(text)}</p>"

    def _style(self) -> ReaderStyle:
        font = QFont(FONT_FAMILY)
        font.setPointSize(self.font_size)
        pal = self.palette()
        removed = pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        label = pal.color(QPalette.ColorRole.Link)
        return ReaderStyle(font, removed, label)

    def refresh_highlights(self) -> None:
        """Re-read this article's highlights and repaint those that changed."""
        if self.article is None:
            return
        self.painter.update(self.ctx.highlights_for(self.article.id))
        self._after_highlights()

    @contextmanager
    def own_change(self) -> Iterator[None]:
        """Changes announced inside this block are the annotator's: it paints them itself."""
        self._own += 1
        try:
            yield
        finally:
            self._own -= 1

    def _deferred_refresh(self) -> None:
        self._refresh_pending = False
        self.refresh_highlights()

    def _after_highlights(self) -> None:
        hl = list(self.painter.highlights.values())
        self.banner.show_orphans(sorted((h for h in hl if h.orphaned), key=lambda h: h.id))
        self.highlight_count_changed.emit(len(hl))

    # ---- settings ----------------------------------------------------------------------------
    def set_font_size(self, size: int) -> None:
        size = max(FONT_MIN, min(FONT_MAX, size))
        if size == self.font_size:
            return
        self.font_size = self.settings.font_size = size
        scroll = self.browser.verticalScrollBar()
        ratio = scroll.value() / max(1, scroll.maximum())
        self._render()
        scroll.setValue(round(ratio * scroll.maximum()))

    def set_show_removed(self, on: bool) -> None:
        self.settings.show_removed = on
        if self.show_removed_action.isChecked() != on:
            self.show_removed_action.setChecked(on)
            return
        self._render()

    def reload_tags(self) -> None:
        self.tags = {t.id: t for t in self.ctx.library.codebook.tree()}

    # ---- positions ---------------------------------------------------------------------------
    def selection_span(self) -> tuple[int, int] | None:
        """The body span of the current selection (Python offsets), or None."""
        cur = self.browser.textCursor()
        if self.layout_map is None or not cur.hasSelection():
            return None
        return self.layout_map.selection_to_body(self.browser.document(), cur.selectionStart(), cur.selectionEnd())

    def body_offset(self, doc_pos: int) -> int | None:
        if self.layout_map is None or doc_pos < 0:
            return None
        block = self.browser.document().findBlock(doc_pos)
        return self.layout_map.to_body(block.blockNumber(), doc_pos - block.position())

    def segment_at(self, doc_pos: int) -> SegmentView | None:
        if self.layout_map is None or doc_pos < 0:
            return None
        block = self.layout_map.block_at(self.browser.document().findBlock(doc_pos).blockNumber())
        return block.segment if block else None

    def paragraph_at(self, doc_pos: int) -> str | None:
        """The body paragraph shown at a document position (for 'remove this paragraph')."""
        if self.layout_map is None or doc_pos < 0:
            return None
        block = self.layout_map.block_at(self.browser.document().findBlock(doc_pos).blockNumber())
        return self.layout_map.paragraphs[block.paragraph] if block and block.paragraph is not None else None

    def select_body(self, start: int, end: int) -> None:
        """Select a body span in the view and scroll to it."""
        if self.layout_map is None:
            return
        a, b = self.layout_map.to_doc(start), self.layout_map.to_doc(end)
        if a is None or b is None:
            return
        cur = QTextCursor(self.browser.document())
        cur.setPosition(a)
        cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.browser.setTextCursor(cur)
        self.browser.ensureCursorVisible()

    def tooltip_at(self, doc_pos: int) -> str:
        offset = self.body_offset(doc_pos)
        if offset is None:
            seg = self.segment_at(doc_pos)
            if seg is not None and not seg.kept:
                return self.tr("Removed: %s. Right-click to restore this line.") % reason_label(seg.reason)
            return ""
        parts = []
        for h in self.painter.at(offset):
            paths = [self.tags[t].path for t in h.tag_ids if t in self.tags] or [self.tr("(no tag)")]
            text = "<br>".join(f"<b>{html.escape(p)}</b>" for p in paths)
            if h.note:
                text += f"<br><i>{html.escape(h.note)}</i>"
            parts.append(text)
        hint = self.suggestions.tooltip(offset)
        return "<hr>".join(parts + ([hint] if hint else []))

    # ---- events ------------------------------------------------------------------------------
    def _on_highlights_changed(self, article_id: int) -> None:
        if self._own or self.article is None or article_id not in (0, self.article.id):
            return
        if not self._refresh_pending:
            self._refresh_pending = True
            QTimer.singleShot(0, self._deferred_refresh)

    def _on_article_changed(self, article_id: int) -> None:
        if self.article is not None and article_id == self.article.id:
            scroll = self.browser.verticalScrollBar().value()
            self.show_article(article_id)
            self.browser.verticalScrollBar().setValue(scroll)

    def _on_codebook_changed(self) -> None:
        self.reload_tags()
        if self.article is not None:
            self.painter.reset(self.layout_map, list(self.painter.highlights.values()), self.tags)
            self.refresh_highlights()

    def _on_articles_changed(self) -> None:
        self.reload_tags()
        current = self.ctx.current_article_id
        if self.article is not None and current != self.article.id:
            self.show_article(current)
        elif self.article is not None:
            try:
                self.ctx.library.articles.get(self.article.id)
            except ServiceError:
                self.show_article(None)
