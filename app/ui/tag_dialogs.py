"""Dialogs of the codebook dock: edit a tag, merge it into another, preview rule matches.

Rules: dialogs only collect choices; the dock turns them into undo commands. The suggestion
preview applies nothing itself: it returns the checked, visible suggestions.
"""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.korean.matching import merge_spans, quick_spans
from app.core.korean.query import QueryPlan
from app.services.dto import TagInfo
from app.ui.codebook_model import swatch


class ColorButton(QPushButton):
    """Shows a colour; clicking opens QColorDialog."""

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_color(color)
        self.clicked.connect(self._pick)

    def set_color(self, color: str) -> None:
        self.color = QColor(color).name().upper()
        self.setIcon(swatch(self.color, 16))
        self.setText(self.color)

    def _pick(self) -> None:
        c = QColorDialog.getColor(QColor(self.color), self, self.tr("Tag colour"))
        if c.isValid():
            self.set_color(c.name())


class TagEditDialog(QDialog):
    """Name, colour, description, shortcut and suggestion rules of one tag."""

    def __init__(self, tag: TagInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = tag
        self.setWindowTitle(self.tr("Edit tag"))
        self.name = QLineEdit(tag.name)
        self.color = ColorButton(tag.color)
        self.description = QPlainTextEdit(tag.description or "")
        self.description.setMaximumHeight(80)
        self.shortcut = QKeySequenceEdit(QKeySequence(tag.shortcut or ""))
        self.shortcut.setMaximumSequenceLength(1)
        self.shortcut.setClearButtonEnabled(True)
        self.rules = QPlainTextEdit(tag.rules or "")
        self.rules.setMaximumHeight(80)
        self.rules.setPlaceholderText(self.tr("e.g. 반도체, 파운드리, 팹리스"))
        hint = QLabel(self.tr("Words separated by commas. “Code all matches…” suggests sentences that "
                              "contain them in any inflected form (정부는, 정부가 → 정부)."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Colour"), self.color)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Shortcut"), self.shortcut)
        form.addRow(self.tr("Rules"), self.rules)
        form.addRow("", hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the tag (empty strings become None)."""
        new = {
            "name": " ".join(self.name.text().split()),
            "color": self.color.color,
            "description": self.description.toPlainText().strip() or None,
            "shortcut": self.shortcut.keySequence().toString(QKeySequence.SequenceFormat.PortableText) or None,
            "rules": self.rules.toPlainText().strip() or None,
        }
        return {k: v for k, v in new.items() if v != (getattr(self.tag, k) if k != "color" else self.tag.color.upper())}


class MergeTagDialog(QDialog):
    """Pick the tag that takes over the highlights of ``source``."""

    def __init__(self, source: TagInfo, candidates: list[TagInfo], usage: tuple[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge tag"))
        subtags, highlights = usage
        self.target = QComboBox()
        for t in candidates:
            self.target.addItem(swatch(t.color), t.path, t.id)
        text = self.tr("Merge “%s” into:") % source.path
        info = self.tr("%d highlights will be tagged with the chosen tag. “%s” will be deleted") % (highlights, source.name)
        if subtags > 1:
            info += self.tr(", with its %d sub-tags") % (subtags - 1)
        info += self.tr(". You can undo this.")
        self.info = QLabel(info)
        self.info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(candidates))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        layout.addWidget(self.target)
        layout.addWidget(self.info)
        layout.addWidget(buttons)

    def target_id(self) -> int | None:
        tid = self.target.currentData()
        return tid if isinstance(tid, int) else None


class SuggestionDialog(QDialog):
    """Rule matches with check boxes; only checked rows that pass the word filter are applied."""

    def __init__(self, tag: TagInfo, suggestions: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Code all matches: %s") % tag.name)
        self.resize(820, 480)
        self.min_words = QSpinBox()
        most = max((len(s["matched"]) for s in suggestions), default=1)
        self.min_words.setRange(1, max(most, 1))
        self.min_words.setValue(min(2, max(most, 1)))
        self.min_words.valueChanged.connect(self._filter)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Article"), self.tr("Passage"), self.tr("Words")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 200)
        self.passage = QLabel()
        self.passage.setWordWrap(True)
        self.passage.setTextFormat(Qt.TextFormat.RichText)
        self.passage.setMinimumHeight(self.passage.fontMetrics().height() * 3)
        self.passage.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.tree.currentItemChanged.connect(self._show_passage)
        for s in suggestions:
            item = QTreeWidgetItem([s.get("title") or "", " ".join(s["text"].split()), ", ".join(m.lstrip("~") for m in s["matched"])])
            item.setCheckState(0, Qt.CheckState.Checked)
            item.setToolTip(1, s["text"])
            item.setData(0, Qt.ItemDataRole.UserRole, s)
            self.tree.addTopLevelItem(item)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Sentences with at least")))
        top.addWidget(self.min_words)
        top.addWidget(QLabel(self.tr("different rule words")))
        top.addStretch(1)
        for label, state in ((self.tr("Check all"), Qt.CheckState.Checked), (self.tr("Check none"), Qt.CheckState.Unchecked)):
            b = QPushButton(label)
            b.clicked.connect(lambda _=False, st=state: self._check_all(st))
            top.addWidget(b)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.passage)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.tree.itemChanged.connect(lambda *_: self._update_summary())
        self._filter()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _show_passage(self, item: QTreeWidgetItem | None) -> None:
        """The whole passage of the current row, its rule words in bold."""
        if item is None:
            self.passage.clear()
            return
        s = item.data(0, Qt.ItemDataRole.UserRole)
        text = " ".join(s["text"].split())
        words = [m for m in s["matched"] if not m.startswith("~")]
        spans = quick_spans(text, QueryPlan("", tuple((w,) for w in words)))
        spans += [(i, i + len(m) - 1) for m in s["matched"] if m.startswith("~")
                  for i in [text.lower().find(m[1:])] if i >= 0]
        out, pos = [], 0
        for a, b in merge_spans(spans):
            out += [html.escape(text[pos:a]), "<b>", html.escape(text[a:b]), "</b>"]
            pos = b
        text = "".join(out) + html.escape(text[pos:])
        self.passage.setText(text)

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def _filter(self) -> None:
        n = self.min_words.value()
        for item in self._items():
            item.setHidden(len(item.data(0, Qt.ItemDataRole.UserRole)["matched"]) < n)
        self._update_summary()

    def _check_all(self, state: Qt.CheckState) -> None:
        for item in self._items():
            if not item.isHidden():
                item.setCheckState(0, state)

    def _update_summary(self) -> None:
        n = len(self.chosen())
        self.summary.setText(self.tr("%d passages will be highlighted (one undo step).") % n)
        self.apply_button.setText(self.tr("Highlight %d") % n)
        self.apply_button.setEnabled(n > 0)

    def chosen(self) -> list[dict[str, Any]]:
        """Suggestions that are visible and checked."""
        return [it.data(0, Qt.ItemDataRole.UserRole) for it in self._items()
                if not it.isHidden() and it.checkState(0) == Qt.CheckState.Checked]
