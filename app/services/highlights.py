"""Highlight actions: create, tag, note, delete and undo.

Rules: ``start``/``end`` are code-point indices into the article's current body; the stored quote
is ``body[start:end]`` with 32 characters of context each side and the body's hash; an empty or
out-of-range selection is refused; every action is one transaction.
"""
from __future__ import annotations

import getpass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from app.core.anchoring import make_anchor
from app.services.dto import HighlightInfo, HighlightSnapshot
from app.services.unit_of_work import Database, ServiceError
from app.storage.models import Article, Highlight, Tag, highlight_tags, utcnow


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getuser raises several types when no user is known
        return "analyst"


class HighlightService:
    def __init__(self, db: Database, annotator: str | None = None) -> None:
        self._db = db
        self.annotator = annotator or default_annotator()

    def for_article(self, article_id: int) -> list[HighlightInfo]:
        """The article's highlights in text order."""
        cols = (Highlight.id, Highlight.article_id, Highlight.start, Highlight.end, Highlight.quote, Highlight.prefix,
                Highlight.suffix, Highlight.note, Highlight.annotator, Highlight.orphaned, Highlight.created_at,
                Highlight.updated_at)
        with self._db.read() as s:
            rows = list(s.execute(select(*cols).where(Highlight.article_id == article_id)
                                  .order_by(Highlight.start, Highlight.end, Highlight.id)))
            tags: dict[int, list[int]] = {}
            q = (select(highlight_tags.c.highlight_id, highlight_tags.c.tag_id)
                 .join(Tag, Tag.id == highlight_tags.c.tag_id)
                 .join(Highlight, Highlight.id == highlight_tags.c.highlight_id)
                 .where(Highlight.article_id == article_id).order_by(Tag.position, Tag.id))
            for hid, tid in s.execute(q):
                tags.setdefault(hid, []).append(tid)
        return [HighlightInfo(*r[:10], tuple(tags.get(r[0], ())), r[10], r[11]) for r in rows]

    def orphaned(self) -> list[HighlightInfo]:
        with self._db.read() as s:
            return [_info(s, h) for h in s.scalars(select(Highlight).where(Highlight.orphaned.is_(True)).order_by(Highlight.id))]

    def get(self, highlight_id: int) -> HighlightInfo:
        with self._db.read() as s:
            return _info(s, _highlight(s, highlight_id))

    def create(self, article_id: int, start: int, end: int, tag_ids: list[int] | tuple[int, ...] = (), note: str | None = None) -> HighlightInfo:
        def action(s: Session) -> HighlightInfo:
            art = s.get(Article, article_id)
            if art is None:
                raise ServiceError(f"no article with id {article_id}")
            if not (0 <= start < end <= len(art.body)) or not art.body[start:end].strip():
                raise ServiceError("select some text first")
            a = make_anchor(art.body, start, end)
            h = Highlight(article_id=article_id, start=a.start, end=a.end, quote=a.quote, prefix=a.prefix,
                          suffix=a.suffix, body_hash=a.body_hash, note=note or None, annotator=self.annotator)
            s.add(h)
            s.flush()
            _link(s, h.id, tag_ids)
            return _info(s, h)

        return self._db.write(action)

    def annotate_quote(self, article_id: int, quote: str, tag_id: int, note: str | None = None) -> HighlightInfo:
        """Highlight the first occurrence of ``quote`` in the clean body."""
        with self._db.read() as s:
            art = s.get(Article, article_id)
            if art is None:
                raise ServiceError(f"no article with id {article_id}")
            pos = art.body.find(quote) if quote else -1
        if pos < 0:
            raise ServiceError(f"quote not found in article {article_id}: {quote!r}")
        return self.create(article_id, pos, pos + len(quote), [tag_id], note)

    def add_tag(self, highlight_id: int, tag_id: int) -> HighlightInfo:
        def action(s: Session) -> HighlightInfo:
            h = _highlight(s, highlight_id)
            _link(s, h.id, [tag_id])
            h.updated_at = utcnow()
            return _info(s, h)

        return self._db.write(action)

    def remove_tag(self, highlight_id: int, tag_id: int) -> HighlightInfo:
        def action(s: Session) -> HighlightInfo:
            h = _highlight(s, highlight_id)
            s.execute(delete(highlight_tags).where(highlight_tags.c.highlight_id == h.id, highlight_tags.c.tag_id == tag_id))
            h.updated_at = utcnow()
            return _info(s, h)

        return self._db.write(action)

    def set_note(self, highlight_id: int, note: str | None) -> HighlightInfo:
        def action(s: Session) -> HighlightInfo:
            h = _highlight(s, highlight_id)
            h.note = note or None
            h.updated_at = utcnow()
            return _info(s, h)

        return self._db.write(action)

    def delete(self, highlight_id: int) -> HighlightSnapshot:
        """Delete; returns a snapshot that :meth:`restore` turns back into the same highlight."""
        def action(s: Session) -> HighlightSnapshot:
            h = _highlight(s, highlight_id)
            snap = HighlightSnapshot(_info(s, h), h.body_hash)
            s.delete(h)
            return snap

        return self._db.write(action)

    def restore(self, snap: HighlightSnapshot) -> HighlightInfo:
        i = snap.info

        def action(s: Session) -> HighlightInfo:
            if s.get(Article, i.article_id) is None:
                raise ServiceError("the article of this highlight no longer exists")
            h = Highlight(id=i.id, article_id=i.article_id, start=i.start, end=i.end, quote=i.quote, prefix=i.prefix,
                          suffix=i.suffix, body_hash=snap.body_hash, note=i.note, annotator=i.annotator,
                          orphaned=i.orphaned, created_at=i.created_at, updated_at=i.updated_at)
            s.add(h)
            s.flush()
            alive = set(s.scalars(select(Tag.id).where(Tag.id.in_(i.tag_ids))))
            _link(s, h.id, [t for t in i.tag_ids if t in alive])
            return _info(s, h)

        return self._db.write(action)


def _highlight(s: Session, highlight_id: int) -> Highlight:
    h = s.get(Highlight, highlight_id)
    if h is None:
        raise ServiceError(f"no highlight with id {highlight_id}")
    return h


def _link(s: Session, highlight_id: int, tag_ids: list[int] | tuple[int, ...]) -> None:
    if not tag_ids:
        return
    known = set(s.scalars(select(Tag.id).where(Tag.id.in_(tag_ids))))
    missing = set(tag_ids) - known
    if missing:
        raise ServiceError(f"no tag with id {min(missing)}")
    have = set(s.scalars(select(highlight_tags.c.tag_id).where(highlight_tags.c.highlight_id == highlight_id)))
    rows = [{"highlight_id": highlight_id, "tag_id": t} for t in dict.fromkeys(tag_ids) if t not in have]
    if rows:
        s.execute(insert(highlight_tags), rows)


def _info(s: Session, h: Highlight, tag_ids: tuple[int, ...] | None = None) -> HighlightInfo:
    if tag_ids is None:
        tag_ids = tuple(s.scalars(
            select(highlight_tags.c.tag_id).join(Tag, Tag.id == highlight_tags.c.tag_id)
            .where(highlight_tags.c.highlight_id == h.id).order_by(Tag.position, Tag.id)
        ))
    return HighlightInfo(h.id, h.article_id, h.start, h.end, h.quote, h.prefix, h.suffix, h.note, h.annotator,
                         h.orphaned, tag_ids, h.created_at, h.updated_at)
