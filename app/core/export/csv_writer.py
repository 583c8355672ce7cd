"""CSV export that Excel opens correctly: UTF-8 with BOM, RFC 4180 quoting, CRLF line ends.

Rules: header exactly :data:`~app.core.export.table.COLUMNS`; cells with commas, quotes or line
breaks are quoted (quotes doubled); line breaks inside cells are kept as they are. Text cells are
neutralised against formula injection unless ``raw=True``; numbers are written as plain digits.

Speed: the cells a highlight shares across its tag rows are serialised once (by the C ``csv``
writer) and reused, so the long format costs little more than the wide one.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from types import SimpleNamespace

from app.core.export.atomic import atomic_output
from app.core.export.model import ExportResult, HighlightRecord
from app.core.export.table import COLUMNS, head_tail, tag_cells, tag_keys

_EOL = "\r\n"
_BATCH = 4000
_TAG_CACHE = 50_000


def write_csv(
    records: Iterable[HighlightRecord],
    path: str | os.PathLike[str],
    *,
    wide: bool = False,
    raw: bool = False,
) -> ExportResult:
    """Write highlights to ``path`` (long format, or ``wide=True``); ``items`` = data rows."""
    serialised: list[str] = []
    # The csv writer appends each serialised line to ``serialised`` (a C-level call); the line
    # terminator must stay CRLF because the csv module quotes cells holding its characters.
    writerow = csv.writer(
        SimpleNamespace(write=serialised.append), dialect="excel", lineterminator=_EOL
    ).writerow
    take = serialised.pop
    tag_texts: dict[tuple[str, str], str] = {}  # tags repeat: serialise each (path, name) once
    count = 0
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as fh:
        writerow(COLUMNS)
        lines = [take()]
        for rec in records:
            head, tail = head_tail(rec, raw)
            writerow(head)
            head_text = take()[:-2] + ","
            writerow(tail)
            tail_text = "," + take()
            for key in tag_keys(rec, wide):
                text = tag_texts.get(key)
                if text is None:
                    if len(tag_texts) > _TAG_CACHE:
                        tag_texts.clear()
                    writerow(tag_cells(key, raw))
                    text = tag_texts[key] = take()[:-2]
                lines.append(head_text + text + tail_text)
                count += 1
            if len(lines) >= _BATCH:
                fh.write("".join(lines))
                lines.clear()
        fh.write("".join(lines))
    return ExportResult(path=os.fspath(path), items=count)
