"""WorkerClient against a real ``bonmun worker`` process: results arrive on the UI thread, the
process is restarted when it dies, and cancelled requests never call back."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QProcess

from app.ui.context import AppContext
from app.ui.worker_client import WorkerClient

START_TIMEOUT_MS = 90_000


@pytest.fixture
def client(qtbot, library):  # type: ignore[no-untyped-def]
    c = WorkerClient(AppContext(library))
    yield c
    c.stop()


def ask(qtbot, client, op: str, payload: dict) -> tuple[bool, object]:  # type: ignore[no-untyped-def]
    got: list[tuple[bool, object, bool]] = []
    client.request(op, payload, lambda ok, value: got.append((ok, value, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(got), timeout=START_TIMEOUT_MS)
    ok, value, on_main = got[0]
    assert on_main
    return ok, value


def test_search_round_trip_and_status_messages(qtbot, client, seed_paths) -> None:
    assert [r.status for r in client.ctx.library.articles.import_paths(seed_paths)] == ["imported", "imported"]
    messages: list[str] = []
    client.ctx.events.status_message.connect(messages.append)
    client.start()
    assert client.state == "loading"
    assert messages == ["Korean analyzer loading…"]
    ok, hits = ask(qtbot, client, "search", {"query": "반도체", "limit": 10})
    assert ok, hits
    assert {h["article_id"] for h in hits} == {1, 2}
    assert all("반도체" in h["snippet"] for h in hits)
    qtbot.waitUntil(lambda: client.is_ready(), timeout=START_TIMEOUT_MS)
    assert "Korean analyzer ready" in messages
    ok, error = ask(qtbot, client, "snap_morpheme", {"text": "반도체", "start": 5, "end": 9})
    assert not ok and "outside the text" in error


def test_restarts_after_the_worker_dies_and_resends(qtbot, client) -> None:
    client.start()
    qtbot.waitUntil(client.is_ready, timeout=START_TIMEOUT_MS)
    first = client._proc
    got: list[object] = []
    client.request("find_in_text", {"text": "정부가 반도체를 지원했다", "query": "지원하다"}, lambda ok, v: got.append((ok, v)))
    first.kill()  # the request may or may not have been answered: either way it is answered once
    qtbot.waitUntil(lambda: bool(got), timeout=START_TIMEOUT_MS)
    assert got == [(True, [[9, 12]])]  # 지원했: the lemma 지원하다 in its surface form
    qtbot.waitUntil(lambda: client._proc is not None and client._proc is not first, timeout=START_TIMEOUT_MS)
    ok, value = ask(qtbot, client, "ping", {})
    assert ok and value == "pong"
    assert client._proc.state() == QProcess.ProcessState.Running


def test_cancelled_request_never_calls_back(qtbot, client) -> None:
    called: list[object] = []
    rid = client.request("ping", {}, lambda ok, v: called.append(v))
    client.cancel(rid)
    ok, value = ask(qtbot, client, "ping", {})  # answered after the cancelled one
    assert ok and called == []
    assert client.pending() == 0


def test_a_worker_that_keeps_dying_fails_requests_with_a_reason(qtbot, library, monkeypatch) -> None:
    import sys

    from app.ui import worker_client

    script = "import sys; sys.stderr.write('model file missing\\n'); sys.exit(3)"
    monkeypatch.setattr(worker_client, "child_command", lambda *args: (sys.executable, ["-c", script]))
    client = WorkerClient(AppContext(library))
    try:
        messages: list[str] = []
        client.ctx.events.status_message.connect(messages.append)
        ok, error = ask(qtbot, client, "ping", {})
        assert not ok and "model file missing" in error and "\n" not in error  # sent twice, then given up
        qtbot.waitUntil(lambda: client.state == "failed", timeout=START_TIMEOUT_MS)  # restarts are limited
        assert any("keeps stopping: model file missing" in m for m in messages)
        ok, again = ask(qtbot, client, "ping", {})  # fails fast, no new process
        assert not ok and "keeps stopping" in again and client._proc is None
    finally:
        client.stop()
