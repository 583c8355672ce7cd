"""The tabular view of highlights shared by the CSV and XLSX writers.

Rules:
- Columns are exactly :data:`COLUMNS`. Long format: one row per highlight × tag, in tag order; a
  highlight with no tag still gets one row with empty tag cells. Wide format: one row per highlight,
  tag paths and names joined with "; ".
- Ids and offsets stay ``int``; missing text is "". Everything else is ``str``.
- :func:`neutralise` guards spreadsheet formula injection (OWASP "CSV injection"): a text cell that
  starts with ``= + - @``, their full-width forms, a tab or a carriage return gets a leading "'".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import attrgetter

from app.core.export.model import HighlightRecord

COLUMNS: tuple[str, ...] = (
    "highlight_id",
    "article_id",
    "title",
    "outlet",
    "reporter",
    "published_at",
    "source",
    "tag_path",
    "tag",
    "quote",
    "context",
    "start",
    "end",
    "note",
    "annotator",
    "created_at",
    "updated_at",
)
NUMERIC_COLUMNS = frozenset({"highlight_id", "article_id", "start", "end"})
TAG_SEPARATOR = "; "
FORMULA_TRIGGERS = frozenset("=+-@\t\r＝＋－＠")

Cell = int | str
Row = tuple[Cell, ...]


def neutralise(text: str) -> str:
    """Prefix "'" to text a spreadsheet would read as a formula; other text is returned unchanged."""
    if text and text[0] in FORMULA_TRIGGERS:
        return "'" + text
    return text


_TEXT_FIELDS = attrgetter(
    "title", "outlet", "reporter", "published_at", "source",
    "quote", "context", "note", "annotator", "created_at", "updated_at",
)  # fmt: skip


def _texts(values: tuple[str | None, ...], raw: bool) -> list[str]:
    if raw:
        return ["" if v is None else v for v in values]
    return ["" if not v else ("'" + v if v[0] in FORMULA_TRIGGERS else v) for v in values]


def head_tail(rec: HighlightRecord, raw: bool = True) -> tuple[Row, Row]:
    """The cells before and after the two tag columns (shared by all rows of a highlight)."""
    t = _texts(_TEXT_FIELDS(rec), raw)
    return (
        (rec.highlight_id, rec.article_id, t[0], t[1], t[2], t[3], t[4]),
        (t[5], t[6], rec.start, rec.end, t[7], t[8], t[9], t[10]),
    )


def tag_keys(rec: HighlightRecord, wide: bool = False) -> list[tuple[str, str]]:
    """Unprocessed (tag_path, tag) of each row of a highlight (see module rules)."""
    tags = rec.tags
    if wide:
        return [(TAG_SEPARATOR.join(x.path for x in tags), TAG_SEPARATOR.join(x.name for x in tags))]
    if tags:
        return [(x.path, x.name) for x in tags]
    return [("", "")]


def tag_cells(key: tuple[str, str], raw: bool = True) -> tuple[str, str]:
    """The two tag cells of a row, neutralised unless ``raw``."""
    path, name = _texts(key, raw)
    return path, name


def record_cells(
    rec: HighlightRecord, *, wide: bool = False, raw: bool = True
) -> tuple[Row, list[tuple[str, str]], Row]:
    """One record split as (cells before the tag columns, [(tag_path, tag)] per row, cells after)."""
    head, tail = head_tail(rec, raw)
    return head, [tag_cells(key, raw) for key in tag_keys(rec, wide)], tail


def highlight_rows(
    records: Iterable[HighlightRecord], *, wide: bool = False, raw: bool = True
) -> Iterator[Row]:
    """Rows in :data:`COLUMNS` order; ``raw=False`` neutralises every text cell."""
    for rec in records:
        head, pairs, tail = record_cells(rec, wide=wide, raw=raw)
        for path, name in pairs:
            yield (*head, path, name, *tail)
