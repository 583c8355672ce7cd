"""The two seed articles (text copied from real news pages) clean to exactly their body."""
from __future__ import annotations

from app.core.cleaning import CLEANER_VERSION, clean


def _lines(raw: str, numbers: list[int]) -> list[str]:
    lines = raw.split("\n")
    return [lines[n - 1].strip() for n in numbers]


def test_seed_000_keeps_unique_paragraphs_in_order(seed_000: str) -> None:
    article = clean(seed_000, "text")
    assert list(article.body) == _lines(seed_000, list(range(1, 10)) + list(range(18, 24)))


def test_seed_000_removes_repeats_and_signoff_with_reasons(seed_000: str) -> None:
    article = clean(seed_000, "text")
    by_line = {seed_000.count("\n", 0, s.start) + 1: s for s in article.segments}
    assert all(by_line[n].reason == "duplicate" for n in list(range(10, 18)) + list(range(25, 30)))
    assert by_line[24].reason == "signoff-email"
    assert by_line[30].reason == "signoff-email"


def test_seed_000_dateline_lead_is_kept_whole_and_read(seed_000: str) -> None:
    article = clean(seed_000, "text")
    assert article.body[0].startswith("[서울=뉴시스]이현주 기자 = LG그룹이")
    assert article.outlet == "뉴시스"
    assert article.reporter == "이현주"
    assert article.cleaner_version == CLEANER_VERSION


def test_seed_002_body_title_outlet(seed_002: str) -> None:
    article = clean(seed_002, "text")
    assert list(article.body) == _lines(seed_002, [21, 24, 26, 29, 30, 32, 35, 37, 40, 41, 43, 46, 49])
    assert article.title == "[산업의 맥]퓨리오사AI가 보여준 韓 AI 반도체의 미래"
    assert article.outlet == "아시아경제"


def test_seed_002_reasons_of_removed_lines(seed_002: str) -> None:
    article = clean(seed_002, "text")
    reason = {seed_002.count("\n", 0, s.start) + 1: s.reason for s in article.segments}
    assert reason[1] == "portal-ui"  # 본문 바로가기
    assert reason[4] == "title"
    assert reason[8] == "share-print-font"  # 뉴스듣기 스크랩 글자크기
    assert reason[14] == reason[16] == reason[52] == "byline-date"  # the columnist around the photo
    assert reason[18] == "ad"
    assert reason[56] == "title"  # headline copy + 원본보기 아이콘
    assert reason[63] == "copyright"
    assert reason[65] == "related-news"  # 함께 본 뉴스
    assert article.reporter == "박영선"


def test_segment_offsets_point_into_raw(seed_002: str) -> None:
    article = clean(seed_002, "text")
    assert len(article.segments) == sum(1 for line in seed_002.split("\n") if line.strip())
    for seg in article.segments:
        assert seed_002[seg.start:seg.end] == seg.text
    assert article.removed == tuple(s for s in article.segments if not s.kept)
