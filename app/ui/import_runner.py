"""Getting articles in: files and folders (a ``bonmun import --jsonl`` child), clipboard, drops.

Rules:
- Imports run in a child process (cleaning and indexing need Kiwi, which never loads in the GUI).
  A progress dialog shows "n of total" and a Cancel button; cancelling terminates the child, which
  is safe because every article is its own transaction (finished articles stay, nothing half-made).
- A second ``start`` while an import runs is queued and runs next.
- At the end: a report dialog when something failed, the import broke off, or the caller asked for
  it; otherwise a status-bar message. ``articles_changed`` is emitted when anything was imported.
- Clipboard content (HTML when there is some, else text) is imported by the worker process
  (``import_clipboard``), which already has Kiwi loaded.
"""
from __future__ import annotations

import json
from collections import deque
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QProgressDialog, QWidget

from app.services.dto import ImportResult
from app.ui.context import AppContext
from app.ui.import_report import ImportReportDialog, ImportSummary, summary_text
from app.ui.worker_client import WorkerClient, child_process, shared_worker

KILL_AFTER_MS = 3000


class ImportRunner(QObject):
    """Runs imports one after another and reports them (see module rules)."""

    finished = Signal(object)  # ImportSummary
    progress = Signal(int, int)  # done, total

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, worker: WorkerClient | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._worker = worker
        self._queue: deque[tuple[list[str], bool]] = deque()
        self._proc: QProcess | None = None
        self._summary = ImportSummary()
        self._show_report = False
        self._stderr: list[str] = []
        self._dialog: QProgressDialog | None = None
        self.last_report: ImportReportDialog | None = None
        self._run = 0

    # ---- public ---------------------------------------------------------------------------------
    def start(self, paths: list[str] | list[Path], *, show_report: bool = False) -> None:
        """Import files and folders (queued behind a running import)."""
        items = [str(p) for p in paths]
        if not items:
            return
        self._queue.append((items, show_report))
        if self._proc is None:
            self._next()

    def paste(self) -> None:
        """Ctrl+Shift+V: import what the system clipboard holds (its HTML flavour when it has one)."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not (mime.hasHtml() or mime.hasText()):
            self.ctx.events.status_message.emit(self.tr("The clipboard holds no text to import"))
            return
        self.import_clipboard(mime.text() if mime.hasText() else "", mime.html() if mime.hasHtml() else None)

    def import_clipboard(self, text: str, html: str | None = None) -> None:
        """Make an article from clipboard (or dropped) content, in the worker process."""
        worker = self._worker or shared_worker(self.ctx)
        self.ctx.events.status_message.emit(self.tr("Importing from the clipboard…"))
        worker.request("import_clipboard", {"text": text or "", "html": html or None}, self._clipboard_done)

    def is_running(self) -> bool:
        return self._proc is not None

    def cancel(self) -> None:
        """Stop the running import (finished articles stay) and drop queued ones."""
        self._queue.clear()
        proc = self._proc
        if proc is None:
            return
        self._summary.cancelled = True
        proc.terminate()
        run = self._run
        QTimer.singleShot(KILL_AFTER_MS, lambda: self._kill(run))

    def _kill(self, run: int) -> None:
        if self._proc is not None and self._run == run:  # still the same import: it ignored SIGTERM
            self._proc.kill()

    # ---- running --------------------------------------------------------------------------------
    def _next(self) -> None:
        if not self._queue:
            return
        paths, self._show_report = self._queue.popleft()
        self._run += 1
        self._summary = ImportSummary(total=len(paths))
        self._stderr = []
        proc = child_process(self, "--db", self.ctx.library.url, "import", "--jsonl", *paths)
        proc.readyReadStandardOutput.connect(self._read)
        proc.readyReadStandardError.connect(self._read_stderr)
        proc.finished.connect(self._done)
        proc.errorOccurred.connect(self._error)
        self._proc = proc
        self._open_progress(len(paths))
        proc.start()

    def _open_progress(self, n: int) -> None:
        dlg = QProgressDialog(self.tr("Starting the import…"), self.tr("Cancel"), 0, 0, self._parent)
        dlg.setWindowTitle(self.tr("Importing"))
        dlg.setWindowModality(Qt.WindowModality.NonModal)
        dlg.setMinimumDuration(400)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.canceled.connect(self.cancel)
        dlg.setValue(0)
        self._dialog = dlg

    def _read(self) -> None:
        proc = self._proc
        while proc is not None and proc.canReadLine():
            raw = bytes(proc.readLine().data()).decode("utf-8", "replace").strip()
            try:
                msg = json.loads(raw) if raw else None
            except ValueError:
                msg = None
            if not isinstance(msg, dict):
                continue
            if "progress" in msg:
                done, total = int(msg.get("progress") or 0), int(msg.get("total") or 0)
                self._summary.total = total
                self.progress.emit(done, total)
                if self._dialog is not None:
                    self._dialog.setMaximum(max(total, 1))
                    self._dialog.setValue(min(done, max(total, 1)))
            elif "status" in msg:
                r = ImportResult(str(msg.get("source") or ""), str(msg["status"]), msg.get("article_id"),
                                 msg.get("title"), msg.get("reason"))
                self._summary.results.append(r)
                if self._dialog is not None:
                    self._dialog.setLabelText(self.tr("Imported %d files: %s") % (len(self._summary.results), Path(r.source).name))

    def _read_stderr(self) -> None:
        if self._proc is not None:
            self._stderr.extend(bytes(self._proc.readAllStandardError().data()).decode("utf-8", "replace").splitlines())

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._proc is not None:
            self._summary.error = self.tr("cannot start the import: %s") % self._proc.errorString()
            self._done(-1, QProcess.ExitStatus.CrashExit)

    def _done(self, code: int, status: QProcess.ExitStatus) -> None:
        proc = self._proc
        if proc is None:
            return
        self._read()
        self._proc = None
        proc.deleteLater()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)  # closing a progress dialog emits canceled
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        s = self._summary
        broke_off = status == QProcess.ExitStatus.CrashExit or code not in (0, 1)
        if broke_off and not s.cancelled and s.error is None:
            last = next((ln.strip() for ln in reversed(self._stderr) if ln.strip()), "")
            s.error = last or self.tr("the import stopped (exit code %d)") % code
        self._report(s, self._show_report or s.count("failed") > 0 or s.error is not None)
        self._next()

    def _report(self, s: ImportSummary, dialog: bool) -> None:
        if s.count("imported"):
            self.ctx.events.articles_changed.emit()
        self.ctx.events.status_message.emit(summary_text(s, self.tr))
        if dialog:
            self.last_report = ImportReportDialog(self.ctx, s, self._parent)
            self.last_report.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_report.open()
        self.finished.emit(s)

    def _clipboard_done(self, ok: bool, value: object) -> None:
        if ok and isinstance(value, dict):
            r = ImportResult(str(value.get("source") or "clipboard"), str(value.get("status")),
                             value.get("article_id"), value.get("title"), value.get("reason"))
        else:
            r = ImportResult("clipboard", "failed", reason=str(value))
        s = ImportSummary([r], 1)
        self._report(s, r.status == "failed")
        if r.status in ("imported", "duplicate") and r.article_id is not None:
            self.ctx.events.article_selected.emit(r.article_id)


class DropFilter(QObject):
    """Accepts dropped files/folders (imported as files) and dropped HTML/text (imported like the
    clipboard). Drags that start inside Bonmun itself are left alone."""

    def __init__(self, runner: ImportRunner, parent: QObject) -> None:
        super().__init__(parent)
        self.runner = runner

    @staticmethod
    def local_paths(mime: QMimeData) -> list[str]:
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()] if mime.hasUrls() else []

    def acceptable(self, event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> bool:
        if event.source() is not None:
            return False
        mime = event.mimeData()
        return bool(self.local_paths(mime)) or (mime.hasHtml() and bool(mime.html().strip())) or (
            mime.hasText() and bool(mime.text().strip()) and not mime.hasUrls())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.acceptable(event):  # type: ignore[arg-type]
                event.setDropAction(Qt.DropAction.CopyAction)  # type: ignore[attr-defined]
                event.accept()  # type: ignore[attr-defined]
                return True
            return False
        if kind == QEvent.Type.Drop and self.acceptable(event):  # type: ignore[arg-type]
            mime = event.mimeData()  # type: ignore[attr-defined]
            paths = self.local_paths(mime)
            if paths:
                self.runner.start(paths)
            else:
                self.runner.import_clipboard(mime.text() if mime.hasText() else "", mime.html() if mime.hasHtml() else None)
            event.setDropAction(Qt.DropAction.CopyAction)  # type: ignore[attr-defined]
            event.accept()  # type: ignore[attr-defined]
            return True
        return False


def install_drop_target(widget: QWidget, runner: ImportRunner) -> DropFilter:
    """Make ``widget`` (and its viewport, for scroll areas) accept article drops."""
    flt = DropFilter(runner, widget)
    targets = [widget]
    if isinstance(widget, QAbstractScrollArea):
        targets.append(widget.viewport())
    for w in targets:
        w.setAcceptDrops(True)
        w.installEventFilter(flt)
    return flt
