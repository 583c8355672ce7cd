"""Typed access to the user's window settings (QSettings).

Rules: every key has one typed getter/setter here, with its default; values that come back
malformed (another version wrote them, the file was edited) fall back to the default; the recent
libraries list holds at most ``MAX_RECENT`` distinct paths, newest first.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
FONT_MIN, FONT_MAX, FONT_DEFAULT = 9, 32, 13


class Settings:
    """The window's persisted preferences."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._s = qsettings or QSettings()

    # ---- reader ------------------------------------------------------------------------------
    @property
    def font_size(self) -> int:
        try:
            size = int(self._s.value("reader/font_size", FONT_DEFAULT))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return FONT_DEFAULT
        return max(FONT_MIN, min(FONT_MAX, size))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self._s.setValue("reader/font_size", max(FONT_MIN, min(FONT_MAX, int(size))))

    @property
    def show_removed(self) -> bool:
        return _bool(self._s.value("reader/show_removed", False))

    @show_removed.setter
    def show_removed(self, on: bool) -> None:
        self._s.setValue("reader/show_removed", bool(on))

    @property
    def show_suggestions(self) -> bool:
        return _bool(self._s.value("reader/show_suggestions", True))

    @show_suggestions.setter
    def show_suggestions(self, on: bool) -> None:
        self._s.setValue("reader/show_suggestions", bool(on))

    # ---- window ------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return _bytes(self._s.value("window/geometry"))

    def window_state(self) -> QByteArray | None:
        return _bytes(self._s.value("window/state"))

    def splitter_state(self) -> QByteArray | None:
        return _bytes(self._s.value("window/splitter"))

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)
        self._s.setValue("window/splitter", splitter)

    # ---- libraries ---------------------------------------------------------------------------
    def recent_libraries(self) -> list[str]:
        value = self._s.value("libraries/recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if v][:MAX_RECENT]

    def add_recent_library(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.recent_libraries() if p != path]
        self._s.setValue("libraries/recent", recent[:MAX_RECENT])
        return recent[:MAX_RECENT]

    def remove_recent_library(self, path: str) -> None:
        self._s.setValue("libraries/recent", [p for p in self.recent_libraries() if p != path])

    @property
    def last_library(self) -> str | None:
        value = self._s.value("libraries/last")
        return str(value) if value else None

    @last_library.setter
    def last_library(self, path: str | None) -> None:
        if path:
            self._s.setValue("libraries/last", path)
        else:
            self._s.remove("libraries/last")

    def sync(self) -> None:
        self._s.sync()


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.lower() in ("1", "true", "yes")
    return bool(value)


def _bytes(value: object) -> QByteArray | None:
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    if isinstance(value, (bytes, bytearray)) and value:
        return QByteArray(bytes(value))
    return None
