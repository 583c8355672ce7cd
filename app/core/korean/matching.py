"""Where a query occurs in a text: Ctrl+F spans and search-result snippets.

Rules:
- :func:`search_in_text` (exact, one Kiwi pass): spans of every lemma whose forms meet a query
  group (the lemma's surface: stem plus deriving suffix, ``거절해`` for 거절하다) plus every
  occurrence of the raw query (ASCII case-insensitive, like SQL ``LIKE``). Overlapping or touching
  spans are merged; spans are sorted code-point offsets into ``text``.
- :func:`quick_spans` (no Kiwi, for result lists): raw-query occurrences plus occurrences of each
  lemma's surface stem (nouns as written, ``손잡다`` -> 손잡, ``개발하다`` -> 개발). Irregular stems
  (``듣다`` written 들었다) are not highlighted there.
- :func:`snippet`: a window of about ``width`` characters around the first span (the text start
  when there is none), widened to whitespace; spans are returned relative to the window.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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


def quick_spans(text: str, plan: QueryPlan) -> list[Span]:
    """Approximate spans of ``plan`` in ``text`` (see module rules), no Kiwi."""
    folded = fold(text)
    spans = find_all(text, plan.raw, folded)
    for stem in surface_stems(plan):
        spans.extend(_word_starts(find_all(text, stem, folded), text, len(stem) == 1))
    return merge_spans(spans)


def _word_starts(spans: Sequence[Span], text: str, strict: bool) -> list[Span]:
    """Single-character stems only count at the start of a word (else they light up everywhere)."""
    if not strict:
        return list(spans)
    return [(s, e) for s, e in spans if s == 0 or not text[s - 1].isalnum()]


@dataclass(frozen=True, slots=True)
class Snippet:
    text: str
    start: int  # offset of the snippet in the source text
    spans: tuple[Span, ...]  # relative to ``text``


_WS = re.compile(r"\s")


def snippet(text: str, spans: Sequence[Span], width: int = 120) -> Snippet:
    """A window of about ``width`` characters around the first span (module rules)."""
    if not text:
        return Snippet("", 0, ())
    if spans:
        first_s, first_e = spans[0]
        a = max(0, first_s - width // 3)
        b = min(len(text), max(first_e, a + width))
    else:
        a, b = 0, min(len(text), width)
    if a > 0:  # widen to whitespace, at most 15 characters
        m = max(text.rfind(" ", max(0, a - 15), a), text.rfind("\n", max(0, a - 15), a))
        a = m + 1 if m >= 0 else a
    if b < len(text):
        m = _WS.search(text, b, min(len(text), b + 15))
        b = m.start() if m else b
    inner = tuple((max(s, a) - a, min(e, b) - a) for s, e in spans if s < b and e > a)
    return Snippet(text[a:b], a, inner)


def mark(snippet_text: str, spans: Sequence[Span], open_: str = "[", close: str = "]") -> str:
    """``snippet_text`` with each span wrapped in ``open_``/``close`` (for plain-text output)."""
    out, last = [], 0
    for s, e in spans:
        out += [snippet_text[last:s], open_, snippet_text[s:e], close]
        last = e
    out.append(snippet_text[last:])
    return "".join(out)
