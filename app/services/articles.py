"""Article actions: import, list, read, delete, line overrides, re-cleaning."""
from __future__ import annotations

import os
import re
from collections import deque
from typing import TYPE_CHECKING
from collections.abc import Iterable, Iterator

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from app.core.anchoring import body_hash
from app.core.cleaning.model import segment_key
from app.services import indexing
from app.services.anchors import reanchor_article
from app.services.dto import (
    ArticleDetail,
    ArticleFilter,
    ArticleRow,
    ImportResult,
    SegmentView,
)
from app.services.importing import (
    CancelFn,
    Failure,
    PreparedArticle,
    ProgressFn,
    iter_candidate_files,
    prepare_clipboard,
    prepare_file,
)
from app.services.unit_of_work import Database, ServiceError
from app.storage.models import Article, ArticleNote, Highlight, SegmentOverride, highlight_tags, utcnow

if TYPE_CHECKING:  # heavy modules (trafilatura, Kiwi) are imported only when used
    from app.core.korean.indexing import PreparedDoc

SORT_COLUMNS = {
    "title": Article.title,
    "outlet": Article.outlet,
    "published_at": Article.published_at,
    "imported_at": Article.imported_at,
    "id": Article.id,
}


class ArticleService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ---- import -------------------------------------------------------------------------
    def import_paths(
        self,
        paths: Iterable[str | os.PathLike[str]],
        progress: ProgressFn | None = None,
        cancel: CancelFn | None = None,
    ) -> Iterator[ImportResult]:
        """Import files and folders; yields one result per file, in order, as it is stored.

        A pipeline: files are read, decoded and cleaned lazily while Kiwi's worker threads analyse
        the articles ahead (one Kiwi stream, no transaction open); each article is then stored in
        its own short transaction. Known duplicates and failures skip the analysis."""
        from app.core.korean.indexing import prepare_stream

        candidates = list(iter_candidate_files(paths))
        total, done = len(candidates), 0
        waiting: deque[tuple[PreparedArticle | Failure, bool]] = deque()

        def texts() -> Iterator[tuple[int, str, str]]:
            for item in candidates:
                if cancel is not None and cancel():
                    return
                p = item if isinstance(item, Failure) else prepare_file(item)
                fresh = isinstance(p, PreparedArticle) and not self._known_hashes([p.content_hash])
                waiting.append((p, fresh))
                if fresh:
                    assert isinstance(p, PreparedArticle)
                    yield (0, _title(p), p.cleaned.body_text)

        docs = prepare_stream(texts())
        pulled: PreparedDoc | None = None  # a doc whose article is not at the head of ``waiting`` yet
        while True:
            while waiting and not waiting[0][1]:  # failures and duplicates need no analysis
                yield self._store(waiting.popleft()[0], None)
                done += 1
                if progress is not None:
                    progress(done, total)
            if waiting:  # the head is fresh: its doc is the next one of the stream
                doc = pulled if pulled is not None else next(docs)
                pulled = None
                yield self._store(waiting.popleft()[0], doc)
                done += 1
                if progress is not None:
                    progress(done, total)
                continue
            pulled = next(docs, None)  # reads more files through texts()
            if pulled is None and not waiting:
                return

    def import_clipboard(self, text: str, html: str | None = None) -> ImportResult:
        return self._store_many([prepare_clipboard(text, html)])[0]

    def _store_many(self, batch: list[PreparedArticle | Failure]) -> list[ImportResult]:
        known = self._known_hashes([p.content_hash for p in batch if isinstance(p, PreparedArticle)])
        fresh = [p for p in batch if isinstance(p, PreparedArticle) and p.content_hash not in known]
        docs = dict(zip((id(p) for p in fresh), indexing.prepare([(_title(p), p.cleaned.body_text) for p in fresh])))
        return [self._store(p, docs.get(id(p))) for p in batch]

    def _known_hashes(self, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        with self._db.read() as s:
            return set(s.scalars(select(Article.content_hash).where(Article.content_hash.in_(hashes))))

    def _store(self, prepared: PreparedArticle | Failure, doc: "PreparedDoc | None") -> ImportResult:
        if isinstance(prepared, Failure):
            return ImportResult(prepared.source, "failed", reason=prepared.reason)

        def action(s: Session) -> ImportResult:
            existing = s.scalar(select(Article.id).where(Article.content_hash == prepared.content_hash))
            label = prepared.source_path or prepared.source
            if existing is not None:
                return ImportResult(label, "duplicate", article_id=existing)
            c = prepared.cleaned
            body = c.body_text
            art = Article(
                raw=prepared.doc.text,
                raw_bytes=prepared.raw_bytes,
                raw_encoding=prepared.doc.encoding,
                kind=prepared.doc.kind,
                source=c.url or prepared.source,
                source_path=prepared.source_path,
                content_hash=prepared.content_hash,
                title=_title(prepared),
                outlet=c.outlet,
                reporter=c.reporter,
                published_at=c.published_at,
                url=c.url,
                body=body,
                body_hash=body_hash(body),
                cleaner_version=c.cleaner_version,
            )
            s.add(art)
            s.flush()
            if doc is None:
                indexing.index(s, [(art.id, art.title or "", body)])
            else:
                indexing.write_prepared(s, doc, art.id)
            return ImportResult(label, "imported", article_id=art.id, title=art.title)

        return self._db.write(action)

    # ---- list ---------------------------------------------------------------------------
    def _filtered(self, f: ArticleFilter) -> Select:
        q = select(Article.id)
        conds = []
        if f.text:
            like = f"%{_escape_like(f.text)}%"
            conds.append(Article.title.like(like, escape="\\") | Article.body.like(like, escape="\\"))
        if f.outlet:
            conds.append(Article.outlet == f.outlet)
        if f.since:
            conds.append(Article.published_at >= f.since)
        if f.until:
            conds.append(Article.published_at <= f.until + "\uffff")
        if f.tag_id is not None:
            sub = (
                select(Highlight.article_id)
                .join(highlight_tags, highlight_tags.c.highlight_id == Highlight.id)
                .where(highlight_tags.c.tag_id == f.tag_id)
            )
            conds.append(Article.id.in_(sub))
        if f.has_highlights is not None:
            sub = select(Highlight.article_id)
            conds.append(Article.id.in_(sub) if f.has_highlights else Article.id.not_in(sub))
        if f.ids is not None:
            conds.append(Article.id.in_(sorted(f.ids)))
        return q.where(and_(*conds)) if conds else q

    def ids(self, f: ArticleFilter = ArticleFilter(), sort: str = "imported_at", descending: bool = False) -> list[int]:
        """Ids of the matching articles in display order (the list model fetches rows lazily)."""
        col = SORT_COLUMNS.get(sort, Article.id)
        if sort == "highlights":
            cnt = select(func.count(Highlight.id)).where(Highlight.article_id == Article.id).scalar_subquery()
            order = [cnt.desc() if descending else cnt, Article.id]
        else:
            order = [col.desc() if descending else col.asc(), Article.id]
        q = self._filtered(f).order_by(*order)
        with self._db.read() as s:
            return list(s.scalars(q))

    def rows(self, ids: list[int]) -> list[ArticleRow]:
        """Rows for ``ids`` in the order given."""
        if not ids:
            return []
        cnt = (
            select(Highlight.article_id, func.count(Highlight.id).label("n"))
            .where(Highlight.article_id.in_(ids))
            .group_by(Highlight.article_id)
            .subquery()
        )
        q = (
            select(Article.id, Article.title, Article.outlet, Article.published_at, Article.source, cnt.c.n)
            .outerjoin(cnt, cnt.c.article_id == Article.id)
            .where(Article.id.in_(ids))
        )
        with self._db.read() as s:
            by_id = {r[0]: ArticleRow(r[0], r[1], r[2], r[3], r[4], r[5] or 0) for r in s.execute(q)}
        return [by_id[i] for i in ids if i in by_id]

    def list(self, f: ArticleFilter = ArticleFilter()) -> list[ArticleRow]:
        return self.rows(self.ids(f, sort="id"))

    def count(self) -> int:
        with self._db.read() as s:
            return s.scalar(select(func.count(Article.id))) or 0

    def outlets(self) -> list[str]:
        with self._db.read() as s:
            q = select(Article.outlet).where(Article.outlet.is_not(None)).distinct().order_by(Article.outlet)
            return [o for o in s.scalars(q) if o]

    # ---- read ---------------------------------------------------------------------------
    def get(self, article_id: int) -> ArticleDetail:
        with self._db.read() as s:
            art = _article(s, article_id)
            note = s.scalar(select(ArticleNote.text).where(ArticleNote.article_id == article_id)) or ""
            return _detail(art, note)

    def raw(self, article_id: int) -> tuple[str, bytes | None]:
        with self._db.read() as s:
            art = _article(s, article_id)
            return art.raw, art.raw_bytes

    def segments(self, article_id: int) -> list[SegmentView]:
        """Every input line with its decision (kept, removed and why), for 'show removed text'."""
        with self._db.read() as s:
            art = _article(s, article_id)
            overrides = _overrides(s, article_id)
            raw, kind = art.raw, art.kind
        from app.core.cleaning import clean

        cleaned = clean(raw, kind, overrides)  # type: ignore[arg-type]
        return [SegmentView(g.text, g.key, g.kept, g.reason, g.user_override) for g in cleaned.segments]

    # ---- change -------------------------------------------------------------------------
    def set_note(self, article_id: int, text: str) -> ArticleDetail:
        def action(s: Session) -> ArticleDetail:
            art = _article(s, article_id)
            note = s.scalar(select(ArticleNote).where(ArticleNote.article_id == article_id))
            if note is None:
                s.add(ArticleNote(article_id=article_id, text=text))
            else:
                note.text = text
                note.updated_at = utcnow()
            return _detail(art, text)

        return self._db.write(action)

    def set_override(self, article_id: int, text_or_key: str, action_name: str | None) -> ArticleDetail:
        """Restore a removed line (``keep``), remove a kept one (``remove``), or drop the override (None).

        The body is re-made at once and highlights are re-anchored (never silently moved)."""
        key = segment_key(text_or_key)
        if action_name not in ("keep", "remove", None):
            raise ServiceError(f"unknown override {action_name!r}")

        def action(s: Session) -> ArticleDetail:
            art = _article(s, article_id)
            row = s.scalar(
                select(SegmentOverride).where(SegmentOverride.article_id == article_id, SegmentOverride.key == key)
            )
            if action_name is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(SegmentOverride(article_id=article_id, key=key, action=action_name))
            else:
                row.action = action_name
            s.flush()
            _reclean(s, art)
            note = s.scalar(select(ArticleNote.text).where(ArticleNote.article_id == article_id)) or ""
            return _detail(art, note)

        return self._db.write(action)

    def reclean(self, article_ids: list[int] | None = None) -> list[tuple[int, int, int]]:
        """Re-run the current cleaner; returns (article_id, highlights kept, orphaned) per changed article."""
        if article_ids is None:
            with self._db.read() as s:
                article_ids = list(s.scalars(select(Article.id).order_by(Article.id)))
        out = []
        for aid in article_ids:
            out.append(self._db.write(lambda s, aid=aid: (aid, *_reclean(s, _article(s, aid)))))
        return out

    def delete(self, article_id: int) -> None:
        def action(s: Session) -> None:
            s.delete(_article(s, article_id))
            indexing.remove(s, article_id)

        self._db.write(action)


def _reclean(s: Session, art: Article) -> tuple[int, int]:
    from app.core.cleaning import CLEANER_VERSION, clean

    cleaned = clean(art.raw, art.kind, _overrides(s, art.id))  # type: ignore[arg-type]
    new_body = cleaned.body_text
    art.cleaner_version = CLEANER_VERSION
    if new_body == art.body:
        return (len(art.highlights), sum(h.orphaned for h in art.highlights))
    kept, orphaned = reanchor_article(art, new_body)
    art.body = new_body
    art.body_hash = body_hash(new_body)
    indexing.index(s, [(art.id, art.title or "", new_body)])
    return kept, orphaned


def _overrides(s: Session, article_id: int) -> dict[str, str]:
    q = select(SegmentOverride.key, SegmentOverride.action).where(SegmentOverride.article_id == article_id)
    return {k: a for k, a in s.execute(q)}


def _article(s: Session, article_id: int) -> Article:
    art = s.get(Article, article_id)
    if art is None:
        raise ServiceError(f"no article with id {article_id}")
    return art


def _detail(a: Article, note: str) -> ArticleDetail:
    return ArticleDetail(
        a.id, a.title, a.outlet, a.reporter, a.published_at, a.source, a.url, a.kind, a.body,
        a.body_hash, a.cleaner_version, a.imported_at, note,
    )


def _title(p: PreparedArticle) -> str:
    return p.cleaned.title or _fallback_title(p.cleaned.body, p.source)


_DATELINE = re.compile(r"^\s*[\[(【][^\])】]{1,30}[\])】]\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*=\s*)?")


def _fallback_title(body: tuple[str, ...], source: str) -> str:
    """No headline found: the first sentence of the body without its dateline lead, shortened."""
    if body:
        first = _DATELINE.sub("", body[0]).strip() or body[0]
        sentence = re.split(r"(?<=[.?!])\s", first, maxsplit=1)[0]
        return sentence if len(sentence) <= 60 else sentence[:57] + "…"
    return source


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
