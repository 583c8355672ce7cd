"""The main window's menus (File, Edit, View, Tools, Help) and the library file actions.

Rules: every action has a translated label and, where usual, a standard shortcut; actions that
need another module (export) appear only when that module exists; switching library opens the new
one first and keeps the current one when that fails (one-line message).
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox

from app.ui.about import show_about

if TYPE_CHECKING:  # pragma: no cover
    from app.ui.main_window import MainWindow

LIBRARY_FILTER = "Bonmun library (*.sqlite *.db);;All files (*)"
translate = QCoreApplication.translate


@dataclass
class Menus:
    file: QMenu
    edit: QMenu
    view: QMenu
    tools: QMenu
    help: QMenu
    recent: QMenu
    export: QAction | None
    undo: QAction
    redo: QAction
    palette: QAction


def _action(w: "MainWindow", menu: QMenu, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:  # type: ignore[no-untyped-def]
    act = QAction(text, w)
    if shortcut is not None:
        act.setShortcut(QKeySequence(shortcut))
    act.triggered.connect(slot)
    menu.addAction(act)
    return act


def build_menus(w: "MainWindow") -> Menus:
    bar = w.menuBar()
    m_file = bar.addMenu(translate("MainWindow", "&File"))
    _action(w, m_file, translate("MainWindow", "New library…"), lambda: new_library(w))
    _action(w, m_file, translate("MainWindow", "Open library…"), lambda: open_library_dialog(w))
    recent = m_file.addMenu(translate("MainWindow", "Recent libraries"))
    recent.aboutToShow.connect(lambda: _fill_recent(w, recent))
    m_file.addSeparator()
    _action(w, m_file, translate("MainWindow", "Import files…"), lambda: import_files(w), QKeySequence.StandardKey.Open)
    _action(w, m_file, translate("MainWindow", "Import folder…"), lambda: import_folder(w), "Ctrl+Shift+O")
    _action(w, m_file, translate("MainWindow", "Paste as article"), lambda: paste_article(w), "Ctrl+Shift+V")
    export = None
    if importlib.util.find_spec("app.ui.export_dialog") is not None:
        m_file.addSeparator()
        export = _action(w, m_file, translate("MainWindow", "Export…"), lambda: open_export(w), "Ctrl+E")
    m_file.addSeparator()
    _action(w, m_file, translate("MainWindow", "Quit"), w.close, QKeySequence.StandardKey.Quit)

    m_edit = bar.addMenu(translate("MainWindow", "&Edit"))
    undo = w.ctx.undo_stack.createUndoAction(w, translate("MainWindow", "Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = w.ctx.undo_stack.createRedoAction(w, translate("MainWindow", "Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    m_edit.addActions([undo, redo])
    m_edit.addSeparator()
    m_edit.addAction(w.reader.find_action)
    palette = _action(w, m_edit, translate("MainWindow", "Tag palette…"), w.reader.annotator.open_palette, "Ctrl+T")
    _action(w, m_edit, translate("MainWindow", "Search articles"), w.focus_search, "Ctrl+K")

    m_view = bar.addMenu(translate("MainWindow", "&View"))
    m_view.addActions([w.reader.zoom_in_action, w.reader.zoom_out_action, w.reader.zoom_reset_action])
    m_view.addSeparator()
    m_view.addAction(w.reader.show_removed_action)
    m_view.addAction(w.reader.suggestions.show_action)
    m_view.addAction(w.reader.suggestions.next_action)
    m_view.addSeparator()
    for dock in w.docks:
        m_view.addAction(dock.toggleViewAction())
    _action(w, m_view, translate("MainWindow", "Switch between list and reader"), w.cycle_focus, "F6")

    m_tools = bar.addMenu(translate("MainWindow", "&Tools"))
    _action(w, m_tools, translate("MainWindow", "Clear article filters"), w.filters.clear, "Ctrl+Shift+L")
    _action(w, m_tools, translate("MainWindow", "Statistics…"), lambda: open_stats(w))
    _action(w, m_tools, translate("MainWindow", "Restart Korean analyzer"), lambda: _restart_worker(w))

    m_help = bar.addMenu(translate("MainWindow", "&Help"))
    _action(w, m_help, translate("MainWindow", "About Bonmun"), lambda: show_about(w))
    _action(w, m_help, translate("MainWindow", "About Qt"), QApplication.aboutQt)
    return Menus(m_file, m_edit, m_view, m_tools, m_help, recent, export, undo, redo, palette)


# ---- library files ---------------------------------------------------------------------------
def switch_library(w: "MainWindow", path: str, *, create: bool = False) -> bool:
    """Open ``path`` (creating it when asked) and make it the window's library."""
    from app.ui.app import open_library_or_explain

    if not create and not Path(path).exists():
        QMessageBox.warning(w, translate("MainWindow", "Open library"), translate("MainWindow", "The library file no longer exists: %s") % path)
        w.settings.remove_recent_library(path)
        return False
    lib = open_library_or_explain(path, w, samples=False)
    if lib is None:
        return False
    from app.ui.worker_client import shared_worker

    w.ctx.replace_library(lib)
    shared_worker(w.ctx).start()
    w.settings.add_recent_library(str(Path(path).resolve()))
    w.settings.last_library = str(Path(path).resolve())
    w.update_title()
    return True


def new_library(w: "MainWindow") -> None:
    path, _ = QFileDialog.getSaveFileName(w, translate("MainWindow", "New library"), str(Path.home() / "bonmun.sqlite"), LIBRARY_FILTER)
    if path:
        if Path(path).exists():
            QMessageBox.warning(w, translate("MainWindow", "New library"), translate("MainWindow", "That file exists already; use Open library to open it."))
            return
        switch_library(w, path, create=True)


def open_library_dialog(w: "MainWindow") -> None:
    path, _ = QFileDialog.getOpenFileName(w, translate("MainWindow", "Open library"), str(Path.home()), LIBRARY_FILTER)
    if path:
        switch_library(w, path)


def _fill_recent(w: "MainWindow", menu: QMenu) -> None:
    menu.clear()
    current = str(w.ctx.library.path.resolve()) if w.ctx.library.path else None
    for path in w.settings.recent_libraries():
        act = menu.addAction(path, lambda p=path: switch_library(w, p))
        act.setEnabled(path != current)
    if menu.isEmpty():
        menu.addAction(translate("MainWindow", "(none yet)")).setEnabled(False)


# ---- import / export -------------------------------------------------------------------------
def import_files(w: "MainWindow") -> None:
    paths, _ = QFileDialog.getOpenFileNames(
        w, translate("MainWindow", "Import articles"), str(Path.home()),
        translate("MainWindow", "News pages and text (*.html *.htm *.txt *.md *.mhtml);;All files (*)"))
    if paths:
        w.importer.start(paths)


def import_folder(w: "MainWindow") -> None:
    path = QFileDialog.getExistingDirectory(w, translate("MainWindow", "Import a folder of articles"), str(Path.home()))
    if path:
        w.importer.start([path], show_report=True)


def paste_article(w: "MainWindow") -> None:
    mime = QGuiApplication.clipboard().mimeData()
    text = mime.text() if mime is not None and mime.hasText() else ""
    html = mime.html() if mime is not None and mime.hasHtml() else None
    if not text.strip() and not (html or "").strip():
        w.ctx.events.status_message.emit(translate("MainWindow", "The clipboard holds no text to import"))
        return
    w.importer.import_clipboard(text, html)


def open_export(w: "MainWindow") -> None:
    from app.ui.export_dialog import ExportDialog  # type: ignore[import-not-found]

    ExportDialog(w.ctx, w).exec()


def open_stats(w: "MainWindow") -> None:
    """Tools ▸ Statistics… (one dialog per window, raised when already open)."""
    from app.ui.stats_dialog import StatsDialog

    dialog = w.findChild(StatsDialog)
    if dialog is None:
        dialog = StatsDialog(w.ctx, w)
    dialog.show_article(w.ctx.current_article_id)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def _restart_worker(w: "MainWindow") -> None:
    from app.ui.worker_client import shared_worker

    client = shared_worker(w.ctx)
    client.stop()
    client.start()
