"""Lines of an HTML page and which of them form the main content region.

Rules (first that applies):
1. Known article container (Naver ``#dic_area``, Daum ``.article_view``, the common CMS
   ``#article-view-content-div``, ``itemprop=articleBody`` ...) holding >= 80 characters: its lines are
   zone 1, all others zone -1.
2. Otherwise trafilatura (``favor_precision``, ``fast``, no comments, no tables) picks the main text; page
   lines found in its output are zone 1 (so are sentence lines between them that it dropped), the
   rest zone -1. Too little output (< 150 characters):
   all lines stay zone 0 and the plain-text scoring decides.
3. A document lxml cannot parse, or one nested so deeply that libxml2 truncates it, is reduced to
   text by a regex tag stripper (zone 0, offsets -1).
Line offsets are found by searching each line's text forward in the raw HTML from ``<body``; lines
not found verbatim (entities, inline tags) get -1. Nothing is ever fetched.
"""
from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from .html_blocks import MAX_DEPTH, strip_hidden, walk
from .html_meta import PageMeta, read_meta
from .lexicon import squash
from .lines import Line, split_lines
from .patterns import is_sentence_like

CONTAINER_IDS = ("dic_area", "articleBodyContents", "articeBody", "newsct_article", "realArtcContents",
                 "articleContetns", "article-view-content-div", "articleBody", "article_body", "articletxt",
                 "articleText", "article-body", "textBody", "news_body_id", "articleContents", "article_content",
                 "newsEndContents", "CmAdContent", "news_content", "article_txt", "articleView", "cont_newstext")
CONTAINER_CLASSES = ("article_view", "article_body", "article-body", "articleBody", "article_txt", "art_txt",
                     "news_cnt_detail_wrap", "story-news", "article_content", "article-content", "news_body",
                     "newsct_body", "view_con", "article_view_content", "news_view", "view_text", "article-text")
_ID_SET = frozenset(CONTAINER_IDS)
_CLASS_SET = frozenset(CONTAINER_CLASSES)
_PRIORITY = {name: rank for rank, name in enumerate(CONTAINER_IDS)}
MIN_CONTAINER_CHARS = 80
MIN_EXTRACT_CHARS = 150
OFFSET_WINDOW = 80_000
_TAG_LIKE = re.compile(r"<\s*[a-zA-Z!/][^>]{0,2000}>")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_HIDDEN_BLOCKS = re.compile(r"<(script|style|noscript|template|svg|head)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(r"<\s*(?:br|/?(?:p|div|li|h[1-6]|tr|td|th|section|article|header|footer|nav|ul|ol|"
                     r"table|figure|figcaption|blockquote|dd|dt|aside|main))\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>|<!--.*?-->", re.DOTALL)


@dataclass
class Extraction:
    lines: list[Line]
    meta: PageMeta = field(default_factory=PageMeta)
    region: bool = False
    method: str = "none"
    tree: object = None


def looks_like_html(raw: str) -> bool:
    """True when ``raw`` contains something shaped like a tag."""
    return bool(_TAG_LIKE.search(raw[:200_000]))


def _rank(el) -> int:
    ident = el.get("id")
    if ident in _PRIORITY:
        return _PRIORITY[ident]
    return len(_PRIORITY) + (0 if el.get("itemprop") == "articleBody" else 1)


def find_container(tree):
    """The best known article container with enough text, or None."""
    found = []
    for el in tree.iter(tag=etree.Element):
        attrib = el.attrib
        if not attrib:
            continue
        if attrib.get("id") in _ID_SET or attrib.get("itemprop") == "articleBody":
            found.append(el)
        elif "class" in attrib and not _CLASS_SET.isdisjoint(attrib["class"].split()):
            found.append(el)
    for el in sorted(found, key=_rank):
        if len(" ".join(el.text_content().split())) >= MIN_CONTAINER_CHARS:
            return el
    return None


def strip_tags(raw: str) -> list[Line]:
    """Regex fallback: visible text lines of ``raw`` (offsets -1)."""
    text = _HIDDEN_BLOCKS.sub("\n", raw)
    text = _BREAKS.sub("\n", text)
    text = html_lib.unescape(_ANY_TAG.sub("", text))
    return [Line(" ".join(line.text.split()), -1, -1) for line in split_lines(text)]


def _parse(raw: str):
    return lxml.html.document_fromstring(_XML_DECL.sub("", raw, count=1))


def _trafilatura_zones(tree, lines: list[Line]) -> bool:
    import trafilatura

    text = trafilatura.extract(tree, favor_precision=True, include_comments=False, include_tables=False, fast=True,
                               deduplicate=False, with_metadata=False)
    if not text or len(text) < MIN_EXTRACT_CHARS:
        return False
    paragraphs = {squash(p) for p in text.splitlines() if p.strip()}
    joined = "\n".join(paragraphs)
    for line in lines:
        key = squash(line.text)
        line.zone = 1 if (key in paragraphs or (len(key) >= 8 and key in joined)) else -1
    inside = [i for i, line in enumerate(lines) if line.zone == 1]
    for line in lines[inside[0]:inside[-1]] if inside else ():
        if line.zone == -1 and len(line.text) >= 30 and is_sentence_like(line.text) and line.link_ratio < 0.5:
            line.zone = 1  # a sentence between extracted paragraphs that favor_precision dropped
    return True


def locate(raw: str, lines: list[Line]) -> None:
    """Fill ``start``/``end`` of lines found verbatim in ``raw`` (searching forward)."""
    body = raw.find("<body")
    cursor = body if body >= 0 else 0
    for line in lines:
        pos = raw.find(line.text, cursor, cursor + OFFSET_WINDOW + len(line.text))
        if pos >= 0:
            line.start, line.end = pos, pos + len(line.text)
            cursor = line.end


def extract(raw: str) -> Extraction:
    """Lines, metadata and content region of an HTML page (see module rules); never raises."""
    try:
        tree = _parse(raw)
    except Exception:
        return Extraction(strip_tags(raw), method="strip")
    try:
        meta = read_meta(tree)
    except Exception:
        meta = PageMeta()
    try:
        strip_hidden(tree)
        container = find_container(tree)
        body = tree.find("body")
        lines, depth = walk(body if body is not None else tree, container)
    except Exception:
        return Extraction(strip_tags(raw), meta, method="strip")
    if depth >= MAX_DEPTH:
        return Extraction(strip_tags(raw), meta, method="strip")
    locate(raw, lines)
    if container is not None:
        for line in lines:
            line.zone = 1 if line.zone == 1 else -1
        return Extraction(lines, meta, region=True, method="container", tree=tree)
    try:
        if _trafilatura_zones(tree, lines):
            return Extraction(lines, meta, region=True, method="trafilatura", tree=tree)
    except Exception:
        pass
    for line in lines:
        line.zone = 0
    return Extraction(lines, meta, method="lines", tree=tree)
