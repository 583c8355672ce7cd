"""Which lines form the article body: weights, the maximum-sum run, and its extensions.

Rules:
- Weights: sentences score by length (:func:`scoring.sentence_weight`); repeats 0; speaker labels
  +0.3; neutral lines -0.6 in plain text (-0.15 for list items), +0.2 inside an HTML content region;
  boilerplate negative by reason (:data:`scoring.WEIGHTS`), section headings (``많이 본 뉴스``) -8.
- A section heading with no sign-off/copyright since the last sentence is an inline box
  (``[관련기사]`` between paragraphs) and weighs only :data:`INLINE_BOX_WEIGHT`.
- Inside a content region negative weights are damped by :data:`REGION_DAMPING`.
- A copyright notice closes the article: a best run starting after one loses to the best run
  before it when that earlier run weighs at least :data:`MIN_CLOSED_SHARE` of it (bare comments).
- The body is the maximum-sum contiguous run, extended back over transcript labels and list items,
  and (plain text) over up to :data:`MAX_SUBTITLE_LINES` subtitle lines right above it; photo
  captions and split datelines (``(세종=연합뉴스) 홍길동 기자 =``) may sit between. Subtitles are
  12-120 characters, not the title, and do not end like UI prompts (``…해줘요``).
- No positive run: keep the region (HTML) or the lines of 20+ characters (text).
"""
from __future__ import annotations

from . import lexicon
from .facts import Facts
from .lines import Line
from .patterns import DATELINE_ONLY, LIST_ITEM
from .scoring import WEIGHTS, best_span, sentence_weight

REGION_DAMPING = 0.4
MIN_CLOSED_SHARE = 0.25
INLINE_BOX_WEIGHT = -3.0
MAX_SUBTITLE_LINES = 3
MIN_SUBTITLE_CHARS = 12
_CLOSERS = frozenset({"signoff-email", "copyright"})
_UI_ENDINGS = ("요", "죠", "니다", "세요", "까", "!", "?")


def line_weight(line: Line, reason: str | None, strength: float, dup: bool, speaker: bool, author: bool,
                region: bool) -> float:
    """Body evidence of one line (positive) or evidence against (negative)."""
    if lexicon.is_terminator(line.text):
        return WEIGHTS["terminator"]
    if reason is not None:
        return WEIGHTS.get(reason, -1.0)
    if dup:
        return 0.0
    if strength > 0:
        return sentence_weight(line.text, strength)
    if speaker:
        return 0.3
    if author:
        return -1.0
    if line.link_ratio >= 0.6:
        return -1.5
    text = line.text
    if text.endswith(("…", "...")) and len(text) >= 30:
        return -1.0
    if region and line.zone == 1:
        return 0.2
    return -0.15 if LIST_ITEM.match(text) else -0.6


def _soften_inline_boxes(weights: list[float], reasons: list[str | None], strengths: list[float]) -> None:
    closed = False
    for pos, w in enumerate(weights):
        if strengths[pos] > 0:
            closed = False
        elif reasons[pos] in _CLOSERS:
            closed = True
        elif w == WEIGHTS["terminator"] and not closed:
            weights[pos] = INLINE_BOX_WEIGHT


def body_run(f: Facts, region: bool) -> tuple[int, int] | None:
    """(first, last) line indices of the maximum-sum run, before extensions; None if none is positive."""
    eligible = f.eligible
    weights = [line_weight(f.lines[i], f.reasons[i], f.strengths[i], f.dup[i] != -1, f.speaker[i], f.author[i],
                           region) for i in eligible]
    _soften_inline_boxes(weights, [f.reasons[i] for i in eligible], [f.strengths[i] for i in eligible])
    if region:
        weights = [w * REGION_DAMPING if w < 0 else w for w in weights]
    run = _before_copyright(weights, [f.reasons[i] for i in eligible])
    return (eligible[run[0]], eligible[run[1]]) if run else None


def _before_copyright(weights: list[float], reasons: list[str | None]) -> tuple[int, int] | None:
    """The maximum-sum run, unless it starts after a copyright notice that closes an earlier run
    worth at least :data:`MIN_CLOSED_SHARE` of it (comments pasted below the article)."""
    run = best_span(weights)
    if run is None:
        return None
    first_sentence = next((p for p, w in enumerate(weights) if w > 0), None)
    closing = next((p for p, r in enumerate(reasons) if r == "copyright" and first_sentence is not None
                    and p > first_sentence), None)
    if closing is None or run[0] <= closing:
        return run
    earlier = best_span(weights[:closing])
    if earlier is None:
        return run
    total = sum(weights[run[0]:run[1] + 1])
    if sum(weights[earlier[0]:earlier[1] + 1]) >= MIN_CLOSED_SHARE * total:
        return earlier
    return run


def body_mask(f: Facts, run: tuple[int, int] | None, region: bool, title_at: int | None, title_key: str) -> list[bool]:
    """Whether each line lies in the body run after the extensions of the module rules."""
    n = len(f.lines)
    eligible = f.eligible
    mask = [False] * n
    if run is None:
        for i in eligible:
            mask[i] = f.lines[i].zone == 1 if region else len(f.lines[i].text) >= 20
        return mask
    pos = {i: p for p, i in enumerate(eligible)}
    first, last = pos[run[0]], pos[run[1]]
    while first > 0 and _extends(f, eligible[first - 1]):
        first -= 1
    for p in range(first, last + 1):
        mask[eligible[p]] = True
    if not region:
        for i in _subtitles(f, eligible[:first], title_at, title_key):
            mask[i] = True
    return mask


def _extends(f: Facts, i: int) -> bool:
    text = f.lines[i].text
    return f.reasons[i] is None and (f.speaker[i] or (LIST_ITEM.match(text) is not None and len(text) <= 120))


def _subtitles(f: Facts, before: list[int], title_at: int | None, title_key: str) -> list[int]:
    found: list[int] = []
    for i in reversed(before):
        text = f.lines[i].text
        if f.reasons[i] == "photo-caption" or (f.reasons[i] == "byline-date" and is_lead_fragment(text)):
            continue
        if (i == title_at or f.reasons[i] is not None or f.dup[i] != -1 or f.author[i] or f.strengths[i] > 0
                or text.endswith(_UI_ENDINGS) or f.keys[i] == title_key
                or not MIN_SUBTITLE_CHARS <= len(text) <= 120 or len(found) >= MAX_SUBTITLE_LINES):
            break
        found.append(i)
    return found


def is_lead_fragment(text: str) -> bool:
    """A dateline split from its paragraph: ``(세종=연합뉴스) 홍길동 기자 =``, ``서울--(뉴스와이어) … --``."""
    return bool(DATELINE_ONLY.match(text)) or text.endswith(("=", "--", "—", "–"))
