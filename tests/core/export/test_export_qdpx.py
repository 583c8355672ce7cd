from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from app.core.export import ExportProject, TagRef, write_qdpx

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture(scope="module")
def schema(xsd_path: Path) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(xsd_path))


def export(project: ExportProject, path: Path) -> tuple[etree._Element, dict[str, bytes]]:
    write_qdpx(project, path)
    with zipfile.ZipFile(path) as zf:
        files = {name: zf.read(name) for name in zf.namelist()}
    return etree.fromstring(files["project.qde"]), files


def test_project_validates_against_refi_schema(tmp_path: Path, project, schema) -> None:
    out = tmp_path / "p.qdpx"
    write_qdpx(project, out)
    with zipfile.ZipFile(out) as zf:
        schema.validate(zf.read("project.qde").decode("utf-8"))


def test_zip_holds_project_and_source_bodies(tmp_path: Path, project) -> None:
    root, files = export(project, tmp_path / "p.qdpx")
    assert "project.qde" in files
    sources = root.findall("q:Sources/q:TextSource", NS)
    assert [s.get("name") for s in sources] == ["반도체 지원 26조원", '=제목, "따옴표"']
    for src, doc in zip(sources, project.sources):
        guid = src.get("guid")
        assert src.get("plainTextPath") == f"internal://{guid}.txt"
        assert files[f"sources/{guid}.txt"].decode("utf-8") == doc.body
        assert not files[f"sources/{guid}.txt"].startswith(b"\xef\xbb\xbf")
    assert sorted(n for n in files if n.startswith("sources/")) == sorted(
        f"sources/{s.get('guid')}.txt" for s in sources
    )


def test_selections_positions_codings_and_notes(tmp_path: Path, project, records) -> None:
    root, files = export(project, tmp_path / "p.qdpx")
    code_names = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    by_quote = {}
    for src in root.findall("q:Sources/q:TextSource", NS):
        body = files[f"sources/{src.get('guid')}.txt"].decode("utf-8")
        for sel in src.findall("q:PlainTextSelection", NS):
            start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
            by_quote[body[start:end]] = sel
    assert set(by_quote) == {r.quote for r in records}  # code-point offsets, emoji included
    first = by_quote[records[0].quote]
    assert first.findtext("q:Description", namespaces=NS) == '핵심, 금액 "26조"\n둘째 줄'
    coded = [code_names[ref.get("targetGUID")] for ref in first.findall("q:Coding/q:CodeRef", NS)]
    assert coded == ["산업정책", "반도체·AI 반도체"]
    assert first.get("creationDateTime") == "2024-03-06T01:02:03Z"
    untagged = by_quote[records[4].quote]
    assert untagged.findall("q:Coding", NS) == []
    users = {u.get("guid"): u.get("name") for u in root.findall("q:Users/q:User", NS)}
    assert users[first.get("creatingUser")] == "analyst 한"
    assert users[by_quote[records[2].quote].get("creatingUser")] == "연구자"  # no annotator: project user
    assert users[root.get("creatingUserGUID")] == "연구자"


def test_codebook_hierarchy_colours_and_descriptions(tmp_path: Path, project) -> None:
    root, _ = export(project, tmp_path / "p.qdpx")
    codes = root.find("q:CodeBook/q:Codes", NS)
    tops = codes.findall("q:Code", NS)
    assert [c.get("name") for c in tops] == ["산업정책", "스타트업 생태계"]
    assert [c.get("name") for c in tops[0].findall("q:Code", NS)] == [
        '보조금, "세액공제"',
        "반도체·AI 반도체",
    ]
    assert tops[0].get("color") == "#1E88E5"
    assert tops[1].get("color") == "#8E24AA"  # alpha dropped
    child = tops[1].find("q:Code", NS)
    assert (
        child.get("color") == "#FFBB88"
        and child.findtext("q:Description", namespaces=NS) == "VC 투자\n둘째 줄"
    )
    assert tops[0].findtext("q:Description", namespaces=NS) == "정부의 산업 지원 정책"
    assert all(c.get("isCodable") == "true" for c in root.iter("{urn:QDA-XML:project:1.0}Code"))


def test_every_code_ref_resolves_even_for_tags_missing_from_codebook(tmp_path: Path, project, schema) -> None:
    stray = TagRef(99, "삭제된 태그", "옛 분류/삭제된 태그", "not a colour")
    recs = (replace(project.highlights[0], tags=(stray,)),) + project.highlights[1:]
    root, files = export(replace(project, highlights=recs), tmp_path / "p.qdpx")
    schema.validate(files["project.qde"].decode("utf-8"))
    guids = {c.get("guid"): c for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    refs = [r.get("targetGUID") for r in root.iter("{urn:QDA-XML:project:1.0}CodeRef")]
    assert refs and all(ref in guids for ref in refs)
    added = [c for c in guids.values() if c.get("name") == "옛 분류/삭제된 태그"]
    assert len(added) == 1 and added[0].get("color") is None


def test_variables_for_article_metadata(tmp_path: Path, project) -> None:
    root, _ = export(project, tmp_path / "p.qdpx")
    variables = {v.get("guid"): v.get("name") for v in root.findall("q:Variables/q:Variable", NS)}
    assert set(variables.values()) == {"outlet", "reporter", "published_at", "source", "url"}
    src = root.find("q:Sources/q:TextSource", NS)
    values = {
        variables[vv.find("q:VariableRef", NS).get("targetGUID")]: vv.findtext("q:TextValue", namespaces=NS)
        for vv in src.findall("q:VariableValue", NS)
    }
    assert values["outlet"] == "한국경제" and values["published_at"] == "2024-03-05T09:00:00+09:00"
    assert src.findtext("q:Description", namespaces=NS) == '기사 메모, "중요"'


def test_reexport_is_byte_identical_and_namespace_changes_guids(tmp_path: Path, project) -> None:
    write_qdpx(project, tmp_path / "a.qdpx")
    write_qdpx(project, tmp_path / "b.qdpx")
    assert (tmp_path / "a.qdpx").read_bytes() == (tmp_path / "b.qdpx").read_bytes()
    write_qdpx(replace(project, namespace="library-2"), tmp_path / "c.qdpx")
    guids = []
    for name in ("a.qdpx", "c.qdpx"):
        with zipfile.ZipFile(tmp_path / name) as zf:
            guids.append(
                {el.get("guid") for el in etree.fromstring(zf.read("project.qde")).iter() if el.get("guid")}
            )
    assert guids[0] and not guids[0] & guids[1]


def test_unplaceable_highlights_are_skipped_and_reported(tmp_path: Path, project, schema) -> None:
    h = project.highlights
    recs = (
        replace(h[0], orphaned=True),
        replace(h[1], end=10_000),
        replace(h[2], article_id=404),
    ) + h[3:]
    out = tmp_path / "p.qdpx"
    result = write_qdpx(replace(project, highlights=recs), out)
    assert result.skipped == (h[0].highlight_id, h[1].highlight_id, h[2].highlight_id)
    assert result.items == len(h) - 3
    with zipfile.ZipFile(out) as zf:
        schema.validate(zf.read("project.qde").decode("utf-8"))


def test_text_xml_cannot_carry_is_replaced_without_shifting_offsets(tmp_path: Path, project, schema) -> None:
    src = replace(project.sources[1], body="\x01" + project.sources[1].body, note="메모\x02")
    recs = tuple(
        replace(r, start=r.start + 1, end=r.end + 1, note="노트\x0b") if r.article_id == 2 else r
        for r in project.highlights
    )
    root, files = export(
        replace(project, sources=(project.sources[0], src), highlights=recs, name="이름\x00"),
        tmp_path / "p.qdpx",
    )
    schema.validate(files["project.qde"].decode("utf-8"))
    second = root.findall("q:Sources/q:TextSource", NS)[1]
    body = files[f"sources/{second.get('guid')}.txt"].decode("utf-8")
    sel = second.find("q:PlainTextSelection", NS)
    assert body[int(sel.get("startPosition")) : int(sel.get("endPosition"))] in {r.quote for r in recs}


def test_empty_project_is_valid(tmp_path: Path, schema) -> None:
    out = tmp_path / "e.qdpx"
    result = write_qdpx(ExportProject("빈 프로젝트", "2024-01-01T00:00:00Z", "me", (), (), ()), out)
    assert result.items == 0
    with zipfile.ZipFile(out) as zf:
        schema.validate(zf.read("project.qde").decode("utf-8"))
