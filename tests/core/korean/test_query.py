"""Queries are analysed like the text."""
from __future__ import annotations

from app.core.korean.query import analyze_query


def test_query_examples(kiwi) -> None:
    assert analyze_query("반도체를").groups == (("반도체",),)
    assert analyze_query("개발했다").groups == (("개발", "개발하다"),)
    assert analyze_query("거절하다").groups == (("거절", "거절하다"),)
    assert analyze_query("손잡다").groups == (("손잡다",),)


def test_raw_is_stripped_nfc(kiwi) -> None:
    import unicodedata

    plan = analyze_query("  " + unicodedata.normalize("NFD", "반도체") + " ")
    assert plan.raw == "반도체"


def test_empty_and_grammar_only_queries(kiwi) -> None:
    assert analyze_query("   ").raw == ""
    assert analyze_query("...").groups == ()
