"""Boilerplate stripping for Korean news articles: ``clean(raw, kind, overrides) -> CleanedArticle``.

Rules:
- ``raw`` is decoded text; CP949 text mis-decoded as Latin-1 is repaired first (offsets still
  point into ``raw``). ``kind="html"`` input without any tag is cleaned as text; ``kind="text"`` is
  always cleaned as text (so text body lines are always substrings of ``raw``, in order).
- Every non-blank line (text) / block line (HTML) becomes a :class:`Segment`, kept or removed with a
  reason from :data:`REASONS`; ``body`` is the kept segments' text in input order.
- ``overrides`` maps :func:`segment_key` to ``"keep"`` / ``"remove"`` and is applied last; those
  segments get ``user_override=True`` and reason None (kept) or ``"user-removed"``.
- Never raises for any ``str``; bounded work on huge or hostile input (see the submodules).
"""
from __future__ import annotations

from collections.abc import Mapping

from .model import REASONS, CleanedArticle, Kind, Segment, segment_key
from .pipeline import clean_html, clean_text

__all__ = ["CLEANER_VERSION", "REASONS", "CleanedArticle", "Segment", "clean", "segment_key"]

CLEANER_VERSION = "1.1.0"


def clean(raw: str, kind: Kind = "text", overrides: Mapping[str, str] | None = None) -> CleanedArticle:
    """Split ``raw`` into body and boilerplate (see module rules)."""
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    try:
        if kind == "html":
            article = clean_html(raw, CLEANER_VERSION)
        else:
            article = clean_text(raw, CLEANER_VERSION)
    except Exception:  # last resort: never lose the analyst's text
        article = _keep_everything(raw)
    return apply_overrides(article, overrides) if overrides else article


def apply_overrides(article: CleanedArticle, overrides: Mapping[str, str]) -> CleanedArticle:
    """``article`` with the analyst's keep/remove decisions applied to matching segments."""
    segments: list[Segment] = []
    changed = False
    for seg in article.segments:
        wish = overrides.get(seg.key)
        if wish == "keep":
            seg = Segment(seg.text, seg.start, seg.end, True, None, True)
            changed = True
        elif wish == "remove":
            seg = Segment(seg.text, seg.start, seg.end, False, "user-removed", True)
            changed = True
        segments.append(seg)
    if not changed:
        return article
    return CleanedArticle(article.title, article.outlet, article.reporter, article.published_at,
                          tuple(s.text for s in segments if s.kept), tuple(segments), article.cleaner_version,
                          article.url, dict(article.extra))


def _keep_everything(raw: str) -> CleanedArticle:
    from .lines import split_lines

    try:
        lines = split_lines(raw)
    except Exception:
        lines = []
    segments = tuple(Segment(line.text, line.start, line.end, True) for line in lines)
    return CleanedArticle(None, None, None, None, tuple(s.text for s in segments), segments, CLEANER_VERSION,
                          extra={"method": "fallback"})
