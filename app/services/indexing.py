"""Keeps the search index in step with article bodies, inside the caller's transaction."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from app.storage import search_index


def index(s: Session, items: Iterable[tuple[int, str, str]]) -> None:
    """(Re)index ``(article_id, title, body)`` items."""
    search_index.index_articles(s.connection(), list(items))


def remove(s: Session, article_id: int) -> None:
    search_index.remove_article(s.connection(), article_id)
