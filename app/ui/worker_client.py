"""The GUI's end of ``bonmun worker``: requests out, results back on the UI thread, never blocking.

Rules:
- The worker process starts on :meth:`WorkerClient.start` or the first request (the main window
  calls ``start`` once it is shown), with ``--db`` set to the open library; when the library
  changes the old worker is sent EOF (it answers what it has, then exits) and a new one starts.
- ``request(op, payload, callback)`` returns a request id at once; ``callback(ok, value)`` runs
  later on the UI thread (value = result, or a one-line error). It never runs synchronously and
  never runs after :meth:`cancel`. Requests sent while the worker loads wait in its pipe.
- A worker that dies is restarted; requests that were in flight are resent once. More than
  ``MAX_CRASHES`` deaths within ``CRASH_WINDOW_S`` seconds stop the restarts and every pending or
  new request fails with a one-line reason, until :meth:`start` is called again.
- Progress is reported through ``ctx.events.status_message``.
"""
from __future__ import annotations

import json
import logging
import sys
import time
import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from app.ui.context import AppContext

log = logging.getLogger(__name__)
Callback = Callable[[bool, Any], None]
MAX_CRASHES = 3
CRASH_WINDOW_S = 60.0
STOP_WAIT_MS = 1500


_SHARED: weakref.WeakKeyDictionary[AppContext, WorkerClient] = weakref.WeakKeyDictionary()


def shared_worker(ctx: AppContext) -> WorkerClient:
    """The one worker client of a window (created on first use, owned by ``ctx``)."""
    client = _SHARED.get(ctx)
    if client is None:
        client = _SHARED[ctx] = WorkerClient(ctx, ctx)
    return client


def child_command(*args: str) -> tuple[str, list[str]]:
    """(program, arguments) that run ``bonmun ARGS`` in a child process (frozen bundle or source)."""
    if getattr(sys, "frozen", False):
        return sys.executable, list(args)
    return sys.executable, ["-m", "app", *args]


def child_process(parent: QObject, *args: str) -> QProcess:
    """A not-yet-started QProcess that runs ``bonmun ARGS``, owned by ``parent``."""
    program, arguments = child_command(*args)
    proc = QProcess(parent)
    proc.setProgram(program)
    proc.setArguments(arguments)
    return proc


@dataclass
class _Request:
    id: int
    op: str
    payload: dict[str, Any]
    callback: Callback | None
    attempts: int = 0
    line: bytes = field(default=b"")
    sent_to: QProcess | None = None


class WorkerClient(QObject):
    """Talks to one ``bonmun worker`` process at a time (see module rules)."""

    state_changed = Signal(str)  # "stopped" | "loading" | "ready" | "failed"

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state = "stopped"
        self._proc: QProcess | None = None
        self._url: str | None = None
        self._next_id = 1
        self._inflight: dict[int, _Request] = {}
        self._crashes: deque[float] = deque()
        self._stderr: deque[str] = deque(maxlen=20)
        self._failure = ""
        self._retired: set[QProcess] = set()

    # ---- public ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the worker now (idempotent); also clears a previous 'failed' state."""
        if self.state == "failed":
            self._crashes.clear()
            self.state = "stopped"
        if self._proc is not None and self._url != self.ctx.library.url:
            self._retire(self._proc)
            self._proc = None
        if self._proc is None:
            self._spawn()

    def request(self, op: str, payload: dict[str, Any] | None = None, callback: Callback | None = None) -> int:
        """Queue a request; ``callback(ok, value)`` later on the UI thread."""
        rid = self._next_id
        self._next_id += 1
        req = _Request(rid, op, dict(payload or {}), callback)
        body = {**req.payload, "id": rid, "op": op}
        req.line = (json.dumps(body, ensure_ascii=False) + "\n").encode("utf-8")
        self._inflight[rid] = req
        if self.state == "failed":
            QTimer.singleShot(0, lambda: self._finish(rid, False, self._failure))
            return rid
        self.start()
        self._write(req)
        return rid

    def cancel(self, request_id: int) -> None:
        """Forget a request: its callback will not run (the worker may still compute it)."""
        req = self._inflight.get(request_id)
        if req is not None:
            req.callback = None

    def is_ready(self) -> bool:
        return self.state == "ready"

    def pending(self) -> int:
        return len(self._inflight)

    def stop(self) -> None:
        """End the worker (EOF, then kill if it lingers); pending callbacks get an error."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.closeWriteChannel()
            if not proc.waitForFinished(STOP_WAIT_MS):
                proc.kill()
                proc.waitForFinished(STOP_WAIT_MS)
            proc.deleteLater()
        self._set_state("stopped")
        for rid in list(self._inflight):
            self._finish(rid, False, self.tr("the Korean analyzer was stopped"))

    # ---- process --------------------------------------------------------------------------------
    def _spawn(self) -> None:
        self._url = self.ctx.library.url
        proc = child_process(self, "--db", self._url, "worker")
        # bound methods + sender(): no lambda holding the process (a reference cycle through
        # the connection crashes when the process is deleted later)
        proc.readyReadStandardOutput.connect(self._on_stdout)
        proc.readyReadStandardError.connect(self._on_stderr)
        proc.finished.connect(self._on_finished)
        proc.errorOccurred.connect(self._on_error)
        self._proc = proc
        self._set_state("loading")
        self.ctx.events.status_message.emit(self.tr("Korean analyzer loading…"))
        proc.start()
        for req in list(self._inflight.values()):  # requests that lost their worker
            if req.sent_to is None:
                self._write(req)

    def _write(self, req: _Request) -> None:
        proc = self._proc
        if proc is not None and req.sent_to is None and proc.state() != QProcess.ProcessState.NotRunning:
            req.attempts += 1
            req.sent_to = proc
            proc.write(req.line)

    def _retire(self, proc: QProcess) -> None:
        """Let an old worker answer what it has, then exit on EOF."""
        self._retired.add(proc)
        proc.closeWriteChannel()

    def _drop(self, proc: QProcess) -> None:
        """A retired worker ended: what it did not answer fails."""
        self._retired.discard(proc)
        self._read_stdout(proc)
        for rid, req in list(self._inflight.items()):
            if req.sent_to is proc:
                self._finish(rid, False, self.tr("the Korean analyzer stopped"))
        proc.deleteLater()

    def _sender(self) -> QProcess | None:
        proc = self.sender()
        return proc if isinstance(proc, QProcess) else None

    def _on_stdout(self) -> None:
        if (proc := self._sender()) is not None:
            self._read_stdout(proc)

    def _on_stderr(self) -> None:
        if (proc := self._sender()) is not None:
            self._read_stderr(proc)

    def _read_stdout(self, proc: QProcess) -> None:
        while proc.canReadLine():
            raw = bytes(proc.readLine().data()).decode("utf-8", "replace").strip()
            if not raw:
                continue
            try:
                msg = json.loads(raw)
            except ValueError:
                log.warning("worker: not a protocol line: %s", raw[:200])
                continue
            if not isinstance(msg, dict):
                continue
            if msg.get("event") == "ready" and proc is self._proc:
                self._set_state("ready")
                self.ctx.events.status_message.emit(self.tr("Korean analyzer ready"))
            elif msg.get("event") == "failed":
                self.ctx.events.status_message.emit(str(msg.get("error", "")))
            elif isinstance(msg.get("id"), int):
                ok = bool(msg.get("ok"))
                self._finish(msg["id"], ok, msg.get("result") if ok else str(msg.get("error") or "error"))

    def _read_stderr(self, proc: QProcess) -> None:
        text = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            if line.strip():
                self._stderr.append(line.strip())
                log.debug("worker: %s", line)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        proc = self._sender()
        if proc is not None and error == QProcess.ProcessError.FailedToStart and proc is self._proc:
            self._give_up(self.tr("cannot start the Korean analyzer: %s") % proc.errorString())

    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        proc = self._sender()
        if proc is None:
            return
        if proc in self._retired:
            self._drop(proc)
            return
        if proc is not self._proc:
            return
        self._read_stdout(proc)
        self._proc = None
        proc.deleteLater()
        now = time.monotonic()
        self._crashes.append(now)
        while self._crashes and now - self._crashes[0] > CRASH_WINDOW_S:
            self._crashes.popleft()
        reason = self._stderr[-1] if self._stderr else self.tr("exit code %d") % code
        if len(self._crashes) > MAX_CRASHES:
            self._give_up(self.tr("the Korean analyzer keeps stopping: %s") % reason)
            return
        for rid, req in list(self._inflight.items()):
            if req.sent_to is not proc:
                continue
            req.sent_to = None
            if req.attempts >= 2:  # it was resent once already: perhaps it is what kills the worker
                self._finish(rid, False, self.tr("the Korean analyzer stopped: %s") % reason)
        self._set_state("stopped")
        self.ctx.events.status_message.emit(self.tr("Korean analyzer stopped; restarting…"))
        QTimer.singleShot(0, self._restart)

    def _restart(self) -> None:
        if self._proc is None and self.state == "stopped":
            self._spawn()

    def _give_up(self, reason: str) -> None:
        if self._proc is not None:
            proc, self._proc = self._proc, None
            proc.kill()
            proc.deleteLater()
        self._failure = reason
        self._set_state("failed")
        self.ctx.events.status_message.emit(reason)
        for rid in list(self._inflight):
            self._finish(rid, False, reason)

    def _finish(self, rid: int, ok: bool, value: Any) -> None:
        req = self._inflight.pop(rid, None)
        if req is None or req.callback is None:
            return
        try:
            req.callback(ok, value)
        except Exception:  # noqa: BLE001 - one bad callback must not stop the others
            log.exception("worker callback for %s failed", req.op)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)
