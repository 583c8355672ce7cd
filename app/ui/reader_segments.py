"""The reader's "show removed text" data: every input line with the cleaner's decision.

Rules: the lines come from the Korean worker (``segments`` op: re-cleaning needs Kiwi, which
never loads in the GUI process); one answer is cached per (article id, body hash); a newer request
cancels the older one; ``ready(key)`` is called on the UI thread when lines arrive.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from app.services.dto import ArticleDetail, SegmentView
from app.ui.context import AppContext

Key = tuple[int, str]


def parse_segments(value: object) -> list[SegmentView] | None:
    """SegmentViews from the worker's JSON answer (None when it is malformed)."""
    if not isinstance(value, list):
        return None
    try:
        return [SegmentView(str(d["text"]), str(d["key"]), bool(d["kept"]), d.get("reason"),
                            bool(d.get("user_override"))) for d in value]
    except (KeyError, TypeError):
        return None


class SegmentLoader(QObject):
    def __init__(self, ctx: AppContext, ready: Callable[[Key], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.ready = ctx, ready
        self._cached: tuple[Key, list[SegmentView]] | None = None
        self._request: int | None = None

    def get(self, article: ArticleDetail) -> list[SegmentView] | None:
        """The article's lines if already here; otherwise ask the worker and return None."""
        key = (article.id, article.body_hash)
        if self._cached is not None and self._cached[0] == key:
            return self._cached[1]
        from app.ui.worker_client import shared_worker

        worker = shared_worker(self.ctx)
        if self._request is not None:
            worker.cancel(self._request)
        self.ctx.events.status_message.emit(self.tr("Loading the removed text…"))
        self._request = worker.request("segments", {"article_id": article.id},
                                       lambda ok, value: self._arrived(key, ok, value))
        return None

    def _arrived(self, key: Key, ok: bool, value: object) -> None:
        self._request = None
        segments = parse_segments(value) if ok else None
        if segments is None:
            reason = value if not ok else self.tr("unexpected answer")
            self.ctx.events.status_message.emit(self.tr("Cannot show the removed text: %s") % reason)
            return
        self._cached = (key, segments)
        removed = sum(not s.kept for s in segments)
        self.ctx.events.status_message.emit(self.tr("%n line(s) removed by the cleaner", "", removed))
        self.ready(key)
