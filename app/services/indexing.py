"""Keeps the search index in step with article bodies, inside the caller's transaction."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy.orm import Session

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Kiwi and the FTS code load only when indexing
    from app.core.korean.indexing import PreparedDoc


def index(s: Session, items: Iterable[tuple[int, str, str]]) -> None:
    """(Re)index ``(article_id, title, body)`` items."""
    from app.storage import search_index

    search_index.index_articles(s.connection(), list(items))


def prepare(items: list[tuple[str, str]]) -> "list[PreparedDoc]":
    """Analyse ``(title, body)`` pairs in one Kiwi batch, outside any transaction (ids set later)."""
    from app.core.korean.indexing import prepare_documents

    return prepare_documents([(0, t, b) for t, b in items])


def write_prepared(s: Session, doc: "PreparedDoc", article_id: int) -> None:
    """Index an analysed article under its id, inside the caller's transaction."""
    from app.storage import search_index

    search_index.index_prepared(s.connection(), [replace(doc, article_id=article_id)])


def remove(s: Session, article_id: int) -> None:
    from app.storage import search_index

    search_index.remove_article(s.connection(), article_id)
