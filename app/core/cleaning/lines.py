"""Lines of an input and what the extractor knows about them.

Rules: a line is a maximal run without line-break characters (the set ``str.splitlines`` uses);
blank lines (whitespace / zero-width only) are dropped; ``text`` is the stripped line and
``start``/``end`` its code-point span in the text it came from.
"""
from __future__ import annotations

from dataclasses import dataclass

_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
STRIP = " \t\u00a0\u3000\u200b\u200c\u200d\ufeff\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"

STRIP_ALL = STRIP + _BREAKS


@dataclass(slots=True)
class Line:
    """One non-blank line (text) or block line (HTML) of the input."""

    text: str
    start: int
    end: int
    zone: int = 0
    """1: inside the page's main-content region; -1: outside it; 0: unknown (plain text)."""
    hint: str | None = None
    """Reason suggested by the HTML structure (``figcaption`` -> photo-caption ...)."""
    link_ratio: float = 0.0
    heading: bool = False


def split_lines(text: str) -> list[Line]:
    """Non-blank stripped lines of ``text`` with their offsets."""
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(True):
        start = pos
        pos += len(raw)
        stripped = raw.strip(STRIP_ALL)
        if not stripped or stripped.isspace():
            continue
        lead = len(raw) - len(raw.lstrip(STRIP_ALL))
        out.append(Line(stripped, start + lead, start + lead + len(stripped)))
    return out
