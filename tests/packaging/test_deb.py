"""End to end: build the .deb, install it, use it as an analyst would, remove it.

Needs Linux, root, dpkg-deb and readelf; skipped otherwise. The package is built once per session
with ``make package`` (which installs the ``[package]`` extra, i.e. PyInstaller, into .venv) or,
without make, with build_deb.sh and this interpreter. Fast compression (zstd -3) is used: what is
checked here is the package's content, not its size. apt-get installs the local .deb with its
Depends (what `sudo apt install ./bonmun_*.deb` does for an analyst).
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
PREFIX = Path("/opt/bonmun")
LAUNCHER = Path("/usr/bin/bonmun")
BUILD_TIMEOUT = 20 * 60
NETWORK_ERRORS = ("Temporary failure resolving", "Could not resolve", "Failed to fetch", "Unable to fetch")


def _skip_reason() -> str | None:
    if not sys.platform.startswith("linux"):
        return "the .deb is built and installed on Linux only"
    if os.geteuid() != 0:
        return "installing a .deb needs root"
    for tool in ("dpkg-deb", "dpkg", "readelf"):
        if shutil.which(tool) is None:
            return f"{tool} not found (Debian/Ubuntu with binutils needed)"
    if not _use_make() and importlib.util.find_spec("PyInstaller") is None:
        return "PyInstaller missing and no make: pip install -e '.[package]'"
    return None


def _use_make() -> bool:
    makefile = ROOT / "Makefile"
    return (shutil.which("make") is not None and makefile.is_file()
            and "resources/installer/package.mk" in makefile.read_text())


if (_reason := _skip_reason()) is not None:
    pytest.skip(_reason, allow_module_level=True)


def minimal_env(home: Path, **extra: str) -> dict[str, str]:
    """What a desktop launcher or cron gives a program: hardly anything."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), **extra}


def run(cmd: list[str], *, timeout: float = 120, check: bool = True, **kw) -> subprocess.CompletedProcess[str]:
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if check and res.returncode != 0:
        pytest.fail(f"{' '.join(map(str, cmd))} -> {res.returncode}\nstdout:\n{res.stdout[-3000:]}\n"
                    f"stderr:\n{res.stderr[-3000:]}")
    return res


@pytest.fixture(scope="module")
def deb() -> Path:
    """Build the bundle and the .deb once for this module."""
    if _use_make():
        run(["make", "package", "DEB_COMPRESS=zstd", "DEB_LEVEL=3"], timeout=BUILD_TIMEOUT, cwd=ROOT)
    else:
        run(["sh", str(ROOT / "resources/installer/build_deb.sh"), "--python", sys.executable,
             "--compress", "zstd", "--level", "3"], timeout=BUILD_TIMEOUT, cwd=ROOT)
    debs = sorted((ROOT / "dist").glob(f"bonmun_{VERSION}_*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


def _apt_install(deb: Path) -> subprocess.CompletedProcess[str]:
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", "--allow-downgrades", str(deb)]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=env)
    if res.returncode != 0:  # stale or empty package lists on a fresh machine
        subprocess.run(["apt-get", "update"], capture_output=True, text=True, timeout=600, env=env)
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=900, env=env)
    return res


@pytest.fixture(scope="module")
def installed(deb: Path):
    """Install the package (and its Depends); purge it at the end whatever happened."""
    if shutil.which("apt-get"):
        res = _apt_install(deb)
    else:
        res = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True, timeout=900)
    if res.returncode != 0:
        if any(e in res.stdout + res.stderr for e in NETWORK_ERRORS):
            pytest.skip(f"cannot fetch the package's dependencies (no network?):\n{res.stderr[-1500:]}")
        pytest.fail(f"installing {deb.name} failed:\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}")
    yield deb
    subprocess.run(["dpkg", "--purge", "bonmun"], capture_output=True, timeout=300)


def test_control_fields_come_from_pyproject_and_name_qt_system_libraries(deb: Path) -> None:
    fields = run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Architecture", "Depends", "Maintainer"]).stdout
    info = dict(line.split(": ", 1) for line in fields.splitlines() if ": " in line)
    assert info["Package"] == "bonmun"
    assert info["Version"] == VERSION
    assert info["Architecture"] == run(["dpkg", "--print-architecture"]).stdout.strip()
    for lib in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1", "libdbus-1-3"):
        assert lib in info["Depends"]


def test_package_holds_app_launcher_desktop_entry_and_icons(deb: Path) -> None:
    listing = run(["dpkg-deb", "-c", str(deb)]).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    assert "/opt/bonmun/bonmun" in paths
    assert "/usr/share/applications/bonmun.desktop" in paths
    assert "/usr/share/icons/hicolor/scalable/apps/bonmun.svg" in paths
    for size in (16, 32, 48, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/bonmun.png" in paths
    for rel in ("db/env.py", "seeds/codebook.toml", "resources/fonts"):
        assert any(p.startswith(f"/opt/bonmun/_internal/{rel}") for p in paths), rel
    assert not any("__pycache__" in p or p.endswith(".pyc") for p in paths)
    assert not any("/tests/" in p or "/tkinter/" in p or "/numpy/" in p for p in paths)


def test_version_from_any_folder_with_a_minimal_environment(installed: Path, tmp_path: Path) -> None:
    res = run([str(LAUNCHER), "--version"], env=minimal_env(tmp_path), cwd=tmp_path)
    assert res.stdout.strip() == f"bonmun {VERSION}"


def test_clean_prints_the_same_korean_body_as_the_source_install(installed: Path, tmp_path: Path) -> None:
    seed = sorted((ROOT / "seeds").glob("002_*.txt"))[0]
    frozen = run([str(LAUNCHER), "clean", str(seed)], env=minimal_env(tmp_path), cwd=tmp_path)
    source = run([sys.executable, "-m", "app", "clean", str(seed)], cwd=ROOT,
                 env={**os.environ, "BONMUN_HOME": str(tmp_path / "src-home")})
    assert frozen.stdout == source.stdout
    body = frozen.stdout.splitlines()
    assert len(body) >= 3
    assert sum(any("\uac00" <= ch <= "\ud7a3" for ch in line) for line in body) >= 3


def test_gui_opens_on_a_fresh_library(installed: Path, tmp_path: Path) -> None:
    library = tmp_path / "fresh" / "library.sqlite"
    library.parent.mkdir()
    env = minimal_env(tmp_path, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    res = run([str(LAUNCHER), "--db", str(library), "gui", "--smoke"], env=env, cwd=tmp_path, timeout=180)
    assert "Traceback" not in res.stderr
    with sqlite3.connect(library) as con:  # migrations from the bundled db/ ran
        tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
        revision = con.execute("select version_num from alembic_version").fetchone()
    assert "articles" in tables and revision is not None


def test_korean_analysis_worker_loads_the_bundled_kiwi_model(installed: Path, tmp_path: Path) -> None:
    """The GUI's child process (``bonmun worker``): Kiwi and its model must load from the bundle."""
    requests = "\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"id": 1, "op": "ping"},
        {"id": 2, "op": "find_in_text", "text": "정부가 반도체 산업을 지원했다.", "query": "정부"},
    )) + "\n"
    res = run([str(LAUNCHER), "--db", str(tmp_path / "w.sqlite"), "worker"], input=requests,
              env=minimal_env(tmp_path), cwd=tmp_path, timeout=180)
    lines = [json.loads(line) for line in res.stdout.splitlines()]
    assert {"event": "ready"} in lines and not any(x.get("event") == "failed" for x in lines), res.stderr[-2000:]
    answers = {x["id"]: x for x in lines if "id" in x}
    assert answers[1] == {"id": 1, "ok": True, "result": "pong"}
    assert answers[2]["ok"] and answers[2]["result"] and answers[2]["result"][0][0] == 0, answers[2]


def test_desktop_entry_is_installed_and_valid(installed: Path) -> None:
    desktop = Path("/usr/share/applications/bonmun.desktop")
    assert desktop.is_file()
    if shutil.which("desktop-file-validate"):
        res = run(["desktop-file-validate", str(desktop)], check=False)
        assert res.returncode == 0 and not res.stdout.strip(), res.stdout


def test_remove_leaves_nothing_behind(installed: Path) -> None:
    assert PREFIX.is_dir() and LAUNCHER.exists()
    run(["dpkg", "--purge", "bonmun"], timeout=300)
    assert not PREFIX.exists(), sorted(str(p) for p in PREFIX.rglob("*"))[:20]
    assert not LAUNCHER.exists() and not LAUNCHER.is_symlink()
    assert not Path("/usr/share/applications/bonmun.desktop").exists()
