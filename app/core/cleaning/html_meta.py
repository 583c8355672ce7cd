"""Title, outlet, reporter, date and URL from an HTML page's ``<meta>`` tags, JSON-LD and ``<title>``.

Rules:
- Title: ``og:title`` > ``twitter:title`` > JSON-LD ``headline`` > ``<title>``; a trailing
  `` - 아시아경제`` / `` | 네이버 뉴스`` style site suffix is cut.
- Outlet: ``og:site_name`` unless it is a portal (네이버, Daum, 네이트 ...), then the outlet named in
  ``og:article:author`` (Naver writes ``뉴시스 | 네이버``), then JSON-LD ``publisher``, then a known
  outlet in ``twitter:creator`` or a press-logo image's alt/title.
- Reporter: ``dable:author`` / ``og:article:author`` / ``author`` / JSON-LD ``author`` when they
  hold a person (``홍길동 기자`` or a 2-4 syllable name), never an outlet.
- Date: ``article:published_time`` and friends, JSON-LD ``datePublished``, Naver's
  ``data-date-time``; ISO 8601, KST assumed when no zone is given. Nothing is ever fetched.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from . import outlets
from .metadata import parse_date

_TITLE_KEYS = ("og:title", "twitter:title", "title")
_DATE_KEYS = ("article:published_time", "og:article:published_time", "og:published_time", "article:published",
              "datepublished", "pubdate", "publishdate", "publish-date", "date", "dc.date.issued", "dc.date",
              "sailthru.date", "og:regdate", "article:modified_time")
_AUTHOR_KEYS = ("dable:author", "og:article:author", "article:author", "author", "byl", "dc.creator")
_SEP = re.compile(r"\s+(?:\||-|–|—|:|::|<|>|ㅣ)\s+")
_PERSON = re.compile(r"^([가-힣]{2,4})(?:\s*(?:기자|특파원|선임기자|논설위원|에디터|연구원))?$")
_PERSON_IN = re.compile(r"([가-힣]{2,4})\s*(?:기자|특파원|선임기자|논설위원|에디터)")


@dataclass
class PageMeta:
    title: str | None = None
    outlet: str | None = None
    reporter: str | None = None
    published_at: str | None = None
    url: str | None = None


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def strip_site_suffix(title: str, site: str | None) -> str:
    """Cut a trailing ``- 아시아경제`` / ``| 네이버 뉴스`` from ``title``."""
    parts = _SEP.split(title)
    while len(parts) > 1:
        tail = parts[-1].strip()
        if not (outlets.is_portal(tail) or (site and tail == site) or outlets.find_outlet(tail) == tail
                or re.search(r"뉴스|news|일보|신문|경제|닷컴|\.com|\.co\.kr", tail, re.IGNORECASE) and len(tail) <= 20):
            break
        parts.pop()
    return _SEP.join(parts) if len(parts) > 1 else parts[0]


def iso_date(value: str) -> str | None:
    """ISO 8601 form of a meta date value (``2024-10-08T09:12:00+09:00``, ``2024.10.08`` ...)."""
    value = value.strip()
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_date(value)
    if len(value) <= 10:
        return dt.date().isoformat()
    if dt.tzinfo is None:
        return dt.isoformat(timespec="seconds") + "+09:00"
    return dt.isoformat(timespec="seconds")


def _person(value: str) -> str | None:
    value = _clean(value)
    if not value or outlets.find_outlet(value) == value or outlets.is_portal(value):
        return None
    m = _PERSON.match(value) or _PERSON_IN.search(value)
    return m.group(1) if m else None


def _jsonld(tree) -> dict[str, str]:
    out: dict[str, str] = {}
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            for key in ("headline", "datePublished"):
                if isinstance(item.get(key), str):
                    out.setdefault(key, item[key])
            for key in ("author", "publisher"):
                val = item.get(key)
                val = val[0] if isinstance(val, list) and val else val
                name = val.get("name") if isinstance(val, dict) else val
                if isinstance(name, str):
                    out.setdefault(key, name)
    return out


def _outlet_from_logo(tree, twitter: str) -> str | None:
    """A known outlet named by ``twitter:creator`` or by the alt/title of a press-logo image."""
    if twitter and not outlets.is_portal(twitter) and outlets.find_outlet(twitter):
        return outlets.find_outlet(twitter)
    for img in tree.iterfind(".//img[@class]"):
        if "logo" not in img.get("class", ""):
            continue
        for name in (img.get("title"), img.get("alt")):
            if name and not outlets.is_portal(name) and outlets.find_outlet(name) == outlets.canonical(name.strip()):
                return outlets.find_outlet(name)
    return None


def read_meta(tree) -> PageMeta:
    """Metadata of a parsed page (an lxml document); missing values stay None."""
    tags: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and content.strip():
            tags.setdefault(key, _clean(content))
    ld = _jsonld(tree)
    meta = PageMeta()
    site = tags.get("og:site_name")
    if site and not outlets.is_portal(site):
        meta.outlet = outlets.find_outlet(site) or site
    for key in ("og:article:author", "article:author", "author"):
        if meta.outlet is None and key in tags:
            for part in tags[key].split("|"):
                found = outlets.find_outlet(part.strip())
                if found and not outlets.is_portal(part):
                    meta.outlet = found
                    break
    if meta.outlet is None and ld.get("publisher") and not outlets.is_portal(ld["publisher"]):
        meta.outlet = outlets.find_outlet(ld["publisher"]) or _clean(ld["publisher"])
    if meta.outlet is None:
        meta.outlet = _outlet_from_logo(tree, tags.get("twitter:creator", "").lstrip("@"))
    title = next((tags[k] for k in _TITLE_KEYS if tags.get(k)), None) or ld.get("headline")
    if not title:
        node = tree.find(".//title")
        title = _clean(node.text_content()) if node is not None else None
    if title:
        meta.title = strip_site_suffix(_clean(title), site) or None
    for key in _AUTHOR_KEYS:
        if meta.reporter is None and key in tags:
            meta.reporter = _person(tags[key].split("|")[0])
    if meta.reporter is None and ld.get("author"):
        meta.reporter = _person(ld["author"])
    for value in [tags[k] for k in _DATE_KEYS if k in tags] + [ld.get("datePublished", "")]:
        meta.published_at = meta.published_at or (iso_date(value) if value else None)
    if meta.published_at is None:
        node = next(tree.iterfind(".//*[@data-date-time]"), None)
        if node is not None:
            meta.published_at = iso_date(node.get("data-date-time", ""))
    meta.url = tags.get("og:url") or next((link.get("href") for link in tree.iterfind(".//link[@rel='canonical']")
                                           if link.get("href")), None)
    return meta
