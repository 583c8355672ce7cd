"""Export writers (pure core, no database): CSV, XLSX, W3C Web Annotation JSON, REFI-QDA .qdpx/.qdc.

Every writer takes frozen records from :mod:`app.core.export.model`, writes through
:func:`atomic_output` (a failed export never leaves a half file) and returns an :class:`ExportResult`.
"""

from app.core.export.atomic import atomic_output, atomic_path
from app.core.export.counts import CrossTab, month_of, tag_counts
from app.core.export.csv_writer import write_csv
from app.core.export.model import (
    CodebookEntry,
    ExportProject,
    ExportResult,
    HighlightRecord,
    SourceDoc,
    TagRef,
)
from app.core.export.qdc import read_qdc, write_qdc
from app.core.export.qdpx_writer import write_qdpx
from app.core.export.sentences import sentence_context, sentence_span
from app.core.export.table import COLUMNS, highlight_rows, neutralise
from app.core.export.web_annotation import annotation, annotation_collection, write_web_annotations
from app.core.export.xlsx_writer import write_xlsx

__all__ = [
    "COLUMNS",
    "CodebookEntry",
    "CrossTab",
    "ExportProject",
    "ExportResult",
    "HighlightRecord",
    "SourceDoc",
    "TagRef",
    "annotation",
    "annotation_collection",
    "atomic_output",
    "atomic_path",
    "highlight_rows",
    "month_of",
    "neutralise",
    "read_qdc",
    "sentence_context",
    "sentence_span",
    "tag_counts",
    "write_csv",
    "write_qdc",
    "write_qdpx",
    "write_web_annotations",
    "write_xlsx",
]
