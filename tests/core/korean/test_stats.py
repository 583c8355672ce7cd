"""Counts group inflected forms under one lemma."""
from __future__ import annotations

from app.core.korean.stats import keywords, top_lemmas


def test_top_lemmas_counts_josa_variants_together(kiwi) -> None:
    top = dict(top_lemmas(["정부는 반도체를 지원한다.", "정부가 반도체 산업을 육성했다.", "정부의 정책"], n=5))
    assert top["정부"] == 3 and top["반도체"] == 2
    assert "정부는" not in top and "정부가" not in top


def test_top_lemmas_pos_filter_and_light_verbs(kiwi) -> None:
    texts = ["기업들이 손잡고 투자를 늘렸다.", "두 회사가 손잡았다. 협력할 수 있다."]
    verbs = dict(top_lemmas(texts, n=10, pos=("verb",)))
    assert verbs["손잡다"] == 2
    assert "있다" not in verbs and "기업" not in verbs


def test_keywords_frequency_skips_news_stopwords(kiwi, seeds) -> None:
    words = [w for w, _ in keywords(seeds["000"], n=5)]
    assert words[0] == "반도체"
    assert not {"기자", "뉴스", "것", "등", "수"} & set(words)


def test_keywords_tfidf_prefers_rare_terms(kiwi) -> None:
    text = "정부가 반도체 지원을 늘렸다. 정부는 레니게이드 칩을 언급했다. 정부 예산."
    df = {"정부": 900, "반도체": 300, "레니게이드": 2, "지원": 500, "예산": 400, "칩": 50, "언급": 200}
    ranked = [w for w, _ in keywords(text, n=3, doc_freq=df, n_docs=1000)]
    plain = [w for w, _ in keywords(text, n=3)]
    assert plain[0] == "정부" and ranked[0] == "레니게이드"
