"""Highlight counts per tag × outlet and per tag × month, for report sheets.

Rules: a highlight counts once for each of its tags (untagged ones under :data:`NO_TAG`); the
month is the "YYYY-MM" that ``published_at`` starts with, as written (local publication date, no
time-zone shift); a missing outlet or an unparseable date counts under :data:`UNKNOWN`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.export.model import HighlightRecord

NO_TAG = "(no tag)"
UNKNOWN = "(unknown)"
_MONTH = re.compile(r"\s*(\d{4})[-./](\d{1,2})(?!\d)")


def month_of(published_at: str | None) -> str:
    """ "YYYY-MM" of an ISO-like date ("2024-03-05T09:00+09:00", "2024.3.5"), else :data:`UNKNOWN`."""
    if published_at:
        match = _MONTH.match(published_at)
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{int(match.group(2)):02d}"
    return UNKNOWN


@dataclass(frozen=True, slots=True)
class CrossTab:
    """Counts with ordered row labels (tag paths) and column labels (outlets or months)."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: dict[tuple[str, str], int]

    def get(self, row: str, column: str) -> int:
        return self.counts.get((row, column), 0)

    def row_total(self, row: str) -> int:
        return sum(self.get(row, column) for column in self.columns)


def _crosstab(counter: Counter[tuple[str, str]]) -> CrossTab:
    def order(labels: set[str]) -> tuple[str, ...]:
        special = [label for label in (NO_TAG, UNKNOWN) if label in labels]
        return tuple(sorted(labels - set(special))) + tuple(special)

    return CrossTab(
        rows=order({row for row, _ in counter}),
        columns=order({column for _, column in counter}),
        counts=dict(counter),
    )


def tag_counts(records: Iterable[HighlightRecord]) -> tuple[CrossTab, CrossTab]:
    """(tag × outlet, tag × month) counts of highlights."""
    by_outlet: Counter[tuple[str, str]] = Counter()
    by_month: Counter[tuple[str, str]] = Counter()
    for rec in records:
        outlet = rec.outlet.strip() if rec.outlet and rec.outlet.strip() else UNKNOWN
        month = month_of(rec.published_at)
        paths = [tag.path for tag in rec.tags] or [NO_TAG]
        for path in dict.fromkeys(paths):
            by_outlet[path, outlet] += 1
            by_month[path, month] += 1
    return _crosstab(by_outlet), _crosstab(by_month)
