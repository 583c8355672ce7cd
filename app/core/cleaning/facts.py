"""Per-line facts the decisions are made from (computed once per document).

Rules: each line gets a boilerplate reason from the patterns, then the lexicon, then (HTML) a
trusted structural hint (captions always; other hints on lines under 100 characters; ``table`` on
short non-sentence cells inside the content region); transcript speaker labels never get a reason.
Then neighbour rules (:mod:`boxes`): open auto-summary boxes, captions above bare credits, text tables.
Identical (text, hint) pairs are classified once.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import lexicon, metadata
from .boxes import mark_captions_above_credits, mark_summary_boxes, mark_text_tables
from .dedupe import find_duplicates
from .lines import Line
from .patterns import is_sentence_like, is_speaker_label, pattern_reason
from .scoring import sentence_strengths

TRUSTED_HINTS = frozenset({"photo-caption", "comment-widget", "related-news", "ad", "share-print-font",
                           "copyright", "byline-date", "promo-link"})


@dataclass
class Facts:
    """Parallel per-line lists for one document."""

    lines: list[Line]
    reasons: list[str | None]
    """Boilerplate reason from patterns/lexicon/hints, before position is considered."""
    speaker: list[bool]
    author: list[bool]
    """Name-and-position lines (``박영선 전 중소벤처기업부 장관``)."""
    dup: list[int]
    """Index of the earlier line this one repeats, or -1."""
    strengths: list[float]
    """Sentence strength (0 for lines with a reason, repeats, or outside the region)."""
    keys: list[str]
    """Squashed text (first 400 characters) for title/author comparisons."""

    @property
    def eligible(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line.zone >= 0]


def classify(line: Line) -> str | None:
    """Boilerplate reason of one line from its text and structural hint, or None."""
    text = line.text
    if is_speaker_label(text):
        return None
    reason = pattern_reason(text) or lexicon.lexicon_category(text)
    if reason is None and line.hint in TRUSTED_HINTS and (line.hint == "photo-caption" or len(text) < 100):
        reason = line.hint
    if reason is None and line.hint == "table" and line.zone == 1 and len(text) < 60 and not is_sentence_like(text):
        reason = "table"
    return reason


def gather(lines: list[Line], use_kiwi: bool = True) -> Facts:
    """All per-line facts of ``lines`` (Kiwi is consulted only for ambiguous sentence endings)."""
    memo: dict[tuple[str, str | None, int], str | None] = {}
    reasons: list[str | None] = []
    for line in lines:
        key = (line.text, line.hint, line.zone)
        if key not in memo:
            memo[key] = classify(line)
        reasons.append(memo[key])
    texts = [line.text for line in lines]
    mark_summary_boxes(texts, reasons)
    mark_captions_above_credits(texts, reasons)
    mark_text_tables(texts, reasons, [line.zone for line in lines])
    dup = find_duplicates(texts)
    strengths = sentence_strengths(
        [line.text if r is None and d == -1 and line.zone >= 0 else None for line, r, d in zip(lines, reasons, dup)],
        use_kiwi=use_kiwi)
    return Facts(
        lines=lines,
        reasons=reasons,
        speaker=[is_speaker_label(line.text) for line in lines],
        author=[r is None and metadata.is_author_line(line.text) for r, line in zip(reasons, lines)],
        dup=dup,
        strengths=strengths,
        keys=[lexicon.squash(line.text[:400]) for line in lines],
    )
