"""Codebook actions: the hierarchical tag tree.

Rules: names are non-empty, contain no "/" (it separates paths) and are unique among siblings;
shortcuts are unique across the codebook; a tag cannot move under itself or its descendants;
merging re-tags every highlight of the source (and its subtree) with the target, then deletes
the source; deleting returns a snapshot that restores the subtree and its links exactly (undo).
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.services.dto import TagInfo, TagSnapshot
from app.services.unit_of_work import Database, ServiceError
from app.storage.models import Highlight, Tag, highlight_tags

DEFAULT_COLOR = "#FFD54F"


def _validate_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ServiceError("a tag needs a name")
    if "/" in name:
        raise ServiceError("a tag name cannot contain '/'")
    return name


def _validate_color(color: str) -> str:
    c = color.strip()
    if len(c) not in (7, 9) or not c.startswith("#") or any(ch not in "0123456789abcdefABCDEF" for ch in c[1:]):
        raise ServiceError(f"not a colour: {color!r} (use #RRGGBB)")
    return c.upper()


class CodebookService:
    def __init__(self, db: Database) -> None:
        self._db = db

    # ---- read ---------------------------------------------------------------------------
    def tree(self) -> list[TagInfo]:
        """All tags, parents before children, siblings by position; with highlight counts."""
        with self._db.read() as s:
            return _tree(s)

    def get(self, tag_id: int) -> TagInfo:
        for t in self.tree():
            if t.id == tag_id:
                return t
        raise ServiceError(f"no tag with id {tag_id}")

    def find(self, path: str) -> TagInfo:
        """The tag at ``path`` (``산업정책/반도체·AI 반도체``); a one-line error when absent."""
        want = "/".join(_validate_name(p) for p in path.strip("/").split("/")) if path.strip("/") else ""
        for t in self.tree():
            if t.path == want:
                return t
        raise ServiceError(f"no tag named {path!r}")

    # ---- change -------------------------------------------------------------------------
    def create(
        self,
        name: str,
        parent_id: int | None = None,
        color: str = DEFAULT_COLOR,
        description: str | None = None,
        shortcut: str | None = None,
        rules: str | None = None,
        position: int | None = None,
    ) -> TagInfo:
        name, color = _validate_name(name), _validate_color(color)

        def action(s: Session) -> TagInfo:
            if parent_id is not None and s.get(Tag, parent_id) is None:
                raise ServiceError(f"no tag with id {parent_id}")
            pos = position
            if pos is None:
                pos = (s.scalar(select(func.max(Tag.position)).where(Tag.parent_id.is_(parent_id))) or 0) + 1
            _check_unique(s, name, parent_id, None)
            _check_shortcut(s, shortcut, None)
            tag = Tag(parent_id=parent_id, name=name, color=color, description=description,
                      shortcut=shortcut or None, rules=rules, position=pos)
            s.add(tag)
            s.flush()
            return _info(s, tag.id)

        return self._db.write(action)

    def update(self, tag_id: int, **fields: object) -> TagInfo:
        """Change name, color, description, shortcut or rules."""
        allowed = {"name", "color", "description", "shortcut", "rules"}
        if set(fields) - allowed:
            raise ServiceError(f"cannot change {sorted(set(fields) - allowed)}")

        def action(s: Session) -> TagInfo:
            tag = _tag(s, tag_id)
            if "name" in fields:
                name = _validate_name(str(fields["name"]))
                _check_unique(s, name, tag.parent_id, tag.id)
                tag.name = name
            if "color" in fields:
                tag.color = _validate_color(str(fields["color"]))
            if "shortcut" in fields:
                sc = fields["shortcut"] or None
                _check_shortcut(s, sc, tag.id)  # type: ignore[arg-type]
                tag.shortcut = sc  # type: ignore[assignment]
            for k in ("description", "rules"):
                if k in fields:
                    setattr(tag, k, fields[k] or None)
            s.flush()
            return _info(s, tag.id)

        return self._db.write(action)

    def move(self, tag_id: int, parent_id: int | None, position: int | None = None) -> TagInfo:
        """Re-parent and/or re-order a tag; siblings are renumbered 1..n."""

        def action(s: Session) -> TagInfo:
            tag = _tag(s, tag_id)
            if parent_id is not None:
                _tag(s, parent_id)
                if parent_id == tag_id or parent_id in _descendants(s, tag_id):
                    raise ServiceError("a tag cannot move under itself")
            _check_unique(s, tag.name, parent_id, tag.id)
            siblings = [t for t in s.scalars(select(Tag).where(Tag.parent_id.is_(parent_id)).order_by(Tag.position, Tag.id)) if t.id != tag_id]
            pos = len(siblings) if position is None else max(0, min(position, len(siblings)))
            siblings.insert(pos, tag)
            tag.parent_id = parent_id
            for i, t in enumerate(siblings, start=1):
                t.position = i
            s.flush()
            return _info(s, tag.id)

        return self._db.write(action)

    def merge(self, source_id: int, target_id: int) -> TagMerge:
        """Re-tag the source subtree's highlights with the target and delete the source."""
        def action(s: Session) -> TagMerge:
            _tag(s, source_id), _tag(s, target_id)
            subtree = {source_id, *_descendants(s, source_id)}
            if target_id in subtree:
                raise ServiceError("cannot merge a tag into itself or one of its children")
            snap = _snapshot(s, source_id)
            hl = {h for h, _ in snap.links}
            have = set(s.scalars(select(highlight_tags.c.highlight_id).where(highlight_tags.c.tag_id == target_id)))
            new = sorted(hl - have)
            if new:
                s.execute(insert(highlight_tags), [{"highlight_id": h, "tag_id": target_id} for h in new])
            s.execute(delete(Tag).where(Tag.id == source_id))
            return TagMerge(snap, target_id, tuple(new), len(hl))

        return self._db.write(action)

    def unmerge(self, merge: "TagMerge") -> None:
        """Undo a merge: the target loses the links it gained; the source subtree comes back."""
        def action(s: Session) -> None:
            if merge.added:
                s.execute(delete(highlight_tags).where(highlight_tags.c.tag_id == merge.target_id,
                                                       highlight_tags.c.highlight_id.in_(merge.added)))
            _restore(s, merge.snapshot)

        self._db.write(action)

    def usage(self, tag_id: int) -> tuple[int, int]:
        """(tags in the subtree, highlights that would lose a tag) if ``tag_id`` were deleted."""
        with self._db.read() as s:
            subtree = {tag_id, *_descendants(s, tag_id)}
            n = s.scalar(select(func.count(func.distinct(highlight_tags.c.highlight_id))).where(highlight_tags.c.tag_id.in_(subtree)))
            return len(subtree), n or 0

    def delete(self, tag_id: int) -> TagSnapshot:
        """Delete a tag and its subtree; highlights keep their other tags. Returns an undo snapshot."""
        def action(s: Session) -> TagSnapshot:
            _tag(s, tag_id)
            snap = _snapshot(s, tag_id)
            s.execute(delete(Tag).where(Tag.id == tag_id))
            return snap

        return self._db.write(action)

    def restore(self, snap: TagSnapshot) -> None:
        """Undo a delete: the same ids, names, places and highlight links."""
        try:
            self._db.write(lambda s: _restore(s, snap))
        except IntegrityError as exc:
            raise ServiceError("cannot restore the tag: a tag with that name now exists in its place") from exc

    def set_positions(self, ordered_ids: list[int]) -> None:
        def action(s: Session) -> None:
            for i, tid in enumerate(ordered_ids, start=1):
                s.execute(update(Tag).where(Tag.id == tid).values(position=i))

        self._db.write(action)


@dataclass(frozen=True)
class TagMerge:
    """What a merge did, so that it can be undone exactly."""

    snapshot: TagSnapshot
    target_id: int
    added: tuple[int, ...]
    highlights: int


def _snapshot(s: Session, tag_id: int) -> TagSnapshot:
    subtree = [tag_id, *_descendants(s, tag_id)]
    infos = {t.id: t for t in _tree(s)}
    links = tuple((h, t) for h, t in s.execute(select(highlight_tags.c.highlight_id, highlight_tags.c.tag_id)
                                               .where(highlight_tags.c.tag_id.in_(subtree))))
    created = tuple((i, c) for i, c in s.execute(select(Tag.id, Tag.created_at).where(Tag.id.in_(subtree))))
    return TagSnapshot(tuple(infos[i] for i in subtree), links, created)


def _restore(s: Session, snap: TagSnapshot) -> None:
    created = dict(snap.created)
    for t in snap.tags:  # parents come first in snapshot order
        s.add(Tag(id=t.id, parent_id=t.parent_id, name=t.name, color=t.color, description=t.description,
                  shortcut=t.shortcut, position=t.position, rules=t.rules,
                  **({"created_at": created[t.id]} if t.id in created else {})))
    s.flush()
    if snap.links:
        ids = [h for h, _ in snap.links]
        alive = set(s.scalars(select(Highlight.id).where(Highlight.id.in_(ids))))
        rows = [{"highlight_id": h, "tag_id": t} for h, t in snap.links if h in alive]
        if rows:
            s.execute(insert(highlight_tags), rows)


def _tag(s: Session, tag_id: int) -> Tag:
    tag = s.get(Tag, tag_id)
    if tag is None:
        raise ServiceError(f"no tag with id {tag_id}")
    return tag


def _check_unique(s: Session, name: str, parent_id: int | None, self_id: int | None) -> None:
    q = select(Tag.id).where(Tag.name == name, Tag.parent_id.is_(parent_id) if parent_id is None else Tag.parent_id == parent_id)
    other = s.scalar(q)
    if other is not None and other != self_id:
        raise ServiceError(f"a tag named {name!r} already exists there")


def _check_shortcut(s: Session, shortcut: str | None, self_id: int | None) -> None:
    if not shortcut:
        return
    other = s.scalar(select(Tag.id).where(Tag.shortcut == shortcut))
    if other is not None and other != self_id:
        raise ServiceError(f"shortcut {shortcut} is already used by another tag")


def _descendants(s: Session, tag_id: int) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for tid, pid in s.execute(select(Tag.id, Tag.parent_id)):
        children.setdefault(pid, []).append(tid)
    out, stack = [], list(children.get(tag_id, []))
    while stack:
        t = stack.pop(0)
        out.append(t)
        stack.extend(children.get(t, []))
    return out


def _tree(s: Session) -> list[TagInfo]:
    counts = {t: n for t, n in s.execute(select(highlight_tags.c.tag_id, func.count()).group_by(highlight_tags.c.tag_id))}
    tags = list(s.scalars(select(Tag).order_by(Tag.position, Tag.id)))
    by_parent: dict[int | None, list[Tag]] = {}
    for t in tags:
        by_parent.setdefault(t.parent_id, []).append(t)
    out: list[TagInfo] = []

    def walk(parent: int | None, prefix: str) -> None:
        for t in by_parent.get(parent, []):
            path = f"{prefix}/{t.name}" if prefix else t.name
            out.append(TagInfo(t.id, t.parent_id, t.name, path, t.color, t.description, t.shortcut, t.position, t.rules, counts.get(t.id, 0)))
            walk(t.id, path)

    walk(None, "")
    return out


def _info(s: Session, tag_id: int) -> TagInfo:
    for t in _tree(s):
        if t.id == tag_id:
            return t
    raise ServiceError(f"no tag with id {tag_id}")
