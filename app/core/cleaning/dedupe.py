"""Exact and near-exact repeated paragraphs.

Rules:
- Lines are compared on a key with whitespace and punctuation removed and letters lower-cased.
- Keys shorter than :data:`MIN_KEY` never count as duplicates (speaker labels such as ``[앵커]`` and
  short subheads legitimately repeat).
- Near duplicates: keys of at least :data:`NEAR_MIN_KEY` characters whose sampled character 4-gram
  sets have Jaccard similarity >= :data:`NEAR_JACCARD` and lengths within 20%.
- ``duplicate_of[i]`` is the index of the first occurrence (< i), or -1. Work is bounded: near
  matching looks at most :data:`NEAR_MAX_LINES` lines, near keys cut to 1,000 characters.
"""
from __future__ import annotations

import re
from collections import defaultdict

MIN_KEY = 12
NEAR_MIN_KEY = 30
NEAR_JACCARD = 0.8
NEAR_MAX_LINES = 4000
_MAX_POSTINGS = 48
_NON_WORD = re.compile(r"[\W_]+")


def dedupe_key(text: str) -> str:
    """Whitespace/punctuation-free lower-case key of a line."""
    return _NON_WORD.sub("", text[:4000]).lower()


def _shingles(key: str) -> set[str]:
    """Character 4-grams of ``key[:1000]``, sampled by their first character (deterministic)."""
    key = key[:1000]
    sampled = {key[i:i + 4] for i in range(len(key) - 3) if ord(key[i]) % 3 == 0}
    return sampled if len(sampled) >= 4 else {key[i:i + 4] for i in range(len(key) - 3)}


def find_duplicates(texts: list[str]) -> list[int]:
    """For each line, the index of an earlier line it repeats (exactly or nearly), else -1."""
    result = [-1] * len(texts)
    first: dict[str, int] = {}
    keys: list[str] = []
    for i, text in enumerate(texts):
        key = dedupe_key(text)
        keys.append(key)
        if len(key) < MIN_KEY:
            continue
        j = first.setdefault(key, i)
        if j != i:
            result[i] = j
    _near(keys, result)
    return result


def _near(keys: list[str], result: list[int]) -> None:
    index: dict[str, list[int]] = defaultdict(list)
    shingles: dict[int, set[str]] = {}
    seen = 0
    for i, key in enumerate(keys):
        if len(key) < NEAR_MIN_KEY:
            continue
        seen += 1
        if seen > NEAR_MAX_LINES:
            return
        if result[i] != -1:
            continue
        grams = _shingles(key)
        counts: dict[int, int] = defaultdict(int)
        for g in grams:
            for j in index.get(g, ()):
                counts[j] += 1
        best = -1
        for j, shared in sorted(counts.items()):
            other = shingles[j]
            if shared * 2 < min(len(grams), len(other)):
                continue
            lk, lo = len(key), len(keys[j])
            if min(lk, lo) < 0.8 * max(lk, lo):
                continue
            if shared / (len(grams) + len(other) - shared) >= NEAR_JACCARD:
                best = j
                break
        if best != -1:
            result[i] = result[best] if result[best] != -1 else best
            continue
        shingles[i] = grams
        for g in grams:
            postings = index[g]
            if len(postings) < _MAX_POSTINGS:
                postings.append(i)
