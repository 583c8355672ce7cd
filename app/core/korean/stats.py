"""Lemma statistics: frequent lemmas and keywords (정부는/정부가 count as 정부).

Rules:
- Counting unit: :class:`~app.core.korean.lemmas.Lemma` ``form`` (derived predicates count under
  their noun: ``개발했다`` adds one to 개발, not to 개발하다; ``깨끗한`` counts as 깨끗하다).
- ``pos`` selects lemma kinds: noun, verb (VV, VA and XR+하다), root, foreign (Latin),
  hanja, number, pattern.
- :func:`top_lemmas` drops grammatical light verbs (하다, 있다, 되다, 없다, 같다, 않다...).
- :func:`keywords` considers nouns and foreign words minus a news stopword list (기자, 뉴스, ...)
  and single Latin letters. With ``doc_freq``/``n_docs`` the score is tf-idf
  ``tf * (ln((1 + n_docs) / (1 + df)) + 1)``; without, the score is the raw frequency.
  Ties are broken alphabetically so results are stable.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from app.core.korean.analyzer import analyze_many
from app.core.korean.lemmas import Lemma, lemmas_from_tokens

LIGHT_VERBS = frozenset(
    "하다 있다 되다 없다 같다 않다 보다 이다 아니다 주다 받다 가다 오다 대하다 위하다 통하다 의하다".split()
)
NEWS_STOPWORDS = frozenset(
    """기자 뉴스 것 등 수 때 중 이 그 저 및 또 더 위 측 명 개 년 월 일 시 분 억 원 조 만 천 백
    이번 지난 오늘 내일 어제 올해 지난해 최근 당시 이날 관련 경우 가운데 이후 이전 전 후 통해
    대해 위해 따라 사진 제공 무단 전재 배포 금지 재배포 저작권 구독 기사 속보 특파원 연합뉴스
    뉴시스 뉴스1 copyright www com co kr http https""".split()
)


def _count(lemma_lists: Iterable[Sequence[Lemma]], kinds: frozenset[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for items in lemma_lists:
        counts.update(lem.form for lem in items if lem.kind in kinds)
    return counts


def _ranked(scores: Mapping[str, float], n: int) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def top_lemmas(
    texts: Sequence[str], n: int = 20, pos: Sequence[str] = ("noun", "verb"), num_workers: int | None = None
) -> list[tuple[str, int]]:
    """The ``n`` most frequent lemmas of the given kinds over all ``texts``."""
    analyses = analyze_many(texts, num_workers)
    counts = _count((lemmas_from_tokens(a.tokens) for a in analyses), frozenset(pos))
    for v in LIGHT_VERBS:
        counts.pop(v, None)
    return [(k, int(v)) for k, v in _ranked(counts, n)]


def keyword_candidates(items: Sequence[Lemma]) -> Counter[str]:
    """Term frequencies used by :func:`keywords` (also the unit for document frequencies)."""
    counts = _count([items], frozenset({"noun", "foreign", "hanja"}))
    for k in list(counts):
        if k in NEWS_STOPWORDS or (len(k) == 1 and k.isascii()):
            del counts[k]
    return counts


def keywords(
    text: str,
    n: int = 10,
    doc_freq: Mapping[str, int] | None = None,
    n_docs: int = 0,
    lemmas: Sequence[Lemma] | None = None,
) -> list[tuple[str, float]]:
    """Keywords of ``text``: tf-idf when ``doc_freq`` is given, else stopword-filtered frequency."""
    items = lemmas if lemmas is not None else lemmas_from_tokens(analyze_many([text])[0].tokens)
    tf = keyword_candidates(items)
    if doc_freq is None:
        return _ranked({k: float(v) for k, v in tf.items()}, n)
    total = max(n_docs, max(doc_freq.values(), default=0))
    scores = {k: v * (math.log((1 + total) / (1 + doc_freq.get(k, 0))) + 1.0) for k, v in tf.items()}
    return _ranked(scores, n)
