"""Positions in Python/Kiwi code points <-> positions in Qt UTF-16 code units.

Rules:
- A character above U+FFFF (emoji, rare Hanja, ...) is one code point but two UTF-16 units; every other
  character (a lone surrogate included, as Qt would hold it) is one of each.
- Python index ``i`` (0 <= i <= len(text)) -> UTF-16 position of the start of ``text[i]``
  (``len(text[:i].encode('utf-16-le')) // 2``).
- UTF-16 position ``p`` (0 <= p <= UTF-16 length) -> Python index; a position inside a surrogate pair
  rounds down to the start of its character.
- Out-of-range positions raise ``ValueError``: they are bugs, not something to clamp silently.
Convert at the Qt boundary only; everything else in Bonmun speaks code points.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def py_to_utf16(text: str, index: int) -> int:
    """UTF-16 position of Python index ``index`` in ``text``."""
    _check(index, len(text), "index")
    head = text[:index]
    if head.isascii():
        return index
    return index + len(_ASTRAL.findall(head))


def utf16_to_py(text: str, pos: int) -> int:
    """Python index of UTF-16 position ``pos`` in ``text`` (inside a pair -> start of the character)."""
    return OffsetMap(text).to_py(pos)


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Qt reports)."""
    return len(text) + (0 if text.isascii() else len(_ASTRAL.findall(text)))


class OffsetMap:
    """Converts many positions of one text. O(n) to build, O(log k) per lookup (k = non-BMP characters);
    texts without non-BMP characters take an identity fast path."""

    __slots__ = ("_astral", "_astral16", "_len")

    def __init__(self, text: str) -> None:
        self._len = len(text)
        # Python indices of non-BMP characters, and their UTF-16 start positions.
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral16 = [i + k for k, i in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """True when both coordinate systems agree (no non-BMP character)."""
        return not self._astral

    @property
    def py_length(self) -> int:
        return self._len

    @property
    def utf16_length(self) -> int:
        return self._len + len(self._astral)

    def to_utf16(self, index: int) -> int:
        """Python index -> UTF-16 position."""
        _check(index, self._len, "index")
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def to_py(self, pos: int) -> int:
        """UTF-16 position -> Python index (a position inside a surrogate pair rounds down)."""
        _check(pos, self.utf16_length, "UTF-16 position")
        if not self._astral:
            return pos
        # astral characters starting strictly before pos each took one extra unit, including one that
        # pos falls inside of (pos = start + 1), which is how the position rounds down.
        return pos - bisect_left(self._astral16, pos)

    def to_utf16_many(self, indices: Iterable[int]) -> list[int]:
        return [self.to_utf16(i) for i in indices]

    def to_py_many(self, positions: Iterable[int]) -> list[int]:
        return [self.to_py(p) for p in positions]

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        """Python ``[start, end)`` -> UTF-16 ``[start, end)``."""
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_py(self, start: int, end: int) -> tuple[int, int]:
        """UTF-16 ``[start, end)`` -> Python; an end inside a pair rounds up so the character stays whole."""
        py_start, py_end = self.to_py(start), self.to_py(end)
        if self.to_utf16(py_end) < end:
            py_end += 1
        return py_start, py_end


def _check(value: int, upper: int, what: str) -> None:
    if not 0 <= value <= upper:
        raise ValueError(f"{what} {value} outside 0..{upper}")
