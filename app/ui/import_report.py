"""What an import did: the summary (plain data) and the report dialog.

Rules: the report lists every file once, failures first (with their one-line reason), then
duplicates, then imported articles (with their title); double-clicking an imported or duplicate
row opens that article; "Copy report" puts a tab-separated copy on the clipboard.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import ImportResult
from app.ui.context import AppContext

ORDER = {"failed": 0, "duplicate": 1, "imported": 2}


@dataclass
class ImportSummary:
    """Results of one import run; ``error`` is set when the import itself broke off."""

    results: list[ImportResult] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False
    error: str | None = None

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def imported_ids(self) -> list[int]:
        return [r.article_id for r in self.results if r.status == "imported" and r.article_id is not None]


def summary_text(s: ImportSummary, tr=lambda x: x) -> str:  # type: ignore[no-untyped-def]
    """One line: '2 imported, 1 duplicate, 1 failed' (+ cancelled / error)."""
    parts = [tr("%d imported") % s.count("imported")]
    if s.count("duplicate"):
        parts.append(tr("%d already in the library") % s.count("duplicate"))
    if s.count("failed"):
        parts.append(tr("%d failed") % s.count("failed"))
    text = ", ".join(parts)
    if s.cancelled:
        text += " " + tr("(cancelled after %d of %d files)") % (len(s.results), s.total or len(s.results))
    if s.error:
        text += " — " + s.error
    return text


class ImportReportDialog(QDialog):
    """Lists imported / duplicate / failed files of one import."""

    def __init__(self, ctx: AppContext, summary: ImportSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.summary = ctx, summary
        self.setWindowTitle(self.tr("Import report"))
        self.resize(760, 420)
        self.heading = QLabel(summary_text(summary, self.tr))
        self.heading.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Result"), self.tr("File"), self.tr("Title or reason")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(1, 260)
        self.tree.itemDoubleClicked.connect(self._open)
        labels = {"failed": self.tr("Failed"), "duplicate": self.tr("Duplicate"), "imported": self.tr("Imported")}
        icons = {
            "failed": QStyle.StandardPixmap.SP_MessageBoxCritical,
            "duplicate": QStyle.StandardPixmap.SP_MessageBoxInformation,
            "imported": QStyle.StandardPixmap.SP_DialogApplyButton,
        }
        for r in sorted(summary.results, key=lambda r: ORDER.get(r.status, 3)):
            detail = r.reason if r.status == "failed" else (r.title or "")
            item = QTreeWidgetItem([labels.get(r.status, r.status), _short(r.source), detail or ""])
            item.setIcon(0, self.style().standardIcon(icons.get(r.status, icons["failed"])))
            item.setToolTip(1, r.source)
            item.setToolTip(2, detail or "")
            item.setData(0, Qt.ItemDataRole.UserRole, r.article_id)
            self.tree.addTopLevelItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        """(result, file, title or reason) as shown, top to bottom."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            it = self.tree.topLevelItem(i)
            out.append((it.text(0), it.toolTip(1), it.text(2)))
        return out

    def copy_report(self) -> None:
        lines = [self.heading.text()] + ["\t".join(row) for row in self.rows()]
        QGuiApplication.clipboard().setText("\n".join(lines))

    def _open(self, item: QTreeWidgetItem) -> None:
        aid = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(aid, int):
            self.ctx.events.article_selected.emit(aid)


def _short(source: str) -> str:
    """The last two path components: enough to recognise a file without a wall of folders."""
    parts = source.replace("\\", "/").rstrip("/").split("/")
    return "/".join(parts[-2:]) if len(parts) > 2 else source
