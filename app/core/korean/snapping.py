"""Snap a text selection to word (eojeol) or morpheme boundaries.

Rules:
- :func:`snap_eojeol`: an end that falls inside a word moves OUTWARDS to the nearest whitespace
  (or text edge), then whitespace and punctuation are trimmed from both ends. A caret (empty
  selection) touching a word selects the word. If nothing but whitespace/punctuation is selected, ``(start, start)`` comes back.
- :func:`snap_morpheme`: each end moves outwards to the boundary of the morpheme it falls in
  (contracted syllables such as 했 = 하+었 count as one unit). Then, at the end of the selection:
  trailing punctuation, particles (J*) and the copula (VCP) are dropped; endings (E*) and
  deriving suffixes (XSV/XSA/XSN) are dropped as well when a noun/root/foreign word remains in the
  same word before them (``반도체를`` -> 반도체, ``개발했다`` -> 개발, ``반도체에서`` ->
  반도체). A verb or adjective stem keeps its ending (``손잡고`` stays ``손잡고``): a bare stem is not a
  word. Leading punctuation is dropped too. At least one morpheme always stays. A caret selects
  the morpheme it is in; a selection over no morpheme returns ``(start, start)``.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from app.core.korean.analyzer import Token, analyze

_CONTENT = frozenset({"NNG", "NNP", "NR", "NNB", "NP", "XR", "SL", "SH", "SN"})


def _is_trim(c: str) -> bool:
    """Whitespace or punctuation/symbol (Unicode categories Z*, P*, S*, C*)."""
    return c.isspace() or unicodedata.category(c)[0] in "PSZC"


def _clamp(text_len: int, start: int, end: int) -> tuple[int, int]:
    start, end = max(0, min(start, text_len)), max(0, min(end, text_len))
    return (end, start) if end < start else (start, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    s, e = start, end
    while s < e and _is_trim(text[s]):
        s += 1
    while e > s and _is_trim(text[e - 1]):
        e -= 1
    return (s, e) if s < e else (start, start)


def snap_eojeol(text: str, start: int, end: int) -> tuple[int, int]:
    """Snap ``[start, end)`` outwards to space-delimited words, then trim (see module rules)."""
    s, e = _clamp(len(text), start, end)
    n = len(text)
    if s == e:  # caret: the word touching it
        if (s < n and not text[s].isspace()) or (s > 0 and not text[s - 1].isspace()):
            while s > 0 and not text[s - 1].isspace():
                s -= 1
            while e < n and not text[e].isspace():
                e += 1
        return _trim(text, s, e)
    if not text[s].isspace():
        while s > 0 and not text[s - 1].isspace():
            s -= 1
    if not text[e - 1].isspace():
        while e < n and not text[e].isspace():
            e += 1
    return _trim(text, s, e)


def _is_punct(tag: str) -> bool:
    return tag[0] == "S" and tag not in ("SL", "SH", "SN")


def _contiguous(toks: Sequence[Token]) -> bool:
    return all(b.start <= a.end for a, b in zip(toks, toks[1:]))


def snap_morpheme(tokens_or_text: Sequence[Token] | str, start: int, end: int) -> tuple[int, int]:
    """Snap ``[start, end)`` to morpheme boundaries and drop trailing josa/eomi (module rules).

    Pass the text's tokens (fast: no analysis) or the text itself (analysed here).
    """
    tokens = analyze(tokens_or_text).tokens if isinstance(tokens_or_text, str) else tokens_or_text
    if end < start:
        start, end = end, start
    if start == end:
        keep = [t for t in tokens if t.start <= start < t.end]
    else:
        keep = [t for t in tokens if t.end > start and t.start < end]
    if not keep:
        return start, start
    while len(keep) > 1 and _is_punct(keep[0].tag):
        keep.pop(0)
    while True:
        before = len(keep)
        while len(keep) > 1 and (keep[-1].tag[0] == "J" or _is_punct(keep[-1].tag) or keep[-1].tag == "VCP"):
            keep.pop()
        j = len(keep)
        while j > 1 and (keep[j - 1].tag[0] == "E" or keep[j - 1].tag in ("XSV", "XSA", "XSN")):
            j -= 1
        if j < len(keep) and keep[j - 1].tag in _CONTENT and _contiguous(keep[j - 1 :]):
            del keep[j:]
        if len(keep) == before:
            break
    return keep[0].start, keep[-1].end
