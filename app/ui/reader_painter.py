"""Highlights in their tags' colours, painted under the reader's text.

Rules:
- A highlight's background is its first tag's colour, translucent, so overlapping highlights blend
  (the overlap is visibly darker); a highlight with several tags also gets a thin bar under its
  text for each further tag, in that tag's colour; a highlight without tags is grey.
- Highlights are not text formats and not QTextCursors: the painter keeps, per highlight, its
  document ranges and colours (cheap to compute) and the view paints only what is on screen. A
  change recomputes only the highlights that changed; the document is never rebuilt to paint.
- Find-in-article matches are a separate layer (extra selections) on top of the text.
- Tag suggestions (:class:`SuggestionMark`) are lighter than highlights: a thin dotted line in the
  tag's colour just under the text, one row per further suggested tag of the same sentence.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.services.dto import HighlightInfo, TagInfo
from app.ui.reader_document import ReaderLayout

UNTAGGED = "#9E9E9E"
ALPHA_LIGHT, ALPHA_DARK = 95, 120
FIND_COLOR, FIND_CURRENT = "#FFEB3B", "#FF9800"
SUGGESTION_ALPHA = 200


@dataclass(frozen=True, slots=True)
class PaintItem:
    """One document range of one highlight, as the view paints it."""

    start: int
    end: int
    background: QColor
    bars: tuple[QColor, ...]


@dataclass(frozen=True, slots=True)
class SuggestionMark:
    """One document range of one suggested tag: a dotted line in ``color`` on row ``row``."""

    start: int
    end: int
    color: QColor
    row: int


def suggestion_marks(layout: ReaderLayout | None, spans: Iterable[tuple[int, int, str]]) -> list[SuggestionMark]:
    """Marks for body spans ``(start, end, colour)``; a span seen again moves to the next row."""
    if layout is None:
        return []
    rows: dict[tuple[int, int], int] = {}
    out: list[SuggestionMark] = []
    for start, end, color in spans:
        if not 0 <= start < end <= len(layout.body):
            continue
        row = rows.get((start, end), 0)
        rows[(start, end)] = row + 1
        c = QColor(color)
        c.setAlpha(SUGGESTION_ALPHA)
        out.extend(SuggestionMark(a, b, c, row) for a, b in layout.doc_ranges(start, end))
    return out


def _key(h: HighlightInfo) -> tuple[object, ...]:
    return (h.start, h.end, h.tag_ids, h.orphaned)


class HighlightPainter:
    """Keeps the paint items of an article's highlights and hands them to the text view."""

    def __init__(self, view: QTextEdit) -> None:
        self.view = view
        self.layout: ReaderLayout | None = None
        self.tags: dict[int, TagInfo] = {}
        self.dark = False
        self.highlights: dict[int, HighlightInfo] = {}
        self._items: dict[int, list[PaintItem]] = {}
        self._keys: dict[int, tuple[object, ...]] = {}
        self._colors: dict[tuple[int, ...], tuple[QColor, tuple[QColor, ...]]] = {}

    # ---- state -------------------------------------------------------------------------------
    def reset(self, layout: ReaderLayout | None, highlights: Iterable[HighlightInfo], tags: dict[int, TagInfo]) -> None:
        """Paint everything anew (new article, new layout, or tag colours changed)."""
        self.layout, self.tags = layout, tags
        self.highlights, self._items, self._keys, self._colors = {}, {}, {}, {}
        self.view.setExtraSelections([])
        self.update(highlights)
        self.apply()

    def update(self, highlights: Iterable[HighlightInfo]) -> set[int]:
        """Show exactly ``highlights``; returns the ids whose painting changed."""
        fresh = {h.id: h for h in highlights}
        changed = set(self.highlights) - set(fresh)
        for hid in changed:
            self._items.pop(hid, None)
            self._keys.pop(hid, None)
        for hid, h in fresh.items():
            if self._keys.get(hid) != _key(h):
                self._items[hid] = self._paint_items(h)
                self._keys[hid] = _key(h)
                changed.add(hid)
        self.highlights = fresh
        if changed:
            self.apply()
        return changed

    def upsert(self, h: HighlightInfo) -> None:
        """Paint one new or changed highlight (the others are untouched)."""
        self.highlights[h.id] = h
        self._items[h.id] = self._paint_items(h)
        self._keys[h.id] = _key(h)
        self.apply()

    def remove(self, highlight_id: int) -> None:
        """Stop painting one highlight (call :meth:`apply` afterwards)."""
        self.highlights.pop(highlight_id, None)
        self._items.pop(highlight_id, None)
        self._keys.pop(highlight_id, None)

    def apply(self) -> None:
        """Hand the paint items to the view, outer highlights first so inner ones sit on top."""
        items = [it for its in self._items.values() for it in its]
        items.sort(key=lambda it: (it.start, -it.end))
        set_items = getattr(self.view, "set_paint_items", None)
        if set_items is not None:
            set_items(items)

    def painted_ranges(self) -> set[tuple[int, int]]:
        """Document ranges currently painted as highlights."""
        return {(it.start, it.end) for its in self._items.values() for it in its}

    def set_find_ranges(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Show find matches (document positions); ``current`` is emphasised."""
        sels = []
        doc = self.view.document()
        for i, (a, b) in enumerate(ranges):
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(doc)
            cur.setPosition(a)
            cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            fmt = QTextCharFormat()
            color = QColor(FIND_CURRENT if i == current else FIND_COLOR)
            color.setAlpha(200)
            fmt.setBackground(color)
            sel.format = fmt
            sels.append(sel)
        self.view.setExtraSelections(sels)

    # ---- lookups -----------------------------------------------------------------------------
    def at(self, body_offset: int) -> list[HighlightInfo]:
        """Highlights covering a body offset, innermost (shortest) first."""
        hits = [h for h in self.highlights.values() if not h.orphaned and h.start <= body_offset < h.end]
        return sorted(hits, key=lambda h: (h.end - h.start, h.id))

    def exact(self, start: int, end: int) -> HighlightInfo | None:
        for h in self.highlights.values():
            if not h.orphaned and h.start == start and h.end == end:
                return h
        return None

    def color_of(self, h: HighlightInfo) -> QColor:
        return QColor(self._colors_for(h.tag_ids)[0].rgb())

    # ---- items -------------------------------------------------------------------------------
    def _colors_for(self, tag_ids: tuple[int, ...]) -> tuple[QColor, tuple[QColor, ...]]:
        found = self._colors.get(tag_ids)
        if found is None:
            tags = [self.tags[t] for t in tag_ids if t in self.tags]
            bg = QColor(tags[0].color if tags else UNTAGGED)
            bg.setAlpha(ALPHA_DARK if self.dark else ALPHA_LIGHT)
            found = self._colors[tag_ids] = (bg, tuple(QColor(t.color) for t in tags[1:]))
        return found

    def _paint_items(self, h: HighlightInfo) -> list[PaintItem]:
        if self.layout is None or h.orphaned or not 0 <= h.start < h.end <= len(self.layout.body):
            return []
        bg, bars = self._colors_for(h.tag_ids)
        return [PaintItem(a, b, bg, bars) for a, b in self.layout.doc_ranges(h.start, h.end)]
