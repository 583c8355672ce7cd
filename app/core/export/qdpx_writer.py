"""REFI-QDA project export (.qdpx) for ATLAS.ti, MAXQDA, NVivo, QualCoder and others.

The .qdpx is a zip of ``project.qde`` (XML, namespace urn:QDA-XML:project:1.0, valid against the
REFI-QDA 1.0 Project schema) and ``sources/<GUID>.txt``, one UTF-8 file (no BOM) per article body.

Rules:
- Each article is a ``TextSource`` (``plainTextPath="internal://<GUID>.txt"``, its note as
  ``Description``, outlet/reporter/published_at/source/url as Text ``VariableValue``s).
- Each highlight is one ``PlainTextSelection``: ``startPosition``/``endPosition`` count characters
  (Unicode code points) of that plain text from 0, end exclusive, as the standard defines; its
  note is the selection's ``Description``; each tag is a ``Coding`` with a ``CodeRef``.
- Tags missing from the codebook are added as top-level codes, so every ``CodeRef`` resolves.
- Skipped (and returned in ``ExportResult.skipped``): orphaned highlights, highlights whose offsets
  do not fit their body, and highlights whose article is not among the sources.
- Characters XML cannot carry become U+FFFD one-for-one (offsets stay valid); zip entries carry a
  fixed timestamp and GUIDs are deterministic, so re-exports are byte-identical.
"""

from __future__ import annotations

import os
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from typing import IO

from lxml import etree

from app.core.export.atomic import atomic_output
from app.core.export.model import CodebookEntry, ExportProject, ExportResult, HighlightRecord, SourceDoc
from app.core.export.qda_common import (
    ORIGIN,
    PROJECT_NS,
    code_tree,
    codes_element,
    qda_guid,
    root_open,
    serialise,
)
from app.core.export.values import iso_utc, utf8_safe, xml_text

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_VARIABLES = ("outlet", "reporter", "published_at", "source", "url")
_NAME_CHARS = 80


def _zip_entry(zf: zipfile.ZipFile, name: str) -> IO[bytes]:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return zf.open(info, "w", force_zip64=True)


class _Guids:
    """GUIDs of one export; those looked up again and again (codes, users) are remembered."""

    _REMEMBERED = frozenset({"code", "user", "source", "variable"})

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self._known: dict[tuple[str, object], str] = {}

    def __call__(self, kind: str, key: object) -> str:
        if kind not in self._REMEMBERED:
            return qda_guid(self.namespace, kind, key)
        found = self._known.get((kind, key))
        if found is None:
            found = self._known[kind, key] = qda_guid(self.namespace, kind, key)
        return found


def _codebook(project: ExportProject) -> tuple[CodebookEntry, ...]:
    """The codebook plus a top-level code for each tag that is not in it."""
    known = {e.id for e in project.codebook}
    extra: dict[int, CodebookEntry] = {}
    for rec in project.highlights:
        for tag in rec.tags:
            if tag.id not in known and tag.id not in extra:
                extra[tag.id] = CodebookEntry(tag.id, None, tag.path or tag.name, tag.color, position=1 << 30)
    return project.codebook + tuple(extra.values())


def _unique_names(sources: Iterable[SourceDoc]) -> dict[int, str]:
    names: dict[int, str] = {}
    used: set[str] = set()
    for src in sources:
        base = (src.title or "").strip() or f"#{src.article_id}"
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base} ({n})"
        used.add(name.casefold())
        names[src.article_id] = name
    return names


def _selection(rec: HighlightRecord, guid: _Guids, user_guid: str) -> etree._Element:
    label = rec.quote if len(rec.quote) <= _NAME_CHARS else rec.quote[: _NAME_CHARS - 1] + "…"
    sel = etree.Element(
        "PlainTextSelection",
        guid=guid("selection", rec.highlight_id),
        name=xml_text(" ".join(label.split())),
        startPosition=str(rec.start),
        endPosition=str(rec.end),
        creatingUser=user_guid,
    )
    created, modified = iso_utc(rec.created_at), iso_utc(rec.updated_at)
    if created:
        sel.set("creationDateTime", created)
    if modified:
        sel.set("modifyingUser", user_guid)
        sel.set("modifiedDateTime", modified)
    if rec.note:
        etree.SubElement(sel, "Description").text = xml_text(rec.note)
    for tag in dict((t.id, t) for t in rec.tags).values():
        coding = etree.SubElement(
            sel, "Coding", guid=guid("coding", f"{rec.highlight_id}:{tag.id}"), creatingUser=user_guid
        )
        if created:
            coding.set("creationDateTime", created)
        etree.SubElement(coding, "CodeRef", targetGUID=guid("code", tag.id))
    return sel


def _text_source(
    src: SourceDoc,
    name: str,
    selections: list[etree._Element],
    guid: _Guids,
    user_guid: str,
    variables: dict[str, str],
) -> etree._Element:
    source_guid = guid("source", src.article_id)
    el = etree.Element(
        "TextSource", guid=source_guid, name=xml_text(name), plainTextPath=f"internal://{source_guid}.txt"
    )
    el.set("creatingUser", user_guid)
    imported = iso_utc(src.imported_at)
    if imported:
        el.set("creationDateTime", imported)
    if src.note:
        etree.SubElement(el, "Description").text = xml_text(src.note)
    el.extend(selections)
    for var in _VARIABLES:
        value = getattr(src, var)
        if var in variables and value:
            vv = etree.SubElement(el, "VariableValue")
            etree.SubElement(vv, "VariableRef", targetGUID=variables[var])
            etree.SubElement(vv, "TextValue").text = xml_text(value)
    return el


def _by_position(rec: HighlightRecord) -> tuple[int, int, int]:
    return rec.start, rec.end, rec.highlight_id


def write_qdpx(project: ExportProject, path: str | os.PathLike[str]) -> ExportResult:
    """Write ``project`` as a REFI-QDA .qdpx; ``items`` = selections written."""
    guid = _Guids(project.namespace)
    users = {project.user: guid("user", project.user)}
    for rec in project.highlights:
        if rec.annotator and rec.annotator not in users:
            users[rec.annotator] = guid("user", rec.annotator)
    sources: dict[int, SourceDoc] = {}
    for src in project.sources:
        sources.setdefault(src.article_id, src)
    bodies = {article_id: src.body for article_id, src in sources.items()}
    by_article: dict[int, list[HighlightRecord]] = defaultdict(list)
    skipped: list[int] = []
    for rec in project.highlights:
        body = bodies.get(rec.article_id)
        if body is None or rec.orphaned or not 0 <= rec.start <= rec.end <= len(body):
            skipped.append(rec.highlight_id)
        else:
            by_article[rec.article_id].append(rec)
    variables = {
        var: guid("variable", var) for var in _VARIABLES if any(getattr(s, var) for s in sources.values())
    }
    names = _unique_names(sources.values())
    written = 0
    with atomic_output(path, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
        for src in sources.values():
            with _zip_entry(zf, f"sources/{guid('source', src.article_id)}.txt") as out:
                out.write(utf8_safe(src.body).encode("utf-8"))
        with _zip_entry(zf, "project.qde") as out:
            project_user = users[project.user]
            out.write(
                root_open(
                    "Project",
                    PROJECT_NS,
                    {
                        "name": project.name,
                        "origin": ORIGIN,
                        "creatingUserGUID": project_user,
                        "creationDateTime": iso_utc(project.created_at),
                    },
                )
            )
            users_el = etree.Element("Users")
            for name, user_guid in users.items():
                etree.SubElement(users_el, "User", guid=user_guid, name=xml_text(name))
            out.write(serialise(users_el))
            codes = codes_element(code_tree(_codebook(project)), lambda i: guid("code", i))
            if codes is not None:
                codebook_el = etree.Element("CodeBook")
                codebook_el.append(codes)
                out.write(serialise(codebook_el))
            if variables:
                vars_el = etree.Element("Variables")
                for var, var_guid in variables.items():
                    etree.SubElement(vars_el, "Variable", guid=var_guid, name=var, typeOfVariable="Text")
                out.write(serialise(vars_el))
            if sources:
                out.write(b"<Sources>\n")
                for src in sources.values():
                    recs = sorted(by_article.get(src.article_id, ()), key=_by_position)
                    sels = [_selection(r, guid, users[r.annotator or project.user]) for r in recs]
                    written += len(sels)
                    name = names[src.article_id]
                    out.write(serialise(_text_source(src, name, sels, guid, project_user, variables)))
                out.write(b"</Sources>\n")
            out.write(b"</Project>\n")
    return ExportResult(path=os.fspath(path), items=written, skipped=tuple(skipped))
