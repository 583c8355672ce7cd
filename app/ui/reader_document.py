"""The reader's document: the clean body (or every input line) laid out for reading, and the map
between document positions (Qt, UTF-16) and body offsets (Python code points).

Rules:
- Body paragraphs (``body.split("\\n")``) become one text block each, so in the normal view a
  document position is the body's UTF-16 offset; conversions go through :class:`OffsetMap` only.
- With removed text shown, every input segment is a block: a kept segment that matches the next
  body paragraph shows that paragraph's exact text (so highlights stay placed); removed segments are
  greyed, struck through, and start with their reason label; they map to no body offset.
- Layout: ~1.7 line height, space between paragraphs, the app's Korean font.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from app.core.cleaning.model import segment_key
from app.core.offsets import OffsetMap
from app.services.dto import SegmentView

LINE_HEIGHT_PERCENT = 170
PARAGRAPH_SPACING_EM = 0.9

_REASONS = {
    "portal-ui": QT_TRANSLATE_NOOP("reason", "portal menu"),
    "ad": QT_TRANSLATE_NOOP("reason", "advertisement"),
    "share-print-font": QT_TRANSLATE_NOOP("reason", "share / print buttons"),
    "related-news": QT_TRANSLATE_NOOP("reason", "related news"),
    "byline-date": QT_TRANSLATE_NOOP("reason", "byline / date"),
    "signoff-email": QT_TRANSLATE_NOOP("reason", "reporter sign-off"),
    "copyright": QT_TRANSLATE_NOOP("reason", "copyright"),
    "photo-caption": QT_TRANSLATE_NOOP("reason", "photo caption"),
    "duplicate": QT_TRANSLATE_NOOP("reason", "duplicate"),
    "title": QT_TRANSLATE_NOOP("reason", "title"),
    "comment-widget": QT_TRANSLATE_NOOP("reason", "comments"),
    "promo-link": QT_TRANSLATE_NOOP("reason", "promotion link"),
    "not-body": QT_TRANSLATE_NOOP("reason", "not body text"),
    "user-removed": QT_TRANSLATE_NOOP("reason", "removed by you"),
}


def reason_label(reason: str | None) -> str:
    """Human label (translated) for a cleaner reason code."""
    if not reason:
        return QCoreApplication.translate("reason", "removed")
    return QCoreApplication.translate("reason", _REASONS.get(reason, reason))


@dataclass
class DocBlock:
    """What one document block shows: a body paragraph (``paragraph``) and/or an input segment."""

    paragraph: int | None
    segment: SegmentView | None
    label_len: int = 0  # UTF-16 length of the reason label at the block's start


class ReaderLayout:
    """Places body paragraphs in a document and converts positions both ways."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.offsets = OffsetMap(body)
        self.paragraphs = body.split("\n")
        self.para_py: list[int] = []
        pos = 0
        for p in self.paragraphs:
            self.para_py.append(pos)
            pos += len(p) + 1
        self.para_u16 = [self.offsets.to_utf16(p) for p in self.para_py]
        self.para_pos: list[int | None] = [None] * len(self.paragraphs)
        self.blocks: list[DocBlock] = []

    # ---- body -> document -------------------------------------------------------------------
    def to_doc(self, py: int) -> int | None:
        """Document position of body offset ``py``, or None when its paragraph is not shown."""
        p = bisect_right(self.para_py, py) - 1
        base = self.para_pos[p]
        if base is None:
            return None
        return base + self.offsets.to_utf16(py) - self.para_u16[p]

    def doc_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """Document ranges showing body ``[start, end)``: one per shown paragraph it touches."""
        a, b = self.to_doc(start), self.to_doc(end)
        if a is not None and b is not None and b - a == self.offsets.to_utf16(end) - self.offsets.to_utf16(start):
            return [(a, b)] if b > a else []
        out = []
        first, last = bisect_right(self.para_py, start) - 1, bisect_right(self.para_py, end) - 1
        for p in range(first, last + 1):
            s = max(start, self.para_py[p])
            e = min(end, self.para_py[p] + len(self.paragraphs[p]))
            ds, de = self.to_doc(s), self.to_doc(e)
            if ds is not None and de is not None and de > ds:
                out.append((ds, de))
        return out

    # ---- document -> body -------------------------------------------------------------------
    def to_body(self, block_number: int, offset_in_block: int, round_up: bool = False) -> int | None:
        """Body offset of a position inside a block, or None for a block not in the body.

        A position inside a surrogate pair rounds down, or up with ``round_up`` (selection ends)."""
        if not 0 <= block_number < len(self.blocks):
            return None
        b = self.blocks[block_number]
        if b.paragraph is None:
            return None
        p = b.paragraph
        u16 = self.para_u16[p] + max(0, offset_in_block - b.label_len)
        u16 = min(u16, self.offsets.to_utf16(self.para_py[p] + len(self.paragraphs[p])))
        py = self.offsets.to_py(u16)
        if round_up and self.offsets.to_utf16(py) < u16:
            py += 1
        return py

    def selection_to_body(self, doc: QTextDocument, start: int, end: int) -> tuple[int, int] | None:
        """Body span of the document selection ``[start, end)``; ends in removed lines move inwards."""
        first, last = doc.findBlock(start), doc.findBlock(end)
        s = self.to_body(first.blockNumber(), start - first.position())
        n = first.blockNumber()
        while s is None and n < last.blockNumber():
            n += 1
            s = self.to_body(n, 0)
        e = self.to_body(last.blockNumber(), end - last.position(), round_up=True)
        n = last.blockNumber()
        while e is None and n > first.blockNumber():
            n -= 1
            para = self.blocks[n].paragraph
            if para is not None:
                e = self.para_py[para] + len(self.paragraphs[para])
        if s is None or e is None or e <= s:
            return None
        return s, e

    def block_at(self, block_number: int) -> DocBlock | None:
        return self.blocks[block_number] if 0 <= block_number < len(self.blocks) else None


@dataclass(frozen=True)
class ReaderStyle:
    font: QFont
    removed_color: QColor
    label_color: QColor


def build_document(doc: QTextDocument, body: str, style: ReaderStyle, segments: list[SegmentView] | None = None,
                   prepare: Callable[[QTextDocument], None] | None = None) -> ReaderLayout:
    """Fill ``doc`` with the body (or all ``segments``) and return the position map.

    ``prepare`` runs on the empty document after font and margins are set (e.g. to fit the text
    column), so the text is laid out once."""
    layout = ReaderLayout(body)
    doc.clear()
    doc.setDefaultFont(style.font)
    doc.setDocumentMargin(max(16.0, style.font.pointSizeF() * 1.6))
    if prepare is not None:
        prepare(doc)
    block_fmt = QTextBlockFormat()
    block_fmt.setLineHeight(LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    block_fmt.setBottomMargin(style.font.pointSizeF() * PARAGRAPH_SPACING_EM * 1.33)
    plain = QTextCharFormat()
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    first = True

    def new_block(fmt: QTextBlockFormat) -> None:
        nonlocal first
        if first:
            cursor.setBlockFormat(fmt)
            cursor.setBlockCharFormat(plain)
            first = False
        else:
            cursor.insertBlock(fmt, plain)

    if segments is None:
        for i, text in enumerate(layout.paragraphs):
            new_block(block_fmt)
            layout.para_pos[i] = cursor.position()
            layout.blocks.append(DocBlock(i, None))
            cursor.insertText(text, plain)
    else:
        removed_fmt = QTextCharFormat()
        removed_fmt.setForeground(style.removed_color)
        removed_fmt.setFontStrikeOut(True)
        label_fmt = QTextCharFormat()
        label_fmt.setForeground(style.label_color)
        label_fmt.setFontPointSize(max(7.0, style.font.pointSizeF() * 0.75))
        label_fmt.setFontItalic(True)
        removed_block = QTextBlockFormat(block_fmt)
        removed_block.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        next_para = 0
        for seg in segments:
            matched = (
                seg.kept
                and next_para < len(layout.paragraphs)
                and segment_key(layout.paragraphs[next_para]) == segment_key(seg.text)
            )
            if matched:
                new_block(block_fmt)
                layout.para_pos[next_para] = cursor.position()
                layout.blocks.append(DocBlock(next_para, seg))
                cursor.insertText(layout.paragraphs[next_para], plain)
                next_para += 1
            elif seg.kept:
                new_block(block_fmt)
                layout.blocks.append(DocBlock(None, seg))
                cursor.insertText(seg.text, plain)
            else:
                new_block(removed_block)
                label = f"[{reason_label(seg.reason)}]\u00a0"
                layout.blocks.append(DocBlock(None, seg, len(label.encode("utf-16-le")) // 2))
                cursor.insertText(label, label_fmt)
                cursor.insertText(seg.text, removed_fmt)
    cursor.endEditBlock()
    doc.setModified(False)
    return layout
