"""JSON export in the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/).

Rules:
- The file is one JSON-LD ``AnnotationCollection`` (``@context`` http://www.w3.org/ns/anno.jsonld)
  whose ``first`` ``AnnotationPage`` holds every highlight as an ``Annotation`` (motivation
  "highlighting"), in input order.
- ``target.source`` is the article's web URL when it has one (``url``, else ``source`` if that is a
  URL), otherwise ``urn:bonmun:article:<id>``. ``target.selector`` is a ``TextQuoteSelector``
  (exact, prefix, suffix) and a ``TextPositionSelector`` (start, end: code points of the clean
  body); an orphaned highlight keeps only the quote selector.
- Each tag is a ``TextualBody`` with purpose "tagging" and the tag path as value; the note is a
  ``TextualBody`` with purpose "commenting". ``created``/``modified`` are UTC xsd:dateTime;
  ``creator`` is a Person named after the annotator.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import Any

from app.core.export.atomic import atomic_output
from app.core.export.model import ExportResult, HighlightRecord
from app.core.export.values import iso_utc, web_url

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def article_iri(article_id: int, url: str | None = None, source: str | None = None) -> str:
    """The stable identifier of an article as an annotation target."""
    return web_url(url) or web_url(source) or f"urn:bonmun:article:{article_id}"


def annotation(rec: HighlightRecord) -> dict[str, Any]:
    """One highlight as a Web Annotation (without ``@context``)."""
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": rec.quote}
    if rec.prefix:
        quote["prefix"] = rec.prefix
    if rec.suffix:
        quote["suffix"] = rec.suffix
    selectors: list[dict[str, Any]] = [quote]
    if not rec.orphaned:
        selectors.append({"type": "TextPositionSelector", "start": rec.start, "end": rec.end})
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": tag.path} for tag in rec.tags
    ]
    if rec.note:
        bodies.append(
            {"type": "TextualBody", "purpose": "commenting", "value": rec.note, "format": "text/plain"}
        )
    anno: dict[str, Any] = {
        "id": f"urn:bonmun:highlight:{rec.highlight_id}",
        "type": "Annotation",
        "motivation": "highlighting",
    }
    created, modified = iso_utc(rec.created_at), iso_utc(rec.updated_at)
    if created:
        anno["created"] = created
    if modified:
        anno["modified"] = modified
    if rec.annotator:
        anno["creator"] = {"type": "Person", "name": rec.annotator}
    if bodies:
        anno["body"] = bodies
    anno["target"] = {
        "source": article_iri(rec.article_id, rec.url, rec.source),
        "selector": selectors,
    }
    return anno


def _header(label: str, collection_id: str | None, total: int) -> dict[str, Any]:
    cid = collection_id or "urn:bonmun:export"
    return {
        "@context": ANNO_CONTEXT,
        "id": cid,
        "type": "AnnotationCollection",
        "label": label,
        "total": total,
        "first": {"id": f"{cid}:page:1", "type": "AnnotationPage", "startIndex": 0, "items": []},
    }


def annotation_collection(
    records: Iterable[HighlightRecord], *, label: str = "Bonmun highlights", collection_id: str | None = None
) -> dict[str, Any]:
    """The whole export as a JSON-LD ``AnnotationCollection`` with one embedded page."""
    items = [annotation(rec) for rec in records]
    collection = _header(label, collection_id, len(items))
    collection["first"]["items"] = items
    return collection


def write_web_annotations(
    records: Iterable[HighlightRecord],
    path: str | os.PathLike[str],
    *,
    label: str = "Bonmun highlights",
    collection_id: str | None = None,
) -> ExportResult:
    """Write the collection as UTF-8 JSON-LD (``.jsonld`` or ``.json``), one annotation per line."""
    records = tuple(records)
    head = json.dumps(_header(label, collection_id, len(records)), ensure_ascii=False)
    opening, closing = head.rsplit('"items": []', 1)
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    with atomic_output(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(opening + '"items": [\n')
        for i, rec in enumerate(records):
            fh.write((",\n" if i else "") + dumps(annotation(rec)))
        fh.write("\n]" + closing + "\n")
    return ExportResult(path=os.fspath(path), items=len(records))
