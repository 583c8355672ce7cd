"""Excel export: a "Highlights" sheet (same columns as the CSV) and a "Counts" sheet.

Rules:
- Every text cell is a real text cell (never a formula), so no "'" neutralisation is needed or
  added; ids and offsets are numbers. Header frozen, autofilter on, quote/context wrapped.
- Column widths follow the first 500 rows (Hangul counts double), capped per column.
- More rows than Excel allows on one sheet continue on "Highlights 2", "Highlights 3", ...
- "Counts": highlights per tag × outlet, then per tag × month ("YYYY-MM" of published_at), with a
  row total; a highlight with two tags counts once under each.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Iterator, Sequence

from app.core.export.atomic import atomic_path
from app.core.export.counts import CrossTab, tag_counts
from app.core.export.model import ExportResult, HighlightRecord
from app.core.export.table import COLUMNS, Row, highlight_rows
from app.core.export.xlsx_package import MAX_ROWS, Cell, Sheet, write_workbook

HIGHLIGHTS_SHEET = "Highlights"
COUNTS_SHEET = "Counts"
_WRAP = frozenset({"quote", "context", "note"})
_WIDTH_CAPS = {"title": 40.0, "quote": 60.0, "context": 80.0, "note": 40.0, "tag_path": 40.0, "source": 40.0}
_SAMPLE_ROWS = 500


def display_width(text: str) -> float:
    """Approximate width in Excel character units: wide (CJK, Hangul) characters count about 2."""
    return max((len(line) + len(line.encode("utf-8", "replace"))) / 2 for line in text.split("\n"))


def _widths(sample: Sequence[Row]) -> list[float]:
    widths = []
    for i, name in enumerate(COLUMNS):
        longest = max([display_width(name)] + [display_width(str(row[i])) for row in sample])
        widths.append(min(max(longest + 2.0, 8.0), _WIDTH_CAPS.get(name, 30.0)))
    return widths


def _crosstab_rows(title: str, table: CrossTab) -> list[list[Cell]]:
    rows: list[list[Cell]] = [[title], ["tag_path", *table.columns, "Total"]]
    for tag in table.rows:
        counts = [table.get(tag, column) for column in table.columns]
        rows.append([tag, *counts, sum(counts)])
    return rows


def counts_sheet(records: Iterable[HighlightRecord]) -> Sheet:
    """The "Counts" sheet: tag × outlet and tag × month tables, one below the other."""
    by_outlet, by_month = tag_counts(records)
    first = _crosstab_rows("Highlights per tag × outlet", by_outlet)
    second = _crosstab_rows("Highlights per tag × month (published_at)", by_month)
    rows = first + [[]] + second
    bold = frozenset({0, 1, len(first) + 1, len(first) + 2})
    tag_width = max([display_width("tag_path")] + [display_width(t) for t in by_outlet.rows])
    return Sheet(COUNTS_SHEET, rows, widths=[min(tag_width + 2, 50.0)], header=False, bold_rows=bold)


def write_xlsx(
    records: Iterable[HighlightRecord],
    path: str | os.PathLike[str],
    *,
    wide: bool = False,
    created: str = "",
    max_rows_per_sheet: int = MAX_ROWS - 1,
) -> ExportResult:
    """Write highlights (long format, or ``wide=True``) and counts to an .xlsx file at ``path``."""
    records = tuple(records)
    total = len(records) if wide else sum(max(1, len(r.tags)) for r in records)
    per_sheet = max(1, min(max_rows_per_sheet, MAX_ROWS - 1))
    rows: Iterator[Row] = highlight_rows(records, wide=wide, raw=True)
    sample = list(itertools.islice(rows, _SAMPLE_ROWS))
    widths = _widths(sample)
    rows = itertools.chain(sample, rows)
    wrap = frozenset(i for i, name in enumerate(COLUMNS) if name in _WRAP)
    n_sheets = max(1, -(-total // per_sheet))
    sheets = [
        Sheet(
            HIGHLIGHTS_SHEET if k == 0 else f"{HIGHLIGHTS_SHEET} {k + 1}",
            itertools.chain([COLUMNS], itertools.islice(rows, per_sheet)),
            widths=widths,
            wrap_columns=wrap,
        )
        for k in range(n_sheets)
    ]
    sheets.append(counts_sheet(records))
    with atomic_path(path) as tmp:
        write_workbook(tmp, sheets, created=created)
    return ExportResult(path=os.fspath(path), items=total)
