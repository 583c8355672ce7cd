"""The two cleaning paths, text and HTML, from raw input to :class:`CleanedArticle`.

Rules: CP949 mojibake is repaired first (offsets are mapped back to the raw input); text is split
into lines; HTML goes through :mod:`html_extract`. Both feed the same line decisions (:mod:`text_cleaner`). For HTML, metadata
from meta tags wins over text-derived values except the reporter (by-lines in the text are more
specific); htmldate (``extensive_search=False``, no network) is the last resort for the date.
"""
from __future__ import annotations

from .encoding import repair_cp949
from .html_extract import extract, looks_like_html
from .lines import Line, split_lines
from .model import CleanedArticle, Segment
from .text_cleaner import decide

HTMLDATE_MAX_CHARS = 2_000_000


def _segments(lines: list[Line], reasons: list[str | None]) -> tuple[Segment, ...]:
    return tuple(Segment(line.text, line.start, line.end, reason is None, reason)
                 for line, reason in zip(lines, reasons))


def _article(lines: list[Line], decisions, version: str, url: str | None = None,
             extra: dict[str, str] | None = None, **meta: str | None) -> CleanedArticle:
    segments = _segments(lines, decisions.reasons)
    return CleanedArticle(
        title=meta.get("title", decisions.title),
        outlet=meta.get("outlet", decisions.outlet),
        reporter=meta.get("reporter", decisions.reporter),
        published_at=meta.get("published_at", decisions.published_at),
        body=tuple(s.text for s in segments if s.kept),
        segments=segments,
        cleaner_version=version,
        url=url,
        extra=extra or {},
    )


def clean_text(raw: str, version: str) -> CleanedArticle:
    """Clean plain text copied from a news page."""
    extra = {"method": "text"}
    repaired = repair_cp949(raw)
    if repaired is None:
        lines = split_lines(raw)
    else:
        fixed, offsets = repaired
        lines = split_lines(fixed)
        for line in lines:
            line.start, line.end = offsets.raw(line.start), offsets.raw(line.end)
        extra["repaired_encoding"] = "cp949"
    decisions = decide(lines)
    return _article(lines, decisions, version, extra=extra)


def _htmldate(raw: str) -> str | None:
    if len(raw) > HTMLDATE_MAX_CHARS:
        return None
    try:
        from htmldate import find_date

        return find_date(raw, extensive_search=False, original_date=True)
    except Exception:
        return None


def clean_html(raw: str, version: str) -> CleanedArticle:
    """Clean a saved HTML page."""
    if not looks_like_html(raw):
        return clean_text(raw, version)
    extra = {}
    repaired = repair_cp949(raw)
    ext = extract(repaired[0] if repaired else raw)
    if repaired:
        offsets = repaired[1]
        for line in ext.lines:
            if line.start >= 0:
                line.start, line.end = offsets.raw(line.start), offsets.raw(line.end)
        extra["repaired_encoding"] = "cp949"
    decisions = decide(ext.lines, meta_title=ext.meta.title, region=ext.region)
    meta = ext.meta
    published = meta.published_at or decisions.published_at
    if published is None and ext.lines:
        published = _htmldate(repaired[0] if repaired else raw)
    return _article(ext.lines, decisions, version, url=meta.url, extra={"method": ext.method, **extra},
                    title=meta.title or decisions.title, outlet=meta.outlet or decisions.outlet,
                    reporter=decisions.reporter or meta.reporter, published_at=published)
