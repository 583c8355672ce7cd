"""Writing worksheets to an .xlsx file with XlsxWriter (streaming, constant memory).

Rules: ``str`` cells are written with ``write_string`` (never a formula, whatever they start
with), ``int``/``float`` with ``write_number``, ``None`` left empty; text longer than Excel's cell
limit is cut and ends with "…"; lone surrogates are replaced (XML cannot carry them). Sheets with
a header get it bold, frozen and with an autofilter over the written range.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import xlsxwriter

Cell = int | float | str | None

MAX_ROWS = 1_048_576
MAX_CELL_CHARS = 32_767
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Sheet:
    """One worksheet: ``rows`` are streamed once; ``widths`` in Excel character units."""

    name: str
    rows: Iterable[Sequence[Cell]]
    widths: Sequence[float] = ()
    wrap_columns: frozenset[int] = frozenset()
    header: bool = True
    bold_rows: frozenset[int] = frozenset()
    written_rows: int = field(default=0, init=False)
    written_columns: int = field(default=0, init=False)


def _text(value: str) -> str:
    if len(value) > MAX_CELL_CHARS:
        value = value[: MAX_CELL_CHARS - 1] + "…"
    return _SURROGATE.sub("\ufffd", value)


def _write_sheet(book: xlsxwriter.Workbook, sheet: Sheet, bold, wrap) -> None:  # type: ignore[no-untyped-def]
    ws = book.add_worksheet(sheet.name)
    for i, w in enumerate(sheet.widths):
        ws.set_column(i, i, w, wrap if i in sheet.wrap_columns else None)
    n_rows = n_cols = 0
    for r, row in enumerate(sheet.rows):
        fmt = bold if (sheet.header and r == 0) or r in sheet.bold_rows else None
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(r, c, _text(value), fmt)
            else:
                ws.write_number(r, c, value, fmt)
        n_rows, n_cols = r + 1, max(n_cols, len(row))
    sheet.written_rows, sheet.written_columns = n_rows, n_cols
    if sheet.header and n_rows:
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, n_rows - 1, max(0, n_cols - 1))


def write_workbook(
    path: str | Path, sheets: Sequence[Sheet], *, creator: str = "Bonmun", created: str = "", level: int = 1
) -> None:
    """Write ``sheets`` (first one selected) as an .xlsx file at ``path`` (not atomic by itself)."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    book = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
         "strings_to_urls": False},
    )
    props: dict[str, object] = {"author": creator}
    if created:
        try:
            props["created"] = datetime.fromisoformat(created.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            pass
    book.set_properties(props)
    bold = book.add_format({"bold": True})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    del level
    try:
        for sheet in sheets:
            _write_sheet(book, sheet, bold, wrap)
    finally:
        book.close()
