"""UI responsiveness figures: first window, UI-thread blocks, opening a dense article, creating a highlight.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_ui.py   (or under xvfb-run)
Targets: first window < 1.5 s; max UI-thread block < 100 ms; open an article with 1,000
highlights < 100 ms; create-highlight repaint < 16 ms.

A 10 ms QTimer records the largest gap between its ticks (the UI thread was busy for that long).
The library is built with direct inserts, so this process never loads Kiwi (like the GUI).
"""
from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
HIGHLIGHTS = 1000


def synthetic_body(paragraphs: int = 120) -> str:
    """A long Korean article body made of the seed articles' paragraphs, varied, plus some emoji."""
    lines = []
    for seed in sorted((REPO / "seeds").glob("0*.txt")):
        lines += [ln.strip() for ln in seed.read_text(encoding="utf-8").splitlines() if len(ln.strip()) > 60]
    rng = random.Random(7)
    out = []
    for i in range(paragraphs):
        line = rng.choice(lines)
        out.append(f"{line} ({i + 1}) {'🚀' if i % 17 == 0 else ''}".strip())
    return "\n".join(out)


def build_library(path: Path) -> tuple[int, int]:
    """Library with one long article carrying HIGHLIGHTS highlights; returns (article id, free offset)."""
    from sqlalchemy import insert

    from app.bootstrap import open_library
    from app.core.anchoring import body_hash
    from app.storage.models import Article

    lib = open_library(path, samples=False)
    body = synthetic_body()
    with lib.db.write_engine.begin() as conn:
        aid = conn.execute(insert(Article).values(
            raw=body, kind="text", content_hash="bench", title="벤치마크 기사: 반도체 지원 정책", outlet="벤치",
            published_at="2024-05-01", body=body, body_hash=body_hash(body), cleaner_version="bench",
            source="bench.txt")).inserted_primary_key[0]
    tags = [t.id for t in lib.codebook.tree() if t.shortcut]
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", body)]
    free_from = int(len(words) * 0.9)  # leave the tail free for the creation benchmark
    rng = random.Random(11)
    for _ in range(HIGHLIGHTS):
        i = rng.randrange(0, free_from - 8)
        j = i + rng.randrange(0, 6)
        lib.highlights.create(aid, words[i][0], words[j][1], rng.sample(tags, rng.choice((1, 1, 2))))
    lib.close()
    return aid, words[free_from][0]


class GapProbe:
    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.reset()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now

    def start(self) -> "GapProbe":
        self.timer.start()
        return self


def spin(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.002)


def first_window_times(path: Path, runs: int = 3) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "app", "--db", str(path), "gui", "--smoke"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO)
        assert proc.stdout is not None
        for line in proc.stdout:
            if "window shown" in line:
                out.append(time.perf_counter() - t0)
                break
        proc.wait(timeout=60)
    return out


PHASES = """
import sys, time
T0 = time.perf_counter()
import app.ui.app as ua
T1 = time.perf_counter()
qapp = ua.make_application(); T2 = time.perf_counter()
lib = ua.open_library_or_explain(sys.argv[1]); T3 = time.perf_counter()
from app.ui.context import AppContext
from app.ui.main_window import MainWindow
from app.ui.settings import Settings
T4 = time.perf_counter()
w = MainWindow(AppContext(lib), Settings(), start_worker=False); T5 = time.perf_counter()
w.show()
while not (w.windowHandle() and w.windowHandle().isExposed()):
    qapp.processEvents()
T6 = time.perf_counter()
print(f"import bootstrap+PySide6 {(T1-T0)*1000:.0f} | QApplication+fonts {(T2-T1)*1000:.0f} | open library {(T3-T2)*1000:.0f}"
      f" | window modules {(T4-T3)*1000:.0f} | MainWindow() {(T5-T4)*1000:.0f} | show->exposed {(T6-T5)*1000:.0f} ms")
"""


def startup_phases(path: Path) -> str:
    out = subprocess.run([sys.executable, "-c", PHASES, str(path)], capture_output=True, text=True, cwd=REPO, timeout=120)
    return out.stdout.strip() or out.stderr.strip().splitlines()[-1]


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bonmun-bench-"))
    os.environ["BONMUN_HOME"] = str(tmp / "home")
    os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
    lib_path = tmp / "bench.sqlite"
    t = time.perf_counter()
    aid, free_at = build_library(lib_path)
    print(f"library: 1 article with {HIGHLIGHTS} highlights built in {time.perf_counter() - t:.1f} s")

    windows = first_window_times(lib_path, runs=4)
    print(f"time to first window (source install, `bonmun gui --smoke`, launch -> main window exposed): "
          f"median of warm runs {statistics.median(windows[1:]) * 1000:.0f} ms, runs {[round(w * 1000) for w in windows]} ms "
          f"(first run: cold caches) (target < 1500)")

    print(f"  start-up phases (warm): {startup_phases(lib_path)}")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import app.cli"], cwd=REPO, check=True)
    print(f"  python start + `import app.cli` before the GUI module: {(time.perf_counter() - t) * 1000:.0f} ms")

    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtCore import Qt

    from app.ui.app import make_application

    app = make_application()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    probe = GapProbe().start()
    spin(app, 0.05)
    probe.reset()
    t = time.perf_counter()
    from app.bootstrap import open_library
    from app.ui.context import AppContext
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    ctx = AppContext(open_library(lib_path, samples=False))
    win = MainWindow(ctx, Settings(), start_worker=True)
    win.show()
    while not (win.windowHandle() and win.windowHandle().isExposed()):
        app.processEvents()
    construct = time.perf_counter() - t
    spin(app, 0.05)
    startup_block = probe.max_gap
    probe.reset()
    from app.ui.worker_client import shared_worker

    worker = shared_worker(ctx)
    t = time.perf_counter()
    while not worker.is_ready() and time.perf_counter() - t < 30:
        spin(app, 0.05)
    print(f"start-up: window built and exposed in-process in {construct * 1000:.0f} ms "
          f"(one block before the first paint: {startup_block * 1000:.0f} ms)")
    print(f"after show, while the Korean worker loads ({time.perf_counter() - t:.1f} s, ready={worker.is_ready()}): "
          f"max UI-thread block {probe.max_gap * 1000:.0f} ms (target < 100)")

    # ---- open an article with 1,000 highlights -------------------------------------------------
    service = ctx.library.highlights
    t = time.perf_counter()
    cached = service.for_article(aid)
    query_ms = (time.perf_counter() - t) * 1000
    opens, reader_only, blocks = [], [], []
    for _ in range(5):
        ctx.events.article_selected.emit(0)
        spin(app, 0.05)
        probe.reset()
        t = time.perf_counter()
        ctx.events.article_selected.emit(aid)
        win.reader.browser.viewport().repaint()
        opens.append(time.perf_counter() - t)
        spin(app, 0.05)
        blocks.append(probe.max_gap)
        # the reader alone, with the highlights already read (what this widget costs by itself)
        service.for_article = lambda _aid: cached  # type: ignore[method-assign]
        t = time.perf_counter()
        win.reader.show_article(aid)
        win.reader.browser.viewport().repaint()
        reader_only.append(time.perf_counter() - t)
        del service.for_article
        spin(app, 0.05)
    painted = len(win.reader.browser.paint_items)
    print(f"open article with {HIGHLIGHTS} highlights ({painted} painted ranges), whole window (reader + docks + list): "
          f"median {statistics.median(opens) * 1000:.0f} ms, max UI block {max(blocks) * 1000:.0f} ms (target < 100)")
    print(f"  of which the reader widget itself (document, layout, 1,000 selections, paint): "
          f"median {statistics.median(reader_only) * 1000:.1f} ms; HighlightService.for_article: {query_ms:.0f} ms")

    # ---- create highlights by keyboard ---------------------------------------------------------
    from PySide6.QtCore import QEvent, QObject

    class PaintClock(QObject):
        first: float | None = None

        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]
            if event.type() == QEvent.Type.Paint and self.first is None:
                self.first = time.perf_counter()
            return False

    reader = win.reader
    clock = PaintClock()
    reader.browser.viewport().installEventFilter(clock)
    body = reader.article.body
    creates, blocks, visible = [], [], []
    pos = free_at
    for _ in range(10):
        start = body.index(" ", pos) + 1
        end = body.index(" ", start)
        pos = end + 1
        reader.select_body(start, end)
        reader.browser.setFocus()
        spin(app, 0.03)
        probe.reset()
        clock.first = None
        t = time.perf_counter()
        QTest.keyClick(reader.browser, Qt.Key.Key_1)
        creates.append(time.perf_counter() - t)
        visible.append((clock.first or time.perf_counter()) - t)
        spin(app, 0.05)
        blocks.append(probe.max_gap)
    n = len(ctx.library.highlights.for_article(aid))
    print(f"create highlight with ~{HIGHLIGHTS} highlights in the article: keypress -> highlight painted median "
          f"{statistics.median(visible) * 1000:.1f} ms, max {max(visible) * 1000:.1f} ms (target < 16)")
    print(f"  whole keypress (save + undo stack + every view's refresh): median {statistics.median(creates) * 1000:.0f} ms; "
          f"max UI block {max(blocks) * 1000:.0f} ms; highlights now {n}")
    win.close()
    ctx.library.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    raise SystemExit(main())
