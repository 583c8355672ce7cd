"""Keep/remove decisions for the lines of one article (plain text, or HTML block lines).

Rules:
1. Per-line facts (:mod:`facts`): boilerplate reason, sentence strength, repeats, author lines.
2. Lines outside an HTML content region (``zone == -1``) are removed.
3. The body run (:mod:`span`); inside it lines without a reason are kept (short subheads stay),
   everything outside it is removed (``not-body`` unless a more specific reason applies).
4. A repeat of a kept line is removed as ``duplicate`` (the first copy is kept).
5. The headline is the page's meta title (HTML) or, in text, a pre-body line: one repeated later
   (``제목 원본보기 아이콘``), else the first 15+ character line followed by a by-line/date, else the
   first 15+ character line. It and its copies get reason ``title``.
6. An author line outside the body, or repeated, is a ``byline-date``; link-only lines and headlines
   listed under an inline ``[관련기사]`` box are ``related-news`` (the box ends at the next sentence, a
   ``■``/``◆`` subhead, or in HTML an unlinked line after linked items).
7. Metadata (:mod:`metadata`) is read from the first kept lines (dateline leads) and from the
   classified lines of the first and last :data:`META_WINDOW` lines.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from . import lexicon, metadata
from .facts import Facts, gather
from .lines import Line
from .patterns import SUBHEAD_LEAD
from .span import body_mask, body_run

META_WINDOW = 300
TITLE_MIN_CHARS = 15


@dataclass
class Decisions:
    """Per-line outcome: ``reasons[i]`` is None exactly for kept lines."""

    reasons: list[str | None]
    title: str | None
    outlet: str | None
    reporter: str | None
    published_at: str | None


def decide(lines: list[Line], meta_title: str | None = None, region: bool = False,
           use_kiwi: bool = True) -> Decisions:
    """Decide every line (see module rules). ``region``: zone-1 lines come from a content region."""
    f = gather(lines, use_kiwi)
    run = body_run(f, region)
    title, title_at = meta_title, None
    if title is None:
        title_at = _title_index(f, run[0] if run else len(lines))
        title = lines[title_at].text if title_at is not None else None
    title_key = lexicon.squash(title) if title else ""
    in_body = body_mask(f, run, region, title_at, title_key)
    final = _final_reasons(f, in_body, title or "", title_key)
    return Decisions(final, title, *_metadata(f, final))


def _title_index(f: Facts, body_start: int) -> int | None:
    lines, keys = f.lines, f.keys
    cands = [i for i in range(body_start) if lines[i].zone >= 0 and f.reasons[i] is None and not f.speaker[i]
             and not f.author[i] and f.strengths[i] < 1.0 and 6 <= len(lines[i].text) <= 200][:40]
    for i in cands:
        k = keys[i]
        if any(j != i and len(keys[j]) < len(k) + 20 and keys[j].startswith(k) for j in range(min(len(lines), 3000))):
            return i
    long = [i for i in cands if len(lines[i].text) >= TITLE_MIN_CHARS]
    for i in long:
        if any(f.reasons[j] == "byline-date" for j in range(i + 1, min(i + 4, len(lines)))):
            return i
    if long:
        return long[0]
    heading = next((i for i in cands if lines[i].heading), None)
    return heading if heading is not None else next((i for i in cands if len(lines[i].text) >= 10), None)


def _is_title_copy(text: str, key: str, title: str, title_key: str) -> bool:
    """``text`` is the headline, or the headline followed by UI words (``… 원본보기 아이콘``)."""
    if key == title_key:
        return True
    if title_key and key.startswith(title_key) and len(key) < len(title_key) + 20:
        rest = text.replace(title, " ", 1) if title in text else text[len(title):]
        return lexicon.lexicon_category(rest.strip()) is not None
    return False


def _final_reasons(f: Facts, in_body: list[bool], title: str, title_key: str) -> list[str | None]:
    n = len(f.lines)
    final: list[str | None] = [None] * n
    author_counts = Counter(f.keys[i] for i in range(n) if f.author[i])
    in_box = box_links = False
    for i, line in enumerate(f.lines):
        reason = f.reasons[i]
        if reason is None and title_key and _is_title_copy(line.text, f.keys[i], title, title_key):
            reason = "title"
        if reason is None and f.dup[i] != -1 and final[f.dup[i]] is None:
            reason = "duplicate"
        if reason is None and f.author[i] and (not in_body[i] or author_counts[f.keys[i]] > 1):
            reason = "byline-date"
        if reason is None and not in_body[i]:
            reason = "duplicate" if f.dup[i] != -1 else (line.hint if line.zone == -1 and line.hint else "not-body")
        if reason is None and line.link_ratio >= 0.8 and f.strengths[i] == 0 and len(line.text) < 120:
            reason = line.hint or "related-news"
        if f.strengths[i] > 0:
            in_box = False
        elif in_body[i] and lexicon.is_terminator(line.text):
            in_box, box_links = True, False
        elif reason is None and in_box and not f.speaker[i]:
            if _ends_box(line, box_links):
                in_box = False
            else:
                reason = "related-news"
        if in_box and line.link_ratio >= 0.5:
            box_links = True
        final[i] = reason
    return final


def _ends_box(line: Line, box_links: bool) -> bool:
    """A subhead (``■ …``) or, after linked items, an unlinked article line ends an inline box."""
    if SUBHEAD_LEAD.match(line.text):
        return True
    return box_links and line.zone == 1 and line.link_ratio == 0 and line.hint is None


def _metadata(f: Facts, final: list[str | None]) -> tuple[str | None, str | None, str | None]:
    meta = metadata.TextMeta()
    n = len(f.lines)
    window = list(range(min(n, META_WINDOW))) + list(range(max(META_WINDOW, n - META_WINDOW), n))
    body_start = next((i for i in range(n) if final[i] is None and f.strengths[i] > 0), n)
    leads = 0
    for i in window:
        text = f.lines[i].text
        if final[i] is None and leads < 3:
            leads += 1
            metadata.read_lead(text, meta)
        reason = f.reasons[i] or ("byline-date" if f.author[i] else None)
        if reason is not None:
            metadata.read_line(text, reason, meta, header=i < body_start)
    return meta.best("outlet"), meta.best("reporter"), meta.best("date")
