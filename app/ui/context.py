"""What every widget of the window shares: the open library, the undo stack, and change events.

Rules: widgets never talk to each other directly; they call services (through undo commands for
anything undoable) and listen to :class:`Events`, which say what changed so each view decides
whether to refresh.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from app.bootstrap import Library


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

    def replace_library(self, library: Library) -> None:
        """Switch to another library file (File ▸ Open library)."""
        old = self.library
        self.library = library
        self.undo_stack.clear()
        self.current_article_id = None
        old.close()
        self.events.articles_changed.emit()
        self.events.codebook_changed.emit()
