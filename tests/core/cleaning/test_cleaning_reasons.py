"""Each removal reason on small, realistic pieces of copied news pages."""
from __future__ import annotations

from app.core.cleaning import REASONS, clean

BODY = [
    "[세종=뉴스1] 김민수 기자 = 정부가 중소기업 스마트공장 지원 사업을 고도화 중심으로 개편한다고 8일 밝혔다.",
    "중소벤처기업부는 기초 단계 보급을 줄이고 데이터 기반 공정 최적화 지원을 늘리기로 했다.",
    "기업당 지원 한도는 최대 4억원으로 높아지며 성과에 따라 지원금을 차등 지급한다.",
    "중기부 관계자는 \"실제 성과가 나는 기업에 지원을 집중하겠다\"고 설명했다.",
]


def _reasons(raw: str) -> dict[str, str | None]:
    return {s.text: s.reason for s in clean(raw, "text").segments}


def test_reason_names_are_kebab_case_and_known() -> None:
    assert all(r == r.lower() and " " not in r for r in REASONS)
    raw = "\n".join(["본문 바로가기", "AD", *BODY, "김민수 기자 minsu@news1.kr", "많이 본 뉴스"])
    for seg in clean(raw, "text").segments:
        assert seg.reason is None or seg.reason in REASONS


def test_portal_share_ad_byline_lines_before_the_body() -> None:
    raw = "\n".join(["본문 바로가기", "언론사 홈 구독", "뉴스듣기 스크랩 글자크기", "공유하기", "AD",
                     "입력 2024.10.08. 오전 9:12 수정 2024.10.08. 오전 10:30", *BODY])
    reasons = _reasons(raw)
    assert reasons["본문 바로가기"] == "portal-ui"
    assert reasons["언론사 홈 구독"] == "portal-ui"
    assert reasons["뉴스듣기 스크랩 글자크기"] == "share-print-font"
    assert reasons["공유하기"] == "share-print-font"
    assert reasons["AD"] == "ad"
    assert reasons["입력 2024.10.08. 오전 9:12 수정 2024.10.08. 오전 10:30"] == "byline-date"
    assert clean(raw, "text").published_at == "2024-10-08T09:12:00+09:00"


def test_tail_signoff_copyright_promo_related_comments() -> None:
    tail = ["김민수 기자 minsu@news1.kr", "Copyright ⓒ 뉴스1. All rights reserved. 무단 전재 및 재배포 금지.",
            "▶ 네이버에서 뉴스1 구독하기", "관련기사", "중기부, 팁스 지원 한도 상향", "댓글 12",
            "로그인하고 댓글을 입력해 주세요."]
    reasons = _reasons("\n".join([*BODY, *tail]))
    assert reasons[tail[0]] == "signoff-email"
    assert reasons[tail[1]] == "copyright"
    assert reasons[tail[2]] == "promo-link"
    assert reasons[tail[3]] == "related-news"
    assert reasons[tail[4]] == "not-body"
    assert reasons[tail[5]] == "comment-widget"
    assert reasons[tail[6]] == "comment-widget"


def test_photo_captions_inside_the_body_are_removed() -> None:
    captions = ["오영주 중소벤처기업부 장관이 8일 서울 종로구 정부서울청사에서 브리핑을 하고 있다. /사진=뉴스1",
                "스마트공장 내부 모습. (사진=중소벤처기업부 제공)",
                "[사진 = 게티이미지뱅크]"]
    raw = "\n".join([BODY[0], captions[0], BODY[1], captions[1], BODY[2], captions[2], BODY[3]])
    article = clean(raw, "text")
    assert list(article.body) == BODY
    assert {s.reason for s in article.removed} == {"photo-caption"}


def test_duplicates_keep_the_first_copy_but_speaker_labels_repeat() -> None:
    raw = "\n".join(["[앵커]", BODY[1], "[기자]", BODY[2], "[앵커]", BODY[3], BODY[2] + "  ", BODY[1].replace(" ", "  ")])
    article = clean(raw, "text")
    assert list(article.body) == ["[앵커]", BODY[1], "[기자]", BODY[2], "[앵커]", BODY[3]]
    assert [s.reason for s in article.removed] == ["duplicate", "duplicate"]


def test_near_duplicate_paragraph_is_removed() -> None:
    near = BODY[1].replace("늘리기로 했다", "늘리기로 결정했다")
    article = clean("\n".join([*BODY, near]), "text")
    assert list(article.body) == BODY
    assert article.removed[0].reason == "duplicate"


def test_headline_goes_to_title_and_subheads_inside_the_body_stay() -> None:
    title = "중기부, 스마트공장 지원 방식 전면 개편…'고도화'에 집중"
    raw = "\n".join(["메뉴", title, "글자크기 설정", BODY[0], BODY[1], "데이터 기반 고도화로 방향 전환",
                     BODY[2], BODY[3], "Copyright ⓒ 뉴스1"])
    article = clean(raw, "text")
    assert article.title == title
    assert "데이터 기반 고도화로 방향 전환" in article.body
    assert title not in article.body
    assert _reasons(raw)[title] == "title"


def test_lines_far_from_the_body_are_not_body() -> None:
    raw = "\n".join([*BODY, "Copyright ⓒ 뉴스1. 무단 전재 및 재배포 금지.", "오늘의 운세", "날씨 맑음 18도"])
    reasons = _reasons(raw)
    assert reasons["오늘의 운세"] == "not-body"
    assert reasons["날씨 맑음 18도"] == "not-body"


def test_text_without_any_boilerplate_is_kept_whole() -> None:
    assert list(clean("\n\n".join(BODY), "text").body) == BODY
