"""pytest-qt fixtures for the window: offscreen Qt, isolated settings, a library holding the seeds.

The seed articles are imported once per session into a template library (importing runs the
cleaner and the Korean indexer); each test gets its own copy of that file.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QObject, QSettings, Signal  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _bonmun_app(qapp, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The application set up as run_gui does (fonts, names); QSettings never touch the real home."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("qsettings")))
    from app.ui.app import make_application

    return make_application()


@pytest.fixture(scope="session")
def template_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from app.bootstrap import open_library

    path = tmp_path_factory.mktemp("template") / "lib.sqlite"
    lib = open_library(path, samples=False)
    results = list(lib.articles.import_paths(sorted(SEEDS.glob("0*.txt"))))
    assert [r.status for r in results] == ["imported", "imported"], results
    lib.close()
    return path


@pytest.fixture
def lib_path(tmp_path: Path, template_library: Path) -> Path:
    dest = tmp_path / "lib.sqlite"
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(template_library) + suffix)
        if src.exists():
            shutil.copy(src, str(dest) + suffix)
    return dest


@pytest.fixture
def ui_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from app.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "bonmun.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def ctx(lib_path: Path) -> Iterator[object]:
    from app.bootstrap import open_library
    from app.ui.context import AppContext

    context = AppContext(open_library(lib_path, samples=False))
    yield context
    context.library.close()


class InProcessWorker:
    """Answers like ``bonmun worker`` but in this process: the real request handler
    (``app.worker.respond``) runs on the next event-loop turn and the answer goes through JSON, as
    over the pipe. Registered as the window's worker client."""

    def __init__(self, db_url: str) -> None:
        from app.worker import Worker

        self.worker = Worker(db_url)
        self.state = "ready"
        self.ops: list[str] = []
        self._next = 1
        self._cancelled: set[int] = set()

    def request(self, op, payload=None, callback=None):  # type: ignore[no-untyped-def]
        import json

        from PySide6.QtCore import QTimer

        from app.worker import respond

        rid = self._next
        self._next += 1
        self.ops.append(op)
        line = json.dumps({**(payload or {}), "id": rid, "op": op}, ensure_ascii=False)

        def answer() -> None:
            resp = json.loads(json.dumps(respond(self.worker, line), ensure_ascii=False, default=str))
            if callback is not None and rid not in self._cancelled:
                callback(bool(resp["ok"]), resp.get("result") if resp["ok"] else resp.get("error"))

        QTimer.singleShot(0, answer)
        return rid

    def cancel(self, request_id: int) -> None:
        self._cancelled.add(request_id)

    def is_ready(self) -> bool:
        return True

    def start(self) -> None:
        pass

    def stop(self) -> None:
        self.worker.close()


@pytest.fixture
def fake_worker(ctx):  # type: ignore[no-untyped-def]
    """The real worker's request handling, in-process, as this context's worker client."""
    from app.ui import worker_client

    client = InProcessWorker(ctx.library.url)
    worker_client._SHARED[ctx] = client  # type: ignore[assignment]
    yield client
    client.stop()


def make_window(qtbot, ctx, settings):  # type: ignore[no-untyped-def]
    """A shown, active main window (the Korean worker is not started in tests)."""
    from app.ui.main_window import MainWindow

    w = MainWindow(ctx, settings, start_worker=False)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


@pytest.fixture
def window(qtbot, ctx, ui_settings):  # type: ignore[no-untyped-def]
    return make_window(qtbot, ctx, ui_settings)


def _open_article(window, article_id: int) -> None:  # type: ignore[no-untyped-def]
    """Click the article's row in the list, like the analyst."""
    row = window.model.row_of(article_id)
    assert row is not None, f"article {article_id} is not in the list"
    window.table.setCurrentIndex(window.model.index(row, 0))
    assert window.reader.article is not None and window.reader.article.id == article_id


def _select_body(reader, start: int, end: int) -> None:  # type: ignore[no-untyped-def]
    """Select body code points [start, end) in the reader (as a mouse drag would)."""
    a, b = reader.layout_map.to_doc(start), reader.layout_map.to_doc(end)
    cur = QTextCursor(reader.browser.document())
    cur.setPosition(a)
    cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    reader.browser.setTextCursor(cur)
    reader.browser.setFocus()


def _painted_spans(reader) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Document ranges the reader's view paints as highlights."""
    return {(it.start, it.end) for it in reader.browser.paint_items}


@pytest.fixture
def open_article():  # type: ignore[no-untyped-def]
    return _open_article


@pytest.fixture
def select_body():  # type: ignore[no-untyped-def]
    return _select_body


@pytest.fixture
def painted_spans():  # type: ignore[no-untyped-def]
    return _painted_spans


def _type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type text the way a Korean input method delivers it (QTest.keyClicks is ASCII-only)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def type_text():  # type: ignore[no-untyped-def]
    return _type_text


@pytest.fixture
def new_window(qtbot, ui_settings):  # type: ignore[no-untyped-def]
    """Factory: a window on another context (e.g. after re-opening the library)."""
    return lambda context: make_window(qtbot, context, ui_settings)


class LoadingWorker(QObject):
    """A Korean worker still loading Kiwi: it records requests and answers none until told ``ready``."""

    state_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.ready = False
        self.sent: list[tuple[str, dict]] = []

    def is_ready(self) -> bool:
        return self.ready

    def request(self, op, payload=None, callback=None):  # type: ignore[no-untyped-def]
        self.sent.append((op, payload))
        return len(self.sent)

    def cancel(self, rid: int) -> None:
        """Nothing to cancel: no request is ever answered."""

    def stop(self) -> None:
        """Nothing runs."""


@pytest.fixture
def loading_worker() -> LoadingWorker:
    return LoadingWorker()
