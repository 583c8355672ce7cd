"""Tag suggestions in the reader: sentences whose lemmas match a tag's rules, marked, never applied silently.

Rules:
- Suggestions come from the Korean worker (``suggest`` {article_id, min_hits}: tags with rules;
  sentences already coded with that tag are left out); a sentence needs ``MIN_HITS`` distinct rule
  words (measured on the seeds: 1 marks ~25 of ~30 sentences per article, 2 marks 5–9). They are asked for when an article is shown, when its
  highlights change (once per event-loop turn) and when the codebook changes — only while the
  worker is ready (when it is not, the request waits for its ``ready`` state) and only while
  "Show tag suggestions" is on (persisted in :class:`Settings`).
- An answer is used only if the article and its body are still the ones shown.
- Marks are dotted lines in the tag's colour (see :mod:`app.ui.reader_painter`), lighter than highlights.
- Ctrl+J selects the next suggestion's sentence (wrapping). Enter accepts the suggestion under the
  selection/caret (a highlight with that tag, through the undo stack: the annotator adds the tag when
  the sentence is already exactly a highlight); Backspace/Delete dismisses it for this session
  (kept in memory only; nothing is written).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence

from app.ui.context import AppContext
from app.ui.reader_painter import suggestion_marks
from app.ui.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from app.ui.reader import ReaderView

ACCEPT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DISMISS_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
MIN_HITS = 2  # distinct rule words a sentence needs: with 1, nearly every news sentence is marked


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One suggested tag for one body span (Python offsets)."""

    tag_id: int
    start: int
    end: int
    matched: tuple[str, ...]


def parse_suggestions(value: object, article_id: int) -> list[Suggestion] | None:
    """Suggestions for ``article_id`` from the worker's JSON answer (None when malformed)."""
    if not isinstance(value, list):
        return None
    try:
        out = {Suggestion(int(d["tag_id"]), int(d["start"]), int(d["end"]), tuple(str(m) for m in d.get("matched") or ()))
               for d in value if int(d["article_id"]) == article_id}
    except (KeyError, TypeError, ValueError):
        return None
    return sorted(out, key=lambda s: (s.start, s.end, s.tag_id))


class ReaderSuggestions(QObject):
    """Asks for, marks, and accepts or dismisses the shown article's tag suggestions."""

    def __init__(self, ctx: AppContext, reader: "ReaderView", settings: Settings) -> None:
        super().__init__(reader)
        self.ctx, self.reader, self.settings = ctx, reader, settings
        self.items: list[Suggestion] = []
        self.dismissed: set[tuple[int, str, int, int, int]] = set()  # (article, body hash, tag, start, end)
        self.current: Suggestion | None = None
        self._key: tuple[int, str] | None = None  # article shown when the items were computed
        self._request: int | None = None
        self._asked: tuple[int, str] | None = None  # article of the request in flight
        self._pending = False
        self._watched: set[int] = set()

        self.show_action = QAction(self.tr("Show tag suggestions"), reader)
        self.show_action.setCheckable(True)
        self.show_action.setChecked(settings.show_suggestions)
        self.show_action.setToolTip(self.tr("Mark sentences whose words match a tag's rules (Ctrl+J: next)"))
        self.show_action.toggled.connect(self.set_enabled)
        self.next_action = QAction(self.tr("Next tag suggestion"), reader)
        self.next_action.setShortcut(QKeySequence("Ctrl+J"))
        self.next_action.triggered.connect(self.jump_next)
        reader.browser.key_filter = self.key_filter
        ev = ctx.events
        ev.highlights_changed.connect(self._on_highlights_changed)
        ev.codebook_changed.connect(self.schedule)

    # ---- asking ------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return self.show_action.isChecked()

    def set_enabled(self, on: bool) -> None:
        self.settings.show_suggestions = on
        if self.show_action.isChecked() != on:
            self.show_action.setChecked(on)
            return
        if on:
            self.refresh()
        else:
            self._clear()

    def schedule(self) -> None:
        """Ask again on the next event-loop turn (however many changes arrive meanwhile)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._run_scheduled)

    def _run_scheduled(self) -> None:
        self._pending = False
        self.refresh()

    def _on_highlights_changed(self, article_id: int) -> None:
        a = self.reader.article
        if a is not None and article_id in (0, a.id):
            self.schedule()

    def refresh(self, force: bool = True) -> None:
        """Ask the worker for the shown article's suggestions (marks are cleared for a new article).

        Without ``force`` (the reader re-rendered), nothing is asked when this article's
        suggestions are here or on their way already."""
        from app.ui.worker_client import shared_worker

        a = self.reader.article
        key = (a.id, a.body_hash) if a is not None else None
        if key != self._key:
            self._clear()
        if a is None or not self.enabled:
            return
        if not force and key in (self._key, self._asked):
            return
        worker = shared_worker(self.ctx)
        if self._request is not None:
            worker.cancel(self._request)
            self._request, self._asked = None, None
        if not worker.is_ready():
            self._wait_for(worker)
            return
        self._asked = key
        self._request = worker.request("suggest", {"article_id": a.id, "min_hits": MIN_HITS}, lambda ok, value: self._arrived(key, ok, value))

    def _wait_for(self, worker: Any) -> None:
        signal = getattr(worker, "state_changed", None)
        if signal is not None and id(worker) not in self._watched:
            self._watched.add(id(worker))
            signal.connect(self._on_worker_state)

    def _on_worker_state(self, state: str) -> None:
        if state == "ready":
            self.schedule()

    def _arrived(self, key: tuple[int, str] | None, ok: bool, value: object) -> None:
        self._request, self._asked = None, None
        a = self.reader.article
        if a is None or (a.id, a.body_hash) != key or not self.enabled:
            return
        items = parse_suggestions(value, a.id) if ok else None
        if items is None:
            reason = value if not ok else self.tr("unexpected answer")
            self.ctx.events.status_message.emit(self.tr("Cannot suggest tags: %s") % reason)
            return
        self._key = key
        self.items = [s for s in items if self._dkey(s) not in self.dismissed]
        if self.current not in self.items:
            self.current = None
        self.repaint()

    # ---- showing -----------------------------------------------------------------------------
    def _clear(self) -> None:
        self.items, self.current, self._key = [], None, None
        self.repaint()

    def repaint(self) -> None:
        tags = self.reader.tags
        spans = [(s.start, s.end, tags[s.tag_id].color) for s in self.items if s.tag_id in tags]
        self.reader.browser.set_suggestion_marks(suggestion_marks(self.reader.layout_map, spans))

    def at(self, offset: int) -> list[Suggestion]:
        """Suggestions whose sentence covers a body offset."""
        return [s for s in self.items if s.start <= offset < s.end]

    def describe(self, s: Suggestion) -> str:
        tag = self.reader.tags.get(s.tag_id)
        path = tag.path if tag is not None else str(s.tag_id)
        return self.tr("Suggested: %s (matched: %s) — Enter accepts, Backspace dismisses") % (path, ", ".join(s.matched))

    def tooltip(self, offset: int) -> str:
        """Tooltip lines (HTML) for the suggestions at a body offset."""
        return "<br>".join(f"<span style='color: gray'>{html.escape(self.describe(s))}</span>" for s in self.at(offset))

    # ---- keyboard ----------------------------------------------------------------------------
    def jump_next(self) -> Suggestion | None:
        """Select the sentence of the next suggestion after the current one or the caret (wraps)."""
        if not self.enabled:
            self.ctx.events.status_message.emit(self.tr("Tag suggestions are off (View ▸ Show tag suggestions)"))
            return None
        if not self.items:
            self.ctx.events.status_message.emit(self.tr("No tag suggestions in this article"))
            return None
        if self.current in self.items:
            nxt = self.items[(self.items.index(self.current) + 1) % len(self.items)]
        else:
            cur = self.reader.browser.textCursor()
            offset = self.reader.body_offset(cur.selectionStart() if cur.hasSelection() else cur.position()) or 0
            nxt = next((s for s in self.items if s.start >= offset), self.items[0])
        self.current = nxt
        self.reader.select_body(nxt.start, nxt.end)
        self.reader.browser.setFocus()
        self.ctx.events.status_message.emit(self.describe(nxt))
        return nxt

    def under_cursor(self) -> Suggestion | None:
        """The suggestion the analyst points at: the current one if its sentence is selected,
        else the first one covering the selection start or the caret."""
        span = self.reader.selection_span()
        if span is not None and self.current in self.items and (self.current.start, self.current.end) == span:
            return self.current
        if span is not None:
            offset: int | None = span[0]
        else:
            offset = self.reader.body_offset(self.reader.browser.textCursor().position())
        hits = self.at(offset) if offset is not None else []
        return hits[0] if hits else None

    def key_filter(self, event: QKeyEvent) -> bool:
        """Enter accepts, Backspace/Delete dismisses the suggestion under the cursor (True = taken)."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier or not self.items:
            return False
        if event.key() in ACCEPT_KEYS:
            return self.accept()
        if event.key() in DISMISS_KEYS:
            return self.dismiss()
        return False

    def accept(self, s: Suggestion | None = None) -> bool:
        """Highlight the suggested sentence with its tag (undoable)."""
        s = s or self.under_cursor()
        a = self.reader.article
        if s is None or a is None:
            return False
        self._drop(s)
        self.reader.annotator._tag_span(a.id, a.body_hash, s.start, s.end, s.tag_id)
        self.schedule()
        return True

    def dismiss(self, s: Suggestion | None = None) -> bool:
        """Hide a suggestion for the rest of the session (nothing is written)."""
        s = s or self.under_cursor()
        if s is None:
            return False
        self.dismissed.add(self._dkey(s))
        self._drop(s)
        self.ctx.events.status_message.emit(self.tr("Suggestion dismissed"))
        return True

    def _drop(self, s: Suggestion) -> None:
        if s in self.items:
            self.items.remove(s)
        if self.current == s:
            self.current = None
        self.repaint()

    def _dkey(self, s: Suggestion) -> tuple[int, str, int, int, int]:
        a = self.reader.article
        return (a.id if a else 0, a.body_hash if a else "", s.tag_id, s.start, s.end)
