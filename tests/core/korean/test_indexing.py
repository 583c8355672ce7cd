"""Index rows: grams make every 1-2 character substring one token; packing round-trips."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.core.korean.indexing import (
    PreparedDoc,
    gram_query,
    gram_tokens,
    lemma_match_expression,
    pack,
    prepare_documents,
    trigram_query,
    unpack,
)

ALPHABET = st.sampled_from(list('정부가 반도체A a.%_"\n\tZz1(주)'))


@given(st.text(ALPHABET, max_size=30), st.text(ALPHABET, min_size=1, max_size=2))
def test_short_query_token_is_present_iff_like_would_match(text: str, q: str) -> None:
    token = gram_query(q)[1:-1]
    like = q.lower() in text.lower()  # the alphabet is ASCII + Hangul: SQL LIKE semantics
    assert (token in gram_tokens(text)) == like


def test_grams_are_single_ascii_tokenizer_tokens() -> None:
    for g in gram_tokens('A "정부" 1.5%'):
        assert " " not in g and '"' not in g and not any(c in g for c in ".%")


def test_trigram_query_quotes_and_dedupes() -> None:
    assert trigram_query('a"bc') == '"a""b" AND """bc"'
    assert trigram_query("반도체반도체") == '"반도체" AND "도체반" AND "체반도"'  # duplicates once


def test_lemma_expression_groups() -> None:
    assert lemma_match_expression([("개발", "개발하다"), ("ai",)]) == '("개발" OR "개발하다") AND "ai"'
    assert lemma_match_expression([("😀",)]) == ""


def test_pack_round_trip() -> None:
    d = PreparedDoc(3, "제목", "본문\n둘째 줄 😀", "제목", "본문 둘째 줄")
    assert unpack(pack(d), 3) == d


def test_prepare_documents_analyses_title_and_body(kiwi) -> None:  # noqa: ANN001
    (doc,) = prepare_documents([(7, "LG 반도체", "정부가 반도체를 지원했다.")])
    assert doc.article_id == 7 and doc.title_lemmas == "lg 반도체"
    assert doc.body_lemmas.split() == ["정부", "반도체", "지원", "지원하다"]


def test_fast_index_path_agrees_with_the_token_path(kiwi, seeds) -> None:  # noqa: ANN001
    """``kiwi_index_forms`` (no offsets) and ``lemmas_from_tokens`` (offsets) apply the same rules."""
    items = [(1, "", ""), (2, "LG 반도체", seeds["000"]), (3, "  \n", "깨끗한 물을 인수됐다"), (4, "퓨리오사", seeds["002"])]
    fast = prepare_documents(items)
    slow = prepare_documents(items, num_workers=1)
    assert fast == slow
    assert [d.article_id for d in fast] == [1, 2, 3, 4] and fast[0].body_lemmas == ""
    assert "깨끗하다 깨끗" in fast[2].body_lemmas and "인수되다" in fast[2].body_lemmas
