"""Highlights through line overrides and re-cleaning, via the services an analyst's clicks call:
each highlight stays exact, moves to the same quote, or is orphaned and listed; none is deleted."""
from __future__ import annotations

from app.services.dto import HighlightInfo

CLIPBOARD = ("정부, AI 반도체 지원 확대 👩‍💻🇰🇷\n"
             "[서울=뉴시스]김민수 기자 = 정부가 😀 차세대 AI 반도체 지원을 늘린다고 8일 밝혔다.\n"
             "업계는 🚀 투자 확대가 스타트업 생태계를 키울 것이라고 기대했다.\n"
             "산업통상자원부는 규제 개선도 함께 추진한다고 설명했다.\n")


def _span(body: str, quote: str) -> tuple[int, int]:
    start = body.index(quote)
    return start, start + len(quote)


def _status(h: HighlightInfo, body: str, quote: str, old: HighlightInfo) -> str:
    assert h.quote == quote, "the stored quote never changes"
    if h.orphaned:
        return "orphaned"
    assert body[h.start:h.end] == quote
    return "exact" if (h.start, h.end) == (old.start, old.end) else "moved"


def test_overrides_and_reclean_keep_every_highlight(seeded_library) -> None:  # type: ignore[no-untyped-def]
    lib = seeded_library
    aid = next(a.id for a in lib.articles.list() if a.source and a.source.startswith("002"))
    body = lib.articles.get(aid).body
    tag = lib.codebook.find("스타트업 생태계").id
    quotes = {"first": "퓨리오사AI는 자사 2세대 AI 추론 가속기", "middle": "대한민국 AI 생태계에 시사하는 바가 크다",
              "late": "메타의 1조원 인수 제의를 거절해"}
    hl = {k: lib.highlights.create(aid, *_span(body, q), [tag]) for k, q in quotes.items()}
    assert all(h.quote == quotes[k] for k, h in hl.items())

    middle_line = next(s for s in lib.articles.segments(aid) if s.kept and quotes["middle"] in s.text)
    byline = next(s for s in lib.articles.segments(aid) if not s.kept and s.reason == "byline-date")

    # 1. the analyst removes the kept line holding "middle": it is orphaned and listed, not deleted
    detail = lib.articles.set_override(aid, middle_line.key, "remove")
    now = {k: lib.highlights.get(h.id) for k, h in hl.items()}
    assert {k: _status(now[k], detail.body, quotes[k], hl[k]) for k in hl} == \
        {"first": "exact", "middle": "orphaned", "late": "moved"}
    assert [h.id for h in lib.highlights.orphaned()] == [hl["middle"].id]

    # 2. the analyst restores a removed line (the by-line, before the body): the others move with the text
    detail = lib.articles.set_override(aid, byline.key, "keep")
    assert detail.body.startswith(byline.text)
    now = {k: lib.highlights.get(h.id) for k, h in hl.items()}
    assert {k: _status(now[k], detail.body, quotes[k], hl[k]) for k in hl} == \
        {"first": "moved", "middle": "orphaned", "late": "moved"}

    # 3. re-cleaning with the same cleaner changes nothing
    lib.articles.reclean([aid])
    again = {k: lib.highlights.get(h.id) for k, h in hl.items()}
    assert again == now

    # 4. both overrides dropped: the orphan finds its quote again, everything is back in place
    lib.articles.set_override(aid, middle_line.key, None)
    detail = lib.articles.set_override(aid, byline.key, None)
    assert detail.body == body
    back = {k: lib.highlights.get(h.id) for k, h in hl.items()}
    assert {k: _status(back[k], body, quotes[k], hl[k]) for k in hl} == {k: "exact" for k in hl}
    assert lib.highlights.orphaned() == []
    assert len(lib.highlights.for_article(aid)) == 3


def test_highlight_after_emoji_in_a_clipboard_article(library) -> None:  # type: ignore[no-untyped-def]
    result = library.articles.import_clipboard(CLIPBOARD)
    assert result.status == "imported"
    aid = result.article_id
    body = library.articles.get(aid).body
    quote = "차세대 AI 반도체 지원"
    h = library.highlights.create(aid, *_span(body, quote))
    after = library.highlights.create(aid, *_span(body, "스타트업 생태계"))
    assert body.index("😀") < h.start and h.quote == quote == body[h.start:h.end]  # code points, not UTF-16

    segments = library.articles.segments(aid)
    dateline = next(s for s in segments if s.kept and "김민수 기자" in s.text)
    detail = library.articles.set_override(aid, dateline.key, "remove")  # removes h's line
    moved = library.highlights.get(after.id)
    assert moved.quote == detail.body[moved.start:moved.end] == "스타트업 생태계"
    assert moved.start < after.start
    assert library.highlights.get(h.id).orphaned
    assert [o.id for o in library.highlights.orphaned()] == [h.id]

    detail = library.articles.set_override(aid, dateline.key, None)
    back = library.highlights.get(h.id)
    assert not back.orphaned and detail.body[back.start:back.end] == quote
    assert (back.start, back.end) == (h.start, h.end)
