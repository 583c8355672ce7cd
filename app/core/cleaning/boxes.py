"""Boilerplate recognised from a line's neighbours rather than from the line alone.

Rules:
- Portal auto-summary ("요약봇"): once the box is known to be open (a summary disclaimer such as
  ``자동요약한 결과입니다`` is on the page), its sentences are ``portal-ui``: the unclassified lines
  between a ``요약봇`` header and a disclaimer below it (Naver), or, when the disclaimer comes first
  (Daum), up to :data:`MAX_SUMMARY_LINES` unclassified lines right after it, stopping at any
  classified line, a dateline fragment or lead, or a line longer than :data:`MAX_SUMMARY_CHARS`.
- A caption above a bare credit: the line right above ``[촬영 홍길동]`` / ``[연합뉴스 자료사진]`` /
  ``삼성전자 제공`` (not ``[사진=…]``, which may follow a photo without caption) is a
  ``photo-caption`` when it is short and not a sentence, or describes a scene (``…하고 있다.``).
- A table copied as text (one cell per line): a run of :data:`MIN_TABLE_CELLS`+ unclassified short
  non-sentence lines of which at least a third (and 2+) are figures (``12,300``, ``-3.5%``) is
  ``table``; table cells weigh 0 in the body run, so the body continues below the table.
"""
from __future__ import annotations

import re

from . import lexicon
from .patterns import CAPTION_SCENE, DATELINE_ONLY, is_bare_credit, is_sentence_like

MAX_SUMMARY_LINES = 3
MAX_SUMMARY_CHARS = 200
MAX_HEADER_GAP = 8
MAX_CAPTION_CHARS = 100
_SUMMARY_HEADERS = frozenset(("요약봇", "본문요약봇", "ai요약", "ai요약봇", "자동요약", "기사요약"))
_DISCLAIMERS = ("자동요약한결과", "자동추출기술로요약", "요약기술의특성상", "본문보기를권장", "기사전문을읽어야")
MIN_TABLE_CELLS = 4
MAX_CELL_CHARS = 24
_FIGURE = re.compile(r"^[-+±△▲▽▼]?\s*[\d][\d,.]*\s*(?:%|%p|배|원|억원|조원|만원|달러|억|조|만|건|명|곳|개|대|t|톤|kg|GW|MW)?$")
_DATELINE_LEAD = re.compile(r"^\s*[\[(【]\s*[^\])】]{1,24}(?:=|기자|특파원)[^\])】]{0,24}[\])】]")
"""A body lead (``[서울=뉴스1] 홍길동 기자 = …``, ``[이데일리 홍길동 기자] …``) ends a summary box."""
_CLOSE = frozenset(("닫기", "접기", "레이어닫기"))


def _is_disclaimer(key: str) -> bool:
    return len(key) <= 120 and any(d in key for d in _DISCLAIMERS)


def mark_summary_boxes(texts: list[str], reasons: list[str | None]) -> None:
    """Set ``portal-ui`` on auto-summary sentences (see module rules); edits ``reasons`` in place."""
    keys = [lexicon.squash(t[:200]) for t in texts]
    disclaimers = [i for i, k in enumerate(keys) if _is_disclaimer(k)]
    if not disclaimers:
        return
    for d in disclaimers:
        header = next((h for h in range(d - 1, max(-1, d - MAX_HEADER_GAP), -1) if keys[h] in _SUMMARY_HEADERS), None)
        between = range(header + 1, d) if header is not None else range(0)
        if header is not None and any(reasons[i] is None and not _is_disclaimer(keys[i]) for i in between):
            for i in between:
                if reasons[i] is None:
                    reasons[i] = "portal-ui"
            continue
        if header is None and not any(keys[h] in _SUMMARY_HEADERS for h in range(max(0, d - MAX_HEADER_GAP), d)):
            continue
        taken, i = 0, d + 1
        while i < len(texts) and (_is_disclaimer(keys[i]) or keys[i] in _CLOSE):
            i += 1
        while i < len(texts) and taken < MAX_SUMMARY_LINES:
            text = texts[i]
            if (reasons[i] is not None or len(text) > MAX_SUMMARY_CHARS or DATELINE_ONLY.match(text)
                    or _DATELINE_LEAD.match(text) or _is_disclaimer(keys[i])):
                break
            reasons[i] = "portal-ui"
            taken += 1
            i += 1


def mark_captions_above_credits(texts: list[str], reasons: list[str | None]) -> None:
    """Set ``photo-caption`` on caption text sitting right above a bare credit line."""
    for i in range(1, len(texts)):
        credit = texts[i]
        if reasons[i] != "photo-caption" or credit.lstrip("[(<").startswith("사진") or not is_bare_credit(credit):
            continue
        above = texts[i - 1]
        if reasons[i - 1] is None and len(above) <= MAX_CAPTION_CHARS and (
                not is_sentence_like(above) or CAPTION_SCENE.search(above)):
            reasons[i - 1] = "photo-caption"


def mark_text_tables(texts: list[str], reasons: list[str | None], zones: list[int]) -> None:
    """Set ``table`` on the cells of tables pasted one cell per line (plain text only)."""
    i, n = 0, len(texts)
    while i < n:
        j = i
        while (j < n and zones[j] == 0 and reasons[j] is None and len(texts[j]) <= MAX_CELL_CHARS
               and not is_sentence_like(texts[j])):
            j += 1
        if j - i >= MIN_TABLE_CELLS:
            figures = sum(1 for k in range(i, j) if _FIGURE.match(texts[k]))
            if figures >= 2 and figures * 3 >= j - i:
                for k in range(i, j):
                    reasons[k] = "table"
        i = max(j, i + 1)
