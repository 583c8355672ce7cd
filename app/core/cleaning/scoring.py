"""Sentence strength of lines, sentence weights, and the maximum-sum run (used by :mod:`span`).

Rules:
- Sentence strength: 1.0 when a line ends in terminal punctuation right after a Hangul final-ending
  syllable (``…했다.``, ``…인가요?``) or is a Latin sentence of 6+ words; 0.6 for a long line that
  ends in ``다`` without a period; Kiwi decides only the ambiguous rest (terminal punctuation after
  another syllable, or a long unpunctuated line), on the last ~80 characters, for at most
  :data:`MAX_KIWI_LINES` lines per document. Without Kiwi those lines count as not sentences.
- A sentence weighs ``(1 + min(len, 400) / 40) * strength``; :data:`WEIGHTS` gives the negative
  weight of each boilerplate reason (``table`` cells weigh 0: the body continues below a data table).
  :func:`best_span` is Kadane's maximum-sum run.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .patterns import EF_SYLLABLES, HANGUL, tail_state

MAX_KIWI_LINES = 200
KIWI_TAIL = 80
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_PAREN_TAIL = re.compile(r"\s*[(\[][^()\[\]]{1,30}[)\]]\s*$")
_INNER_END = re.compile(r"[다요][.!?][\"'”’)]?\s")
_SKIP_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW", "SH", "SL", "SN", "SB",
                        "W_URL", "W_EMAIL", "W_HASHTAG", "W_MENTION", "W_SERIAL", "W_EMOJI"})

WEIGHTS: dict[str, float] = {
    "copyright": -8.0, "terminator": -8.0, "related-news": -3.0, "comment-widget": -3.0,
    "portal-ui": -2.0, "share-print-font": -2.0, "promo-link": -2.0, "signoff-email": -2.0,
    "byline-date": -1.0, "ad": -1.0, "title": -1.0, "photo-caption": -0.5, "not-body": -1.0,
    "table": 0.0,
}


def _cheap_strength(line: str) -> tuple[float, bool]:
    """(strength, ambiguous) from punctuation and the final syllable only."""
    n = len(line)
    punct, last = tail_state(line)
    if not punct and _PAREN_TAIL.search(line[-40:]):
        punct, last = tail_state(_PAREN_TAIL.sub("", line[-60:]))
    if last and HANGUL.match(last):
        if punct:
            return (1.0, False) if last in EF_SYLLABLES else (0.0, n >= 10)
        if n >= 150 and len(_INNER_END.findall(line[:2000])) >= 2:
            return 0.6, False
        if last == "다" and n >= 50:
            return 0.6, False
        return 0.0, n >= 60
    if punct and len(_LATIN_WORD.findall(line[:600])) >= 6 and not HANGUL.search(line[-200:]):
        return 1.0, False
    if n >= 150 and len(_INNER_END.findall(line[:2000])) >= 2:
        return 0.6, False
    return 0.0, False


def _tail(line: str) -> str:
    tail = line[-KIWI_TAIL:]
    cut = tail.find(" ")
    return tail[cut + 1:] if 0 <= cut < len(tail) // 2 else tail


def _kiwi_final_endings(tails: list[str]) -> list[bool]:
    """Whether Kiwi tags the last word of each tail as a final ending (EF)."""
    try:
        from app.core.kiwi_instance import get_kiwi

        results = get_kiwi().tokenize(tails)
    except Exception:  # Kiwi missing or failing: ambiguous lines are not sentences
        return [False] * len(tails)
    out: list[bool] = []
    for tokens in results:
        verdict = False
        for tok in reversed(tokens):
            if tok.tag in _SKIP_TAGS:
                continue
            verdict = tok.tag == "EF"
            break
        out.append(verdict)
    return out


def sentence_strengths(texts: Sequence[str | None], use_kiwi: bool = True) -> list[float]:
    """Sentence strength per line; ``None`` entries (already classified lines) get 0."""
    strengths = [0.0] * len(texts)
    ambiguous: list[tuple[int, bool]] = []
    for i, text in enumerate(texts):
        if text is None:
            continue
        strength, unsure = _cheap_strength(text)
        strengths[i] = strength
        if unsure and len(ambiguous) < MAX_KIWI_LINES:
            ambiguous.append((i, tail_state(text)[0]))
    if ambiguous and use_kiwi:
        verdicts = _kiwi_final_endings([_tail(texts[i] or "") for i, _ in ambiguous])
        for (i, punct), is_ef in zip(ambiguous, verdicts):
            if is_ef:
                strengths[i] = 1.0 if punct else 0.6
    return strengths


def sentence_weight(text: str, strength: float) -> float:
    """Positive weight of a sentence line: longer paragraphs count more (capped)."""
    return (1.0 + min(len(text), 400) / 40.0) * strength


def best_span(weights: Sequence[float]) -> tuple[int, int] | None:
    """Inclusive (first, last) positions of the maximum-sum run, or None if no run is positive."""
    best_sum, best = 0.0, None
    run_sum, run_start = 0.0, 0
    for i, w in enumerate(weights):
        if run_sum <= 0:
            run_sum, run_start = w, i
        else:
            run_sum += w
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    return best
