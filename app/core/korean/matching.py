"""Where a query occurs in a text: Ctrl+F spans and search-result snippets.

Rules:
- :func:`search_in_text` (exact, one Kiwi pass): spans of every lemma whose forms meet a query
  group (the lemma's surface: stem plus deriving suffix, ``거절해`` for 거절하다) plus every
  occurrence of the raw query (ASCII case-insensitive, like SQL ``LIKE``). Overlapping or touching
  spans are merged; spans are sorted code-point offsets into ``text``.
- :func:`quick_spans` (no Kiwi, for result lists): raw-query occurrences plus occurrences of each
  lemma's surface stem (nouns as written, ``손잡다`` -> 손잡, ``개발하다`` -> 개발), case-insensitive;
  a one-character stem only at a word start. Irregular stems (``듣다`` written 들었다) are not
  highlighted there.
- :func:`snippet`: a window of about ``width`` characters around the first span (the text start
  when there is none), widened to whitespace; spans are returned relative to the window.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from app.core.korean.analyzer import Analysis, analyze
from app.core.korean.indexing import fold
from app.core.korean.lemmas import lemmas_from_tokens
from app.core.korean.query import QueryPlan, analyze_query

Span = tuple[int, int]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sorted spans with overlapping/touching ones merged; empty spans dropped."""
    out: list[Span] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def find_all(text: str, needle: str, folded: str | None = None) -> list[Span]:
    """All (possibly overlapping) occurrences of ``needle``, ASCII case-insensitive."""
    if not needle:
        return []
    hay = folded if folded is not None else fold(text)
    n = fold(needle)
    out, i = [], hay.find(n)
    while i >= 0:
        out.append((i, i + len(n)))
        i = hay.find(n, i + 1)
    return out


def search_in_text(text: str, query: str | QueryPlan, analysis: Analysis | None = None) -> list[Span]:
    """Spans of ``query`` in ``text``: lemma matches mapped to the surface + substring matches."""
    plan = analyze_query(query) if isinstance(query, str) else query
    if not plan.raw:
        return []
    spans = find_all(text, plan.raw)
    wanted = set(plan.terms)
    if wanted:
        a = analysis if analysis is not None else analyze(text)
        spans.extend((lem.start, lem.end) for lem in lemmas_from_tokens(a.tokens) if wanted.intersection(lem.forms))
    return merge_spans(spans)


def surface_stems(plan: QueryPlan) -> list[str]:
    """Strings to look for in a text to highlight lemma matches without analysing it."""
    stems: list[str] = []
    for group in plan.groups:
        for form in group:
            stem = form[:-1] if form.endswith("다") and len(form) > 1 else form
            if stem:
                stems.append(stem)
    return list(dict.fromkeys(stems))


@lru_cache(maxsize=256)
def _needles(plan: QueryPlan) -> tuple[str, ...]:
    """The raw query and the stems, ASCII-folded, without duplicates."""
    return tuple(dict.fromkeys(fold(n) for n in (plan.raw, *surface_stems(plan)) if n))


def quick_spans(text: str, plan: QueryPlan) -> list[Span]:
    """Approximate spans of ``plan`` in ``text`` (see module rules), no Kiwi."""
    if not text:
        return []
    folded = fold(text)
    spans: list[Span] = []
    for n in _needles(plan):
        found = find_all(text, n, folded)
        if len(n) == 1:  # a one-character stem only at a word start
            found = [(s, e) for s, e in found if s == 0 or not text[s - 1].isalnum()]
        spans += found
    return merge_spans(spans)


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    start: int  # offset of the snippet in the source text
    spans: tuple[Span, ...]  # relative to ``text``


_WS = re.compile(r"\s")


def _window(text: str, first: Span | None, width: int) -> tuple[int, int]:
    if first is not None:
        a = max(0, first[0] - width // 3)
        b = min(len(text), max(first[1], a + width))
    else:
        a, b = 0, min(len(text), width)
    if a > 0:  # widen to whitespace, at most 15 characters
        m = max(text.rfind(" ", max(0, a - 15), a), text.rfind("\n", max(0, a - 15), a))
        a = m + 1 if m >= 0 else a
    if b < len(text):
        m = _WS.search(text, b, min(len(text), b + 15))
        b = m.start() if m else b
    return a, b


def snippet(text: str, spans: Sequence[Span], width: int = 120) -> Snippet:
    """A window of about ``width`` characters around the first span (module rules)."""
    a, b = _window(text, spans[0] if spans else None, width)
    inner = tuple((max(s, a) - a, min(e, b) - a) for s, e in spans if s < b and e > a)
    return Snippet(text[a:b], a, inner)


def plan_snippet(text: str, plan: QueryPlan, width: int = 120) -> Snippet:
    """:func:`snippet` of :func:`quick_spans`, searching only as much text as needed."""
    folded = fold(text)
    starts = [(i, n) for n in _needles(plan) if (i := folded.find(n)) >= 0]
    if not starts:
        return snippet(text, [], width)
    i, n = min(starts)
    a, b = _window(text, (i, i + len(n)), width)
    lo = max(0, a - 40)
    return snippet(text, [(s + lo, e + lo) for s, e in quick_spans(text[lo : b + 40], plan)], width)


def mark(snippet_text: str, spans: Sequence[Span], open_: str = "[", close: str = "]") -> str:
    """``snippet_text`` with each span wrapped in ``open_``/``close`` (for plain-text output)."""
    out, last = [], 0
    for s, e in spans:
        out += [snippet_text[last:s], open_, snippet_text[s:e], close]
        last = e
    out.append(snippet_text[last:])
    return "".join(out)
