"""Keep/remove decisions for the lines of one article (plain text, or HTML block lines).

Rules:
1. Each line gets a boilerplate reason from the patterns, then the lexicon, then (HTML) the
   structural hint; transcript speaker labels are never boilerplate.
2. Lines outside an HTML content region (``zone == -1``) are removed.
3. The body is the maximum-sum contiguous run of line weights (see :mod:`scoring`); it is extended
   back over transcript labels and bulleted subtitles. Inside it, lines without a reason are kept
   (short subheads stay); everything outside it is removed.
4. A repeat of a kept line is removed as ``duplicate`` (first copy kept).
5. The headline (the first headline-like line before the body, or the page's meta title) and its
   copies get reason ``title``. A name-and-position author line is a ``byline-date``.
6. No sentence at all: keep the region's lines (HTML) or the non-trivial lines (text).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import lexicon, metadata
from .dedupe import find_duplicates
from .lines import Line
from .patterns import is_speaker_label, pattern_reason
from .scoring import WEIGHTS, best_span, sentence_strengths, sentence_weight

_TRUSTED_HINTS = frozenset({"photo-caption", "comment-widget", "related-news", "ad", "share-print-font",
                            "copyright", "byline-date", "promo-link"})
_BULLETS = tuple("-–―─—ㅡ·•◇○◦")
_META_WINDOW = 300
REGION_DAMPING = 0.4
MAX_SUBTITLE_LINES = 3


@dataclass
class Decisions:
    """Per-line outcome: ``reasons[i]`` is None exactly for kept lines."""

    reasons: list[str | None]
    title: str | None
    outlet: str | None
    reporter: str | None
    published_at: str | None


def _classify(line: Line) -> str | None:
    text = line.text
    if is_speaker_label(text):
        return None
    reason = pattern_reason(text) or lexicon.lexicon_category(text)
    if reason is None and line.hint in _TRUSTED_HINTS:
        if line.hint == "photo-caption" or len(text) < 100:
            reason = line.hint
    return reason


def _title_index(lines: list[Line], cands: list[int], keys: list[str]) -> int | None:
    cands = cands[:40]
    if not cands:
        return None
    for i in cands:  # a headline repeated later (``제목 원본보기 아이콘``) is the surest sign
        k = keys[i]
        if any(j != i and len(keys[j]) < len(k) + 20 and keys[j].startswith(k) for j in range(min(len(lines), 3000))):
            return i
    for i in cands:
        if lines[i].heading:
            return i
    long = [i for i in cands if len(lines[i].text) >= 10]
    return long[0] if long else None


def _is_title_copy(text: str, key: str, title: str, title_key: str) -> bool:
    """``text`` is the headline, or the headline followed by UI words (``… 원본보기 아이콘``)."""
    if key == title_key:
        return True
    if title_key and key.startswith(title_key) and len(key) < len(title_key) + 20:
        rest = text.replace(title, " ", 1) if title in text else text[len(title):]
        return lexicon.lexicon_category(rest.strip()) is not None
    return False


def decide(lines: list[Line], meta_title: str | None = None, region: bool = False,
           use_kiwi: bool = True) -> Decisions:
    """Decide every line (see module rules). ``region``: zone-1 lines come from a content region."""
    n = len(lines)
    reasons: list[str | None] = [_classify(line) for line in lines]
    speaker = [is_speaker_label(line.text) for line in lines]
    author = [r is None and metadata.is_author_line(line.text) for r, line in zip(reasons, lines)]
    dup = find_duplicates([line.text for line in lines])
    eligible = [i for i in range(n) if lines[i].zone >= 0]
    strengths = sentence_strengths(
        [lines[i].text if reasons[i] is None and dup[i] == -1 and lines[i].zone >= 0 else None for i in range(n)],
        use_kiwi=use_kiwi)

    weights = [_weight(lines[i], reasons[i], strengths[i], dup[i] != -1, speaker[i], author[i], region)
               for i in eligible]
    if region:  # inside a known article container boilerplate interrupts less
        weights = [w * REGION_DAMPING if w < 0 else w for w in weights]
    span = best_span(weights)
    keys = [lexicon.squash(line.text) for line in lines]
    title, title_at = meta_title, None
    if title is None:
        body_start = eligible[span[0]] if span else n
        cands = [i for i in range(body_start) if lines[i].zone >= 0 and reasons[i] is None and not speaker[i]
                 and not author[i] and strengths[i] < 1.0 and 6 <= len(lines[i].text) <= 200]
        title_at = _title_index(lines, cands, keys)
        title = lines[title_at].text if title_at is not None else None
    title_key = lexicon.squash(title) if title else ""

    in_span = [False] * n
    if span is not None:
        first, last = span
        while first > 0 and _extends(lines[eligible[first - 1]], reasons[eligible[first - 1]],
                                     speaker[eligible[first - 1]]):
            first -= 1
        for pos in range(first, last + 1):
            in_span[eligible[pos]] = True
        if not region:
            for i in _subtitles(eligible[:first], lines, reasons, dup, author, strengths, keys, title_at, title_key):
                in_span[i] = True
    elif region:
        for i in eligible:
            in_span[i] = lines[i].zone == 1
    else:
        for i in eligible:
            in_span[i] = len(lines[i].text) >= 20

    final: list[str | None] = [None] * n
    author_counts = Counter(keys[i] for i in range(n) if author[i])
    repeated_author = {k for k, c in author_counts.items() if c > 1}
    for i, line in enumerate(lines):
        reason = reasons[i]
        if title_key and reason is None and _is_title_copy(line.text, keys[i], title or "", title_key):
            reason = "title"
        if reason is None and dup[i] != -1 and final[dup[i]] is None:
            reason = "duplicate"
        if reason is None and author[i] and (not in_span[i] or keys[i] in repeated_author):
            reason = "byline-date"
        if reason is None and not in_span[i]:
            reason = "duplicate" if dup[i] != -1 else (line.hint if line.zone == -1 and line.hint else "not-body")
        if reason is None and line.link_ratio >= 0.8 and strengths[i] == 0 and len(line.text) < 120:
            reason = line.hint or "related-news"
        final[i] = reason

    return Decisions(final, title, *_metadata(lines, final, reasons, author))


def _weight(line: Line, reason: str | None, strength: float, dup: bool, speaker: bool, author: bool,
            region: bool) -> float:
    if lexicon.is_terminator(line.text):
        return WEIGHTS["terminator"]
    if reason is not None:
        return WEIGHTS.get(reason, -1.0)
    if dup:
        return 0.0
    if strength > 0:
        return sentence_weight(line.text, strength)
    if speaker:
        return 0.3
    if author:
        return -1.0
    if line.link_ratio >= 0.6:
        return -1.5
    text = line.text
    if text.endswith(("…", "...")) and len(text) >= 30:
        return -1.0
    if region and line.zone == 1:
        return 0.2
    return -0.15 if text.startswith(_BULLETS) else -0.6


def _subtitles(before: list[int], lines: list[Line], reasons: list[str | None], dup: list[int],
               author: list[bool], strengths: list[float], keys: list[str], title_at: int | None,
               title_key: str) -> list[int]:
    """Subtitle lines right above the first paragraph (photo captions may sit between)."""
    found: list[int] = []
    for i in reversed(before):
        if reasons[i] == "photo-caption":
            continue
        if (i == title_at or reasons[i] is not None or dup[i] != -1 or author[i] or strengths[i] > 0
                or keys[i] == title_key or not 6 <= len(lines[i].text) <= 120 or len(found) >= MAX_SUBTITLE_LINES):
            break
        found.append(i)
    return found


def _extends(line: Line, reason: str | None, speaker: bool) -> bool:
    return reason is None and (speaker or (line.text.startswith(_BULLETS) and len(line.text) <= 120))


def _metadata(lines: list[Line], final: list[str | None], reasons: list[str | None],
              author: list[bool]) -> tuple[str | None, str | None, str | None]:
    meta = metadata.TextMeta()
    n = len(lines)
    window = list(range(min(n, _META_WINDOW))) + list(range(max(_META_WINDOW, n - _META_WINDOW), n))
    kept_seen = 0
    for i in window:
        text = lines[i].text
        if final[i] is None and kept_seen < 3:
            kept_seen += 1
            metadata.read_lead(text, meta)
        reason = reasons[i] or ("byline-date" if author[i] else None)
        if reason is not None:
            metadata.read_line(text, reason, meta)
    return meta.best("outlet"), meta.best("reporter"), meta.best("date")
