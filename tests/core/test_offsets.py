"""app.core.offsets: Qt's UTF-16 positions vs Python code points (emoji and other non-BMP text)."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.offsets import OffsetMap, py_to_utf16, utf16_length, utf16_to_py

# Hangul, ASCII, a BMP symbol, emoji (non-BMP), a rare Hanja from plane 2, a ZWJ and a flag's halves.
TEXTS = st.text(alphabet=st.sampled_from(list("가나 AI\n·") + ["😀", "👩", "\u200d", "💻", "𠀀", "🇰", "🇷"]))
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)))


def units(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def test_examples() -> None:
    text = "AI 😀 반도체 👩‍💻!"
    assert [py_to_utf16(text, i) for i in (0, 3, 4, 5, 9, 10, 11, 12, 13)] == [0, 3, 5, 6, 10, 12, 13, 15, 16]
    assert utf16_length(text) == 16 == len(text.encode("utf-16-le")) // 2
    assert utf16_to_py(text, 4) == 3  # inside the 😀 surrogate pair -> start of 😀
    assert utf16_to_py(text, 5) == 4
    assert OffsetMap(text).span_to_py(3, 4) == (3, 4)  # a selection ending inside 😀 keeps 😀 whole
    assert OffsetMap(text).span_to_utf16(3, 4) == (3, 5)


def test_plain_korean_takes_the_identity_path() -> None:
    text = "반도체 산업 정책 " * 1000
    mapping = OffsetMap(text)
    assert mapping.identity and mapping.utf16_length == len(text)
    assert mapping.to_py(1234) == 1234 == mapping.to_utf16(1234)


@pytest.mark.parametrize("pos", [-1, 17])
def test_out_of_range_positions_are_errors(pos: int) -> None:
    text = "AI 😀 반도체 👩‍💻!"
    with pytest.raises(ValueError):
        utf16_to_py(text, pos)
    with pytest.raises(ValueError):
        OffsetMap(text).to_utf16(pos if pos < 0 else 14)


@given(TEXTS)
def test_matches_utf16_encoding_for_every_index(text: str) -> None:
    mapping = OffsetMap(text)
    for index in range(len(text) + 1):
        assert py_to_utf16(text, index) == mapping.to_utf16(index) == units(text, index)
    assert mapping.utf16_length == utf16_length(text) == units(text, len(text))


@given(ANY_TEXT)
def test_round_trip_py_utf16_py(text: str) -> None:
    mapping = OffsetMap(text)
    for index in range(len(text) + 1):
        assert mapping.to_py(mapping.to_utf16(index)) == index
        assert utf16_to_py(text, py_to_utf16(text, index)) == index


@given(TEXTS)
def test_utf16_positions_round_down_inside_pairs_and_are_monotonic(text: str) -> None:
    mapping = OffsetMap(text)
    back = [mapping.to_py(pos) for pos in range(mapping.utf16_length + 1)]
    assert back == sorted(back) and back[0] == 0 and back[-1] == len(text)
    for pos, index in enumerate(back):
        start = mapping.to_utf16(index)
        assert start == pos or (start == pos - 1 and ord(text[index]) > 0xFFFF)
    forward = mapping.to_utf16_many(range(len(text) + 1))
    assert all(a < b for a, b in zip(forward, forward[1:]))


@settings(max_examples=50)
@given(st.text(alphabet=st.sampled_from(["a", "\ud83d", "\ude00", "가"])))
def test_lone_surrogates_count_as_one_unit_like_qt(text: str) -> None:
    mapping = OffsetMap(text)
    assert mapping.utf16_length == len(text)
    assert mapping.to_py_many(range(len(text) + 1)) == list(range(len(text) + 1))


def test_many_conversions_are_fast() -> None:
    text = ("반도체 산업 😀 정책 " * 20_000)  # 280k characters, 20k emoji
    started = time.perf_counter()
    mapping = OffsetMap(text)
    positions = mapping.to_utf16_many(range(0, len(text), 7))
    back = mapping.to_py_many(positions)
    assert back == list(range(0, len(text), 7))
    assert time.perf_counter() - started < 1.0
