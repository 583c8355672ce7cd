"""Paints one row of the Highlights dock and edits its note; no widget per row.

Rules:
- Row = quote in “ ” (wrapped to at most 2 lines, the second elided; italic after a warning icon
  when orphaned), then the tags as chips in the tag colour with readable ink and a “×” (chips wrap
  to further lines; “no tag” in grey when there is none), then the note in grey on one elided line
  (the line is always there: it is where the inline note editor opens).
- Geometry comes from one function (:meth:`HighlightsDelegate.geometry`) used for painting,
  size hints, hit-testing the “×” and placing the editor, so they always agree.
- Size hints use font metrics only (cached text widths and row heights): cheap enough for
  thousands of rows.
- Clicking a chip's “×” emits ``tag_remove_requested(highlight_id, tag_id)`` and marks the click
  as consumed (:meth:`take_consumed_click`) so the view's ``clicked`` does not also jump.
- The note editor is a QLineEdit: Enter or leaving it commits, Esc reverts.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services.dto import HighlightInfo, TagInfo
from app.ui.highlights_model import INFO_ROLE, HighlightsModel

Index = QModelIndex | QPersistentModelIndex
MARGIN_X, MARGIN_Y, GAP, ICON, CHIP_PAD = 8, 5, 4, 16, 8


class _Metrics:
    def __init__(self, font: QFont, fm: QFontMetrics, cfm: QFontMetrics, chip: QFont) -> None:
        self.font, self.fm, self.cfm, self.chip_font = font, fm, cfm, chip
        self.chip_height = cfm.height() + 4
        self.x_width = cfm.horizontalAdvance("×") + 6


@dataclass
class RowGeometry:
    icon: QRect | None
    quote: QRect
    quote_lines: int
    chips: list[tuple[TagInfo, QRect, QRect, str]]  # tag, chip rect, "×" rect, shown (elided) name
    no_tag: QRect | None
    note: QRect
    height: int


class HighlightsDelegate(QStyledItemDelegate):
    tag_remove_requested = Signal(int, int)  # highlight id, tag id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widths: dict[tuple[bool, str], int] = {}
        self._heights: dict[tuple[object, ...], int] = {}
        self._m: _Metrics | None = None
        self._consumed = False
        self.no_tag_text = self.tr("no tag")
        self.placeholder = self.tr("Add a note… (F2 or double-click)")
        self.remove_tip = self.tr("Remove this tag from the highlight")

    # ---- metrics ---------------------------------------------------------------------------------
    @staticmethod
    def chip_font(base: QFont) -> QFont:
        f = QFont(base)
        f.setPointSizeF(max(6.0, base.pointSizeF() * 0.9))
        return f

    def _metrics(self, font: QFont) -> _Metrics:
        """Font metrics for ``font`` (the view's), cached: size hints run once per row."""
        if self._m is None or self._m.font != font:
            chip = self.chip_font(font)
            self._m = _Metrics(QFont(font), QFontMetrics(font), QFontMetrics(chip), chip)
            self._widths.clear()
            self._heights.clear()
        return self._m

    def _width(self, fm: QFontMetrics, text: str, chip: bool) -> int:
        key = (chip, text)
        w = self._widths.get(key)
        if w is None:
            if len(self._widths) > 20000:
                self._widths.clear()
            w = self._widths[key] = fm.horizontalAdvance(text)
        return w

    def geometry(self, font: QFont, rect: QRect, h: HighlightInfo, tags: list[TagInfo], quote: str) -> RowGeometry:
        """Where everything of one row goes inside ``rect`` (only its left, top and width matter)."""
        m = self._metrics(font)
        fm, cfm = m.fm, m.cfm
        left, top, width = rect.left() + MARGIN_X, rect.top() + MARGIN_Y, max(40, rect.width() - 2 * MARGIN_X)
        y = top
        icon = QRect(left, y + (fm.height() - ICON) // 2, ICON, ICON) if h.orphaned else None
        qleft = left + (ICON + 4 if icon else 0)
        qwidth = max(20, left + width - qleft)
        lines = 1 if self._width(fm, f"“{quote}”", False) <= qwidth else 2
        quote_rect = QRect(qleft, y, qwidth, lines * fm.lineSpacing())
        y += quote_rect.height() + GAP
        chips: list[tuple[TagInfo, QRect, QRect, str]] = []
        x, ch, xw = left, m.chip_height, m.x_width
        no_tag = None
        for t in tags:
            name = t.name
            w = CHIP_PAD + self._width(cfm, name, True) + 2 + xw
            if w > width:
                name = cfm.elidedText(name, Qt.TextElideMode.ElideRight, max(10, width - CHIP_PAD - 2 - xw))
                w = width
            if x > left and x + w > left + width:
                x, y = left, y + ch + GAP
            chip = QRect(x, y, w, ch)
            chips.append((t, chip, QRect(chip.right() - xw + 1, y, xw, ch), name))
            x += w + 4
        if not tags:
            no_tag = QRect(left, y, width, ch)
        y += ch + GAP
        note = QRect(left - 2, y, width + 4, fm.height() + 2)
        y = note.bottom() + 1 + MARGIN_Y
        return RowGeometry(icon, quote_rect, lines, chips, no_tag, note, y - rect.top())

    def _geometry_for(self, option: QStyleOptionViewItem, index: Index) -> RowGeometry:
        model: HighlightsModel = index.model()  # type: ignore[assignment]
        h = model.info(index.row())
        rect = QRect(option.rect.left(), option.rect.top(), self._layout_width(option), 0)
        return self.geometry(option.font, rect, h, model.tags_of(h), model.quote(index.row()))

    @staticmethod
    def _layout_width(option: QStyleOptionViewItem) -> int:
        """The width rows are laid out for: the view's inside minus a vertical scroll bar, whether
        or not one shows, so heights do not change (and all rows get measured again) when it
        appears."""
        view = option.widget
        if not isinstance(view, QAbstractItemView):
            return option.rect.width()
        bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
        return max(60, view.width() - 2 * view.frameWidth() - bar)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Height for the view's current width; cached per (highlight, tags, width)."""
        width = self._layout_width(option)
        model: HighlightsModel = index.model()  # type: ignore[assignment]
        row = index.row()
        h = model.info(row)
        self._metrics(option.font)
        key = (h.id, h.orphaned, h.tag_ids, h.quote, model.tags_version, width)
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 50000:
                self._heights.clear()
            height = self._heights[key] = self.geometry(option.font, QRect(0, 0, width, 0), h, model.tags_of(h),
                                                        model.quote(row)).height
        return QSize(max(60, width), height)

    # ---- painting --------------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        painter.save()
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)
        model: HighlightsModel = index.model()  # type: ignore[assignment]
        h = model.info(index.row())
        g = self._geometry_for(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        ink = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = QColor(ink)
        grey.setAlphaF(0.6)
        if g.icon is not None and style is not None:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, opt.widget)
            icon.paint(painter, g.icon)
        self._paint_quote(painter, option.font, g, f"“{model.quote(index.row())}”", ink, h.orphaned)
        self._paint_chips(painter, option.font, g, grey)
        painter.setFont(option.font)
        painter.setPen(grey)
        note = " ".join((h.note or "").split())
        inner = g.note.adjusted(2, 0, -2, 0)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if note:
            painter.drawText(inner, flags, option.fontMetrics.elidedText(note, Qt.TextElideMode.ElideRight, inner.width()))
        elif selected:
            f = QFont(option.font)
            f.setItalic(True)
            painter.setFont(f)
            painter.drawText(inner, flags, QFontMetrics(f).elidedText(self.placeholder, Qt.TextElideMode.ElideRight, inner.width()))
        line = QColor(pal.color(QPalette.ColorRole.Mid))
        line.setAlphaF(0.35)
        painter.setPen(line)
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()

    @staticmethod
    def _paint_quote(painter: QPainter, base: QFont, g: RowGeometry, text: str, ink: QColor, italic: bool) -> None:
        f = QFont(base)
        f.setItalic(italic)
        fm = QFontMetrics(f)
        painter.setFont(f)
        painter.setPen(ink)
        r, flags = g.quote, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        lh = fm.lineSpacing()
        if g.quote_lines == 1 or fm.horizontalAdvance(text) <= r.width():
            painter.drawText(QRect(r.left(), r.top(), r.width(), lh), flags, text)
            return
        cut = _first_line_end(fm, text, r.width())
        painter.drawText(QRect(r.left(), r.top(), r.width(), lh), flags, text[:cut].rstrip())
        rest = fm.elidedText(text[cut:].lstrip(), Qt.TextElideMode.ElideRight, r.width())
        painter.drawText(QRect(r.left(), r.top() + lh, r.width(), lh), flags, rest)

    def _paint_chips(self, painter: QPainter, base: QFont, g: RowGeometry, grey: QColor) -> None:
        painter.setFont(self._metrics(base).chip_font)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        center = int(Qt.AlignmentFlag.AlignCenter)
        for tag, chip, x, name in g.chips:
            color = QColor(tag.color)
            ink = QColor("#000000" if color.lightnessF() > 0.6 else "#FFFFFF")
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2)
            painter.setPen(ink)
            text_rect = QRect(chip.left() + CHIP_PAD, chip.top(), x.left() - chip.left() - CHIP_PAD, chip.height())
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            painter.drawText(x, center, "×")
        if g.no_tag is not None:
            painter.setPen(grey)
            painter.drawText(g.no_tag, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.no_tag_text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    # ---- interaction -----------------------------------------------------------------------------
    def remove_button_rects(self, option: QStyleOptionViewItem, index: Index) -> dict[int, QRect]:
        """The “×” of each chip by tag id, in view (viewport) coordinates."""
        return {t.id: x for t, _chip, x, _name in self._geometry_for(option, index).chips}

    def editorEvent(self, event: QEvent, model, option: QStyleOptionViewItem, index: Index) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease) and isinstance(event, QMouseEvent) \
                and event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            for tid, rect in self.remove_button_rects(option, index).items():
                if rect.contains(pos):
                    if event.type() == QEvent.Type.MouseButtonRelease:
                        self._consumed = True
                        self.tag_remove_requested.emit(int(index.data(INFO_ROLE).id), tid)
                    return True
        return super().editorEvent(event, model, option, index)

    def take_consumed_click(self) -> bool:
        """True once after a click that removed a tag (the view's ``clicked`` should be ignored)."""
        consumed, self._consumed = self._consumed, False
        return consumed

    def helpEvent(self, event, view, option, index) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            g = self._geometry_for(option, index)
            for tag, chip, x, _name in g.chips:
                if chip.contains(event.pos()):
                    from PySide6.QtWidgets import QToolTip

                    QToolTip.showText(event.globalPos(), self.remove_tip if x.contains(event.pos()) else tag.path, view)
                    return True
        return super().helpEvent(event, view, option, index)

    # ---- note editor -----------------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setPlaceholderText(self.tr("Add a note…"))
        editor.setObjectName("note_editor")
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        if isinstance(editor, QLineEdit) and not editor.isModified():  # never overwrite typing
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model, index: Index) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        editor.setGeometry(self._geometry_for(option, index).note)


def _first_line_end(fm: QFontMetrics, text: str, width: int) -> int:
    """Code-point index where the first wrapped line ends (at a space when one is in its second half)."""
    lo, hi = 1, len(text)
    while lo < hi:  # largest prefix that fits
        mid = (lo + hi + 1) // 2
        if fm.horizontalAdvance(text[:mid]) <= width:
            lo = mid
        else:
            hi = mid - 1
    space = text.rfind(" ", 0, lo + 1)
    return space if space > lo // 2 else lo
