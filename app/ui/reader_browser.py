"""The reader's read-only text view: selectable by mouse and keyboard, never fetches anything.

Rules:
- ``loadResource`` returns nothing (no images, no URLs are ever fetched); links are not followed.
- Digits 1–9 (also with Shift or Alt; Shift+digit on a US layout gives ``!@#…``) are reported
  through ``digit_pressed(digit, shift, alt)`` instead of being typed.
- The text column is at most ``MAX_COLUMN_EM`` wide and centred, whatever the window width.
- Tooltips and context menus ask the owner through callbacks with the document position.
- Highlights (``set_paint_items``) are painted under the text: a translucent background per line
  of each range, then one thin bar per extra tag colour in the space below the line; only the
  lines inside the area being repainted are drawn.
- Tag suggestions (``set_suggestion_marks``) are dotted lines just under the text, lighter than
  highlights; ``key_filter`` (when set) may take a key press first (Enter/Backspace on a suggestion).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (QContextMenuEvent, QFontMetricsF, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent,
                           QTextBlock)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from app.ui.reader_painter import PaintItem, SuggestionMark

MAX_COLUMN_EM = 40
BAR_HEIGHT = 2.5
MARK_WIDTH = 1.5
_SHIFTED_DIGITS = {c: i + 1 for i, c in enumerate("!@#$%^&*(")}


def digit_of(event: QKeyEvent) -> int | None:
    """The tag shortcut digit (1–9) of a key press, whatever Shift did to it."""
    key = event.key()
    if Qt.Key.Key_1.value <= key <= Qt.Key.Key_9.value:
        return key - Qt.Key.Key_0.value
    text = event.text()
    if text in _SHIFTED_DIGITS and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
        return _SHIFTED_DIGITS[text]
    return None


class ReaderBrowser(QTextBrowser):
    digit_pressed = Signal(int, bool, bool)  # digit, shift held, alt held
    context_menu_at = Signal(QPoint, int)  # global position, document position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.tooltip_for: Callable[[int], str] | None = None
        self.paint_items: list[PaintItem] = []
        self.suggestion_marks: list[SuggestionMark] = []
        self.key_filter: Callable[[QKeyEvent], bool] | None = None
        self.viewport().setMouseTracking(True)

    # ---- highlights ----------------------------------------------------------------------------
    def set_paint_items(self, items: list[PaintItem]) -> None:
        """Highlight backgrounds (and bars) to paint under the text."""
        self.paint_items = items
        self.viewport().update()

    def set_suggestion_marks(self, marks: list[SuggestionMark]) -> None:
        """Tag suggestions to mark (dotted lines under the text)."""
        self.suggestion_marks = marks
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.paint_items or self.suggestion_marks:
            painter = QPainter(self.viewport())
            self._paint_highlights(painter, QRectF(event.rect()), self.paint_items)
            painter.resetTransform()
            self._paint_highlights(painter, QRectF(event.rect()), self.suggestion_marks)
            painter.end()
        super().paintEvent(event)

    def _paint_highlights(self, painter: QPainter, area: QRectF, all_items: list) -> None:  # type: ignore[type-arg]
        """Paint the items that intersect ``area`` (viewport coordinates), visible lines only."""
        if not all_items:
            return
        doc, layout = self.document(), self.document().documentLayout()
        dx, dy = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        visible = area.translated(dx, dy)
        first = layout.hitTest(QPointF(0, visible.top()), Qt.HitTestAccuracy.FuzzyHit)
        last = layout.hitTest(QPointF(visible.right(), visible.bottom()), Qt.HitTestAccuracy.FuzzyHit)
        lo = doc.findBlock(max(0, first)).position()
        end_block = doc.findBlock(max(0, last))
        hi = end_block.position() + end_block.length()
        items = [it for it in all_items if it.start < hi and it.end > lo]
        if not items:
            return
        painter.translate(-dx, -dy)
        painter.setPen(Qt.PenStyle.NoPen)
        for it in items:
            block = doc.findBlock(it.start)
            while block.isValid() and block.position() < it.end:
                rect = layout.blockBoundingRect(block)
                if rect.top() > visible.bottom():
                    break
                if rect.bottom() >= visible.top():
                    if isinstance(it, SuggestionMark):
                        _mark_block(painter, block, rect, it)
                    else:
                        _paint_block(painter, block, rect, it)
                block = block.next()

    # ---- safety ------------------------------------------------------------------------------
    def loadResource(self, type: int, name: QUrl | str) -> object:  # noqa: A002 - Qt's signature
        """Never load images, style sheets or URLs referenced by a document."""
        return None

    def setSource(self, name: QUrl, type: object = None) -> None:  # noqa: A002
        """Never navigate away from the article."""
        return None

    # ---- keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.key_filter is not None and self.key_filter(event):
            event.accept()
            return
        digit = digit_of(event)
        mods = event.modifiers()
        if digit is not None and not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier):
            self.digit_pressed.emit(
                digit,
                bool(mods & Qt.KeyboardModifier.ShiftModifier),
                bool(mods & Qt.KeyboardModifier.AltModifier),
            )
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Alt+digit must reach keyPressEvent instead of being taken as a menu mnemonic.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and digit_of(event):
            if not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier):
                event.accept()
                return True
        return super().event(event)

    # ---- mouse -------------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.tooltip_for is not None:
            pos = event.pos()  # type: ignore[attr-defined]
            text = self.tooltip_for(self.document_position(pos))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def document_position(self, viewport_pos: QPoint) -> int:
        """Document position under a viewport point (-1 when not over text)."""
        layout = self.document().documentLayout()
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        return layout.hitTest(viewport_pos + offset, Qt.HitTestAccuracy.ExactHit)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            pos = self.document_position(event.pos())
            if pos < 0:
                pos = self.cursorForPosition(event.pos()).position()
        else:
            pos = self.textCursor().position()
        self.context_menu_at.emit(event.globalPos(), pos)

    # ---- width -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def fit_column(self) -> None:
        """Re-centre the text column (after the font size changed)."""
        self._fit_column()

    def _fit_column(self) -> None:
        doc = self.document()
        em = QFontMetricsF(doc.defaultFont()).horizontalAdvance("가")
        base = doc.documentMargin()
        width = self.viewport().width()
        side = max(base, (width - em * MAX_COLUMN_EM) / 2)
        root = doc.rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) >= 1 or abs(fmt.rightMargin() - side) >= 1:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)


def _line_runs(block: QTextBlock, rect: QRectF, start: int, end: int):  # type: ignore[no-untyped-def]
    """(line, left x, right x, line top) of each laid-out line of ``block`` that [start, end) covers."""
    text_layout = block.layout()
    base = block.position()
    for i in range(text_layout.lineCount()):
        line = text_layout.lineAt(i)
        line_start = base + line.textStart()
        a, b = max(start, line_start), min(end, line_start + line.textLength())
        if b > a:
            x1, x2 = _x(line.cursorToX(a - base)), _x(line.cursorToX(b - base))
            yield line, rect.left() + x1, rect.left() + x2, rect.top() + line.y()


def _paint_block(painter: QPainter, block: QTextBlock, rect: QRectF, it: PaintItem) -> None:
    """Background (and bars) of one item on the lines of one block."""
    for line, x1, x2, top in _line_runs(block, rect, it.start, it.end):
        painter.fillRect(QRectF(x1, top, x2 - x1, line.height()), it.background)
        y = top + line.ascent() + line.descent() + 1
        for k, color in enumerate(it.bars):
            painter.fillRect(QRectF(x1, y + k * (BAR_HEIGHT + 1), x2 - x1, BAR_HEIGHT), color)


def _mark_block(painter: QPainter, block: QTextBlock, rect: QRectF, it: SuggestionMark) -> None:
    """A dotted line under the text of one suggestion mark, on the lines of one block."""
    painter.setPen(QPen(it.color, MARK_WIDTH, Qt.PenStyle.DotLine))
    for line, x1, x2, top in _line_runs(block, rect, it.start, it.end):
        y = top + line.ascent() + line.descent() - 1 - it.row * (MARK_WIDTH + 1.5)
        painter.drawLine(QPointF(x1, y), QPointF(x2, y))
    painter.setPen(Qt.PenStyle.NoPen)


def _x(value: object) -> float:
    """QTextLine.cursorToX returns a float, or (x, position) in some bindings."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[index,arg-type]
