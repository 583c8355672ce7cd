"""What every widget of the window shares: the open library, the undo stack, and change events.

Rules: widgets never talk to each other directly; they call services (through undo commands for
anything undoable) and listen to :class:`Events`, which say what changed so each view decides
whether to refresh.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.bootstrap import Library
from app.services.dto import HighlightInfo


class Events(QObject):
    """Announcements of what changed in the library."""

    articles_changed = Signal()  # imported / deleted articles
    article_changed = Signal(int)  # body or metadata of one article (overrides, note)
    highlights_changed = Signal(int)  # highlights of one article (created, deleted, tags, note)
    codebook_changed = Signal()  # tags added, renamed, moved, merged, deleted
    article_selected = Signal(int)  # the reader should show this article
    highlight_activated = Signal(int, int)  # (article id, highlight id): jump to it
    status_message = Signal(str)


class AppContext(QObject):
    """The library, the undo stack and the events of one window."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.events = Events(self)
        self.undo_stack = QUndoStack(self)
        self.current_article_id: int | None = None
        self._highlights: tuple[int, list[HighlightInfo]] | None = None
        # connected before any view, so views always read fresh highlights after a change
        for signal in (self.events.highlights_changed, self.events.article_changed):
            signal.connect(self.forget_highlights)
        self.events.codebook_changed.connect(self.forget_highlights)

    def highlights_for(self, article_id: int) -> list[HighlightInfo]:
        """The article's highlights in text order, read once and shared by the reader and the docks."""
        if self._highlights is None or self._highlights[0] != article_id:
            self._highlights = (article_id, self.library.highlights.for_article(article_id))
        return self._highlights[1]

    def forget_highlights(self, *_: object) -> None:
        self._highlights = None

    def replace_library(self, library: Library) -> None:
        """Switch to another library file (File ▸ Open library)."""
        old = self.library
        self.library = library
        self._highlights = None
        self.undo_stack.clear()
        self.current_article_id = None
        old.close()
        self.events.articles_changed.emit()
        self.events.codebook_changed.emit()
