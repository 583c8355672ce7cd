"""Ctrl+F inside an article and result snippets."""
from __future__ import annotations

from app.core.korean.matching import mark, merge_spans, quick_spans, search_in_text, snippet
from app.core.korean.query import analyze_query


def test_search_in_text_maps_lemmas_to_surface(kiwi, seeds) -> None:
    body = seeds["002"]
    spans = search_in_text(body, "거절하다")
    assert [body[s:e] for s, e in spans] == ["거절해"]


def test_search_in_text_adds_substring_matches(kiwi, seeds) -> None:
    body = seeds["000"]
    words = {body[s:e] for s, e in search_in_text(body, "반도체")}
    assert words == {"반도체"}  # every inflection lights up the noun only
    assert any("현대반도체" in body[max(0, s - 2) : e] for s, e in search_in_text(body, "반도체"))
    other = seeds["002"]
    assert {other[s:e] for s, e in search_in_text(other, "텐서축약")} == {"텐서축약"}


def test_search_in_text_is_ascii_case_insensitive(kiwi) -> None:
    text = "LG와 lg, Lg 모두"
    assert search_in_text(text, "lg") == [(0, 2), (4, 6), (8, 10)]


def test_merge_spans() -> None:
    assert merge_spans([(5, 7), (0, 2), (1, 3), (7, 9), (4, 4)]) == [(0, 3), (5, 9)]


def test_snippet_spans_are_relative_and_marked(kiwi, seeds) -> None:
    body = seeds["002"]
    plan = analyze_query("레니게이드")
    snip = snippet(body, quick_spans(body, plan))
    assert snip.spans and all(snip.text[s:e] == "레니게이드" for s, e in snip.spans)
    assert body[snip.start : snip.start + len(snip.text)] == snip.text
    assert "[레니게이드]" in mark(snip.text, snip.spans)
