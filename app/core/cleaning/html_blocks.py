"""Visible text lines of a parsed HTML page, with structural hints.

Rules:
- A block element (``p``, ``div``, ``li``, ``h1``…), ``<br>``, the container and any element whose
  tag/class/id carries a hint (``em.img_desc``) or names a summary/subtitle (``strong.media_end_summary``)
  end a line; other inline text joins.
- Scripts, styles, comments, forms' hidden parts are removed before walking (``strip_hidden``).
- Each line carries: ``zone`` 1 when inside the chosen article container (else 0), a ``hint`` from
  the nearest ancestor (at most 5 levels up, 3 for captions; none from above the container) whose tag/class/id names a kind of boilerplate (``figcaption`` ->
  photo-caption, ``class="related_news"`` -> related-news ...), the share of its text inside links,
  and whether it is a heading.
- Outside the container, a navigation/aside/footer/list element (or one whose class names a menu,
  related list, share bar or ad) that is mostly link text (>= 60% of 80+ characters) becomes one
  line and is not walked further: menus are removed whole, and cheaply.
- The walk is iterative (no recursion); :data:`MAX_DEPTH` reports suspiciously deep trees (libxml2
  silently truncates beyond ~255 levels, losing text), so the caller can fall back.
"""
from __future__ import annotations

import re

from lxml import etree

from .lines import Line

MAX_DEPTH = 200
HINT_REACH = 5
HINT_REACH_CAPTION = 3
BLOCK = frozenset("""address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody thead
tfoot tr td th ul caption button label select option input textarea legend html""".split())
HIDDEN = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "head", "math",
          "video", "audio", "map", "textarea", "select")
HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_TAG_HINTS = {"table": "table", "figcaption": "photo-caption", "nav": "portal-ui", "footer": "portal-ui", "aside": "related-news",
              "button": "share-print-font", "form": "comment-widget", "header": "portal-ui", "menu": "portal-ui"}
_HINT_WORDS: tuple[tuple[str, str], ...] = (
    ("caption", "photo-caption"), ("img_desc", "photo-caption"), ("photo_desc", "photo-caption"),
    ("imgdesc", "photo-caption"), ("end_photo", "photo-caption"), ("photo", "photo-caption"), ("figure", "photo-caption"),
    ("thumb", "photo-caption"), ("comment", "comment-widget"), ("cmt", "comment-widget"), ("reply", "comment-widget"),
    ("u_cbox", "comment-widget"), ("talk", "comment-widget"), ("livere", "comment-widget"), ("disqus", "comment-widget"),
    ("related", "related-news"), ("relation", "related-news"), ("ranking", "related-news"), ("popular", "related-news"),
    ("most", "related-news"), ("recommend", "related-news"), ("rank", "related-news"), ("hotissue", "related-news"),
    ("newslist", "related-news"), ("news_list", "related-news"), ("sidebar", "related-news"),
    ("aside", "related-news"), ("copyright", "copyright"), ("c_text", "copyright"), ("byline", "byline-date"),
    ("reporter", "byline-date"), ("journalist", "byline-date"), ("writer", "byline-date"), ("author", "byline-date"),
    ("datestamp", "byline-date"), ("date", "byline-date"), ("share", "share-print-font"), ("sns", "share-print-font"),
    ("print", "share-print-font"), ("font", "share-print-font"), ("scrap", "share-print-font"),
    ("bookmark", "share-print-font"), ("tts", "share-print-font"), ("reaction", "share-print-font"),
    ("like", "share-print-font"), ("util", "share-print-font"), ("tool", "share-print-font"), ("advert", "ad"),
    ("banner", "ad"), ("sponsor", "ad"), ("adsby", "ad"), ("dable", "ad"), ("taboola", "ad"), ("gnb", "portal-ui"),
    ("lnb", "portal-ui"), ("snb", "portal-ui"), ("menu", "portal-ui"), ("nav", "portal-ui"), ("header", "portal-ui"),
    ("footer", "portal-ui"), ("breadcrumb", "portal-ui"), ("skip", "portal-ui"), ("login", "portal-ui"),
    ("search", "portal-ui"), ("subscribe", "portal-ui"), ("logo", "portal-ui"), ("sitemap", "portal-ui"),
    ("top_btn", "portal-ui"), ("btn_top", "portal-ui"), ("gotop", "portal-ui"), ("promo", "promo-link"), ("paywall", "promo-link"),
)
_BOUNDARY = re.compile(r"summary|subtitle|sub_title|subhead|sub-title|lead|heading")
_AD_TOKENS = frozenset(("ad", "ads", "adv", "ad_area", "adarea", "adwrap", "adbox", "googleads", "gpt"))
_SPLIT = re.compile(r"[^a-z0-9_]+")
_hint_cache: dict[tuple[str, str], str | None] = {}


def strip_hidden(tree) -> None:
    """Remove invisible elements (scripts, styles, comments ...) keeping the text that follows them."""
    etree.strip_elements(tree, *HIDDEN, etree.Comment, etree.ProcessingInstruction, with_tail=False)


def _attr_hint(cls: str, ident: str) -> str | None:
    key = (cls, ident)
    if key in _hint_cache:
        return _hint_cache[key]
    text = f"{cls} {ident}".lower()
    hint = None
    for token in _SPLIT.split(text):
        if token in _AD_TOKENS or token.startswith(("ad_", "ads_", "adv_")) or token.endswith(("_ad", "_ads")):
            hint = "ad"
            break
    if hint is None:
        hint = next((h for word, h in _HINT_WORDS if word in text), None)
    if len(_hint_cache) < 20000:
        _hint_cache[key] = hint
    return hint


_ROOT: tuple[str | None, int, int, bool, bool, bool] = (None, 0, 0, False, False, False)
_COLLAPSE_TAGS = frozenset(("nav", "footer", "aside", "ul", "ol", "menu"))
_COLLAPSE_HINTS = frozenset(("portal-ui", "related-news", "share-print-font", "ad"))
COLLAPSE_MIN_CHARS = 80
COLLAPSE_LINK_RATIO = 0.6


def _chrome_line(el, zone: int, hint: str | None) -> Line | None:
    """The whole text of ``el`` as one line when it is mostly links (navigation, link lists)."""
    text = " ".join("".join(el.itertext()).split())
    if len(text) < COLLAPSE_MIN_CHARS:
        return None
    links = sum(len("".join(a.itertext()).strip()) for a in el.iter("a"))
    ratio = min(1.0, links / len(text))
    if ratio < COLLAPSE_LINK_RATIO:
        return None
    return Line(text, -1, -1, zone=zone, hint=hint, link_ratio=ratio)


def walk(root, container=None) -> tuple[list[Line], int]:
    """(lines, maximum depth) of the visible text under ``root``; see module rules."""
    lines: list[Line] = []
    buf: list[str] = []
    link_chars = 0
    link_depth = 0
    # stack entries: (hint, hint depth, zone, heading, is link, has own hint)
    stack: list[tuple[str | None, int, int, bool, bool, bool]] = []
    top = _ROOT
    max_depth = 0

    def flush() -> None:
        nonlocal link_chars
        if buf:
            text = " ".join("".join(buf).split())
            if text:
                hint, hint_depth = top[0], top[1]
                if hint is not None and len(stack) - hint_depth > (HINT_REACH_CAPTION if hint == "photo-caption"
                                                                   else HINT_REACH):
                    hint = None
                lines.append(Line(text, -1, -1, zone=top[2], hint=hint,
                                  link_ratio=min(1.0, link_chars / len(text)), heading=top[3]))
            buf.clear()
        link_chars = 0

    keep_open = set(container.iterancestors()) if container is not None else set()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            hint, hint_depth = top[0], top[1]
            zone = top[2]
            own = None
            cls = None
            if el is container:
                hint, zone = None, 1
            elif tag not in ("html", "body"):
                own = _TAG_HINTS.get(tag)
                cls, ident = el.get("class"), el.get("id")
                if cls or ident:
                    own = _attr_hint(cls or "", ident or "") or own
                if own is not None:
                    hint, hint_depth = own, len(stack) + 1
                boundary = own is not None or (cls is not None and _BOUNDARY.search(cls.lower()) is not None)
            else:
                boundary = True
            if tag in BLOCK or tag == "br" or boundary:
                flush()
            top = (hint, hint_depth, zone, top[3] or tag in HEADINGS, tag == "a", boundary)
            stack.append(top)
            max_depth = max(max_depth, len(stack))
            if tag == "a":
                link_depth += 1
            text = el.text
            if zone != 1 and (tag in _COLLAPSE_TAGS or own in _COLLAPSE_HINTS) and el not in keep_open:
                chrome = _chrome_line(el, zone, own or _TAG_HINTS.get(tag))
                if chrome is not None:  # a menu / link list: one line, children not walked
                    lines.append(chrome)
                    walker.skip_subtree()
                    text = None
        else:
            if tag in BLOCK or top[5] or el is container:
                flush()
            if stack.pop()[4]:
                link_depth -= 1
            top = stack[-1] if stack else _ROOT
            text = el.tail
        if text:
            buf.append(text)
            if link_depth:
                link_chars += len(text.strip())
    flush()
    return lines, max_depth
