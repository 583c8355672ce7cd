"""What goes into Bonmun's PyInstaller bundle and what stays out (used by bonmun.spec).

Rules:
- Resource folders (``db``, ``seeds``, ``resources/{fonts,translations,icons}``) are copied to the
  bundle root (``sys._MEIPASS``) under the same relative names; caches and byte code never are.
- Modules imported by the Alembic scripts in ``db/`` are hidden imports (Alembic loads those
  scripts from the filesystem at run time, so PyInstaller cannot see their imports).
- Qt plugins for platforms Bonmun does not target (eglfs, linuxfb, vnc, evdev, Qt Quick/QML tooling,
  SQL drivers, designer...) are dropped, and so are Qt translations of other languages.
- On Linux the desktop stack (X11/xcb, xkbcommon, Wayland, GL, fontconfig/freetype, GLib, D-Bus,
  GTK) comes from the system: its libraries are dropped from the bundle and listed in the .deb's
  ``Depends`` instead (mixing a bundled libxcb/fontconfig with the host's graphics stack breaks).
No PyInstaller import here: the functions are plain and unit-tested in tests/packaging.
"""
from __future__ import annotations

import ast
import importlib.util
import re
from pathlib import Path
from typing import Iterable

RESOURCE_DIRS: tuple[str, ...] = (
    "db",
    "seeds",
    "resources/fonts",
    "resources/translations",
    "resources/icons",
)
"""Folders copied to the bundle root, relative to the repository root."""

_SKIP_PARTS = {"__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".git"}
_SKIP_SUFFIXES = {".pyc", ".pyo", ".orig", ".rej", ".swp"}

# Qt plugins Bonmun never loads. Matched against the bundle path (forward slashes).
_QT_DROP_PLUGIN = re.compile(
    r"PySide6/Qt/plugins/("
    r"platforms/lib(qeglfs|qlinuxfb|qminimalegl|qvnc|qvkkhrdisplay)\.so"
    r"|egldeviceintegrations/|generic/|designer/|qmltooling/|sqldrivers/|vectorimageformats/"
    r"|networkinformation/|tls/|printsupport/|position/|multimedia/|sceneparsers/|renderers/"
    r"|wayland-graphics-integration-server/|imageformats/libq(pdf|tga|wbmp|icns|tiff|webp)\.so"
    r")"
    r"|PySide6/Qt/qml/"
)
# Qt libraries pulled in only by the plugins above (kept when Bonmun imports the matching module).
_QT_LIB = re.compile(r"PySide6/Qt/lib/libQt6(\w+)\.so\.6$")
_QT_DROP_LIB = re.compile(
    r"EglFSDeviceIntegration|EglFsKms\w*|WaylandCompositor\w*|WaylandEglCompositor\w*|"
    r"WlShellIntegration|Quick\w*|Qml\w*|Labs\w*|Lottie\w*|Designer\w*|Help|UiTools|Test|Sql|"
    r"Pdf\w*|Network|PrintSupport|VirtualKeyboard\w*|Concurrent"
)

# Desktop-stack libraries the host must provide (see DEPENDS in build_deb.sh). libstdc++/libgcc_s
# too: the host's GL driver (Mesa) needs the host's newer libstdc++, and a bundled older copy
# loaded first makes it fail ("GLIBCXX_3.4.xx not found").
_SYSTEM_LIB = re.compile(
    r"^lib("
    r"X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|Xi|Xfixes|Xcursor|Xrandr|Xinerama|"
    r"xcb(-[a-z0-9-]+)?|xkbcommon(-x11)?|wayland-(client|cursor|egl|server)|"
    r"GL|GLX|GLdispatch|EGL|OpenGL|gbm|drm|"
    r"fontconfig|freetype|harfbuzz|png16|brotli(dec|common)|expat|"
    r"glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|pcre2-8|"
    r"dbus-1|systemd|cap|gcrypt|gpg-error|lz4|zstd|bsd|md|"
    r"gtk-3|gdk-3|gdk_pixbuf-2\.0|pango\w*-1\.0|cairo(-gobject)?|atk(-bridge)?-1\.0|"
    r"atspi|epoxy|fribidi|thai|datrie|graphite2|pixman-1|jpeg|mount|blkid|selinux|"
    r"gssapi_krb5|krb5|k5crypto|com_err|krb5support|keyutils|"
    r"stdc\+\+|gcc_s"
    r")\.so(\.\d+)*$"
)


def data_files(root: Path, rel_dirs: Iterable[str] = RESOURCE_DIRS) -> list[tuple[str, str]]:
    """(source file, bundle folder) pairs for every resource file under ``rel_dirs``.

    Missing folders are skipped (the caller reports them); caches and byte code are left out.
    """
    pairs: list[tuple[str, str]] = []
    for rel in rel_dirs:
        base = root / rel
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if not path.is_file():
                continue
            if _SKIP_PARTS.intersection(path.relative_to(root).parts):
                continue
            if path.suffix in _SKIP_SUFFIXES:
                continue
            pairs.append((str(path), path.parent.relative_to(root).as_posix()))
    return pairs


def imported_modules(py_files: Iterable[Path]) -> set[str]:
    """Dotted names of modules imported by ``py_files`` (absolute imports only).

    ``from a.b import c`` yields ``a.b`` and, when ``a.b.c`` is itself a module, ``a.b.c``.
    """
    names: set[str] = set()
    for path in py_files:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    if _is_module(candidate):
                        names.add(candidate)
    return names


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError, AttributeError):
        return False


def source_imports_module(root: Path, module: str, packages: Iterable[str] = ("app", "db")) -> bool:
    """True when any .py file under ``packages`` imports ``module`` (or a submodule of it)."""
    files = [p for pkg in packages for p in (root / pkg).rglob("*.py") if "__pycache__" not in p.parts]
    return any(n == module or n.startswith(module + ".") for n in imported_modules(files))


def keep_qt_file(dest: str, used_qt_modules: Iterable[str] = ()) -> bool:
    """False for Qt plugins/libraries Bonmun never loads (see module docstring).

    ``used_qt_modules`` names the PySide6 modules the app imports (``"QtNetwork"``...): the Qt
    library behind each of them is always kept.
    """
    norm = dest.replace("\\", "/")
    if _QT_DROP_PLUGIN.search(norm):
        return False
    lib = _QT_LIB.search(norm)
    if lib and _QT_DROP_LIB.fullmatch(lib.group(1)):
        return f"Qt{lib.group(1)}" in set(used_qt_modules)
    return True


def keep_qt_translation(dest: str, languages: Iterable[str]) -> bool:
    """Keep Qt's own .qm files only for ``languages`` (e.g. ``{"ko"}``); other files pass."""
    norm = dest.replace("\\", "/")
    if "/Qt/translations/" not in norm:
        return True
    stem = norm.rsplit("/", 1)[-1].removesuffix(".qm")
    lang = stem.split("_", 1)[1] if "_" in stem else ""
    return any(lang == want or lang.startswith(want + "_") for want in languages)


def is_system_desktop_lib(dest: str) -> bool:
    """True for a desktop-stack library that the .deb takes from the system instead."""
    return _SYSTEM_LIB.match(dest.replace("\\", "/").rsplit("/", 1)[-1]) is not None


QT_BASE_MODULES = frozenset({"QtCore", "QtGui", "QtWidgets"})
_QT_MODULE_DEPS: dict[str, frozenset[str]] = {
    "QtSvgWidgets": frozenset({"QtSvg"}),
    "QtOpenGLWidgets": frozenset({"QtOpenGL"}),
    "QtPdfWidgets": frozenset({"QtPdf"}),
    "QtPrintSupport": frozenset(),
    "QtMultimediaWidgets": frozenset({"QtMultimedia", "QtNetwork"}),
    "QtWebEngineWidgets": frozenset({"QtWebEngineCore", "QtWebChannel", "QtNetwork", "QtPrintSupport"}),
    "QtQuickWidgets": frozenset({"QtQuick", "QtQml", "QtNetwork", "QtOpenGL"}),
    "QtUiTools": frozenset(),
    "QtCharts": frozenset({"QtOpenGL", "QtOpenGLWidgets"}),
}


def unused_qt_modules(available: Iterable[str], imported: Iterable[str]) -> list[str]:
    """PySide6 modules to exclude: all of ``available`` but the base ones, those the app imports
    (``PySide6.QtX`` dotted names) and their dependencies.

    PyInstaller otherwise collects every module ``PySide6/__init__.py`` could load (QtNetwork,
    QtDBus...), with their Qt libraries.
    """
    used = set(QT_BASE_MODULES)
    for name in imported:
        parts = name.split(".")
        if len(parts) >= 2 and parts[0] == "PySide6" and parts[1].startswith("Qt"):
            used.add(parts[1])
    for mod in list(used):
        used |= _QT_MODULE_DEPS.get(mod, frozenset())
    return sorted(f"PySide6.{m}" for m in set(available) - used)


def app_languages(root: Path) -> set[str]:
    """Languages Bonmun ships translations for (``*_<lang>.qm``), always including Korean."""
    langs = {"ko"}
    for qm in (root / "resources" / "translations").glob("*.qm"):
        if "_" in qm.stem:
            langs.add(qm.stem.split("_", 1)[1])
    return langs


_SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def is_system_path(src: str) -> bool:
    """True when ``src`` is a library installed by the OS (not from the venv or Python build)."""
    return src.startswith(_SYSTEM_DIRS) and "site-packages" not in src


def keep_babel_locale(dest: str, languages: Iterable[str]) -> bool:
    """Keep Babel's CLDR files only for ``languages`` + ``root`` (35 MB -> < 1 MB).

    Bonmun reaches Babel only through courlan's URL language filter, which treats a missing
    locale as "not that language"; the app never asks for it (it imports pasted pages).
    """
    norm = dest.replace("\\", "/")
    if "babel/locale-data/" not in norm:
        return True
    stem = norm.rsplit("/", 1)[-1].removesuffix(".dat")
    lang = stem.split("_", 1)[0]
    return stem == "root" or lang in set(languages) or lang == "en"
