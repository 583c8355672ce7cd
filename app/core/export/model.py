"""Input records of the export writers: plain frozen dataclasses, no database types.

Rules:
- Offsets (``start``/``end``) are Python code-point offsets into the article's clean ``body``,
  end exclusive (the same numbers the REFI-QDA and W3C position selectors use).
- Timestamps are ISO 8601 strings; a naive timestamp is taken as UTC.
- ``TagRef.path`` is the codebook path with "/" between levels, e.g. "산업정책/반도체·AI 반도체".
- Colours are "#RRGGBB" (also accepted: "#RGB" and "#RRGGBBAA", whose alpha is dropped).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TagRef:
    """A tag as attached to a highlight."""

    id: int
    name: str
    path: str
    color: str = "#FFD54F"


@dataclass(frozen=True, slots=True)
class HighlightRecord:
    """One highlight with its article's metadata, ready for tabular and annotation exports.

    ``context`` is usually :func:`app.core.export.sentence_context` of the body; ``orphaned``
    marks a highlight whose offsets no longer fit the body (position-based formats skip it).
    """

    highlight_id: int
    article_id: int
    title: str | None
    outlet: str | None
    reporter: str | None
    published_at: str | None
    source: str | None
    tags: tuple[TagRef, ...]
    quote: str
    context: str
    start: int
    end: int
    prefix: str
    suffix: str
    note: str | None
    annotator: str | None
    created_at: str
    updated_at: str
    url: str | None = None
    orphaned: bool = False


@dataclass(frozen=True, slots=True)
class CodebookEntry:
    """One code of the hierarchical codebook; ``position`` orders siblings."""

    id: int
    parent_id: int | None
    name: str
    color: str
    description: str | None = None
    shortcut: str | None = None
    position: int = 0


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One article's clean body and metadata (the text that QDA tools will code)."""

    article_id: int
    title: str | None
    body: str
    outlet: str | None = None
    reporter: str | None = None
    published_at: str | None = None
    source: str | None = None
    imported_at: str | None = None
    note: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ExportProject:
    """Everything a project export (REFI-QDA .qdpx) needs.

    ``namespace`` seeds the deterministic GUIDs: give each library its own (e.g. a library UUID)
    so that exports of two libraries never share GUIDs, while re-exports of one library diff cleanly.
    """

    name: str
    created_at: str
    user: str
    codebook: tuple[CodebookEntry, ...]
    sources: tuple[SourceDoc, ...]
    highlights: tuple[HighlightRecord, ...]
    namespace: str = ""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What a writer produced: ``items`` rows/annotations/selections written, ``skipped`` highlight ids."""

    path: str
    items: int
    skipped: tuple[int, ...] = ()
