"""The reader's header (title, outlet, reporter, date, source) and its orphaned-highlights banner.

Rules: web sources are shown as a link that opens in the system browser only when clicked (http
and https only); file sources show their file name (full path in the tooltip); orphaned highlights
(their text is gone from the body) are listed in a banner with their quotes, never hidden.
"""
from __future__ import annotations

import html
from pathlib import PurePath

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.services.dto import ArticleDetail, HighlightInfo

QUOTE_CHARS = 60


def is_web(url: str | None) -> bool:
    return bool(url) and QUrl(url).scheme().lower() in ("http", "https")


def open_web_link(link: str) -> bool:
    """Open an http(s) link in the system browser; anything else is refused."""
    if not is_web(link):
        return False
    return QDesktopServices.openUrl(QUrl(link))


class ReaderHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(self)
        self.meta.setWordWrap(True)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source = QLabel(self)
        self.source.setTextFormat(Qt.TextFormat.RichText)
        self.source.setOpenExternalLinks(False)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source.linkActivated.connect(open_web_link)
        self.source.setWordWrap(True)
        self.removed_button = QToolButton(self)
        self.removed_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.removed_button.setStyleSheet(
            "QToolButton { padding: 3px 8px; } "
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border: 1px solid palette(dark); border-radius: 3px; }")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.removed_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 10, 16, 6)
        box.setSpacing(2)
        box.addLayout(top)
        box.addWidget(self.meta)
        box.addWidget(self.source)
        self.show_article(None)

    def show_article(self, a: ArticleDetail | None) -> None:
        if a is None:
            self.title.setText(self.tr("No article selected"))
            self.meta.clear()
            self.source.clear()
            self.removed_button.setEnabled(False)
            return
        self.removed_button.setEnabled(True)
        self.title.setText(a.title or self.tr("(untitled)"))
        date = (a.published_at or "").replace("T", " ")[:16]
        parts = [p for p in (a.outlet, a.reporter, date) if p]
        self.meta.setText(" · ".join(parts) if parts else self.tr("No outlet, reporter or date found"))
        link = a.url if is_web(a.url) else (a.source if is_web(a.source) else None)
        if link:
            shown = html.escape(link if len(link) <= 90 else link[:87] + "…")
            self.source.setText(f'<a href="{html.escape(link, quote=True)}">{shown}</a>')
            self.source.setToolTip(self.tr("Opens in your web browser"))
        elif a.source:
            self.source.setText(html.escape(PurePath(a.source).name or a.source))
            self.source.setToolTip(a.source)
        else:
            self.source.clear()
            self.source.setToolTip("")


class OrphanBanner(QWidget):
    """"N highlights could not be re-anchored" with their quotes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setStyleSheet("QLabel { background: #FFF3CD; color: #5C4400; border: 1px solid #E0C070;"
                                 " border-radius: 4px; padding: 6px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 0, 16, 4)
        box.addWidget(self.label)
        self.hide()

    def show_orphans(self, orphans: list[HighlightInfo]) -> None:
        if not orphans:
            self.hide()
            return
        head = self.tr("%n highlight(s) could not be re-anchored: their text is no longer in the body.", "", len(orphans))
        quotes = "".join(
            f"<li>“{html.escape(h.quote[:QUOTE_CHARS] + ('…' if len(h.quote) > QUOTE_CHARS else ''))}”</li>"
            for h in orphans[:10]
        )
        more = self.tr("… and %n more", "", len(orphans) - 10) if len(orphans) > 10 else ""
        self.label.setText(f"<b>{html.escape(head)}</b><ul style='margin:0'>{quotes}</ul>{html.escape(more)}")
        self.show()
