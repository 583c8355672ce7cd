from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.export import sentence_context, sentence_span


def ctx(body: str, quote: str, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(quote, start + 1)
    return sentence_context(body, start, start + len(quote))


BODY = (
    "정부가 반도체 지원을 2.25배 늘린다. U.S. 정부도 동참했다.\n"
    '최 부총리는 "AI 반도체 수요가 급증했다."고 말했다. 그는 “확대하겠다.”라고 강조했다!\n'
    "1. 첫째 항목이다.그러나 둘째 문장이 붙어 있다?! 셋째 문장이다… 넷째 문장."
)


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("2.25배", "정부가 반도체 지원을 2.25배 늘린다."),  # decimal point is no boundary
        ("정부도", "U.S. 정부도 동참했다."),  # nor are initials
        ("수요가 급증", '최 부총리는 "AI 반도체 수요가 급증했다."고 말했다.'),  # quote then 고: quotative
        ("확대하겠다", "그는 “확대하겠다.”라고 강조했다!"),
        ("첫째", "1. 첫째 항목이다."),  # list number kept, "다." + Hangul splits
        ("둘째", "그러나 둘째 문장이 붙어 있다?!"),
        ("셋째", "셋째 문장이다…"),
        ("넷째", "넷째 문장."),
    ],
)
def test_korean_news_sentences(quote: str, expected: str) -> None:
    assert ctx(BODY, quote) == expected


def test_line_breaks_end_sentences_and_quotes_spanning_sentences_get_both() -> None:
    body = "제목 없는 줄\n  첫 문장이다. 둘째 문장이다.  \n다음 문단"
    assert ctx(body, "제목") == "제목 없는 줄"
    assert ctx(body, "문장이다. 둘째") == "첫 문장이다. 둘째 문장이다."
    assert ctx(body, "다음") == "다음 문단"


def test_abbreviations_and_closing_brackets() -> None:
    body = "Mr. Kim met Dr. Lee at Samsung Electronics Co. Ltd. today. 다음 문장(괄호.) 끝."
    assert ctx(body, "Dr. Lee") == "Mr. Kim met Dr. Lee at Samsung Electronics Co. Ltd. today."
    assert ctx(body, "괄호") == "다음 문장(괄호.)"


def test_emoji_offsets_are_code_points() -> None:
    body = "😀😀 이모지 문장이다. 다음 🚀 문장이다."
    start = body.index("🚀")
    assert sentence_context(body, start, start + 1) == "다음 🚀 문장이다."


def test_out_of_range_and_empty_spans() -> None:
    body = "하나다. 둘이다."
    assert sentence_context(body, -5, 2) == "하나다."
    assert sentence_context(body, 5, 999) == "둘이다."
    assert sentence_context(body, 6, 6) == "둘이다."
    assert sentence_context("", 0, 0) == ""


def test_long_text_without_punctuation_is_cut_around_the_quote() -> None:
    body = "가" * 3000 + "핵심 인용" + "나" * 3000
    start = body.index("핵심")
    out = sentence_context(body, start, start + 5, max_chars=200)
    assert out.startswith("…") and out.endswith("…")
    assert "핵심 인용" in out and len(out) == 202
    assert sentence_context(body, 0, len(body), max_chars=200) == body  # never shorter than the quote


_body = st.lists(st.sampled_from(list('가나다 .?!\n"”’)2U') + ["。", "…", "😀", "\r\n"]), max_size=60).map(
    "".join
)


@given(body=_body, data=st.data())
def test_context_always_contains_the_quote(body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body)))
    end = data.draw(st.integers(start, len(body)))
    lo, hi = sentence_span(body, start, end)
    assert lo <= start <= end <= hi
    assert sentence_context(body, start, end) == body[lo:hi]  # short texts are never cut
