"""Korean analysis actions: search, statistics, tag suggestions and re-indexing.

Rules: these need the Korean analyzer (Kiwi), so the GUI calls them only in its worker process;
search returns everything a plain substring search finds plus the inflected forms, ranked.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.core.korean.stats import keywords, top_lemmas
from app.core.korean.suggest import Suggestion, parse_rule, suggest
from app.services.unit_of_work import Database
from app.storage import search_index
from app.storage.models import Article, Highlight, Tag, highlight_tags


@dataclass(frozen=True)
class TagStats:
    tag_id: int
    path: str
    highlights: int
    lemmas: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ArticleKeywords:
    article_id: int
    title: str | None
    keywords: tuple[tuple[str, float], ...]


class AnalysisService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def search(self, query: str, limit: int = 50, article_ids: set[int] | None = None) -> list[search_index.SearchHit]:
        with self._db.read() as s:
            return search_index.search(s.connection(), query, limit=limit, article_ids=article_ids)

    def matching_ids(self, query: str, article_ids: set[int] | None = None) -> set[int]:
        with self._db.read() as s:
            return search_index.matching_ids(s.connection(), query, article_ids=article_ids)

    def reindex(self) -> int:
        """Rebuild the search index from the article bodies; returns how many articles."""
        return self._db.write(lambda s: search_index.reindex_all(s.connection()))

    def tag_stats(self, top: int = 15) -> list[TagStats]:
        """Per tag, the most frequent lemmas (nouns, verbs) in its highlighted passages."""
        from app.services.codebook import _tree

        with self._db.read() as s:
            tags = _tree(s)
            quotes: dict[int, list[str]] = {}
            q = select(highlight_tags.c.tag_id, Highlight.quote).join(Highlight, Highlight.id == highlight_tags.c.highlight_id)
            for tag_id, quote in s.execute(q):
                quotes.setdefault(tag_id, []).append(quote)
        return [TagStats(t.id, t.path, len(quotes.get(t.id, [])), tuple(top_lemmas(quotes.get(t.id, []), n=top)))
                for t in tags if quotes.get(t.id)]

    def article_keywords(self, top: int = 10, article_ids: list[int] | None = None) -> list[ArticleKeywords]:
        with self._db.read() as s:
            q = select(Article.id, Article.title, Article.body).order_by(Article.id)
            if article_ids is not None:
                q = q.where(Article.id.in_(article_ids))
            rows = [(i, t, b) for i, t, b in s.execute(q)]
        return [ArticleKeywords(i, t, tuple(keywords(b, n=top))) for i, t, b in rows]

    def suggestions(self, article_id: int) -> list[Suggestion]:
        """Sentences of the article that match a tag's lemma rules (never applied here)."""
        with self._db.read() as s:
            body = s.scalar(select(Article.body).where(Article.id == article_id)) or ""
            rules = [parse_rule(i, r) for i, r in s.execute(select(Tag.id, Tag.rules).where(Tag.rules.is_not(None)))]
        return suggest(body, rules)
