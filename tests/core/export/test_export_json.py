from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from app.core.export import write_web_annotations
from app.core.export.web_annotation import ANNO_CONTEXT, annotation


def test_collection_structure(tmp_path: Path, records) -> None:
    out = tmp_path / "a.jsonld"
    result = write_web_annotations(records, out, label="본문 내보내기", collection_id="urn:bonmun:export:1")
    text = out.read_text(encoding="utf-8")
    assert "반도체" in text  # real UTF-8, not \\u escapes
    doc = json.loads(text)
    assert doc["@context"] == ANNO_CONTEXT
    assert doc["type"] == "AnnotationCollection"
    assert doc["id"] == "urn:bonmun:export:1" and doc["label"] == "본문 내보내기"
    assert doc["total"] == result.items == len(records)
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert [a["id"] for a in page["items"]] == [f"urn:bonmun:highlight:{r.highlight_id}" for r in records]
    assert all("@context" not in a for a in page["items"])


def test_annotation_selectors_bodies_and_dates(records, body_1: str) -> None:
    rec = records[0]
    anno = annotation(rec)
    assert anno["type"] == "Annotation" and anno["motivation"] == "highlighting"
    assert anno["target"]["source"] == "https://n.news.naver.com/article/015/0004957812"
    quote, position = anno["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": rec.quote,
        "prefix": rec.prefix,
        "suffix": rec.suffix,
    }
    assert position == {"type": "TextPositionSelector", "start": rec.start, "end": rec.end}
    assert body_1[position["start"] : position["end"]] == quote["exact"]
    tagging = [b for b in anno["body"] if b["purpose"] == "tagging"]
    assert [b["value"] for b in tagging] == ["산업정책", "산업정책/반도체·AI 반도체"]
    assert all(b["type"] == "TextualBody" for b in anno["body"])
    comment = [b for b in anno["body"] if b["purpose"] == "commenting"]
    assert comment == [
        {"type": "TextualBody", "purpose": "commenting", "value": rec.note, "format": "text/plain"}
    ]
    assert anno["created"] == "2024-03-06T01:02:03Z"
    assert anno["modified"] == "2024-03-07T04:05:06Z"
    assert anno["creator"] == {"type": "Person", "name": "analyst 한"}


def test_positions_are_code_points_after_emoji(records, body_1: str) -> None:
    rec = records[2]  # the quote comes after "🚀" in the body
    assert body_1.index("🚀") < rec.start
    position = annotation(rec)["target"]["selector"][1]
    start, end = position["start"], position["end"]
    assert body_1[start:end] == rec.quote
    assert len(body_1[:start].encode("utf-16-le")) // 2 == start + 1  # UTF-16 would be off by one


def test_non_url_source_gets_urn_and_no_note_no_creator(records) -> None:
    anno = annotation(records[4])  # source "clipboard", no tags
    assert anno["target"]["source"] == "urn:bonmun:article:2"
    assert [b["purpose"] for b in anno["body"]] == ["commenting"]
    bare = annotation(replace(records[4], note=None, annotator=None, created_at="not a date"))
    assert "body" not in bare and "creator" not in bare and "created" not in bare


def test_url_field_wins_and_orphan_keeps_only_quote(records) -> None:
    rec = replace(records[4], url="https://www.yna.co.kr/view/AKR2024", orphaned=True)
    anno = annotation(rec)
    assert anno["target"]["source"] == "https://www.yna.co.kr/view/AKR2024"
    assert [s["type"] for s in anno["target"]["selector"]] == ["TextQuoteSelector"]


def test_file_equals_in_memory_collection_one_annotation_per_line(tmp_path: Path, records) -> None:
    from app.core.export import annotation_collection

    out = tmp_path / "a.json"
    write_web_annotations(records, out, collection_id="urn:x")
    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == annotation_collection(records, collection_id="urn:x")
    assert sum(line.startswith('{"id": "urn:bonmun:highlight:') for line in text.splitlines()) == len(records)
    write_web_annotations([], out)
    assert json.loads(out.read_text(encoding="utf-8"))["first"]["items"] == []
