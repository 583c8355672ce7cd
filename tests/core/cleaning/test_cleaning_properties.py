"""Robustness: any str is cleaned without error, in bounded time, with body lines taken from the input."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.cleaning import clean

KOREAN_LINES = st.lists(
    st.one_of(
        st.sampled_from(["본문 바로가기", "AD", "[앵커]", "홍길동 기자 hong@yna.co.kr", "Copyright ⓒ 뉴스1",
                         "▶ 구독하기", "관련기사", "(사진=연합뉴스)", "입력 2024.10.08. 오전 9:12", ""]),
        st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xAC40) | st.sampled_from(" .,\"'"),
                max_size=80).map(lambda s: s + "다."),
        st.text(max_size=60),
    ),
    max_size=25,
)


def _check_body_from_input(raw: str, kind: str) -> None:
    article = clean(raw, kind)
    if article.extra.get("repaired_encoding"):  # mojibake repaired: text differs from raw by design
        return
    pos = 0
    for para in article.body:
        found = raw.find(para, pos)
        assert found >= 0, para
        pos = found + len(para)
    for seg in article.segments:
        assert seg.start == -1 or raw[seg.start:seg.end] == seg.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_never_raises_on_any_text(raw: str) -> None:
    _check_body_from_input(raw, "text")
    clean(raw, "html")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KOREAN_LINES, st.sampled_from(["\n", "\r\n", "\n\n", "\u2028"]))
def test_body_paragraphs_are_input_substrings_in_order(lines: list[str], sep: str) -> None:
    _check_body_from_input(sep.join(lines), "text")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<br>", "<script>", "</script>", "<!--",
                                 "-->", "<a href='x'>", "</a>", "&amp;", "&#xAC00;", "정부가 발표했다.", "<",
                                 ">", "<figcaption>", "</figcaption>", "<?xml version='1.0'?>"]), max_size=40))
def test_never_raises_on_broken_html(parts: list[str]) -> None:
    article = clean("".join(parts), "html")
    assert all(isinstance(p, str) for p in article.body)


def _timed(raw: str, kind: str):
    start = time.perf_counter()
    article = clean(raw, kind)
    return article, time.perf_counter() - start


def test_single_5mb_line_is_fast() -> None:
    article, seconds = _timed("정부가 반도체 특별법을 추진했다. " * 250_000, "text")
    assert seconds < 5 and len(article.segments) == 1


def test_html_nested_20000_levels_falls_back_to_tag_stripping() -> None:
    raw = "<html><body>" + "<div>" * 20_000 + "<p>정부는 반도체 특별법을 추진한다고 밝혔다.</p>" + "</div>" * 20_000
    article, seconds = _timed(raw + "</body></html>", "html")
    assert seconds < 10
    assert article.body == ("정부는 반도체 특별법을 추진한다고 밝혔다.",)


def test_html_with_only_scripts_has_an_empty_body() -> None:
    raw = "<html><head><script>var a = '기사';</script><style>p{}</style></head><body><script>x()</script></body></html>"
    article = clean(raw, "html")
    assert article.body == () and article.segments == ()


def test_empty_and_blank_inputs() -> None:
    for raw in ("", "   \n\t\n", "\u200b\n\ufeff"):
        for kind in ("text", "html"):
            article = clean(raw, kind)
            assert article.body == () and article.segments == ()


@pytest.mark.slow
def test_20mb_text_finishes() -> None:
    paragraph = "정부가 중소기업 지원 예산을 {n}억원 늘리기로 했다고 밝혔다. 관계자는 지원을 확대하겠다고 말했다.\n"
    raw = "".join(paragraph.format(n=i) for i in range(20_000_000 // len(paragraph)))
    article, seconds = _timed(raw, "text")
    assert seconds < 120 and len(article.body) > 0
