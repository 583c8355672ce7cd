"""File ▸ Export: pick a format and the filters, see a preview of the rows, write the file.

Rules: the filters are the article list's (tag with its children, this article only, published
since/until); the preview shows the first rows exactly as the CSV will hold them; writing runs off
the UI thread and the file appears only when complete (the writers write atomically).
"""
from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QDate, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.export.table import COLUMNS, highlight_rows
from app.services.exports import ExportFilter, write_export
from app.services.unit_of_work import ServiceError
from app.ui.context import AppContext

PREVIEW_ROWS = 20
FORMATS: tuple[tuple[str, str, str], ...] = (
    ("csv", "CSV for Excel (UTF-8 with BOM)", "csv"),
    ("xlsx", "Excel workbook (.xlsx)", "xlsx"),
    ("json", "W3C Web Annotation (JSON-LD)", "jsonld"),
    ("qdpx", "REFI-QDA project (.qdpx: ATLAS.ti, MAXQDA, NVivo, QualCoder)", "qdpx"),
    ("qdc", "REFI-QDA codebook (.qdc)", "qdc"),
    ("bundle", "Bonmun bundle (lossless backup)", "bonmun.zip"),
)


class _Signals(QObject):
    done = Signal(int)
    failed = Signal(str)


class _ExportJob(QRunnable):
    def __init__(self, ctx: AppContext, fmt: str, out: str, f: ExportFilter, wide: bool, raw: bool) -> None:
        super().__init__()
        self.signals = _Signals()
        self.args = (ctx, fmt, out, f, wide, raw)

    def run(self) -> None:
        ctx, fmt, out, f, wide, raw = self.args
        lib = ctx.library
        try:
            n = write_export(lib.exports, lib.db, fmt, out, f, wide=wide, raw=raw, user=lib.highlights.annotator)
        except (ServiceError, OSError, ValueError) as exc:
            self.signals.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            return
        self.signals.done.emit(n)


def _optional_date(parent: QWidget) -> tuple[QCheckBox, QDateEdit]:
    box = QCheckBox(parent)
    edit = QDateEdit(QDate.currentDate(), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    box.toggled.connect(edit.setEnabled)
    return box, edit


class ExportDialog(QDialog):
    """Format, filters, destination and a live preview of the exported rows."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Export"))
        self.resize(900, 560)
        self.format = QComboBox(self)
        for key, label, _ in FORMATS:
            self.format.addItem(self.tr(label), key)
        self.tag = QComboBox(self)
        self.tag.addItem(self.tr("All tags"), None)
        for t in ctx.library.codebook.tree():
            self.tag.addItem("    " * t.path.count("/") + t.name, t.id)
        self.only_article = QCheckBox(self.tr("Only the article in the reader"), self)
        self.only_article.setEnabled(ctx.current_article_id is not None)
        self.since_on, self.since = _optional_date(self)
        self.until_on, self.until = _optional_date(self)
        self.wide = QCheckBox(self.tr("One row per highlight (tags joined)"), self)
        self.raw = QCheckBox(self.tr("Keep formula-like cells as they are (unsafe in Excel)"), self)
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose)
        self.count = QLabel(self)
        self.preview = QTableWidget(0, len(COLUMNS), self)
        self.preview.setHorizontalHeaderLabels(list(COLUMNS))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._export)
        self.buttons.rejected.connect(self.reject)
        self._layout(browse)
        for sig in (self.format.currentIndexChanged, self.tag.currentIndexChanged, self.only_article.toggled,
                    self.since_on.toggled, self.until_on.toggled, self.since.dateChanged, self.until.dateChanged,
                    self.wide.toggled, self.raw.toggled):
            sig.connect(self.refresh)
        self._suggest_path()
        self.refresh()

    def _layout(self, browse: QPushButton) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Tag"), self.tag)
        form.addRow("", self.only_article)
        for label, box, edit in ((self.tr("Published since"), self.since_on, self.since),
                                 (self.tr("Published until"), self.until_on, self.until)):
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(edit, 1)
            form.addRow(label, row)
        form.addRow("", self.wide)
        form.addRow("", self.raw)
        dest = QHBoxLayout()
        dest.addWidget(self.path, 1)
        dest.addWidget(browse)
        form.addRow(self.tr("Save to"), dest)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.count)
        lay.addWidget(self.preview, 1)
        lay.addWidget(self.buttons)

    # ---- state -----------------------------------------------------------------------------
    def fmt(self) -> str:
        return str(self.format.currentData())

    def current_filter(self) -> ExportFilter:
        tag_id = self.tag.currentData()
        tags = self.ctx.library.exports.tag_subtree(int(tag_id)) if tag_id is not None else None
        art = self.ctx.current_article_id if self.only_article.isChecked() else None
        since = self.since.date().toString("yyyy-MM-dd") if self.since_on.isChecked() else None
        until = self.until.date().toString("yyyy-MM-dd") if self.until_on.isChecked() else None
        return ExportFilter(tags, frozenset({art}) if art is not None else None, since, until)

    def _suggest_path(self) -> None:
        ext = dict((k, e) for k, _, e in FORMATS)[self.fmt()]
        current = self.path.text().strip()
        base = Path(current).parent if current else Path.home()
        self.path.setText(str(base / f"bonmun-export.{ext}"))

    def _choose(self) -> None:
        ext = dict((k, e) for k, _, e in FORMATS)[self.fmt()]
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text(), f"*.{ext}")
        if path:
            self.path.setText(path)

    def refresh(self) -> None:
        """Re-count and re-preview for the current format and filters."""
        if not self.path.text().endswith(dict((k, e) for k, _, e in FORMATS)[self.fmt()]):
            self._suggest_path()
        tabular = self.fmt() in ("csv", "xlsx")
        self.wide.setEnabled(tabular)
        self.raw.setEnabled(self.fmt() == "csv")
        records = self.ctx.library.exports.iter_records(self.current_filter())
        sample = list(itertools.islice(records, PREVIEW_ROWS))
        rows = list(itertools.islice(highlight_rows(sample, wide=self.wide.isChecked(), raw=self.raw.isChecked()), PREVIEW_ROWS))
        total = self.ctx.library.exports.count(self.current_filter())
        self.count.setText(self.tr("%n highlight(s) match these filters", "", total))
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(str(value))
                item.setToolTip(str(value))
                self.preview.setItem(r, c, item)
        self.preview.resizeColumnsToContents()
        for c in range(len(COLUMNS)):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 260))

    # ---- write -----------------------------------------------------------------------------
    def _export(self) -> None:
        out = self.path.text().strip()
        if not out:
            self.count.setText(self.tr("Choose where to save the export."))
            return
        job = _ExportJob(self.ctx, self.fmt(), out, self.current_filter(), self.wide.isChecked(), self.raw.isChecked())
        job.signals.done.connect(lambda n: self._finished(out, n))
        job.signals.failed.connect(self._failed)
        self.buttons.setEnabled(False)
        self.count.setText(self.tr("Exporting…"))
        self._job = job
        QThreadPool.globalInstance().start(job)

    def _finished(self, out: str, n: int) -> None:
        self.ctx.events.status_message.emit(self.tr("Exported %1 items to %2").replace("%1", str(n)).replace("%2", out))
        self.accept()

    def _failed(self, reason: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.buttons.setEnabled(True)
        self.count.setText(reason)
        QMessageBox.warning(self, self.tr("Export failed"), reason)

