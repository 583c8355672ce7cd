"""Re-anchoring an article's highlights when its body changes.

Rule: a highlight is moved only to text equal to its stored quote; otherwise it is kept, marked
``orphaned`` with its quote, and listed for the analyst. Nothing is deleted.
"""
from __future__ import annotations

from app.core.anchoring import Anchor, make_anchor, reanchor_all
from app.storage.models import Article, utcnow


def reanchor_article(art: Article, new_body: str) -> tuple[int, int]:
    """Move ``art``'s highlights onto ``new_body``; returns (anchored, orphaned)."""
    highlights = list(art.highlights)
    anchors = [Anchor(h.start, h.end, h.quote, h.prefix, h.suffix, h.body_hash) for h in highlights]
    results = reanchor_all(anchors, new_body)
    orphaned = 0
    for h, r in zip(highlights, results):
        if r.status == "orphaned" or r.start is None or r.end is None:
            if not h.orphaned:
                h.orphaned = True
                h.updated_at = utcnow()
            orphaned += 1
            continue
        a = make_anchor(new_body, r.start, r.end)
        if (h.start, h.end, h.orphaned) != (a.start, a.end, False) or h.body_hash != a.body_hash:
            h.start, h.end, h.prefix, h.suffix, h.body_hash = a.start, a.end, a.prefix, a.suffix, a.body_hash
            h.orphaned = False
    return len(highlights) - orphaned, orphaned
