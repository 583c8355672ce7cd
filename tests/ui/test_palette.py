"""The tag palette: filtering as you type, keys, and applying a tag to the reader's selection."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.dto import TagInfo
from app.ui.tag_palette import TagPalette, filter_tags


def _tags() -> list[TagInfo]:
    paths = ["산업정책", "산업정책/반도체·AI 반도체", "산업정책/정부 지원·육성", "스타트업 생태계",
             "스타트업 생태계/투자·M&A", "스타트업 생태계/대기업-스타트업 협업", "Other/Policy Notes"]
    out = []
    for i, p in enumerate(paths, start=1):
        out.append(TagInfo(i, None, p.split("/")[-1], p, "#123456", None, str(i) if i < 10 else None, i, None))
    return out


@given(st.text(alphabet="산업정책반도체 스타트업AIaipolicy/·", max_size=12))
def test_every_result_contains_every_typed_word(query):  # type: ignore[no-untyped-def]
    tags = _tags()
    result = filter_tags(tags, query)
    words = query.casefold().split()
    assert all(all(w in t.path.casefold() for w in words) for t in result)
    assert {t.id for t in result} == {t.id for t in tags if all(w in t.path.casefold() for w in words)}


def test_filtering_is_case_insensitive_and_prefers_name_prefixes():
    tags = _tags()
    assert [t.path for t in filter_tags(tags, "policy")] == ["Other/Policy Notes"]
    assert [t.name for t in filter_tags(tags, "스타트업")][0] == "스타트업 생태계"
    assert [t.path for t in filter_tags(tags, "반도체 AI")] == ["산업정책/반도체·AI 반도체"]


def test_typing_filters_arrows_move_and_enter_applies(qtbot, type_text):
    palette = TagPalette(_tags())
    qtbot.addWidget(palette)
    chosen: list[int] = []
    palette.tag_chosen.connect(chosen.append)
    palette.popup(palette.pos())
    qtbot.waitExposed(palette)
    type_text(palette.edit, "스타트업")
    assert palette.list.count() == 3
    qtbot.keyClick(palette.edit, Qt.Key.Key_Down)
    expected = palette.current_tag_id()
    assert expected == filter_tags(_tags(), "스타트업")[1].id
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    assert chosen == [expected]
    assert not palette.isVisible()


def test_escape_closes_without_applying(qtbot):
    palette = TagPalette(_tags())
    qtbot.addWidget(palette)
    chosen: list[int] = []
    palette.tag_chosen.connect(chosen.append)
    palette.popup(palette.pos())
    qtbot.waitExposed(palette)
    qtbot.keyClick(palette.edit, Qt.Key.Key_Escape)
    assert chosen == [] and not palette.isVisible()


def test_ctrl_t_palette_tags_the_selection(qtbot, ctx, window, open_article, select_body, type_text):
    aid = window.model.article_id(0)
    open_article(window, aid)
    body = window.reader.article.body
    start = body.index("반도체")
    select_body(window.reader, start, start + 3)
    qtbot.keyClick(window.reader.browser, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.reader.annotator.palette
    assert palette is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is palette.edit)
    type_text(palette.edit, "규제")
    target = palette.current_tag_id()
    assert target == next(t.id for t in ctx.library.codebook.tree() if t.name.startswith("규제"))
    qtbot.keyClick(palette.edit, Qt.Key.Key_Return)
    [h] = ctx.library.highlights.for_article(aid)
    assert h.tag_ids == (target,) and body[h.start:h.end].startswith("반도체")
