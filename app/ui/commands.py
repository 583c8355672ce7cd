"""Undo commands: every undoable analyst action is one QUndoCommand that calls one service.

Rules: ``redo`` performs the action (the first time too) and ``undo`` reverses it exactly (same
ids, tags, notes and times); a service error is shown in the status bar and the command becomes
obsolete instead of raising inside Qt.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from app.services.codebook import TagMerge
from app.services.dto import HighlightInfo, HighlightSnapshot, TagInfo, TagSnapshot
from app.services.unit_of_work import ServiceError
from app.ui.context import AppContext


class _Command(QUndoCommand):
    def __init__(self, ctx: AppContext, text: str) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.error: str | None = None

    def _safely(self, fn) -> None:  # type: ignore[no-untyped-def]
        try:
            fn()
        except ServiceError as exc:
            self.error = str(exc)
            self.setObsolete(True)
            self.ctx.events.status_message.emit(str(exc))


class CreateHighlight(_Command):
    def __init__(self, ctx: AppContext, article_id: int, start: int, end: int, tag_ids: list[int], note: str | None = None) -> None:
        super().__init__(ctx, ctx.tr("Highlight"))
        self.args = (article_id, start, end, tag_ids, note)
        self.snapshot: HighlightSnapshot | None = None
        self.info: HighlightInfo | None = None

    def redo(self) -> None:
        def do() -> None:
            if self.snapshot is None:
                self.info = self.ctx.library.highlights.create(*self.args)
            else:
                self.info = self.ctx.library.highlights.restore(self.snapshot)
            self.ctx.events.highlights_changed.emit(self.args[0])

        self._safely(do)

    def undo(self) -> None:
        def do() -> None:
            assert self.info is not None
            self.snapshot = self.ctx.library.highlights.delete(self.info.id)
            self.ctx.events.highlights_changed.emit(self.args[0])

        self._safely(do)


class DeleteHighlight(_Command):
    def __init__(self, ctx: AppContext, highlight_id: int) -> None:
        super().__init__(ctx, ctx.tr("Delete highlight"))
        self.highlight_id = highlight_id
        self.snapshot: HighlightSnapshot | None = None

    def redo(self) -> None:
        def do() -> None:
            self.snapshot = self.ctx.library.highlights.delete(self.highlight_id)
            self.ctx.events.highlights_changed.emit(self.snapshot.info.article_id)

        self._safely(do)

    def undo(self) -> None:
        def do() -> None:
            assert self.snapshot is not None
            info = self.ctx.library.highlights.restore(self.snapshot)
            self.ctx.events.highlights_changed.emit(info.article_id)

        self._safely(do)


class SetHighlightTag(_Command):
    """Add (``add=True``) or remove a tag on a highlight."""

    def __init__(self, ctx: AppContext, highlight_id: int, tag_id: int, add: bool) -> None:
        super().__init__(ctx, ctx.tr("Add tag") if add else ctx.tr("Remove tag"))
        self.highlight_id, self.tag_id, self.add = highlight_id, tag_id, add

    def _apply(self, add: bool) -> None:
        def do() -> None:
            svc = self.ctx.library.highlights
            info = svc.add_tag(self.highlight_id, self.tag_id) if add else svc.remove_tag(self.highlight_id, self.tag_id)
            self.ctx.events.highlights_changed.emit(info.article_id)

        self._safely(do)

    def redo(self) -> None:
        self._apply(self.add)

    def undo(self) -> None:
        self._apply(not self.add)


class SetHighlightNote(_Command):
    def __init__(self, ctx: AppContext, highlight_id: int, old: str | None, new: str | None) -> None:
        super().__init__(ctx, ctx.tr("Edit note"))
        self.highlight_id, self.old, self.new = highlight_id, old, new

    def _apply(self, note: str | None) -> None:
        def do() -> None:
            info = self.ctx.library.highlights.set_note(self.highlight_id, note)
            self.ctx.events.highlights_changed.emit(info.article_id)

        self._safely(do)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class CreateTag(_Command):
    def __init__(self, ctx: AppContext, name: str, parent_id: int | None, color: str, **extra: object) -> None:
        super().__init__(ctx, ctx.tr("New tag"))
        self.args, self.extra = (name, parent_id, color), extra
        self.info: TagInfo | None = None
        self.snapshot: TagSnapshot | None = None

    def redo(self) -> None:
        def do() -> None:
            if self.snapshot is None:
                self.info = self.ctx.library.codebook.create(*self.args, **self.extra)  # type: ignore[arg-type]
            else:
                self.ctx.library.codebook.restore(self.snapshot)
            self.ctx.events.codebook_changed.emit()

        self._safely(do)

    def undo(self) -> None:
        def do() -> None:
            assert self.info is not None
            self.snapshot = self.ctx.library.codebook.delete(self.info.id)
            self.ctx.events.codebook_changed.emit()

        self._safely(do)


class UpdateTag(_Command):
    """Rename, recolour, or change description/shortcut/rules of a tag."""

    def __init__(self, ctx: AppContext, tag: TagInfo, **changes: object) -> None:
        super().__init__(ctx, ctx.tr("Edit tag"))
        self.tag_id = tag.id
        self.new = changes
        self.old = {k: getattr(tag, k) for k in changes}

    def _apply(self, fields: dict[str, object]) -> None:
        def do() -> None:
            self.ctx.library.codebook.update(self.tag_id, **fields)
            self.ctx.events.codebook_changed.emit()
            self.ctx.events.highlights_changed.emit(self.ctx.current_article_id or 0)

        self._safely(do)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class MoveTag(_Command):
    def __init__(self, ctx: AppContext, tag: TagInfo, parent_id: int | None, position: int | None) -> None:
        super().__init__(ctx, ctx.tr("Move tag"))
        self.tag_id = tag.id
        self.old = (tag.parent_id, [t.id for t in ctx.library.codebook.tree() if t.parent_id == tag.parent_id])
        self.new = (parent_id, position)

    def redo(self) -> None:
        def do() -> None:
            self.ctx.library.codebook.move(self.tag_id, *self.new)
            self.ctx.events.codebook_changed.emit()

        self._safely(do)

    def undo(self) -> None:
        def do() -> None:
            parent, order = self.old
            self.ctx.library.codebook.move(self.tag_id, parent, order.index(self.tag_id))
            self.ctx.library.codebook.set_positions(order)
            self.ctx.events.codebook_changed.emit()

        self._safely(do)


class DeleteTag(_Command):
    def __init__(self, ctx: AppContext, tag_id: int) -> None:
        super().__init__(ctx, ctx.tr("Delete tag"))
        self.tag_id = tag_id
        self.snapshot: TagSnapshot | None = None

    def redo(self) -> None:
        def do() -> None:
            self.snapshot = self.ctx.library.codebook.delete(self.tag_id)
            self.ctx.events.codebook_changed.emit()
            self.ctx.events.highlights_changed.emit(self.ctx.current_article_id or 0)

        self._safely(do)

    def undo(self) -> None:
        def do() -> None:
            assert self.snapshot is not None
            self.ctx.library.codebook.restore(self.snapshot)
            self.ctx.events.codebook_changed.emit()
            self.ctx.events.highlights_changed.emit(self.ctx.current_article_id or 0)

        self._safely(do)


class MergeTag(_Command):
    """Merge source into target; undo restores the source subtree and its links exactly."""

    def __init__(self, ctx: AppContext, source_id: int, target_id: int) -> None:
        super().__init__(ctx, ctx.tr("Merge tags"))
        self.source_id, self.target_id = source_id, target_id
        self.merge: TagMerge | None = None

    def redo(self) -> None:
        def do() -> None:
            self.merge = self.ctx.library.codebook.merge(self.source_id, self.target_id)
            self.ctx.events.codebook_changed.emit()
            self.ctx.events.highlights_changed.emit(self.ctx.current_article_id or 0)

        self._safely(do)

    def undo(self) -> None:
        def do() -> None:
            assert self.merge is not None
            self.ctx.library.codebook.unmerge(self.merge)
            self.ctx.events.codebook_changed.emit()
            self.ctx.events.highlights_changed.emit(self.ctx.current_article_id or 0)

        self._safely(do)
