"""Repair of CP949 (EUC-KR) text that was mis-decoded as Latin-1 / Windows-1252.

Rules: only text with no Hangul and at least :data:`MIN_HIGH` characters in U+0080–U+00FF is tried;
the repair is accepted when the bytes re-decode as CP949, re-encode to the same bytes (round trip),
give at least :data:`MIN_HANGUL` Hangul syllables, and Hangul makes up most non-ASCII characters.
Each mis-decoded byte was one character of the original string, so the original offset of repaired
position ``i`` is the CP949 byte length of ``repaired[:i]`` (see :class:`OffsetMap`).
"""
from __future__ import annotations

import re

MIN_HIGH = 8
MIN_HANGUL = 4
_HANGUL = re.compile(r"[가-힣]")
_HIGH = re.compile(r"[\x80-\xff]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class OffsetMap:
    """Maps positions in the repaired text to positions in the mis-decoded original."""

    def __init__(self, repaired: str) -> None:
        self._text = repaired
        self._pos = 0
        self._raw = 0

    def raw(self, i: int) -> int:
        """Original offset of repaired position ``i`` (fast for increasing ``i``)."""
        if i < self._pos:
            self._pos, self._raw = 0, 0
        self._raw += len(self._text[self._pos:i].encode("cp949"))
        self._pos = i
        return self._raw


def repair_cp949(text: str) -> tuple[str, OffsetMap] | None:
    """(repaired text, offset map) when ``text`` is CP949 mis-decoded as Latin-1/CP1252, else None."""
    if _HANGUL.search(text) or len(_HIGH.findall(text[:20000])) < MIN_HIGH:
        return None
    for codec in ("latin-1", "cp1252"):
        try:
            data = text.encode(codec)
            fixed = data.decode("cp949")
            if fixed.encode("cp949") != data:
                continue
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        hangul = len(_HANGUL.findall(fixed[:200000]))
        if hangul < MIN_HANGUL or hangul < 0.8 * len(_NON_ASCII.findall(fixed[:200000])):
            continue
        return fixed, OffsetMap(fixed)
    return None
