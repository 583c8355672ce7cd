"""Fast checks of the packaging recipe: bundle filters, dependency check, desktop file, icons.

The slow end-to-end test (build, install, run, remove the .deb) is test_deb.py.
"""
from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "resources" / "installer"
ICONS = ROOT / "resources" / "icons"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, INSTALLER / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"_bonmun_installer_{name}"] = module
    spec.loader.exec_module(module)
    return module


rules = _load("bundle_rules")
check_deps = _load("check_deps")


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6",
])
def test_qt_pieces_the_app_needs_are_kept(dest: str) -> None:
    assert rules.keep_qt_file(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
    "PySide6/Qt/qml/QtQuick/Controls/qmldir",
])
def test_qt_pieces_for_other_platforms_are_dropped(dest: str) -> None:
    assert not rules.keep_qt_file(dest)


def test_a_qt_library_is_kept_when_the_app_imports_its_module() -> None:
    dest = "PySide6/Qt/lib/libQt6Network.so.6"
    assert not rules.keep_qt_file(dest)
    assert rules.keep_qt_file(dest, {"QtCore", "QtNetwork"})


def test_unused_qt_modules_keep_imports_and_their_dependencies() -> None:
    available = {"QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtDBus", "QtSvg", "QtSvgWidgets", "QtQml"}
    excluded = rules.unused_qt_modules(available, {"PySide6.QtSvgWidgets", "os.path"})
    assert excluded == ["PySide6.QtDBus", "PySide6.QtNetwork", "PySide6.QtQml"]


def test_only_korean_and_shipped_languages_of_qt_translations_are_kept() -> None:
    langs = {"ko", "en"}
    assert rules.keep_qt_translation("PySide6/Qt/translations/qtbase_ko.qm", langs)
    assert rules.keep_qt_translation("PySide6/Qt/translations/qt_en.qm", langs)
    assert not rules.keep_qt_translation("PySide6/Qt/translations/qtbase_de.qm", langs)
    assert not rules.keep_qt_translation("PySide6/Qt/translations/qt_zh_CN.qm", langs)
    assert rules.keep_qt_translation("resources/translations/bonmun_fr.qm", langs)  # not Qt's


def test_babel_locale_data_is_trimmed_to_root_english_and_app_languages() -> None:
    assert rules.keep_babel_locale("babel/locale-data/root.dat", {"ko"})
    assert rules.keep_babel_locale("babel/locale-data/ko_KR.dat", {"ko"})
    assert rules.keep_babel_locale("babel/locale-data/en.dat", {"ko"})
    assert not rules.keep_babel_locale("babel/locale-data/de_CH.dat", {"ko"})
    assert rules.keep_babel_locale("babel/global.dat", {"ko"})


@pytest.mark.parametrize("name,system", [
    ("libxcb-cursor.so.0", True), ("libxkbcommon-x11.so.0", True), ("libfontconfig.so.1", True),
    ("libGL.so.1", True), ("libglib-2.0.so.0", True), ("libstdc++.so.6", True),
    ("libsqlite3.so.0", False), ("libpython3.11.so.1.0", False), ("libssl.so.3", False),
    ("libQt6Gui.so.6", False), ("libicudata.so.73", False),
])
def test_desktop_stack_libraries_come_from_the_system(name: str, system: bool) -> None:
    assert rules.is_system_desktop_lib(name) is system


def test_system_path_means_an_os_library_dir() -> None:
    assert rules.is_system_path("/usr/lib/x86_64-linux-gnu/libxcb.so.1")
    assert rules.is_system_path("/lib/x86_64-linux-gnu/libfontconfig.so.1")
    assert not rules.is_system_path("/work/.venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Gui.so.6")
    assert not rules.is_system_path("/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0")


def test_data_files_skip_caches_and_keep_relative_folders(tmp_path: Path) -> None:
    (tmp_path / "db" / "versions" / "__pycache__").mkdir(parents=True)
    (tmp_path / "db" / "env.py").write_text("x = 1\n")
    (tmp_path / "db" / "versions" / "0001_a.py").write_text("y = 2\n")
    (tmp_path / "db" / "versions" / "__pycache__" / "0001_a.cpython-311.pyc").write_bytes(b"\0")
    (tmp_path / "db" / "versions" / "stale.pyc").write_bytes(b"\0")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "codebook.toml").write_text("")
    pairs = rules.data_files(tmp_path, ("db", "seeds", "resources/missing"))
    got = sorted((Path(src).relative_to(tmp_path).as_posix(), dest) for src, dest in pairs)
    assert got == [("db/env.py", "db"), ("db/versions/0001_a.py", "db/versions"),
                   ("seeds/codebook.toml", "seeds")]


def test_imports_of_migration_scripts_become_hidden_imports(tmp_path: Path) -> None:
    script = tmp_path / "0001.py"
    script.write_text("from alembic import op\nimport sqlalchemy as sa\nfrom logging import config\n"
                      "from json import dumps\nfrom . import sibling\n")
    names = rules.imported_modules([script])
    assert {"alembic", "alembic.op", "sqlalchemy", "logging", "logging.config", "json"} <= names
    assert "json.dumps" not in names  # a function, not a module
    assert not any(n.startswith("sibling") for n in names)


def test_repository_migrations_need_alembic_op() -> None:
    scripts = [p for p in (ROOT / "db").rglob("*.py") if "__pycache__" not in p.parts]
    assert scripts, "db/ has no Alembic scripts"
    names = rules.imported_modules(scripts)
    assert {"alembic.op", "alembic.context"} <= names  # Alembic proxies PyInstaller cannot see


def test_depends_field_parsing_handles_versions_and_alternatives() -> None:
    field = "libc6 (>= 2.35), libgl1 | libgl1-mesa-glx, libxcb-cursor0:amd64,\n libegl1"
    assert check_deps.depends_packages(field) == {"libc6", "libgl1", "libgl1-mesa-glx", "libxcb-cursor0", "libegl1"}


def test_glibc_requirement_is_the_newest_symbol_version(tmp_path: Path) -> None:
    a = tmp_path / "a.so"
    b = tmp_path / "b.so"
    a.write_bytes(b"\x7fELF....GLIBC_2.17\0GLIBC_2.34\0")
    b.write_bytes(b"\x7fELF....GLIBC_2.9\0GLIBC_2.28\0")
    assert check_deps.max_glibc([a, b]) == "2.34"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_is_valid() -> None:
    res = subprocess.run(["desktop-file-validate", str(INSTALLER / "bonmun.desktop")], capture_output=True, text=True)
    assert res.returncode == 0 and not res.stdout.strip(), res.stdout + res.stderr


def test_desktop_file_launches_the_installed_command_with_the_installed_icon() -> None:
    entries = dict(line.split("=", 1) for line in (INSTALLER / "bonmun.desktop").read_text().splitlines()
                   if "=" in line)
    assert entries["Exec"].split()[0] == "bonmun"
    assert entries["Icon"] == "bonmun"
    assert entries["Terminal"] == "false"


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_png_has_its_nominal_size(size: int) -> None:
    assert _png_size(ICONS / f"bonmun-{size}.png") == (size, size)


def test_icon_sources_are_small_and_complete() -> None:
    assert (ICONS / "bonmun.svg").read_text().lstrip().startswith("<?xml")
    assert (ICONS / "bonmun.ico").read_bytes()[:4] == b"\0\0\1\0"
    total = sum(p.stat().st_size for p in ICONS.iterdir())
    assert total < 200_000, "icons folder grew unexpectedly (keep binaries out of git)"


def test_libstdcxx_requirement_follows_the_newest_glibcxx_symbol(tmp_path: Path) -> None:
    lib = tmp_path / "libx.so"
    lib.write_bytes(b"\x7fELF..GLIBCXX_3.4.21\0GLIBCXX_3.4.29\0CXXABI_1.3.13\0")
    assert check_deps.libstdcxx_requirement([lib]) == "libstdc++6 (>= 11)"
    lib.write_bytes(b"\x7fELF..no C++ here\0")
    assert check_deps.libstdcxx_requirement([lib]) == "libstdc++6"
