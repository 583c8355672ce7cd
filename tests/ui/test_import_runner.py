"""Getting articles in from the GUI: folder import in a child process with a report, clipboard
import through the worker, and file drops."""
from __future__ import annotations

import random
import shutil

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QListWidget

from app.ui.context import AppContext
from app.ui.import_runner import ImportRunner, install_drop_target
from app.ui.worker_client import WorkerClient

TIMEOUT_MS = 120_000


@pytest.fixture
def ctx(qtbot, library):  # type: ignore[no-untyped-def]
    return AppContext(library)


@pytest.fixture
def worker(ctx):  # type: ignore[no-untyped-def]
    w = WorkerClient(ctx)
    yield w
    w.stop()


@pytest.fixture
def runner(qtbot, ctx, worker):  # type: ignore[no-untyped-def]
    return ImportRunner(ctx, None, worker=worker)


def test_folder_import_reports_imported_and_failed_files(qtbot, ctx, runner, seed_paths, tmp_path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for p in seed_paths:
        shutil.copy(p, folder / p.name)
    (folder / "broken.txt").write_bytes(random.Random(7).randbytes(4096))
    changed: list[bool] = []
    ctx.events.articles_changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:
        runner.start([folder])
    summary = blocker.args[0]
    assert (summary.count("imported"), summary.count("failed"), summary.count("duplicate")) == (2, 1, 0)
    assert changed
    report = runner.last_report
    assert report is not None and report.isVisible()
    rows = report.rows()
    assert rows[0][0] == "Failed" and rows[0][1].endswith("broken.txt")
    assert "binary" in rows[0][2]  # the one-line reason
    assert sorted(r[0] for r in rows[1:]) == ["Imported", "Imported"]
    assert "2 imported" in report.heading.text() and "1 failed" in report.heading.text()
    assert ctx.library.articles.count() == 2  # the failure left nothing behind
    report.close()

    # importing again: everything is a duplicate, no dialog, a status message instead
    messages: list[str] = []
    ctx.events.status_message.connect(messages.append)
    runner.last_report = None
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:
        runner.start(seed_paths)
    assert blocker.args[0].count("duplicate") == 2
    assert runner.last_report is None
    assert any("2 already in the library" in m for m in messages)
    assert ctx.library.articles.count() == 2


def test_clipboard_text_becomes_an_article(qtbot, ctx, runner) -> None:
    text = ("[서울=뉴시스] 정부가 AI 반도체 스타트업 지원 방안을 발표했다.\n"
            "중소벤처기업부는 팹리스 기업 육성에 내년 예산 500억원을 투입하기로 했다고 밝혔다.\n"
            "업계는 이번 결정을 환영하면서도 인력 양성 대책이 필요하다고 지적했다.\n")
    QGuiApplication.clipboard().setText(text)
    selected: list[int] = []
    ctx.events.article_selected.connect(selected.append)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:
        runner.paste()
    summary = blocker.args[0]
    assert summary.count("imported") == 1, summary
    aid = summary.results[0].article_id
    body = ctx.library.articles.get(aid).body
    assert "팹리스 기업 육성" in body
    assert selected == [aid]


def test_dropping_files_imports_them(qtbot, ctx, runner, seed_paths) -> None:
    target = QListWidget()
    qtbot.addWidget(target)
    install_drop_target(target, runner)
    target.show()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in seed_paths])
    pos = QPointF(target.viewport().rect().center())
    enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target.viewport(), enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:
        QApplication.sendEvent(target.viewport(), drop)
    assert drop.isAccepted()
    assert blocker.args[0].count("imported") == 2
    assert ctx.library.articles.count() == 2


def test_drops_of_nothing_useful_are_refused(qtbot, runner) -> None:
    target = QListWidget()
    qtbot.addWidget(target)
    install_drop_target(target, runner)
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/a")])
    enter = QDragEnterEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(target.viewport(), enter)
    assert not enter.isAccepted()
    assert not runner.is_running()


def test_cancel_keeps_whole_articles_only(qtbot, ctx, runner, seed_paths, tmp_path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    text = seed_paths[0].read_text(encoding="utf-8")
    for i in range(30):  # distinct articles (a different first line each), so none is a duplicate
        (folder / f"{i:02d}.txt").write_text(f"{i}번째 사본입니다.\n{text}", encoding="utf-8")
    with qtbot.waitSignal(runner.progress, timeout=TIMEOUT_MS):
        runner.start([folder])
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:
        runner.cancel()
    summary = blocker.args[0]
    assert summary.cancelled and summary.total == 30
    assert 1 <= summary.count("imported") < 30
    # every stored article is whole; the one being stored when the child was stopped may have been
    # committed just before its result line was printed
    stored = ctx.library.articles.count()
    assert summary.count("imported") <= stored <= summary.count("imported") + 1
    bodies = [ctx.library.articles.get(row.id).body for row in ctx.library.articles.list()]
    assert len({b.split("\n", 1)[-1] for b in bodies}) == 1  # the same whole text after each copy's own first line
    assert runner.last_report is None  # cancelling is not a failure: a status message is enough


def test_imports_started_while_one_runs_are_queued(qtbot, ctx, runner, seed_paths) -> None:
    done: list[object] = []
    runner.finished.connect(done.append)
    runner.start([seed_paths[0]])
    runner.start([seed_paths[1]])
    qtbot.waitUntil(lambda: len(done) == 2, timeout=TIMEOUT_MS)
    assert [s.count("imported") for s in done] == [1, 1]
    assert ctx.library.articles.count() == 2
