"""Starting the GUI: application object, fonts, translations, the library, the main window.

Rules:
- Nothing heavy is imported here (Kiwi never loads in the GUI process); the first window must be
  up within ~1.5 s of launch.
- The bundled NanumGothic fonts are registered (this may be the only Korean font on the system)
  and become the application font; the system palette (light or dark) is kept.
- The Korean translation is loaded when the system locale is Korean.
- Which library: ``--db``, else ``$BONMUN_DB``, else the library last opened with File ▸ Open
  (if it still exists), else the default library (which gets the sample articles on first run).
- A library that cannot be opened is one line in a message box and exit code 1.
"""
from __future__ import annotations

import time

_T_MODULE = time.perf_counter()  # start-up is measured from here

import importlib  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

# The non-Qt part of the app is imported BEFORE PySide6: PySide6's import hook reads the source of
# every module imported after it (looking for ``__feature__``): ~450 files for the services.
from app import bootstrap as _bootstrap  # noqa: E402

importlib.import_module("app.core.korean")  # the reader's snapping rules; pure Python, no Kiwi

from PySide6.QtCore import QTimer, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.paths import resources_dir

APP_FONT = "NanumGothic"
SMOKE_TIMEOUT_MS = 30_000


def _register_fonts() -> list[str]:
    """Register the bundled fonts; returns the families that loaded."""
    families: list[str] = []
    for ttf in sorted((resources_dir() / "fonts").glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(fid))
    return families


def _set_app_font(app: QApplication, families: list[str]) -> None:
    if APP_FONT not in families and APP_FONT not in QFontDatabase.families():
        return
    font = QFont(app.font())
    fallback = font.family()
    font.setFamilies([APP_FONT, fallback] if fallback and fallback != APP_FONT else [APP_FONT])
    app.setFont(font)


def install_translations(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Korean UI strings (and Qt's own dialogs) when the (system) locale is Korean."""
    locale = locale or QLocale.system()
    if locale.language() != QLocale.Language.Korean:
        return []
    installed = []
    ours = QTranslator(app)
    if ours.load(str(resources_dir() / "translations" / "bonmun_ko.qm")):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def _icon() -> QIcon:
    icon = QIcon()
    icons = resources_dir() / "icons"
    for png in sorted(icons.glob("bonmun-*.png")):
        icon.addFile(str(png))
    if icon.isNull() and (icons / "bonmun.svg").exists():
        icon = QIcon(str(icons / "bonmun.svg"))
    return icon


def make_application() -> QApplication:
    """The QApplication, set up once (reused when one exists, as in tests)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("Bonmun")
    QCoreApplication.setApplicationName("Bonmun")
    QCoreApplication.setApplicationVersion(__version__)
    app.setDesktopFileName("bonmun")
    if not getattr(app, "_bonmun_ready", False):
        _set_app_font(app, _register_fonts())
        app._bonmun_translators = install_translations(app)  # type: ignore[attr-defined]
        app.setWindowIcon(_icon())
        app._bonmun_ready = True  # type: ignore[attr-defined]
    return app


def choose_library(db: str | None, last: str | None) -> str | None:
    """The library to open (see module rules); None means the default library."""
    if db:
        return db
    if os.environ.get("BONMUN_DB"):
        return None  # bootstrap reads it
    if last and Path(last).is_file():
        return last
    return None


def open_library_or_explain(db: str | None, parent: QWidget | None = None, *, samples: bool | None = None):  # type: ignore[no-untyped-def]
    """``open_library`` with any failure shown as one line; None when it failed."""
    try:
        return _bootstrap.open_library(db, samples=samples)
    except Exception as exc:  # noqa: BLE001 - any failure is one line for the user
        text = " ".join(str(exc).split()) or type(exc).__name__
        QMessageBox.critical(parent, QCoreApplication.translate("app", "Bonmun"),
                             QCoreApplication.translate("app", "Cannot open the library: %s") % text)
        return None


def run_gui(db: str | None, smoke: bool = False) -> int:
    """Open the window on a library; ``smoke``: show it, print "window shown", exit 0."""
    app = make_application()
    from app.ui.settings import Settings

    settings = Settings()
    chosen = choose_library(db, settings.last_library)
    # The sample articles of a new default library are imported after the window is shown (their
    # cleaning and indexing need the Korean analyzer, which must not delay the first window).
    library = open_library_or_explain(chosen, samples=False)
    if library is None:
        return 1
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow

    ctx = AppContext(library)
    window = MainWindow(ctx, settings, start_worker=not smoke)
    window.show()
    if smoke:
        return _smoke(app, window)
    if chosen is None and _bootstrap.resolve_db(None)[1]:
        QTimer.singleShot(0, lambda: import_samples_if_new(window))
    try:
        return app.exec()
    finally:
        ctx.library.close()


def import_samples_if_new(window) -> None:  # type: ignore[no-untyped-def]
    """First run of the default library: import the sample articles in the background, once."""
    from app.services.seeding import mark_samples_seeded, sample_files, samples_pending

    db = window.ctx.library.db
    if not samples_pending(db):
        return
    window.importer.finished.connect(lambda _summary: mark_samples_seeded(db))
    window.importer.start([str(p) for p in sample_files()])


def _smoke(app: QApplication, window: QWidget) -> int:
    deadline = time.perf_counter() + SMOKE_TIMEOUT_MS / 1000
    while time.perf_counter() < deadline:
        app.processEvents()
        handle = window.windowHandle()
        if handle is not None and handle.isExposed():
            print("window shown", flush=True)
            print(f"bonmun: first window {time.perf_counter() - _T_MODULE:.2f} s after the GUI module started loading",
                  file=sys.stderr, flush=True)
            window.close()
            window.ctx.library.close()  # type: ignore[attr-defined]
            return 0
        time.sleep(0.005)
    print("window not shown", file=sys.stderr, flush=True)
    return 1
