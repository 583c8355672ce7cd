"""Start-up benchmark: time from process launch to the first window on screen.

Measures the installed app (/usr/bin/bonmun), the bundle in dist/bonmun and the source install
(`.venv/bin/python -m app`), each on a fresh Xvfb with the page cache warm (one untimed run first):
- "existing library": a library that was opened before (the daily start);
- "first start": a new user (empty BONMUN_HOME, default library: migrations + sample import).
"First window" = the first top-level X11 window that becomes viewable and larger than 50x50 px
(a splash screen counts), polled every 5 ms through libX11. Without Xvfb, `--method smoke` times
`gui --smoke` under QT_QPA_PLATFORM=offscreen to its exit (an upper bound).
Also prints the bundle size and the .deb size; `--deb-matrix zstd:3,xz:6` repackages dist/bonmun
with each compressor and prints size and time.

    .venv/bin/python tests/bench/bench_startup.py [--runs 5] [--method x11|smoke] [--deb-matrix ...]
"""
from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int), ("height", ctypes.c_int),
                ("border_width", ctypes.c_int), ("depth", ctypes.c_int), ("visual", ctypes.c_void_p),
                ("root", ctypes.c_ulong), ("class_", ctypes.c_int), ("bit_gravity", ctypes.c_int),
                ("win_gravity", ctypes.c_int), ("backing_store", ctypes.c_int),
                ("backing_planes", ctypes.c_ulong), ("backing_pixel", ctypes.c_ulong),
                ("save_under", ctypes.c_int), ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
                ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
                ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
                ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p)]


class X11Watcher:
    """Polls an X display for a viewable top-level window (no window manager needed)."""

    IS_VIEWABLE = 2

    def __init__(self, display: str) -> None:
        name = ctypes.util.find_library("X11")
        if not name:
            raise RuntimeError("libX11 not found")
        self.x = ctypes.CDLL(name)
        self.x.XOpenDisplay.restype = ctypes.c_void_p
        self.x.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                      ctypes.POINTER(ctypes.c_ulong),
                                      ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                      ctypes.POINTER(ctypes.c_uint)]
        self.x.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                                ctypes.POINTER(_XWindowAttributes)]
        self.x.XFree.argtypes = [ctypes.c_void_p]
        self.x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x.XSetErrorHandler.restype = ctypes.c_void_p
        self._handler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
        self.x.XSetErrorHandler(self._handler)  # windows vanish between query and attributes
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open display {display}")
        self.root = self.x.XDefaultRootWindow(self.dpy)

    def window_shown(self) -> bool:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        if not self.x.XQueryTree(self.dpy, self.root, ctypes.byref(root), ctypes.byref(parent),
                                 ctypes.byref(children), ctypes.byref(count)):
            return False
        try:
            attrs = _XWindowAttributes()
            for i in range(count.value):
                if (self.x.XGetWindowAttributes(self.dpy, children[i], ctypes.byref(attrs))
                        and attrs.map_state == self.IS_VIEWABLE and attrs.width > 50 and attrs.height > 50):
                    return True
            return False
        finally:
            if children:
                self.x.XFree(children)

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    for n in range(97, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not Path(f"/tmp/.X11-unix/X{n}").exists():
                time.sleep(0.02)
            return proc, f":{n}"
    raise RuntimeError("no free X display number")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def time_to_window(cmd: list[str], env: dict[str, str], display: str) -> float:
    watcher = X11Watcher(display)
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env={**env, "DISPLAY": display}, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        try:
            while time.perf_counter() - t0 < TIMEOUT:
                if watcher.window_shown():
                    return time.perf_counter() - t0
                if proc.poll() is not None:
                    raise RuntimeError(f"{cmd[0]} exited ({proc.returncode}) before showing a window: "
                                       f"{proc.stderr.read().decode(errors='replace')[-500:] if proc.stderr else ''}")
                time.sleep(0.005)
            raise RuntimeError(f"no window after {TIMEOUT:.0f} s")
        finally:
            stop(proc)
    finally:
        watcher.close()


def time_to_smoke_exit(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    res = subprocess.run([*cmd, "--smoke"], env={**env, "QT_QPA_PLATFORM": "offscreen"},
                         capture_output=True, text=True, timeout=TIMEOUT)
    if res.returncode != 0:
        raise RuntimeError(f"gui --smoke failed ({res.returncode}): {res.stderr[-500:]}")
    return time.perf_counter() - t0


def measure(targets: dict[str, list[str]], runs: int, method: str, display: str | None) -> None:
    """Time every target, interleaved run by run so that load from other processes hits all alike."""
    with tempfile.TemporaryDirectory(prefix="bonmun-bench-") as tmp:
        base_env = {"PATH": "/usr/bin:/bin", "HOME": tmp, "XDG_RUNTIME_DIR": tmp, "LANG": "C.UTF-8"}

        def one(label: str, env: dict[str, str], args: list[str]) -> float:
            cmd = [*targets[label], *args, "gui"]
            cwd = ROOT if label == "source" else Path(tmp)
            os.chdir(cwd)
            return time_to_window(cmd, env, display) if method == "x11" else time_to_smoke_exit(cmd, env)

        daily: dict[str, list[float]] = {label: [] for label in targets}
        first: dict[str, list[float]] = {label: [] for label in targets}
        for label in targets:  # creates + migrates the library, warms the page cache
            one(label, base_env, ["--db", f"{tmp}/{label}.sqlite"])
        for i in range(runs):
            for label in targets:
                daily[label].append(one(label, base_env, ["--db", f"{tmp}/{label}.sqlite"]))
        for i in range(max(1, runs // 2)):
            for label in targets:
                first[label].append(one(label, {**base_env, "BONMUN_HOME": f"{tmp}/{label}-home{i}"}, []))
        os.chdir(ROOT)
        for label in targets:
            for name, values in (("existing library", daily[label]), ("first start", first[label])):
                print(f"{label:<10} {name:<17} median {statistics.median(values):6.2f} s   "
                      f"min {min(values):5.2f}  max {max(values):5.2f}  (n={len(values)}, {method})")


def du(path: Path) -> str:
    out = subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True).stdout
    return out.split()[0] if out else "?"


def deb_matrix(spec: str) -> None:
    for item in spec.split(","):
        comp, _, level = item.partition(":")
        cmd = ["sh", str(ROOT / "resources/installer/build_deb.sh"), "--skip-bundle", "--python", sys.executable,
               "--compress", comp] + (["--level", level] if level else [])
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        total = time.perf_counter() - t0
        deb = max((ROOT / "dist").glob("bonmun_*.deb"), key=lambda p: p.stat().st_mtime)
        print(f"deb {comp:>4} -{level or 'default':<7} {deb.stat().st_size / 2**20:7.1f} MiB  "
              f"build_deb.sh --skip-bundle {total:6.1f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--method", choices=("x11", "smoke"), default="x11" if shutil.which("Xvfb") else "smoke")
    ap.add_argument("--only", choices=("installed", "bundle", "source"), action="append")
    ap.add_argument("--deb-matrix", metavar="COMP:LEVEL,...", help="e.g. zstd:3,zstd:19,xz:6")
    args = ap.parse_args()

    targets = {
        "installed": [str(Path("/usr/bin/bonmun"))] if Path("/usr/bin/bonmun").exists() else None,
        "bundle": [str(ROOT / "dist/bonmun/bonmun")] if (ROOT / "dist/bonmun/bonmun").exists() else None,
        "source": [sys.executable, "-m", "app"],
    }
    chosen = {label: cmd for label, cmd in targets.items()
              if cmd is not None and (not args.only or label in args.only)}
    for label in sorted(set(targets) - set(chosen)):
        print(f"{label:<10} skipped ({'not present' if targets[label] is None else 'not chosen'})")
    xvfb, display = start_xvfb() if args.method == "x11" else (None, None)
    try:
        measure(chosen, args.runs, args.method, display)
    finally:
        if xvfb is not None:
            stop(xvfb)
    for where in (Path("/opt/bonmun"), ROOT / "dist/bonmun"):
        if where.exists():
            print(f"bundle size {where}: {du(where)}")
    for deb in sorted((ROOT / "dist").glob("bonmun_*.deb")):
        print(f"deb size {deb.name}: {deb.stat().st_size / 2**20:.1f} MiB")
    if args.deb_matrix:
        deb_matrix(args.deb_matrix)
    return 0


if __name__ == "__main__":
    sys.exit(main())
