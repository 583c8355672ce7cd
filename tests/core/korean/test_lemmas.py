"""Lemma rules: what the index stores and statistics count."""
from __future__ import annotations

from app.core.korean.lemmas import lemma_text, lemma_texts, lemmas


def test_hada_verbs_yield_noun_and_verb(kiwi) -> None:
    assert lemma_text("개발했다").split() == ["개발", "개발하다"]
    assert lemma_text("거절해").split() == ["거절", "거절하다"]
    assert "인수되다" in lemma_text("인수됐다").split()


def test_plain_verbs_become_stem_plus_da(kiwi) -> None:
    assert lemma_text("손잡고") == "손잡다"
    assert lemma_text("들었다") == "듣다"


def test_particles_endings_and_dependent_nouns_are_dropped(kiwi) -> None:
    assert lemma_text("정부는 정부가 정부를") == "정부 정부 정부"
    assert "수" not in lemma_text("할 수 있다").split()


def test_latin_is_lower_cased_and_numbers_kept(kiwi) -> None:
    words = lemma_text("LG는 AI 반도체 2.25배").split()
    assert {"lg", "ai", "반도체", "2.25"} <= set(words)


def test_root_plus_suffix_is_an_adjective(kiwi) -> None:
    (lem,) = [x for x in lemmas("깨끗한 물") if x.kind == "verb"]
    assert lem.form == "깨끗하다" and "깨끗" in lem.alts


def test_lemma_spans_cover_the_surface(kiwi) -> None:
    text = "메타의 인수 제의를 거절해 화제"
    lem = next(x for x in lemmas(text) if x.form == "거절")
    assert text[lem.start : lem.end] == "거절해"


def test_batch_equals_single(kiwi) -> None:
    texts = ["반도체를 개발했다", "손잡고 나섰다", ""]
    assert lemma_texts(texts) == [lemma_text(t) for t in texts]
