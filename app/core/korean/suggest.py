"""Auto-coding suggestions: sentences whose lemmas satisfy a tag's rule.

Rules:
- A rule string lists entries separated by commas, semicolons or new lines
  (``"정부, 지원, 육성, 정책, 중기부"``). Each entry is normalised like search text: an entry that
  analyses to ONE lemma is matched by lemma (``지원하다`` -> 지원, matching 지원해/지원을); an entry
  that analyses to several lemmas or none (a compound such as ``중소벤처기업부``) is matched as a
  case-insensitive substring of the sentence. Empty entries are ignored.
- A sentence (see :func:`~app.core.korean.analyzer.sentence_spans`) is suggested for a rule when it
  contains at least ``min(min_hits, number of entries)`` DISTINCT entries; repeated mentions of
  one entry count once. ``matched`` lists the matched entries (their lemma keys) sorted.
- Suggestions come sorted by position, then tag id.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.korean.analyzer import Analysis, Token, analyze
from app.core.korean.lemmas import lemmas, lemmas_from_tokens

_SEP = re.compile(r"[,;\n\r]+")
_SUBSTRING_PREFIX = "~"  # marks an entry matched as a substring


@dataclass(frozen=True, slots=True)
class TagRule:
    """A tag's rule: lemma keys (``~text`` = substring entry) and the hits a sentence needs."""

    tag_id: int
    lemmas: frozenset[str]
    min_hits: int = 2


@dataclass(frozen=True, slots=True)
class Suggestion:
    tag_id: int
    start: int
    end: int
    matched: tuple[str, ...]


def normalise_entry(entry: str) -> str | None:
    """The key of one rule entry: its lemma, or ``~lowercased text`` for compounds."""
    e = unicodedata.normalize("NFC", entry).strip()
    if not e:
        return None
    found = lemmas(e)
    if len(found) == 1:
        return found[0].form
    return _SUBSTRING_PREFIX + e.lower()


def parse_rule(tag_id: int, rule: str, min_hits: int = 2) -> TagRule:
    """Parse a rule string such as ``"정부, 지원, 육성, 정책, 중기부"``."""
    keys = {k for k in (normalise_entry(p) for p in _SEP.split(rule)) if k}
    return TagRule(tag_id, frozenset(keys), min_hits)


def suggest(
    body: str,
    rules: Iterable[TagRule],
    tokens: Sequence[Token] | None = None,
    analysis: Analysis | None = None,
) -> list[Suggestion]:
    """Sentences of ``body`` matching each rule (see module rules).

    Pass ``analysis`` (or at least ``tokens``) of ``body`` to avoid analysing it again.
    """
    rules = [r for r in rules if r.lemmas]
    if not rules:
        return []
    if analysis is None:
        analysis = analyze(body) if tokens is None else None
    toks = analysis.tokens if analysis is not None else tuple(tokens or ())
    if analysis is not None:
        spans = list(analysis.sentences)
    else:
        by_sent: dict[int, tuple[int, int]] = {}
        for t in toks:
            s, e = by_sent.get(t.sent, (t.start, t.end))
            by_sent[t.sent] = (min(s, t.start), max(e, t.end))
        spans = [by_sent[k] for k in sorted(by_sent)]
    per_sent: dict[int, set[str]] = {}
    for lem in lemmas_from_tokens(toks):
        per_sent.setdefault(lem.sent, set()).update(lem.forms)
    out: list[Suggestion] = []
    for idx, (s, e) in enumerate(spans):
        have = per_sent.get(idx, set())
        lowered = body[s:e].lower()
        for rule in rules:
            hit = sorted(
                k
                for k in rule.lemmas
                if (k[1:] in lowered if k.startswith(_SUBSTRING_PREFIX) else k in have)
            )
            if hit and len(hit) >= min(rule.min_hits, len(rule.lemmas)):
                out.append(Suggestion(rule.tag_id, s, e, tuple(hit)))
    out.sort(key=lambda x: (x.start, x.tag_id))
    return out
