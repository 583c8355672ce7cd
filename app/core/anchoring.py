"""Highlights that survive a change of the body text (the Hypothesis web-annotation recipe).

An :class:`Anchor` stores a highlight three ways: its position, its exact quote, and up to ``CONTEXT``
characters before (prefix) and after (suffix). Offsets are Python code points in the NFC body.

Re-anchoring rules (:func:`reanchor`):
1. Same body (hash) and the quote still at its position -> ``exact``.
2. Quote at its position with prefix and suffix intact -> ``exact``.
3. Otherwise every occurrence of the exact quote is a candidate. Candidates whose prefix and suffix are
   intact beat all others; if there is none, candidates are scored by context similarity: bigram Dice of
   the stored prefix/suffix against the same-length windows around the candidate, each side weighted by
   its stored length. Candidates within ``TIE_MARGIN`` of the best are tied. A tie is broken by distance
   to the old position, or (in :func:`reanchor_all`) to the position predicted by the shift of the nearest
   highlight placed ``exact``/``moved``, only when the nearest candidate is ``DISTANCE_FACTOR`` times nearer
   than the next; else ``orphaned`` (context cannot tell them apart).
4. The winner is ``exact`` if it is the old position, ``moved`` when context similarity >= ``MOVED_MIN``,
   else ``fuzzy``; below ``FUZZY_MIN`` it is kept only if it is the single occurrence of a quote of at
   least ``LONG_QUOTE`` characters (a short quote such as "AI" with foreign context is a different "AI").
5. No occurrence -> ``orphaned``. A returned span always satisfies ``new_body[start:end] == quote``.
"""
from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

CONTEXT = 32
MOVED_MIN = 0.75
FUZZY_MIN = 0.35
LONG_QUOTE = 24
TIE_MARGIN = 0.1
DISTANCE_FACTOR = 4

Status = Literal["exact", "moved", "fuzzy", "orphaned"]


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    body_hash: str


@dataclass(frozen=True)
class Reanchored:
    status: Status
    start: int | None
    end: int | None

    @property
    def found(self) -> bool:
        return self.status != "orphaned"


ORPHANED = Reanchored("orphaned", None, None)


def body_hash(body: str) -> str:
    """SHA-256 hex digest of the NFC form of ``body`` (UTF-8)."""
    return hashlib.sha256(unicodedata.normalize("NFC", body).encode("utf-8", "surrogatepass")).hexdigest()


def make_anchor(body: str, start: int, end: int) -> Anchor:
    """Anchor for ``body[start:end]``; ``ValueError`` unless ``0 <= start < end <= len(body)``."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body)):
        raise ValueError(f"bad highlight range {start}..{end} for a body of {len(body)} characters")
    return Anchor(start=start, end=end, quote=body[start:end], prefix=body[max(0, start - CONTEXT):start],
                  suffix=body[end:end + CONTEXT], body_hash=body_hash(body))


def reanchor(anchor: Anchor, new_body: str) -> Reanchored:
    """Find ``anchor`` in ``new_body`` (see the module rules)."""
    return reanchor_all([anchor], new_body)[0]


def reanchor_all(anchors: Iterable[Anchor], new_body: str) -> list[Reanchored]:
    """Re-anchor many highlights on one body. The hash, the occurrences of each quote and the context
    windows are computed once and shared; a tie is retried against the position predicted by the shift
    of the nearest (by old position) highlight that was placed with intact context (rule 3)."""
    finder = _Finder(new_body)
    anchors = list(anchors)
    outcomes = [_reanchor(anchor, finder) for anchor in anchors]
    shifts = sorted((a.start, r.start - a.start) for a, r in zip(anchors, outcomes)
                    if isinstance(r, Reanchored) and r.start is not None and r.status in ("exact", "moved"))
    return [outcome if isinstance(outcome, Reanchored) else outcome.resolve(_nearest_shift(shifts, a.start))
            for a, outcome in zip(anchors, outcomes)]


def _nearest_shift(shifts: list[tuple[int, int]], old_start: int) -> int | None:
    i = bisect_left(shifts, (old_start, -(1 << 62)))
    near = [shifts[j] for j in (i - 1, i) if 0 <= j < len(shifts)]
    return min(near, key=lambda item: abs(item[0] - old_start))[1] if near else None


class _Finder:
    def __init__(self, body: str) -> None:
        self.body = body
        self._hash: str | None = None
        self._occurrences: dict[str, list[int]] = {}
        self._grams: dict[tuple[int, int], frozenset[str]] = {}

    @property
    def hash(self) -> str:
        if self._hash is None:
            self._hash = body_hash(self.body)
        return self._hash

    def occurrences(self, quote: str) -> list[int]:
        """Start of every (possibly overlapping) occurrence of ``quote``."""
        found = self._occurrences.get(quote)
        if found is None:
            found, body, pos = [], self.body, self.body.find(quote)
            while pos != -1:
                found.append(pos)
                pos = body.find(quote, pos + 1)
            self._occurrences[quote] = found
        return found

    def grams(self, lo: int, hi: int) -> frozenset[str]:
        key = (max(0, lo), max(0, hi))
        grams = self._grams.get(key)
        if grams is None:
            grams = self._grams[key] = _grams(self.body[key[0]:key[1]])
        return grams


def _reanchor(anchor: Anchor, finder: _Finder) -> Reanchored | _Tie:
    body, quote, start = finder.body, anchor.quote, anchor.start
    if not quote:
        return ORPHANED
    end = start + len(quote)
    at_old = start >= 0 and body.startswith(quote, start)
    if at_old and (anchor.body_hash == finder.hash or _context_intact(anchor, body, start)):
        return Reanchored("exact", start, end)
    starts = finder.occurrences(quote)
    if not starts:
        return ORPHANED
    intact = [s for s in starts if _context_intact(anchor, body, s)]
    scorer = _ContextScorer(anchor, finder)
    scored = [(1.0, s) for s in intact] or [(scorer.similarity(s), s) for s in starts]
    best = max(score for score, _ in scored)
    tie = _Tie(anchor, [s for score, s in scored if score >= best - TIE_MARGIN], len(starts), bool(intact), scorer)
    result = tie.resolve(0)
    return tie if result is ORPHANED and len(tie.candidates) > 1 else result


class _Tie:
    """Candidates that context cannot separate; distance to an expected position may."""

    def __init__(self, anchor: Anchor, candidates: list[int], occurrences: int, intact: bool,
                 scorer: _ContextScorer) -> None:
        self.anchor, self.candidates, self.occurrences = anchor, candidates, occurrences
        self.intact, self.scorer = intact, scorer

    def resolve(self, shift: int | None) -> Reanchored:
        if shift is None:
            return ORPHANED
        expected = self.anchor.start + shift
        near = sorted((abs(s - expected), s) for s in self.candidates)
        if len(near) > 1 and near[0][0] * DISTANCE_FACTOR > near[1][0]:
            return ORPHANED
        winner, quote = near[0][1], self.anchor.quote
        similarity = 1.0 if self.intact else self.scorer.similarity(winner)
        if similarity < FUZZY_MIN and (len(quote) < LONG_QUOTE or self.occurrences > 1):
            return ORPHANED
        if winner == self.anchor.start:
            status: Status = "exact"
        else:
            status = "moved" if similarity >= MOVED_MIN else "fuzzy"
        return Reanchored(status, winner, winner + len(quote))


def _context_intact(anchor: Anchor, body: str, start: int) -> bool:
    end = start + len(anchor.quote)
    return body[max(0, start - len(anchor.prefix)):start] == anchor.prefix and \
        body[end:end + len(anchor.suffix)] == anchor.suffix


class _ContextScorer:
    """Context similarity in [0, 1] of one anchor at candidate starts."""

    def __init__(self, anchor: Anchor, finder: _Finder) -> None:
        self.anchor, self.finder = anchor, finder
        self.prefix_grams, self.suffix_grams = _grams(anchor.prefix), _grams(anchor.suffix)
        self.cache: dict[int, float] = {}

    def similarity(self, start: int) -> float:
        score = self.cache.get(start)
        if score is None:
            score = self.cache[start] = self._similarity(start)
        return score

    def _similarity(self, start: int) -> float:
        a, finder = self.anchor, self.finder
        left_w, right_w = len(a.prefix), len(a.suffix)
        if left_w + right_w == 0:
            return 1.0
        end = start + len(a.quote)
        left = _dice(self.prefix_grams, finder.grams(start - left_w, start)) if left_w else 0.0
        right = _dice(self.suffix_grams, finder.grams(end, end + right_w)) if right_w else 0.0
        return (left * left_w + right * right_w) / (left_w + right_w)


def _grams(text: str) -> frozenset[str]:
    """Character bigrams (a 1-character text is its own gram)."""
    if len(text) < 2:
        return frozenset((text,)) if text else frozenset()
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))
