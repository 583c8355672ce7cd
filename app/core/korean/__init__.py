"""Korean text analysis for Bonmun (no Qt, no database): one Kiwi pass per text.

- :mod:`.analyzer`  tokens + sentence spans with offsets into the original text
- :mod:`.lemmas`    normalised lemmas (the vocabulary of search, stats, suggestions)
- :mod:`.query`     query analysis (same rules as the text)
- :mod:`.snapping`  selection snapping to eojeol / morpheme boundaries
- :mod:`.stats`     frequent lemmas, keywords
- :mod:`.suggest`   rule-based tag suggestions per sentence
- :mod:`.matching`  surface spans of a query in a text (Ctrl+F, snippets)
- :mod:`.indexing`  what the search index stores (lemma texts, substring grams), no database
"""
from app.core.korean.analyzer import Analysis, Token, analyze, analyze_many, sentence_spans
from app.core.korean.lemmas import Lemma, lemma_text, lemma_texts, lemmas
from app.core.korean.matching import search_in_text
from app.core.korean.query import QueryPlan, analyze_query
from app.core.korean.snapping import snap_eojeol, snap_morpheme
from app.core.korean.stats import keywords, top_lemmas
from app.core.korean.suggest import Suggestion, TagRule, parse_rule, suggest

__all__ = [
    "Analysis",
    "Lemma",
    "QueryPlan",
    "Suggestion",
    "TagRule",
    "Token",
    "analyze",
    "analyze_many",
    "analyze_query",
    "keywords",
    "lemma_text",
    "lemma_texts",
    "lemmas",
    "parse_rule",
    "search_in_text",
    "sentence_spans",
    "snap_eojeol",
    "snap_morpheme",
    "suggest",
    "top_lemmas",
]
