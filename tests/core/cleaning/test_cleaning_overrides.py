"""Analyst overrides: restore a removed line or remove a kept one; they survive re-cleaning."""
from __future__ import annotations

from app.core.cleaning import clean, segment_key

RAW = "\n".join([
    "본문 바로가기",
    "정부가 내년 연구개발 예산을 역대 최대 규모로 편성했다고 밝혔다.",
    "과학기술정보통신부는 반도체와 인공지능 분야에 예산을 집중 배정했다.",
    "홍길동 기자 hong@hankyung.com",
])


def test_keep_override_restores_a_removed_line() -> None:
    base = clean(RAW, "text")
    signoff = next(s for s in base.segments if s.reason == "signoff-email")
    article = clean(RAW, "text", {segment_key(signoff.text): "keep"})
    restored = next(s for s in article.segments if s.text == signoff.text)
    assert restored.kept and restored.user_override and restored.reason is None
    assert article.body[-1] == signoff.text


def test_remove_override_drops_a_kept_line() -> None:
    line = "과학기술정보통신부는 반도체와 인공지능 분야에 예산을 집중 배정했다."
    article = clean(RAW, "text", {segment_key("  " + line.replace(" ", "   ") + " "): "remove"})
    seg = next(s for s in article.segments if s.text == line)
    assert not seg.kept and seg.user_override and seg.reason == "user-removed"
    assert line not in article.body and seg in article.removed


def test_overrides_survive_re_cleaning_of_edited_input() -> None:
    overrides = {segment_key("본문 바로가기"): "keep"}
    reclean = clean("추가된 머리말 줄\n" + RAW.replace("\n", "\n\n"), "text", overrides)
    assert "본문 바로가기" in reclean.body
    assert all(not s.user_override for s in reclean.segments if s.text != "본문 바로가기")


def test_unknown_override_values_and_keys_change_nothing() -> None:
    base = clean(RAW, "text")
    assert clean(RAW, "text", {"없는 줄": "keep", segment_key("본문 바로가기"): "maybe"}) == base
