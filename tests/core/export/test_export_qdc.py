from __future__ import annotations

from pathlib import Path

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from app.core.export import CodebookEntry, read_qdc, write_qdc
from app.core.export.values import xml_text

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_NS = "urn:QDA-XML:project:1.0"


def shape(entries) -> list[tuple]:
    """The codebook as (path, colour, description) in tree order: what must survive a round trip."""
    by_id = {e.id: e for e in entries}

    def path(e: CodebookEntry) -> str:
        return e.name if e.parent_id is None else path(by_id[e.parent_id]) + "/" + e.name

    def order(parent):
        kids = sorted((e for e in entries if e.parent_id == parent), key=lambda e: (e.position, e.name, e.id))
        for kid in kids:
            yield kid
            yield from order(kid.id)

    return [(path(e), e.color.upper()[:7], e.description) for e in order(None)]


def test_round_trip_keeps_hierarchy_order_colours_descriptions(tmp_path: Path) -> None:
    from_fixture = [
        CodebookEntry(1, None, "산업정책", "#1E88E5", "정부의 산업 지원 정책", "1", 0),
        CodebookEntry(2, 1, "반도체·AI 반도체", "#43A047", None, None, 1),
        CodebookEntry(3, 1, '보조금, "세액공제"', "#F4511E", "세제 <혜택> & 보조금", None, 0),
        CodebookEntry(4, None, "스타트업 생태계", "#8E24AA", None, None, 1),
        CodebookEntry(5, 4, "투자 🚀", "#FFBB88", "VC 투자\r\n둘째 줄", None, 0),
    ]
    out = tmp_path / "c.qdc"
    assert write_qdc(from_fixture, out).items == 5
    back = read_qdc(out)
    assert shape(back) == shape(from_fixture)
    assert [e.id for e in back] == [-1, -2, -3, -4, -5]
    assert back[0].parent_id is None and back[1].parent_id == back[0].id
    assert back[1].name == '보조금, "세액공제"' and back[1].position == 0 and back[2].position == 1
    assert back[4].description == "VC 투자\r\n둘째 줄"  # \r survives (written as &#13;)
    assert all(e.shortcut is None for e in back)


def test_qdc_structure_matches_the_refi_code_types(tmp_path: Path, xsd_path: Path) -> None:
    """The codebook schema shares CodeType with the project schema: validate the codes there."""
    out = tmp_path / "c.qdc"
    write_qdc(
        [CodebookEntry(1, None, "산업정책", "#abc"), CodebookEntry(2, 1, "반도체", "#123456", "설명")], out
    )
    root = etree.parse(str(out)).getroot()
    assert root.tag == f"{{{CODEBOOK_NS}}}CodeBook" and root.get("origin") == "Bonmun"
    assert [etree.QName(c).localname for c in root] == ["Codes"]
    text = out.read_text(encoding="utf-8").split("\n", 1)[1]
    text = text.replace(f'<CodeBook xmlns="{CODEBOOK_NS}" origin="Bonmun">', "<CodeBook>")
    wrapped = f'<Project xmlns="{PROJECT_NS}" name="codebook check">{text}</Project>'
    xmlschema.XMLSchema(str(xsd_path)).validate(wrapped)


def test_reads_foreign_codebooks_without_namespace_and_from_projects(tmp_path: Path) -> None:
    foreign = tmp_path / "f.qdc"
    foreign.write_text(
        '<?xml version="1.0"?><CodeBook><Codes>'
        '<Code guid="A" name="정책" isCodable="true" color="#abc">'
        '<Code guid="B" name="세부" isCodable="true"/></Code>'
        '<Code guid="C" name="기타" isCodable="false" color="red"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    codes = read_qdc(foreign, default_color="#EEEEEE")
    assert [(c.id, c.parent_id, c.name, c.color, c.position) for c in codes] == [
        (-1, None, "정책", "#AABBCC", 0),
        (-2, -1, "세부", "#EEEEEE", 0),
        (-3, None, "기타", "#EEEEEE", 1),
    ]
    project = tmp_path / "p.qde"
    project.write_text(
        f'<Project xmlns="{PROJECT_NS}" name="p"><CodeBook><Codes>'
        '<Code guid="A" name="하나" isCodable="true"/></Codes></CodeBook></Project>',
        encoding="utf-8",
    )
    assert [c.name for c in read_qdc(project)] == ["하나"]
    with pytest.raises(ValueError):
        read_qdc(_write(tmp_path / "x.xml", "<Other/>"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_reading_never_expands_external_entities(tmp_path: Path) -> None:
    secret = _write(tmp_path / "secret.txt", "TOP-SECRET")
    evil = _write(
        tmp_path / "evil.qdc",
        f'<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="A" name="n&x;" isCodable="true"/>'
        "</Codes></CodeBook>",
    )
    try:
        names = [c.name for c in read_qdc(evil)]
    except etree.XMLSyntaxError:
        return  # refusing the file is fine too
    assert all("TOP-SECRET" not in n for n in names)


def test_empty_codebook_is_refused_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_qdc([], tmp_path / "c.qdc")
    assert list(tmp_path.iterdir()) == []


_name = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def codebooks(draw) -> list[CodebookEntry]:
    n = draw(st.integers(1, 12))
    entries = []
    for i in range(1, n + 1):
        parent = draw(st.none() | st.integers(1, i - 1)) if i > 1 else None
        entries.append(
            CodebookEntry(
                id=i * 7,
                parent_id=parent * 7 if parent else None,
                name=draw(_name),
                color=draw(st.from_regex(r"#[0-9A-F]{6}", fullmatch=True)),
                description=draw(st.none() | _name),
                position=draw(st.integers(0, 3)),
            )
        )
    return entries


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(book=codebooks())
def test_any_codebook_round_trips(tmp_path: Path, book: list[CodebookEntry]) -> None:
    out = tmp_path / "c.qdc"
    write_qdc(book, out)
    expected = [(xml_text(p), c, xml_text(d) if d else d) for p, c, d in shape(book)]
    assert shape(read_qdc(out)) == expected  # only characters XML cannot carry change (to U+FFFD)
