"""Exact and near-exact repeated paragraphs.

Rules:
- Lines are compared on a key with whitespace and punctuation removed and letters lower-cased, so
  copies differing only in spacing or punctuation are exact repeats.
- Keys shorter than :data:`MIN_KEY` never count as duplicates (speaker labels such as ``[앵커]`` and
  short subheads legitimately repeat).
- Near repeats (a word changed, a credit appended): keys of at least :data:`NEAR_MIN_KEY` characters
  sharing their first or last :data:`ANCHOR` characters with an earlier key, lengths within 20%, and
  Dice similarity of their character-bigram sets >= :data:`NEAR_SIMILARITY`.
- ``duplicate_of[i]`` is the index of the first occurrence (< i), or -1. Work is bounded: keys are
  cut to 4,000 characters and each line is compared with at most :data:`MAX_CANDIDATES` lines.
"""
from __future__ import annotations

import re

MIN_KEY = 12
NEAR_MIN_KEY = 30
NEAR_SIMILARITY = 0.85
ANCHOR = 12
MAX_CANDIDATES = 8
_NON_WORD = re.compile(r"[\W_]+")


def dedupe_key(text: str) -> str:
    """Whitespace/punctuation-free lower-case key of a line."""
    return _NON_WORD.sub("", text[:4000]).lower()


def _bigrams(key: str) -> frozenset[str]:
    return frozenset(key[i:i + 2] for i in range(min(len(key), 1000) - 1))


def _similar(a: str, b: str, ga: frozenset[str], gb: frozenset[str]) -> bool:
    if min(len(a), len(b)) < 0.8 * max(len(a), len(b)):
        return False
    return 2 * len(ga & gb) >= NEAR_SIMILARITY * (len(ga) + len(gb))


def find_duplicates(texts: list[str]) -> list[int]:
    """For each line, the index of an earlier line it repeats (exactly or nearly), else -1."""
    result = [-1] * len(texts)
    first: dict[str, int] = {}
    heads: dict[str, list[int]] = {}
    tails: dict[str, list[int]] = {}
    keys: list[str] = []
    bigrams: dict[int, frozenset[str]] = {}
    for i, text in enumerate(texts):
        key = dedupe_key(text)
        keys.append(key)
        if len(key) < MIN_KEY:
            continue
        j = first.setdefault(key, i)
        if j != i:
            result[i] = j
            continue
        if len(key) < NEAR_MIN_KEY:
            continue
        head, tail = key[:ANCHOR], key[-ANCHOR:]
        cands = heads.get(head, []) + tails.get(tail, [])
        grams = _bigrams(key) if cands else frozenset()
        for j in cands:
            if _similar(key, keys[j], grams, bigrams[j]):
                result[i] = j
                break
        else:
            for index, anchor in ((heads, head), (tails, tail)):
                bucket = index.setdefault(anchor, [])
                if len(bucket) < MAX_CANDIDATES:
                    bucket.append(i)
                    if i not in bigrams:
                        bigrams[i] = grams or _bigrams(key)
    return result
