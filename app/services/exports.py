"""Export actions: gather highlights, codebook and sources from the library for the writers.

Rules: filters are the article list's (tag — including its subtree —, article ids, published
since/until); ``source`` is the file name or URL, never an absolute path; context is the whole
sentence(s) around the quote; exports are written atomically by the core writers.
"""
from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.export.model import CodebookEntry, ExportProject, HighlightRecord, SourceDoc, TagRef
from app.core.export.sentences import sentence_context
from app.services.codebook import _tree
from app.services.codebook import CodebookService
from app.services.unit_of_work import Database, ServiceError
from app.storage.models import Article, ArticleNote, Highlight, LibraryMeta, highlight_tags

BATCH = 2000


@dataclass(frozen=True)
class ExportFilter:
    tag_ids: frozenset[int] | None = None  # a highlight qualifies if it has one of these tags
    article_ids: frozenset[int] | None = None
    since: str | None = None
    until: str | None = None


def _iso(t: datetime | None) -> str:
    return t.isoformat(timespec="seconds") + "Z" if t else ""


class ExportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def tag_subtree(self, tag_id: int) -> frozenset[int]:
        with self._db.read() as s:
            tree = _tree(s)
        want = {tag_id}
        for t in tree:  # parents come before children
            if t.parent_id in want:
                want.add(t.id)
        return frozenset(want)

    def records(self, f: ExportFilter = ExportFilter()) -> list[HighlightRecord]:
        return list(self.iter_records(f))

    def iter_records(self, f: ExportFilter = ExportFilter()) -> Iterator[HighlightRecord]:
        """Highlights (article order, then text order) with article metadata and tags."""
        with self._db.read() as s:
            tags = {t.id: TagRef(t.id, t.name, t.path, t.color) for t in _tree(s)}
            links: dict[int, list[int]] = {}
            for hid, tid in s.execute(select(highlight_tags.c.highlight_id, highlight_tags.c.tag_id)):
                links.setdefault(hid, []).append(tid)
            ids = _highlight_ids(s, f, links)
            meta_cols = (Article.id, Article.title, Article.outlet, Article.reporter, Article.published_at,
                         Article.source, Article.url, Article.body)
            current: tuple | None = None
            for i in range(0, len(ids), BATCH):
                chunk = ids[i:i + BATCH]
                by_id = {h.id: h for h in s.scalars(select(Highlight).where(Highlight.id.in_(chunk)))}
                for hid in chunk:
                    h = by_id[hid]
                    if current is None or current[0] != h.article_id:
                        current = tuple(s.execute(select(*meta_cols).where(Article.id == h.article_id)).one())
                    _, title, outlet, reporter, published, source, url, body = current
                    htags = sorted((tags[t] for t in links.get(h.id, ()) if t in tags), key=lambda t: t.path)
                    ctx = h.quote if h.orphaned else sentence_context(body, h.start, h.end)
                    yield HighlightRecord(
                        h.id, h.article_id, title, outlet, reporter, published, source,
                        tuple(htags), h.quote, ctx, h.start, h.end, h.prefix, h.suffix, h.note, h.annotator,
                        _iso(h.created_at), _iso(h.updated_at), url, h.orphaned,
                    )
                s.expunge_all()

    def count(self, f: ExportFilter = ExportFilter()) -> int:
        """How many highlights the filter selects (cheap: no text is read)."""
        with self._db.read() as s:
            links: dict[int, list[int]] = {}
            if f.tag_ids is not None:
                for hid, tid in s.execute(select(highlight_tags.c.highlight_id, highlight_tags.c.tag_id)):
                    links.setdefault(hid, []).append(tid)
            return len(_highlight_ids(s, f, links))

    def codebook(self) -> tuple[CodebookEntry, ...]:
        with self._db.read() as s:
            return tuple(CodebookEntry(t.id, t.parent_id, t.name, t.color, t.description, t.shortcut, t.position)
                         for t in _tree(s))

    def project(self, f: ExportFilter = ExportFilter(), name: str = "Bonmun", user: str = "analyst") -> ExportProject:
        records = tuple(self.iter_records(f))
        wanted = {r.article_id for r in records} if (f.tag_ids or f.article_ids or f.since or f.until) else None
        with self._db.read() as s:
            notes = {a: t for a, t in s.execute(select(ArticleNote.article_id, ArticleNote.text))}
            q = select(Article).order_by(Article.id)
            if wanted is not None:
                q = q.where(Article.id.in_(sorted(wanted)))
            sources = tuple(
                SourceDoc(a.id, a.title, a.body, a.outlet, a.reporter, a.published_at, a.source, _iso(a.imported_at),
                          notes.get(a.id) or None, a.url)
                for a in s.scalars(q)
            )
            namespace = _library_uuid(s)
        return ExportProject(name, _iso(datetime.utcnow()), user, self.codebook(), sources, records, namespace)


def _highlight_ids(s: Session, f: ExportFilter, links: dict[int, list[int]]) -> list[int]:
    """Ids of the highlights ``f`` selects, in article then text order."""
    q = select(Highlight.id).join(Article, Article.id == Highlight.article_id)
    if f.article_ids is not None:
        q = q.where(Highlight.article_id.in_(sorted(f.article_ids)))
    if f.since:
        q = q.where(Article.published_at >= f.since)
    if f.until:
        q = q.where(Article.published_at <= f.until + "\uffff")
    q = q.order_by(Highlight.article_id, Highlight.start, Highlight.end, Highlight.id)
    ids = list(s.scalars(q))
    if f.tag_ids is not None:
        ids = [h for h in ids if set(links.get(h, ())) & f.tag_ids]
    return ids


def _library_uuid(s: Session) -> str:
    row = s.get(LibraryMeta, "library_uuid")
    return row.value if row else str(uuid.UUID(int=0))


FORMATS = ("csv", "xlsx", "json", "qdpx", "qdc", "bundle")


def write_export(lib_exports: ExportService, db: Database, fmt: str, out: str, f: ExportFilter = ExportFilter(),
                 *, wide: bool = False, raw: bool = False, user: str = "analyst") -> int:
    """Write one export format to ``out``; returns how many items (rows, annotations, codes) it holds."""
    from app.core import export as writers
    from app.services.bundle import write_bundle

    if fmt == "csv":
        return writers.write_csv(lib_exports.iter_records(f), out, wide=wide, raw=raw).items
    if fmt == "xlsx":
        return writers.write_xlsx(lib_exports.iter_records(f), out, wide=wide).items
    if fmt == "json":
        return writers.write_web_annotations(lib_exports.iter_records(f), out).items
    if fmt == "qdpx":
        return writers.write_qdpx(lib_exports.project(f, user=user), out).items
    if fmt == "qdc":
        with db.read() as s:
            namespace = _library_uuid(s)
        return writers.write_qdc(lib_exports.codebook(), out, namespace=namespace).items
    if fmt == "bundle":
        return write_bundle(db, out)
    raise ServiceError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")


def import_qdc(codebook: CodebookService, path: str) -> int:
    """Add the codes of a REFI-QDA codebook (.qdc) to the codebook; existing paths are kept. Returns codes added."""
    from app.core.export import read_qdc

    try:
        entries = read_qdc(path)
    except (OSError, ValueError) as exc:
        raise ServiceError(f"{path}: not a readable REFI-QDA codebook ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None
    existing = {t.path: t.id for t in codebook.tree()}
    paths: dict[int, str] = {}
    added = 0
    for e in entries:  # parents come before children
        parent_path = paths.get(e.parent_id) if e.parent_id is not None else None
        name = e.name.replace("/", "·")
        path_ = f"{parent_path}/{name}" if parent_path else name
        paths[e.id] = path_
        if path_ in existing:
            continue
        parent_id = existing.get(parent_path) if parent_path else None
        color = e.color if e.color and len(e.color) in (7, 9) else "#FFD54F"
        existing[path_] = codebook.create(name, parent_id, color, e.description).id
        added += 1
    return added
