"""REFI-QDA codebook exchange (.qdc, namespace urn:QDA-XML:codebook:1.0): write and read.

Rules:
- Written: ``<CodeBook origin="Bonmun"><Codes>`` with the code tree (children nested under their
  parent, siblings in ``position`` order), name, colour, description; GUIDs deterministic.
  The standard has no place for shortcuts: they are not exported.
- Read: any namespace (or none) is accepted, and a project file's ``<CodeBook>`` too. Codes get
  new temporary ids -1, -2, ... in document order; ``parent_id`` follows the nesting, ``position``
  is the index among siblings, a missing or invalid colour becomes ``default_color``. The caller
  creates real rows and maps the temporary ids.
- Reading never resolves entities or fetches anything (safe on untrusted files).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from lxml import etree

from app.core.export.atomic import atomic_output
from app.core.export.model import CodebookEntry, ExportResult
from app.core.export.qda_common import (
    CODEBOOK_NS,
    ORIGIN,
    code_tree,
    codes_element,
    qda_guid,
    root_open,
    serialise,
)
from app.core.export.values import hex_color

DEFAULT_COLOR = "#FFD54F"


def write_qdc(
    codebook: Iterable[CodebookEntry], path: str | os.PathLike[str], *, namespace: str = ""
) -> ExportResult:
    """Write the codebook as a REFI-QDA .qdc file; ``items`` = codes written."""
    entries = tuple(codebook)
    codes = codes_element(code_tree(entries), lambda i: qda_guid(namespace, "code", i))
    if codes is None:
        raise ValueError("a REFI-QDA codebook needs at least one code")
    with atomic_output(path, "wb") as fh:
        fh.write(root_open("CodeBook", CODEBOOK_NS, {"origin": ORIGIN}))
        fh.write(serialise(codes))
        fh.write(b"</CodeBook>\n")
    return ExportResult(path=os.fspath(path), items=len(codes.xpath("//Code")))


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _child(el: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in el if _local(c) == name), None)


def read_qdc(
    path: str | os.PathLike[str], *, default_color: str = DEFAULT_COLOR
) -> tuple[CodebookEntry, ...]:
    """Codes of a .qdc file (or of a .qde project's codebook), parents before children."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.parse(os.fspath(path), parser).getroot()
    book = root if _local(root) == "CodeBook" else _child(root, "CodeBook")
    if book is None:
        raise ValueError(f"{os.fspath(path)}: no <CodeBook> element")
    codes = _child(book, "Codes")
    if codes is None:
        return ()
    out: list[CodebookEntry] = []

    def walk(parent_el: etree._Element, parent_id: int | None) -> None:
        position = 0
        for el in parent_el:
            if _local(el) != "Code":
                continue
            code_id = -(len(out) + 1)
            description_el = _child(el, "Description")
            description = description_el.text if description_el is not None else None
            out.append(
                CodebookEntry(
                    id=code_id,
                    parent_id=parent_id,
                    name=el.get("name") or "",
                    color=hex_color(el.get("color")) or default_color,
                    description=description or None,
                    shortcut=None,
                    position=position,
                )
            )
            position += 1
            walk(el, code_id)

    walk(codes, None)
    return tuple(out)
