"""Which snapping a highlight gets, and the asynchronous morpheme path through the worker.

Rules (the snapping itself lives in ``app.core.korean.snapping``):
- Alt held: the selection is taken exactly as made (only surrounding whitespace is trimmed).
- Shift held: snap to morpheme boundaries through the Korean worker process; when the worker is
  not there or fails, fall back to eojeol snapping (the analyst still gets a highlight).
- Otherwise: snap outwards to eojeol (space-delimited word) boundaries.
- The result is always delivered through ``done(start, end)``; an empty span means "nothing to
  highlight". The eojeol/exact paths call it synchronously, the morpheme path later.
"""
from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Protocol

from app.core.korean.snapping import snap_eojeol

Done = Callable[[int, int], None]


class SnapMode(enum.Enum):
    EXACT = "exact"
    EOJEOL = "eojeol"
    MORPHEME = "morpheme"


def mode_for(shift: bool, alt: bool) -> SnapMode:
    if alt:
        return SnapMode.EXACT
    return SnapMode.MORPHEME if shift else SnapMode.EOJEOL


class Requester(Protocol):
    def request(self, op: str, payload: dict[str, Any] | None = None, callback: Callable[[bool, Any], None] | None = None) -> int: ...


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop whitespace at both ends of the span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snap_now(text: str, start: int, end: int, mode: SnapMode) -> tuple[int, int]:
    """Exact or eojeol snapping (morpheme mode falls back to eojeol here)."""
    if mode is SnapMode.EXACT:
        return trim(text, start, end)
    return snap_eojeol(text, start, end)


def snap(text: str, start: int, end: int, mode: SnapMode, done: Done, worker: Requester | None = None) -> int | None:
    """Snap ``[start, end)`` of ``text`` and call ``done``; returns the worker request id, if any."""
    if mode is not SnapMode.MORPHEME or worker is None:
        done(*snap_now(text, start, end, mode))
        return None

    def answered(ok: bool, value: Any) -> None:
        if ok and isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
            s, e = value
            if 0 <= s <= e <= len(text):
                done(s, e)
                return
        done(*snap_now(text, start, end, SnapMode.EOJEOL))

    return worker.request("snap_morpheme", {"text": text, "start": start, "end": end}, answered)
