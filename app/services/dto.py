"""Frozen dataclasses the services return (the GUI and the CLI see only these)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class ImportResult:
    """Outcome of importing one file or clipboard item: ``status`` is imported|duplicate|failed."""

    source: str
    status: str
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None

    def line(self) -> str:
        if self.status == "failed":
            return f"{self.source}: failed: {self.reason}"
        return f"{self.source}: {self.status}"


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str | None
    outlet: str | None
    published_at: str | None
    source: str | None
    highlights: int


@dataclass(frozen=True)
class SegmentView:
    """One input line with the cleaner's (or the analyst's) decision, for the reader."""

    text: str
    key: str
    kept: bool
    reason: str | None
    user_override: bool


@dataclass(frozen=True)
class ArticleDetail:
    id: int
    title: str | None
    outlet: str | None
    reporter: str | None
    published_at: str | None
    source: str | None
    url: str | None
    kind: str
    body: str
    body_hash: str
    cleaner_version: str
    imported_at: datetime
    note: str


@dataclass(frozen=True)
class TagInfo:
    id: int
    parent_id: int | None
    name: str
    path: str
    color: str
    description: str | None
    shortcut: str | None
    position: int
    rules: str | None
    highlight_count: int = 0


@dataclass(frozen=True)
class HighlightInfo:
    id: int
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str | None
    annotator: str | None
    orphaned: bool
    tag_ids: tuple[int, ...]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class HighlightSnapshot:
    """Everything needed to restore a deleted highlight exactly (undo)."""

    info: HighlightInfo
    body_hash: str


@dataclass(frozen=True)
class TagSnapshot:
    """A deleted tag subtree with its highlight links, to restore it exactly (undo)."""

    tags: tuple[TagInfo, ...]
    links: tuple[tuple[int, int], ...]  # (highlight_id, tag_id)
    created: tuple[tuple[int, datetime], ...] = field(default=())


@dataclass(frozen=True)
class ArticleFilter:
    """The article list's filters; None means no constraint."""

    text: str | None = None
    outlet: str | None = None
    tag_id: int | None = None
    since: str | None = None
    until: str | None = None
    has_highlights: bool | None = None
    ids: frozenset[int] | None = None
