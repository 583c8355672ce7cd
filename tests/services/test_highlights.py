"""Highlights: exact anchors, tags, notes, delete and exact undo."""
from __future__ import annotations

import pytest

from app.services.unit_of_work import ServiceError


def _article(lib) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    aid = lib.articles.list()[-1].id
    return aid, lib.articles.get(aid).body


def test_create_stores_quote_context_and_hash(seeded_library) -> None:
    lib = seeded_library
    aid, body = _article(lib)
    start = body.index("퓨리오사AI")
    tag = lib.codebook.find("스타트업 생태계/투자·M&A")
    h = lib.highlights.create(aid, start, start + 6, [tag.id], note="메모, 쉼표")
    assert h.quote == body[start:start + 6] == "퓨리오사AI"
    assert h.prefix == body[max(0, start - 32):start]
    assert h.suffix == body[start + 6:start + 38]
    assert h.tag_ids == (tag.id,)
    assert lib.articles.list()[-1].highlights == 1


def test_refuses_empty_or_out_of_range(seeded_library) -> None:
    lib = seeded_library
    aid, body = _article(lib)
    for start, end in [(5, 5), (-1, 3), (0, len(body) + 1)]:
        with pytest.raises(ServiceError):
            lib.highlights.create(aid, start, end, [])


def test_tags_notes_and_undo_of_delete(seeded_library) -> None:
    lib = seeded_library
    aid, body = _article(lib)
    t1 = lib.codebook.find("산업정책")
    t2 = lib.codebook.find("스타트업 생태계")
    h = lib.highlights.create(aid, 0, 12, [t1.id])
    h = lib.highlights.add_tag(h.id, t2.id)
    assert set(h.tag_ids) == {t1.id, t2.id}
    h = lib.highlights.set_note(h.id, "첫 문단")
    snap = lib.highlights.delete(h.id)
    assert lib.highlights.for_article(aid) == []
    back = lib.highlights.restore(snap)
    assert back == h
    h = lib.highlights.remove_tag(h.id, t1.id)
    assert h.tag_ids == (t2.id,)


def test_annotate_quote_finds_first_occurrence(seeded_library) -> None:
    lib = seeded_library
    rows = lib.articles.list()
    aid = next(r.id for r in rows if "퓨리오사" in (r.title or ""))
    tag = lib.codebook.find("산업정책")
    h = lib.highlights.annotate_quote(aid, "텐서축약 처리기", tag.id)
    assert h.quote == "텐서축약 처리기"
    with pytest.raises(ServiceError, match="not found"):
        lib.highlights.annotate_quote(aid, "없는 인용문", tag.id)
