"""app.core.anchoring: highlights follow realistic edits of a Korean news body, and never land on other text."""
from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import (
    CONTEXT, LONG_QUOTE, Anchor, Reanchored, body_hash, make_anchor, reanchor, reanchor_all,
)
from app.core.offsets import OffsetMap

# Paragraphs of a real article as copied from a news page (seed 000), including its duplicated block.
DATELINE = "[서울=뉴시스]이현주 기자 = "
P0 = (DATELINE + "LG그룹이 차세대 AI 반도체 사업에 박차를 가하고 있다. 업계에서는 과거 김대중 정부 시절 '재계 빅딜'로 "
      "반도체 사업을 빼앗기다시피한 LG그룹이 AI 반도체 사업에 주력하면 반전을 노릴 수 있을지 주목한다.")
P1 = ("8일 업계에 따르면 ㈜LG는 전날 보도자료를 통해 LG AI연구원과 인공지능(AI) 반도체 설계 전문 기업인 "
      "퓨리오사AI가 손잡고 차세대 AI 반도체 개발에 나선다고 발표했다. 초거대 AI 모델을 구동할 수 있는 차세대 "
      "AI 반도체를 개발하기 위해 기술 협력 로드맵을 마련하고 협업 범위를 넓힌다는 계획이다.")
P2 = ("이번 파트너십으로 LG AI연구원은 퓨리오사AI가 개발 중인 2세대 AI 반도체 레니게이드(Renegade)로 초거대 AI "
      "엑사원(EXAONE) 기반의 '생성형 AI' 상용 기술을 검증한다.")
P3 = ("AI 반도체로 불리는 신경망처리장치(NPU·Neural Processing Unit)는 중앙처리장치(CPU·Central Processing Unit), "
      "그래픽처리장치(GPU·Graphic Processing Unit)보다 더 빠르고 효율적으로 데이터를 처리할 수 있다.")
P4 = ("1979년 대한전선 계열 대한반도체를 인수하며 반도체 사업에 뛰어들었던 LG는 과거 고(故) 구본무 회장 시절인 "
      "1989년 금성일렉트론을 설립하며 사업을 본격화한다.")
P5 = "구 회장은 반도체를 '미래 먹거리'로 보고 투자를 아끼지 않았다. 1995년에는 9000억원 수준의 영업이익을 냈다."
P6 = ("하지만 LG는 그 이듬해인 1998년 정부로부터 반도체 사업을 포기하라는 압박을 받는다. 국제통화기금(IMF) "
      "위기를 맞아 DJ 정부는 소위 '재벌 빅딜'을 단행했다.")
FOOTER = "◎공감언론 뉴시스 [email protected]"
ORIGINAL = "\n".join([P0, P1, P2, P3, P1, P2, P3, P4, P5, P6, FOOTER])
DEDUPED = "\n".join([P0, P1, P2, P3, P4, P5, P6, FOOTER])
DUP_LEN = len(P1) + len(P2) + len(P3) + 3  # the removed second copy, with its three newlines


def anchor_on(body: str, quote: str, occurrence: int = 0) -> Anchor:
    starts = [m.start() for m in re.finditer(re.escape(quote), body)]
    return make_anchor(body, starts[occurrence], starts[occurrence] + len(quote))


def assert_points_at_quote(result: Reanchored, anchor: Anchor, body: str) -> None:
    if result.status == "orphaned":
        assert (result.start, result.end) == (None, None)
    else:
        assert result.start is not None and result.end is not None
        assert body[result.start:result.end] == anchor.quote


# ------------------------------------------------------------------------------------ make_anchor, hash

def test_make_anchor_stores_quote_and_32_characters_of_context() -> None:
    anchor = anchor_on(ORIGINAL, "금성일렉트론을 설립하며")
    assert anchor.quote == "금성일렉트론을 설립하며"
    assert len(anchor.prefix) == len(anchor.suffix) == CONTEXT == 32
    assert ORIGINAL[anchor.start - 32:anchor.end + 32] == anchor.prefix + anchor.quote + anchor.suffix
    at_start = make_anchor(ORIGINAL, 0, 5)
    assert at_start.prefix == "" and at_start.quote == "[서울=뉴"
    at_end = make_anchor(ORIGINAL, len(ORIGINAL) - 3, len(ORIGINAL))
    assert at_end.suffix == "" and at_end.quote == ORIGINAL[-3:]


@pytest.mark.parametrize(("start", "end"),
                         [(5, 5), (6, 5), (-1, 3), (0, len(ORIGINAL) + 1), (len(ORIGINAL), len(ORIGINAL))])
def test_make_anchor_refuses_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_anchor(ORIGINAL, start, end)


def test_body_hash_is_sha256_of_nfc() -> None:
    assert body_hash(unicodedata.normalize("NFD", ORIGINAL)) == body_hash(ORIGINAL)
    assert len(body_hash(ORIGINAL)) == 64 and body_hash(ORIGINAL) != body_hash(ORIGINAL + " ")


# ------------------------------------------------------------------------------------ realistic edits

def test_unchanged_body_keeps_every_highlight_exact() -> None:
    anchors = [make_anchor(ORIGINAL, m.start(), m.end()) for m in re.finditer("AI|반도체", ORIGINAL)]
    assert all(r == Reanchored("exact", a.start, a.end) for a, r in zip(anchors, reanchor_all(anchors, ORIGINAL)))


def test_removed_duplicate_paragraphs() -> None:
    after = anchor_on(ORIGINAL, "금성일렉트론을 설립하며")  # below the removed block: moves up
    in_copy = anchor_on(ORIGINAL, "레니게이드(Renegade)", occurrence=1)  # inside the removed copy
    before = anchor_on(ORIGINAL, "레니게이드(Renegade)", occurrence=0)  # inside the kept copy
    results = reanchor_all([after, in_copy, before], DEDUPED)
    assert results[0] == Reanchored("moved", after.start - DUP_LEN, after.end - DUP_LEN)
    assert results[1] == Reanchored("moved", before.start, before.end)  # the same words, kept once
    assert results[2] == Reanchored("exact", before.start, before.end)


def test_restored_line_inserted_above() -> None:
    line = "[단독] 기사 일부를 바로잡습니다.\n"
    new = line + ORIGINAL
    for quote, occurrence in (("금성일렉트론을 설립하며", 0), ("차세대 AI 반도체 개발", 1), ("AI 반도체로 불리는", 1)):
        anchor = anchor_on(ORIGINAL, quote, occurrence)  # occurrence 1 sits in the duplicated block
        assert reanchor(anchor, new) == Reanchored("moved", anchor.start + len(line), anchor.end + len(line))


def test_changed_first_line_dateline_cut() -> None:
    new = ORIGINAL.replace(DATELINE, "", 1)
    shift = len(DATELINE)
    in_lead = anchor_on(ORIGINAL, "재계 빅딜")
    assert reanchor(in_lead, new) == Reanchored("moved", in_lead.start - shift, in_lead.end - shift)
    first_words = anchor_on(ORIGINAL, "LG그룹이 차세대")  # its whole prefix was the dateline
    result = reanchor(first_words, new)
    assert result.status in ("moved", "fuzzy") and (result.start, result.end) == (0, len("LG그룹이 차세대"))
    assert reanchor(anchor_on(ORIGINAL, "이현주 기자 = LG"), new).status == "orphaned"


def test_emoji_inserted_before_keeps_code_point_and_utf16_positions_consistent() -> None:
    new = "📰 " + ORIGINAL
    anchor = anchor_on(ORIGINAL, "금성일렉트론을 설립하며")
    result = reanchor(anchor, new)
    assert result == Reanchored("moved", anchor.start + 2, anchor.end + 2)
    assert OffsetMap(new).to_utf16(result.start) == anchor.start + 3  # what a QTextCursor must be given


def test_quote_paragraph_deleted_is_orphaned() -> None:
    new = ORIGINAL.replace(P5 + "\n", "")
    assert reanchor(anchor_on(ORIGINAL, "'미래 먹거리'로 보고"), new) == Reanchored("orphaned", None, None)
    assert reanchor(anchor_on(ORIGINAL, "9000억원"), new).status == "orphaned"


def test_quote_duplicated_elsewhere_with_other_context_picks_the_original_place() -> None:
    anchor = anchor_on(ORIGINAL, "금성일렉트론을 설립하며")
    decoy = "한편 1989년 금성일렉트론을 설립하며 시작된 반도체 역사는 길다.\n"
    at = ORIGINAL.index(P4)
    new = ORIGINAL[:at] + decoy + ORIGINAL[at:]  # the decoy is nearer to the old position than the original
    assert reanchor(anchor, new) == Reanchored("moved", anchor.start + len(decoy), anchor.end + len(decoy))
    far = ORIGINAL + "\n" + decoy  # decoy appended: the original is still where it was
    assert reanchor(anchor, far) == Reanchored("exact", anchor.start, anchor.end)


def _every_ai() -> list[Anchor]:
    return [make_anchor(ORIGINAL, m.start(), m.end()) for m in re.finditer("AI", ORIGINAL)]


def test_repeated_short_quote_after_insertion_is_found_or_orphaned_never_wrong() -> None:
    line = "속보: 정정 보도.\n"
    anchors = _every_ai()
    results = reanchor_all(anchors, line + ORIGINAL)
    wrong = [(a.start, r) for a, r in zip(anchors, results) if r.found and r.start != a.start + len(line)]
    assert not wrong
    assert sum(r.found for r in results) >= 0.9 * len(anchors)


def test_repeated_short_quote_after_dedup_maps_each_copy_or_orphans() -> None:
    first_copy, second_copy = ORIGINAL.index(P1), ORIGINAL.index(P1, ORIGINAL.index(P1) + 1)
    block_end = second_copy + DUP_LEN

    def expected(old: int) -> int:
        if old >= block_end:
            return old - DUP_LEN
        if old >= second_copy:
            return old - second_copy + first_copy  # the same words in the copy that was kept
        return old

    anchors = _every_ai()
    results = reanchor_all(anchors, DEDUPED)
    assert all(not r.found or r.start == expected(a.start) for a, r in zip(anchors, results))
    assert sum(r.found for r in results) >= 0.9 * len(anchors)


def test_short_quote_whose_paragraph_was_deleted_does_not_jump_to_another_occurrence() -> None:
    new = ORIGINAL.replace(P0 + "\n", "")
    for anchor in [make_anchor(ORIGINAL, m.start(), m.end()) for m in re.finditer("AI|반도체", P0)]:
        assert reanchor(anchor, new).status == "orphaned"


def test_tie_that_context_cannot_separate_is_orphaned() -> None:
    context = "정부는 반도체 지원을 늘린다. 그러나 "
    old = "가" * 60 + context + "AI" + context + "나" * 60
    anchor = make_anchor(old, 60 + len(context), 62 + len(context))
    twin = context + "AI" + context
    new = "다" * 20 + twin + "라" * 60 + twin  # two identical places, neither near enough to decide
    assert reanchor(anchor, new).status == "orphaned"


def test_ties_in_duplicated_blocks_follow_the_shift_of_their_neighbours() -> None:
    header = "본문 바로가기\n언론사 홈 구독\n뉴스듣기 스크랩 글자크기\n" * 40  # boilerplate removed later
    old = header + ORIGINAL
    in_copy = anchor_on(old, "레니게이드(Renegade)", occurrence=0)  # its twin is only ~560 characters away
    neighbour = anchor_on(old, "금성일렉트론을 설립하며")
    alone = reanchor(in_copy, ORIGINAL)
    assert alone.status == "orphaned"  # the old position is nearer to the wrong twin: refuse to guess
    together = reanchor_all([in_copy, neighbour], ORIGINAL)
    shift = -len(header)
    assert together == [Reanchored("moved", in_copy.start + shift, in_copy.end + shift),
                        Reanchored("moved", neighbour.start + shift, neighbour.end + shift)]


def test_long_unique_quote_with_rewritten_context_is_fuzzy() -> None:
    quote = "신경망처리장치(NPU·Neural Processing Unit)"
    anchor = anchor_on(ORIGINAL, quote)
    new = f"완전히 새로 쓴 문장 속의 {quote} 설명이다."
    assert reanchor(anchor, new) == Reanchored("fuzzy", new.index(quote), new.index(quote) + len(quote))


def test_same_body_is_exact_even_for_repeated_quotes() -> None:
    anchor = anchor_on(ORIGINAL, "레니게이드(Renegade)", occurrence=1)
    assert reanchor(anchor, ORIGINAL) == Reanchored("exact", anchor.start, anchor.end)


def test_reanchor_all_matches_reanchor_and_is_fast_for_1000_highlights() -> None:
    body = "\n".join(f"{i}번째 문단. {p}" for i, p in enumerate([P0, P1, P2, P3, P4, P5, P6] * 6))
    starts = list(range(0, len(body) - 40, max(1, (len(body) - 40) // 1000)))[:1000]
    anchors = [make_anchor(body, s, s + 2 + s % 37) for s in starts]
    cut = body.index("3번째 문단")
    new = "[수정] 앞에 한 줄.\n" + body[:cut] + body[body.index("\n", cut) + 1:]
    started = time.perf_counter()
    results = reanchor_all(anchors, new)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0, f"{elapsed:.2f} s for 1000 highlights"
    for anchor, result in zip(anchors, results):
        assert_points_at_quote(result, anchor, new)
    assert sum(r.found for r in results) >= 900
    assert results[:50] == [reanchor(a, new) for a in anchors[:50]]


# ---------------------------------------------------------------------------------------- properties

ALPHABETS = st.sampled_from(["가나 AI.\n", "반도체산업정책스타트업생태계 가나다라마바사 AI,.\n0123😀", "ab"])


@st.composite
def bodies_and_highlights(draw: st.DrawFn) -> tuple[str, int, int]:
    body = draw(st.text(alphabet=draw(ALPHABETS), min_size=1, max_size=300))
    start = draw(st.integers(0, len(body) - 1))
    end = draw(st.integers(start + 1, min(len(body), start + 40)))
    return body, start, end


def _edit_span(draw: st.DrawFn, body: str, lo: int, hi: int) -> tuple[str, int, int, int]:
    """Replace a random slice body[at:at + cut] of body[lo:hi] with random text: (new body, at, cut, added)."""
    at = draw(st.integers(lo, hi))
    cut = draw(st.integers(0, hi - at))
    inserted = draw(st.text(alphabet="가나다 AI.\n😀xyz", max_size=60))
    return body[:at] + inserted + body[at + cut:], at, cut, len(inserted)


def _edit(draw: st.DrawFn, body: str, lo: int, hi: int) -> tuple[str, int]:
    """Like _edit_span; returns (new body, length change)."""
    new, _, cut, added = _edit_span(draw, body, lo, hi)
    return new, added - cut


def _unique(body: str, quote: str) -> bool:
    first = body.find(quote)
    return first != -1 and body.find(quote, first + 1) == -1


@settings(max_examples=200, deadline=None)
@given(bodies_and_highlights(), st.data())
def test_never_returns_other_text_whatever_the_edit(case: tuple[str, int, int], data: st.DataObject) -> None:
    body, start, end = case
    anchor = make_anchor(body, start, end)
    new = body
    for _ in range(data.draw(st.integers(1, 3))):
        new, _ = _edit(data.draw, new, 0, len(new))
    assert_points_at_quote(reanchor(anchor, new), anchor, new)


@settings(max_examples=200, deadline=None)
@given(bodies_and_highlights(), st.data())
def test_edits_outside_quote_and_context_keep_a_unique_quote(case: tuple[str, int, int], data: st.DataObject) -> None:
    body, start, end = case
    anchor = make_anchor(body, start, end)
    lo, hi = max(0, start - CONTEXT), min(len(body), end + CONTEXT)
    new, _ = _edit(data.draw, body, hi, len(body))  # after first: positions before hi stay valid
    new, shift = _edit(data.draw, new, 0, lo)
    assume(_unique(new, anchor.quote))
    result = reanchor(anchor, new)
    assert result.status in ("exact", "moved")
    assert (result.start, result.end) == (start + shift, end + shift)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="반도체산업정책스타트업생태계가나다라 AI.\n", min_size=LONG_QUOTE + 2, max_size=300), st.data())
def test_edits_next_to_a_long_unique_quote_still_find_it(body: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(body) - LONG_QUOTE))
    end = data.draw(st.integers(start + LONG_QUOTE, min(len(body), start + 60)))
    anchor = make_anchor(body, start, end)
    new, _ = _edit(data.draw, body, end, len(body))
    new, shift = _edit(data.draw, new, 0, start)
    assume(_unique(new, anchor.quote))
    result = reanchor(anchor, new)
    assert result.found and (result.start, result.end) == (start + shift, end + shift)


@given(bodies_and_highlights())
def test_unchanged_body_is_always_exact(case: tuple[str, int, int]) -> None:
    body, start, end = case
    assert reanchor(make_anchor(body, start, end), body) == Reanchored("exact", start, end)


SENTENCES = [s for p in (P0, P1, P2, P3, P4, P5, P6, FOOTER) for s in re.split(r"(?<=\.) ", p)] + ["AI", "😀"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=12), st.data())
def test_repetitive_news_text_never_gets_a_highlight_moved_to_another_place(
        sentences: list[str], data: st.DataObject) -> None:
    """Repeated sentences and short quotes; edits outside the quote and its context. A found highlight is
    at its true new place, or at a place whose context is identical (indistinguishable)."""
    body = "\n".join(sentences)
    start = data.draw(st.integers(0, len(body) - 1))
    end = data.draw(st.integers(start + 1, min(len(body), start + data.draw(st.sampled_from([2, 3, 8, 40])))))
    anchor = make_anchor(body, start, end)
    lo, hi = max(0, start - CONTEXT), min(len(body), end + CONTEXT)
    new, _ = _edit(data.draw, body, hi, len(body))
    new, shift = _edit(data.draw, new, 0, lo)
    result = reanchor(anchor, new)
    assert_points_at_quote(result, anchor, new)
    if result.found and result.start != start + shift:
        assert result.start is not None and result.end is not None

        def windows(s: int, e: int) -> tuple[str, str]:
            return new[max(0, s - len(anchor.prefix)):s], new[e:e + len(anchor.suffix)]
        assert windows(result.start, result.end) == windows(start + shift, end + shift)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=14), st.data())
def test_many_highlights_on_repetitive_text_are_never_moved_to_another_place(
        sentences: list[str], data: st.DataObject) -> None:
    """Same guarantee for reanchor_all, whose ties also use the shift of neighbouring highlights."""
    body = "\n".join(sentences)
    new, at, cut, added = _edit_span(data.draw, body, 0, len(body))
    shift = added - cut
    anchors = []
    for _ in range(data.draw(st.integers(1, 25))):
        start = data.draw(st.integers(0, len(body) - 1))
        end = data.draw(st.integers(start + 1, min(len(body), start + data.draw(st.sampled_from([2, 5, 12, 40])))))
        if end + CONTEXT <= at or start - CONTEXT >= at + cut:
            anchors.append(make_anchor(body, start, end))
    for anchor, result in zip(anchors, reanchor_all(anchors, new)):
        assert_points_at_quote(result, anchor, new)
        expected = anchor.start + (0 if anchor.end + CONTEXT <= at else shift)
        if result.found and result.start != expected:
            assert result.start is not None and result.end is not None
            lp, ls = len(anchor.prefix), len(anchor.suffix)
            found = new[max(0, result.start - lp):result.start], new[result.end:result.end + ls]
            true_end = expected + len(anchor.quote)
            assert found == (new[max(0, expected - lp):expected], new[true_end:true_end + ls])
