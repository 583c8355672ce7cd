"""Tokens and sentences carry offsets into the ORIGINAL text (lines, NFD, emoji)."""
from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.korean.analyzer import analyze, analyze_many, sentence_spans


def test_offsets_index_the_original_text_across_lines(kiwi) -> None:
    text = "반도체를 개발했다.\n\n  정부는 지원한다. 둘째 문장!\n"
    a = analyze(text)
    forms = {(t.form, text[t.start : t.end]) for t in a.tokens}
    assert ("반도체", "반도체") in forms and ("정부", "정부") in forms and ("문장", "문장") in forms
    assert [text[s:e] for s, e in a.sentences] == ["반도체를 개발했다.", "정부는 지원한다.", "둘째 문장!"]


def test_sentences_never_cross_a_line_break(kiwi) -> None:
    text = "제목 줄\n본문 첫 문장이다"  # no final punctuation: Kiwi alone would join the lines
    assert [text[s:e] for s, e in sentence_spans(text)] == ["제목 줄", "본문 첫 문장이다"]


def test_nfd_input_maps_back_to_decomposed_offsets(kiwi) -> None:
    text = "x" + unicodedata.normalize("NFD", "반도체를 개발")
    a = analyze(text)
    by_form = {t.form: t for t in a.tokens}
    t = by_form["반도체"]
    assert unicodedata.normalize("NFC", text[t.start : t.end]) == "반도체"
    assert unicodedata.normalize("NFC", text[by_form["개발"].start : by_form["개발"].end]) == "개발"


def test_emoji_does_not_shift_offsets(kiwi) -> None:
    text = "😀😀 정부가 반도체를"
    a = analyze(text)
    assert {text[t.start : t.end] for t in a.tokens if t.tag == "NNG"} == {"정부", "반도체"}


def test_regularity_suffix_is_removed_from_tags(kiwi) -> None:
    tags = {t.form: t.tag for t in analyze("손잡고 아름답다").tokens}  # Kiwi: VV-R, VA-I
    assert tags["손잡"] == "VV" and tags["아름답"] == "VA"


def test_batch_equals_single(kiwi) -> None:
    texts = ["정부가 반도체를 지원한다.", "", "둘째 글\n둘째 줄이다."]
    assert analyze_many(texts) == [analyze(t) for t in texts]
    assert analyze_many(texts, num_workers=1) == [analyze(t) for t in texts]


PIECES = ["정부가", "반도체를", "😀", "\n", " ", "LG전자는", unicodedata.normalize("NFD", "개발을"), "\r\n", "韓", "。"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join))
def test_noun_offsets_round_trip_on_random_text(kiwi, text: str) -> None:  # noqa: ANN001
    a = analyze(text)
    for t in a.tokens:
        assert 0 <= t.start < t.end <= len(text)
        if t.tag in ("NNG", "NNP", "SL", "SH"):
            assert unicodedata.normalize("NFC", text[t.start : t.end]) == t.form
    for s, e in a.sentences:
        assert "\n" not in text[s:e]
