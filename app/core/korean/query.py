"""Query analysis: the query goes through the same lemma rules as the indexed text.

Rules:
- ``raw`` is the NFC query with surrounding whitespace removed: the substring path looks for it.
- Every content lemma of the query becomes a *group* of alternatives (``개발했다`` -> (개발, 개발하다),
  ``반도체를`` -> (반도체,), ``손잡다`` -> (손잡다,)). A document matches the lemma path when it holds
  at least one form of EVERY group (groups are AND-ed, alternatives OR-ed). Because the index stores
  the noun of every derived predicate, ``거절하다`` finds ``거절해`` and ``개발했다`` finds ``개발``.
- A query with no content lemma (only particles, punctuation...) has no groups: substring only.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.core.korean.lemmas import lemmas


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """What to look for: lemma groups (AND of ORs) and the raw substring."""

    raw: str
    groups: tuple[tuple[str, ...], ...]

    @property
    def terms(self) -> tuple[str, ...]:
        """All lemma forms of the plan, deduplicated, in order."""
        return tuple(dict.fromkeys(f for g in self.groups for f in g))


@lru_cache(maxsize=512)
def analyze_query(q: str) -> QueryPlan:
    """Analyse a search query (see module rules; results are cached)."""
    raw = unicodedata.normalize("NFC", q).strip()
    if not raw:
        return QueryPlan("", ())
    groups = tuple(dict.fromkeys(lem.forms for lem in lemmas(raw)))
    return QueryPlan(raw, groups)
