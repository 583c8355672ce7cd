"""Shared pieces of the REFI-QDA writers (.qdpx project, .qdc codebook).

Rules:
- GUIDs are uuid5 of (library namespace, kind, key): re-exporting the same library gives the same
  GUIDs, so exports diff cleanly; another library (another namespace) gets other GUIDs.
- The codebook is written as a tree: children under their parent, siblings by (position, name, id).
  A parent id that is missing, or a cycle, puts the code at the top level: no code is ever dropped.
- Every code is codable; a colour that is not "#RGB"/"#RRGGBB"(+alpha) is left out.
- XML is built with un-namespaced elements under a hand-written root tag that declares the default
  namespace, so the file declares it once and can be written element by element.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from lxml import etree

from app.core.export.model import CodebookEntry
from app.core.export.values import hex_color, xml_text

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Bonmun"
_ATTR_WHITESPACE = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}  # kept verbatim, not normalised
_BONMUN_NS = uuid.UUID("85ad6b85-dea1-45ee-b92a-f117f396e029")


def qda_guid(namespace: str, kind: str, key: object) -> str:
    """Deterministic GUID for one object of one library."""
    return str(uuid.uuid5(_BONMUN_NS, f"{namespace}\x1f{kind}\x1f{key}"))


@dataclass(frozen=True, slots=True)
class CodeNode:
    entry: CodebookEntry
    children: tuple[CodeNode, ...]


def code_tree(entries: Iterable[CodebookEntry]) -> tuple[CodeNode, ...]:
    """The codebook as ordered roots with nested children (see module rules)."""
    by_id = {e.id: e for e in entries}
    children: dict[int | None, list[CodebookEntry]] = defaultdict(list)
    for entry in by_id.values():
        parent = entry.parent_id if entry.parent_id in by_id and entry.parent_id != entry.id else None
        children[parent].append(entry)
    for siblings in children.values():
        siblings.sort(key=lambda e: (e.position, e.name, e.id))
    seen: set[int] = set()

    def build(entry: CodebookEntry) -> CodeNode:
        seen.add(entry.id)
        kids = tuple(build(c) for c in children.get(entry.id, ()) if c.id not in seen)
        return CodeNode(entry, kids)

    roots = [build(e) for e in children.get(None, ())]
    for entry in sorted(by_id.values(), key=lambda e: (e.position, e.name, e.id)):
        if entry.id not in seen:  # part of a parent cycle: lift it to the top level
            roots.append(build(entry))
    return tuple(roots)


def code_element(node: CodeNode, guid_of: Callable[[int], str]) -> etree._Element:
    """``<Code guid name isCodable color>`` with ``<Description>`` and nested child codes."""
    entry = node.entry
    el = etree.Element("Code", guid=guid_of(entry.id), name=xml_text(entry.name), isCodable="true")
    color = hex_color(entry.color)
    if color:
        el.set("color", color)
    if entry.description:
        etree.SubElement(el, "Description").text = xml_text(entry.description)
    for child in node.children:
        el.append(code_element(child, guid_of))
    return el


def codes_element(roots: Iterable[CodeNode], guid_of: Callable[[int], str]) -> etree._Element | None:
    """``<Codes>`` with every root code, or None when there is none (the schema needs one)."""
    codes = etree.Element("Codes")
    for node in roots:
        codes.append(code_element(node, guid_of))
    return codes if len(codes) else None


def serialise(el: etree._Element) -> bytes:
    """One element as indented UTF-8 XML without a declaration."""
    text: bytes = etree.tostring(el, encoding="utf-8", pretty_print=True)
    return text


def root_open(tag: str, namespace: str, attrs: Mapping[str, str | None]) -> bytes:
    """The XML declaration and the root start tag declaring ``namespace`` as default."""
    parts = [f"<{tag} xmlns={quoteattr(namespace)}"]
    for name, value in attrs.items():
        if value is not None:
            parts.append(f" {name}={quoteattr(xml_text(value), _ATTR_WHITESPACE)}")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + "".join(parts) + ">\n").encode("utf-8")
