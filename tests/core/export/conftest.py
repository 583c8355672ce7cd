"""Shared Korean sample data for the export writer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.export import CodebookEntry, ExportProject, HighlightRecord, SourceDoc, TagRef, sentence_context

TESTS_DIR = Path(__file__).resolve().parents[2]
XSD_CANDIDATES = (
    TESTS_DIR / "data" / "refi-qda-project-mrt2019.xsd",
    Path("/work/shared/schemas/refi-qda-project-mrt2019.xsd"),
)

CODEBOOK = (
    CodebookEntry(1, None, "산업정책", "#1E88E5", "정부의 산업 지원 정책", "1", 0),
    CodebookEntry(2, 1, "반도체·AI 반도체", "#43a047", None, None, 1),
    CodebookEntry(3, 1, '보조금, "세액공제"', "#F4511E", "세제 <혜택> & 보조금", None, 0),
    CodebookEntry(4, None, "스타트업 생태계", "#8E24AAFF", None, None, 1),
    CodebookEntry(5, 4, "투자 🚀", "#FB8", "VC 투자\n둘째 줄", None, 0),
)
TAGS = {
    e.id: TagRef(e.id, e.name, path, e.color)
    for e, path in zip(
        CODEBOOK,
        (
            "산업정책",
            "산업정책/반도체·AI 반도체",
            '산업정책/보조금, "세액공제"',
            "스타트업 생태계",
            "스타트업 생태계/투자 🚀",
        ),
    )
}

BODY_1 = (
    "정부가 반도체 산업에 26조원 규모의 지원 프로그램을 가동한다.\n"
    '최상목 부총리는 "AI 반도체 수요가 2.25배 늘었다"고 밝혔다. U.S. 정부도 비슷한 정책을 편다.\n'
    '🚀 스타트업 투자는 지난해보다 30% 줄었다. 업계는 "투자 혹한기"라고 말했다.'
)
BODY_2 = '=HYPERLINK("http://evil.example","클릭") 이라는 문구가 본문에 있다.\n두 번째 문단, 쉼표와 "따옴표".'


def _rec(
    hid: int, article: int, body: str, quote: str, tags: tuple[int, ...], note: str | None, **kw
) -> HighlightRecord:
    start = body.index(quote)
    end = start + len(quote)
    fields = dict(
        highlight_id=hid,
        article_id=article,
        title="반도체 지원 26조원" if article == 1 else '=제목, "따옴표"',
        outlet="한국경제" if article == 1 else "연합뉴스",
        reporter="김기자",
        published_at="2024-03-05T09:00:00+09:00" if article == 1 else "2024-04-01",
        source="https://n.news.naver.com/article/015/0004957812" if article == 1 else "clipboard",
        tags=tuple(TAGS[t] for t in tags),
        quote=quote,
        context=sentence_context(body, start, end),
        start=start,
        end=end,
        prefix=body[max(0, start - 32) : start],
        suffix=body[end : end + 32],
        note=note,
        annotator="analyst 한",
        created_at="2024-03-06T01:02:03Z",
        updated_at="2024-03-07T04:05:06+00:00",
    )
    fields.update(kw)
    return HighlightRecord(**fields)


def make_records() -> tuple[HighlightRecord, ...]:
    return (
        _rec(10, 1, BODY_1, "26조원 규모의 지원 프로그램", (1, 2), '핵심, 금액 "26조"\n둘째 줄'),
        _rec(11, 1, BODY_1, "AI 반도체 수요가 2.25배 늘었다", (2,), None),
        _rec(12, 1, BODY_1, "스타트업 투자는 지난해보다 30% 줄었다", (5, 4), "-30% 감소 😢", annotator=None),
        _rec(20, 2, BODY_2, '=HYPERLINK("http://evil.example","클릭")', (3,), "@멘션\t탭"),
        _rec(21, 2, BODY_2, '쉼표와 "따옴표"', (), "+추가 메모"),
    )


@pytest.fixture
def records() -> tuple[HighlightRecord, ...]:
    return make_records()


@pytest.fixture
def project(records: tuple[HighlightRecord, ...]) -> ExportProject:
    sources = (
        SourceDoc(
            1,
            "반도체 지원 26조원",
            BODY_1,
            "한국경제",
            "김기자",
            "2024-03-05T09:00:00+09:00",
            "naver",
            "2024-03-06T00:00:00Z",
            '기사 메모, "중요"',
            "https://n.news.naver.com/article/015/0004957812",
        ),
        SourceDoc(
            2, '=제목, "따옴표"', BODY_2, "연합뉴스", None, "2024-04-01", "clipboard", "2024-04-02 10:00:00"
        ),
    )
    return ExportProject(
        "본문 프로젝트 <테스트>",
        "2024-05-01T00:00:00Z",
        "연구자",
        CODEBOOK,
        sources,
        records,
        namespace="library-1",
    )


@pytest.fixture(scope="session")
def xsd_path() -> Path:
    for candidate in XSD_CANDIDATES:
        if candidate.is_file():
            return candidate
    pytest.skip(
        "REFI-QDA project schema not found: copy refi-qda-project-mrt2019.xsd to tests/data/ "
        f"(looked in {', '.join(str(c) for c in XSD_CANDIDATES)})"
    )


@pytest.fixture
def body_1() -> str:
    return BODY_1
