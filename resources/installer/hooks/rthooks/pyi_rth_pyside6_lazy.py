"""Run-time hook replacing PyInstaller's pyi_rth_pyside6 (this folder's rthooks.dat takes precedence).

PyInstaller's hook imports PySide6.QtCore at start-up (to check for an embedded qt.conf), which
loads Qt and ICU (~0.5 s) in every process, even ``bonmun --version`` and the GUI's worker and
import child processes that never touch Qt. This hook sets the same environment (plugin and QML
paths) at once and runs the qt.conf step right after the first real ``import PySide6.QtCore``.
"""


def _pyi_rthook():
    import importlib.abc
    import os
    import sys

    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    if sys.platform.startswith("win"):
        qt_path = os.path.join(sys._MEIPASS, "PySide6")
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
    else:
        qt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")

    class _Loader(importlib.abc.Loader):
        def __init__(self, inner):
            self.inner = inner

        def create_module(self, spec):
            return self.inner.create_module(spec)

        def exec_module(self, module):
            self.inner.exec_module(module)
            qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path)

    class _AfterQtCore(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            for finder in sys.meta_path:
                spec = finder.find_spec(name, path, target) if hasattr(finder, "find_spec") else None
                if spec is not None:
                    spec.loader = _Loader(spec.loader)
                    return spec
            return None

    sys.meta_path.insert(0, _AfterQtCore())


_pyi_rthook()
del _pyi_rthook
