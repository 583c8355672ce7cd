"""Data returned by the cleaning engine (the contract the rest of Bonmun relies on).

Rules:
- ``body`` holds the kept paragraphs in input order; the clean body string is ``"\\n".join(body)``.
- ``segments`` holds every non-blank line/paragraph of the input in input order, kept or removed.
- ``removed`` is the removed subset of ``segments`` (``kept`` is False, ``reason`` set).
- ``start``/``end`` are code-point offsets into the raw input given to ``clean``; -1 when a
  segment cannot be located in the raw input (possible for HTML).
- ``key`` identifies a segment for user overrides; it survives re-cleaning (whitespace-folded,
  NFC text of the segment).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "html"]

REASONS: tuple[str, ...] = (
    "portal-ui",
    "ad",
    "share-print-font",
    "related-news",
    "byline-date",
    "signoff-email",
    "copyright",
    "photo-caption",
    "duplicate",
    "title",
    "comment-widget",
    "promo-link",
    "not-body",
    "table",
    "user-removed",
)
"""Reasons a segment is removed. ``user-removed`` marks an analyst override; ``table`` marks short
cells of a data table inside an HTML article, or of a table pasted one cell per line in text (layout
tables and sentence-long cells are kept)."""

_WS = re.compile(r"\s+")


def segment_key(text: str) -> str:
    """Override key of a segment: NFC, whitespace folded, stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFC", text)).strip()


@dataclass(frozen=True)
class Segment:
    """One line or paragraph of the input and the cleaner's decision about it."""

    text: str
    start: int
    end: int
    kept: bool
    reason: str | None = None
    user_override: bool = False

    @property
    def key(self) -> str:
        return segment_key(self.text)


@dataclass(frozen=True)
class CleanedArticle:
    """The article body and metadata a cleaner found in one raw input."""

    title: str | None
    outlet: str | None
    reporter: str | None
    published_at: str | None
    body: tuple[str, ...]
    segments: tuple[Segment, ...]
    cleaner_version: str
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def removed(self) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if not s.kept)

    @property
    def body_text(self) -> str:
        return "\n".join(self.body)
