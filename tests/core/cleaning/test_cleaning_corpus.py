"""The labelled corpus (tests/corpus/cleaning): micro line-level F1 and per-page metadata."""
from __future__ import annotations

import pytest

from app.core.cleaning import clean

from corpus_eval import counts, load_corpus, prf

PAGES = load_corpus()


def test_corpus_is_large_and_varied() -> None:
    assert len(PAGES) >= 30
    assert sum(p.kind == "html" for p in PAGES) >= 10
    assert sum(p.kind == "text" for p in PAGES) >= 10


def test_micro_line_f1_is_at_least_0_97() -> None:
    total = [0, 0, 0]
    for page in PAGES:
        for i, n in enumerate(counts(clean(page.raw, page.kind).body, page.gold)):
            total[i] += n
    precision, recall, f1 = prf(*total)
    assert f1 >= 0.97, (precision, recall, f1)


@pytest.mark.parametrize("page", [p for p in PAGES if p.meta], ids=lambda p: p.name)
def test_page_metadata(page) -> None:
    article = clean(page.raw, page.kind)
    for field, expected in page.meta.items():
        assert getattr(article, field) == expected, field
