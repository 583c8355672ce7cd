"""The analyst's actions in the reader: digit shortcuts, the tag palette, and the context menu.

Rules:
- A digit 1–9 applies the tag whose ``shortcut`` is that digit to the selection, snapped (see
  :mod:`app.ui.snapping`): when the snapped span is exactly an existing highlight, the tag is added
  to it (``SetHighlightTag``); otherwise a new highlight is created (``CreateHighlight``). Both go
  through the undo stack. A new highlight is painted (provisionally) and shown before it is saved
  and before other views refresh; the reader never re-reads all highlights for its own changes.
- With a caret but no selection, the palette and the digits tag the innermost highlight under the
  caret.
- Line overrides (restore a removed line, remove a kept one, undo my override) go to the Korean
  worker's ``set_override`` (``ArticleService.set_override``: re-cleaning and re-indexing need
  Kiwi, which never loads in the GUI process); the service re-makes the body and re-anchors
  highlights, then the reader re-renders.
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu

from app.services.dto import HighlightInfo, TagInfo
from app.services.unit_of_work import ServiceError
from app.ui.commands import CreateHighlight, DeleteHighlight, SetHighlightNote, SetHighlightTag
from app.ui.context import AppContext
from app.ui.snapping import SnapMode, mode_for, snap
from app.ui.tag_palette import TagPalette

if TYPE_CHECKING:  # pragma: no cover
    from app.ui.reader import ReaderView
    from app.ui.worker_client import WorkerClient

QUOTE_MENU_CHARS = 24
PROVISIONAL = -1  # id of a highlight painted before it is saved


def ready_worker(ctx: AppContext) -> "WorkerClient | None":
    """The window's Korean worker if it has finished loading, else None."""
    from app.ui.worker_client import shared_worker

    client = shared_worker(ctx)
    return client if client.is_ready() else None


class Annotator(QObject):
    def __init__(self, ctx: AppContext, reader: "ReaderView") -> None:
        super().__init__(reader)
        self.ctx, self.reader = ctx, reader
        self.palette: TagPalette | None = None
        reader.browser.digit_pressed.connect(self.on_digit)
        reader.browser.context_menu_at.connect(self.context_menu)

    @property
    def worker(self) -> "WorkerClient | None":
        """The Korean worker when it is ready (the window starts it once shown); None while it
        loads or is absent, so that nothing waits for it."""
        return ready_worker(self.ctx)

    def _status(self, text: str) -> None:
        self.ctx.events.status_message.emit(text)

    # ---- tagging -----------------------------------------------------------------------------
    def on_digit(self, digit: int, shift: bool, alt: bool) -> None:
        tag = next((t for t in self.reader.tags.values() if t.shortcut == str(digit)), None)
        if tag is None:
            self._status(self.tr("No tag has the shortcut %d (set one in the codebook)") % digit)
            return
        self.apply_tag(tag.id, mode_for(shift, alt))

    def apply_tag(self, tag_id: int, mode: SnapMode = SnapMode.EOJEOL) -> None:
        """Tag the selection (snapped), or the highlight under the caret when nothing is selected."""
        article = self.reader.article
        if article is None:
            return
        span = self.reader.selection_span()
        if span is None:
            under = self._highlights_under_caret()
            if under:
                self._add_tag(under[0], tag_id)
            else:
                self._status(self.tr("Select some text first"))
            return
        worker = self.worker if mode is SnapMode.MORPHEME else None
        if mode is SnapMode.MORPHEME and worker is None:
            self._status(self.tr("Korean analyzer not ready yet: snapped to whole words"))
        aid, body_hash = article.id, article.body_hash
        snap(article.body, span[0], span[1], mode,
             lambda s, e: self._tag_span(aid, body_hash, s, e, tag_id), worker)

    def _tag_span(self, article_id: int, body_hash: str, start: int, end: int, tag_id: int) -> None:
        a = self.reader.article
        if a is None or a.id != article_id or a.body_hash != body_hash:
            return  # the article changed while the worker was snapping
        if end <= start:
            self._status(self.tr("Nothing to highlight in the selection"))
            return
        existing = self.reader.painter.exact(start, end)
        self._collapse_selection(end)
        if existing is not None:
            self._add_tag(existing, tag_id)
            return
        painter = self.reader.painter
        now = datetime.now()
        painter.upsert(HighlightInfo(PROVISIONAL, article_id, start, end, a.body[start:end], "", "", None, None,
                                     False, (tag_id,), now, now))
        self.reader.browser.viewport().repaint()  # the analyst sees it now; saving follows
        cmd = CreateHighlight(self.ctx, article_id, start, end, [tag_id])
        with self.reader.own_change():
            self.ctx.undo_stack.push(cmd)
        painter.remove(PROVISIONAL)
        if cmd.info is not None:
            painter.upsert(cmd.info)
        else:
            painter.apply()
        self.reader._after_highlights()

    def _push_own(self, command, highlight_id: int, deleted: bool = False) -> None:  # type: ignore[no-untyped-def]
        """Push a command on one highlight and repaint just that highlight."""
        with self.reader.own_change():
            self.ctx.undo_stack.push(command)
        if command.error:
            return
        painter = self.reader.painter
        if deleted:
            painter.remove(highlight_id)
            painter.apply()
        else:
            try:
                painter.upsert(self.ctx.library.highlights.get(highlight_id))
            except ServiceError:
                self.reader.refresh_highlights()
        self.reader._after_highlights()

    def _add_tag(self, h: HighlightInfo, tag_id: int) -> None:
        if tag_id in h.tag_ids:
            self._status(self.tr("This highlight already has that tag"))
            return
        self._push_own(SetHighlightTag(self.ctx, h.id, tag_id, True), h.id)

    def _collapse_selection(self, body_end: int) -> None:
        layout = self.reader.layout_map
        pos = layout.to_doc(body_end) if layout is not None else None
        cur = self.reader.browser.textCursor()
        cur.setPosition(pos if pos is not None else cur.selectionEnd())
        self.reader.browser.setTextCursor(cur)

    def _highlights_under_caret(self) -> list[HighlightInfo]:
        offset = self.reader.body_offset(self.reader.browser.textCursor().position())
        return self.reader.painter.at(offset) if offset is not None else []

    def open_palette(self) -> None:
        if self.reader.article is None:
            return
        if self.reader.selection_span() is None and not self._highlights_under_caret():
            self._status(self.tr("Select some text first"))
            return
        if self.palette is not None:
            self.palette.close()
        tags = list(self.reader.tags.values())
        self.palette = TagPalette(tags, self.reader)
        self.palette.tag_chosen.connect(lambda tid: self.apply_tag(tid))
        self.palette.destroyed.connect(lambda *_: setattr(self, "palette", None))
        rect = self.reader.browser.cursorRect()
        self.palette.popup(self.reader.browser.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 4)))

    # ---- context menu ------------------------------------------------------------------------
    def context_menu(self, global_pos: QPoint, doc_pos: int) -> None:
        menu = QMenu(self.reader)
        r = self.reader
        if r.article is not None and r.selection_span() is not None:
            self._tag_tree_menu(menu.addMenu(self.tr("Highlight with")), self.apply_tag)
            menu.addAction(self.tr("Choose tag…") + "\tCtrl+T", self.open_palette)
            menu.addSeparator()
        offset = r.body_offset(doc_pos)
        hits = r.painter.at(offset) if offset is not None else []
        for h in hits:
            sub = menu.addMenu(self.tr("Highlight “%s”") % _short(h.quote)) if len(hits) > 1 else menu
            self._highlight_actions(sub, h)
            if sub is menu:
                menu.addSeparator()
        self._line_actions(menu, doc_pos)
        if r.browser.textCursor().hasSelection():
            menu.addSeparator()
            menu.addAction(self.tr("Copy"), r.browser.copy)
        if not menu.isEmpty():
            menu.exec(global_pos)
        menu.deleteLater()

    def _tag_tree_menu(self, menu: QMenu, on_tag) -> None:  # type: ignore[no-untyped-def]
        tags = list(self.reader.tags.values())
        children: dict[int | None, list[TagInfo]] = {}
        for t in tags:
            children.setdefault(t.parent_id, []).append(t)

        def fill(m: QMenu, parent: int | None) -> None:
            for t in children.get(parent, []):
                label = t.name + (f"\t{t.shortcut}" if t.shortcut else "")
                if children.get(t.id):
                    sub = m.addMenu(t.name)
                    sub.addAction(label, lambda tid=t.id: on_tag(tid))
                    sub.addSeparator()
                    fill(sub, t.id)
                else:
                    m.addAction(label, lambda tid=t.id: on_tag(tid))

        fill(menu, None)

    def _highlight_actions(self, menu: QMenu, h: HighlightInfo) -> None:
        tags = self.reader.tags
        self._tag_tree_menu(menu.addMenu(self.tr("Add tag")), lambda tid, h=h: self._add_tag(h, tid))
        if h.tag_ids:
            remove = menu.addMenu(self.tr("Remove tag"))
            for tid in h.tag_ids:
                if tid in tags:
                    remove.addAction(tags[tid].path, lambda tid=tid: self._push_own(
                        SetHighlightTag(self.ctx, h.id, tid, False), h.id))
        menu.addAction(self.tr("Edit note…"), lambda: self.edit_note(h))
        menu.addAction(self.tr("Delete highlight"), lambda: self._push_own(DeleteHighlight(self.ctx, h.id), h.id, deleted=True))

    def edit_note(self, h: HighlightInfo) -> None:
        text, ok = QInputDialog.getMultiLineText(self.reader, self.tr("Highlight note"),
                                                 self.tr("Note for “%s”:") % _short(h.quote, 60), h.note or "")
        if ok and (text.strip() or None) != h.note:
            self._push_own(SetHighlightNote(self.ctx, h.id, h.note, text.strip() or None), h.id)

    # ---- line overrides ----------------------------------------------------------------------
    def _line_actions(self, menu: QMenu, doc_pos: int) -> None:
        seg = self.reader.segment_at(doc_pos)
        if seg is not None:
            if not seg.kept:
                menu.addAction(self.tr("Restore this line to the body"), lambda: self.set_override(seg.key, "keep"))
            else:
                menu.addAction(self.tr("Remove this line from the body"), lambda: self.set_override(seg.key, "remove"))
            if seg.user_override:
                menu.addAction(self.tr("Undo my change to this line"), lambda: self.set_override(seg.key, None))
            return
        para = self.reader.paragraph_at(doc_pos)
        if para is not None and para.strip():
            menu.addAction(self.tr("Remove this paragraph from the body"), lambda: self.set_override(para, "remove"))

    def set_override(self, key: str, action: str | None) -> int | None:
        """Ask the worker to keep/remove a line; returns the request id (None without an article)."""
        from app.ui.worker_client import shared_worker

        a = self.reader.article
        if a is None:
            return None
        self._status(self.tr("Updating the body…"))
        aid = a.id

        def done(ok: bool, value: object) -> None:
            if not ok:
                self._status(self.tr("Cannot change the line: %s") % value)
                return
            self._status(self.tr("Body updated; highlights re-anchored"))
            self.ctx.events.article_changed.emit(aid)
            self.ctx.events.highlights_changed.emit(aid)

        return shared_worker(self.ctx).request("set_override", {"article_id": aid, "key": key, "action": action}, done)


def _short(text: str, n: int = QUOTE_MENU_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
