"""Selections snap to words or morphemes the way an analyst expects."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.korean.analyzer import analyze
from app.core.korean.snapping import snap_eojeol, snap_morpheme

TEXT = 'LG는 "반도체를" 개발했다. 손잡고 반도체에서도 LG전자가는 인수하기로'


def _sel(word: str, inner: slice = slice(None)) -> tuple[int, int]:
    i = TEXT.index(word)
    r = range(i, i + len(word))[inner]
    return r[0], r[-1] + 1


def test_eojeol_snaps_a_partial_selection_to_the_whole_word() -> None:
    s, e = snap_eojeol(TEXT, *_sel("개발했다", slice(1, 3)))
    assert TEXT[s:e] == "개발했다"


def test_eojeol_trims_quotes_and_final_punctuation() -> None:
    s, e = snap_eojeol(TEXT, *_sel("반도체를", slice(0, 2)))
    assert TEXT[s:e] == "반도체를"
    s, e = snap_eojeol(TEXT, *_sel("개발했다."))
    assert TEXT[s:e] == "개발했다"


def test_eojeol_caret_selects_the_word_and_whitespace_selects_nothing() -> None:
    i = TEXT.index("손잡고") + 1
    assert TEXT[slice(*snap_eojeol(TEXT, i, i))] == "손잡고"
    sp = TEXT.index(" 손잡고")
    assert snap_eojeol(TEXT, sp, sp + 1) == (sp, sp)


def test_morpheme_drops_trailing_josa_and_eomi_after_nouns(kiwi) -> None:
    expect = {"반도체를": "반도체", "개발했다": "개발", "반도체에서도": "반도체", "LG전자가는": "LG전자", "인수하기로": "인수"}
    for word, want in expect.items():
        assert TEXT[slice(*snap_morpheme(TEXT, *_sel(word)))] == want, word


def test_morpheme_keeps_verb_endings(kiwi) -> None:
    assert TEXT[slice(*snap_morpheme(TEXT, *_sel("손잡고")))] == "손잡고"


def test_morpheme_selection_ending_inside_a_particle_snaps_out_then_drops_it(kiwi) -> None:
    s, e = _sel("반도체에서도")
    tokens = analyze(TEXT).tokens
    assert TEXT[slice(*snap_morpheme(tokens, s + 1, s + 4))] == "반도체"  # "도체에" -> 반도체


WORDS = ["정부는", "반도체를", "개발했다", "AI", "(주)", "손잡고", "\"인수\"", "2.25배"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
    st.data(),
)
def test_eojeol_snap_is_trimmed_covering_and_idempotent(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    s, e = snap_eojeol(text, a, b)
    assert 0 <= s <= e <= len(text)
    if s < e:
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert snap_eojeol(text, s, e) == (s, e)
        lo, hi = min(a, b), max(a, b)
        core = [i for i in range(lo, hi) if text[i].isalnum()]
        assert not core or (s <= core[0] and core[-1] < e)
