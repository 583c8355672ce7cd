"""The one Kiwi instance of this process.

Rules: load lazily, once per process (``Kiwi()`` costs ~0.8 s and ~300 MB; the first tokenize more).
Never call :func:`get_kiwi` on the Qt UI thread: the load holds the GIL for seconds.
"""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kiwipiepy import Kiwi

_lock = threading.Lock()
_kiwi: "Kiwi | None" = None


def get_kiwi() -> "Kiwi":
    """Return the process-wide Kiwi, loading it on first use (thread-safe)."""
    global _kiwi
    if _kiwi is None:
        with _lock:
            if _kiwi is None:
                from kiwipiepy import Kiwi

                _kiwi = Kiwi()
    return _kiwi


def is_loaded() -> bool:
    """True once the Kiwi model is in memory."""
    return _kiwi is not None
