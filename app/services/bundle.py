"""Lossless bundle of a whole library (export) and its restore into an empty library.

Rules: the bundle is a zip holding ``bonmun-bundle.json``: every row of every table (ids and
timestamps included, ``raw_bytes`` base64); restore takes a library with no articles and no
highlights (its seeded default codebook is replaced), writes everything in one transaction, and
rebuilds the search index.
"""
from __future__ import annotations

import base64
import json
import os
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, LargeBinary, delete, func, insert, select
from sqlalchemy.orm import Session

from app.core.export.atomic import atomic_path
from app.services import indexing
from app.services.unit_of_work import Database, ServiceError
from app.storage.models import Article, Base, Highlight

FORMAT = "bonmun-bundle"
VERSION = 1
MEMBER = "bonmun-bundle.json"


def _encode(value: Any, col_type: Any) -> Any:
    if value is None:
        return None
    if isinstance(col_type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    if isinstance(col_type, DateTime):
        return value.isoformat()
    return value


def _decode(value: Any, col_type: Any) -> Any:
    if value is None:
        return None
    if isinstance(col_type, LargeBinary):
        return base64.b64decode(value)
    if isinstance(col_type, DateTime):
        return datetime.fromisoformat(value)
    return value


def write_bundle(db: Database, out: str | os.PathLike[str]) -> int:
    """Write the bundle; returns the number of rows written."""
    tables: dict[str, Any] = {}
    total = 0
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            cols = list(table.columns)
            rows = [[_encode(r[i], c.type) for i, c in enumerate(cols)] for r in s.execute(select(*cols))]
            tables[table.name] = {"columns": [c.name for c in cols], "rows": rows}
            total += len(rows)
    doc = {"format": FORMAT, "version": VERSION, "tables": tables}
    with atomic_path(out) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as z:
            z.writestr(MEMBER, json.dumps(doc, ensure_ascii=False))
    return total


def read_bundle(path: str | os.PathLike[str]) -> dict[str, Any]:
    try:
        with zipfile.ZipFile(path) as z:
            doc = json.loads(z.read(MEMBER).decode("utf-8"))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError) as exc:
        raise ServiceError(f"{Path(path).name}: not a Bonmun bundle ({exc.__class__.__name__})") from None
    if doc.get("format") != FORMAT or doc.get("version") != VERSION:
        raise ServiceError(f"{Path(path).name}: unsupported bundle format")
    return doc


def restore_bundle(db: Database, path: str | os.PathLike[str]) -> int:
    """Restore into this (empty) library; returns the number of rows restored."""
    doc = read_bundle(path)

    def action(s: Session) -> int:
        n_articles = s.scalar(select(func.count(Article.id))) or 0
        n_highlights = s.scalar(select(func.count(Highlight.id))) or 0
        if n_articles or n_highlights:
            raise ServiceError(f"restore needs an empty library; this one has {n_articles} articles and {n_highlights} highlights")
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(delete(table))
        total = 0
        for table in Base.metadata.sorted_tables:
            data = doc["tables"].get(table.name)
            if not data or not data["rows"]:
                continue
            cols = [table.c[name] for name in data["columns"] if name in table.c]
            idx = [data["columns"].index(c.name) for c in cols]
            rows = [{c.name: _decode(r[i], c.type) for c, i in zip(cols, idx)} for r in data["rows"]]
            s.execute(insert(table), rows)
            total += len(rows)
        items = [(a, t or "", b) for a, t, b in s.execute(select(Article.id, Article.title, Article.body))]
        indexing.index(s, items)
        return total

    return db.write(action)
