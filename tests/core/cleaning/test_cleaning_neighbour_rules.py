"""Rules added after the blind round (cleaner 1.1): lines judged with their neighbours or by cue.

Each test pastes a small, realistic piece of a copied page and checks what the analyst would see:
which lines stay in the body and why the others went.
"""
from __future__ import annotations

from app.core.cleaning import clean

LEAD = "[서울=뉴스1] 김민수 기자 = 정부가 뿌리산업 중소기업 3000곳의 스마트공장 전환을 지원한다고 1일 밝혔다."
BODY = [
    LEAD,
    "중소벤처기업부는 2027년까지 총 6000억원을 투입해 인공지능 기반 공정 최적화를 돕기로 했다.",
    "기업당 지원 한도는 최대 4억원이며 자부담 비율은 30%로 정해졌다.",
    "중기부 관계자는 \"설비만 바꾸고 쓰지 못하는 일이 없도록 교육도 함께 지원하겠다\"고 말했다.",
]
TAIL = ["김민수 기자 minsu@news1.kr", "Copyright ⓒ 뉴스1. All rights reserved. 무단 전재 및 재배포 금지."]


def _clean(lines: list[str]):
    return clean("\n".join(lines), "text")


def _reasons(lines: list[str]) -> dict[str, str | None]:
    return {s.text: s.reason for s in _clean(lines).segments}


def test_triangle_bullets_are_body_but_triangle_captions_are_not() -> None:
    bullets = ["▲스마트공장 구축비 최대 4억원 지원", "▲AI 공정 진단 컨설팅 1000곳 무상 제공", "▲전용 정책자금 1500억원 신설"]
    caption = "▲ 오영주 장관이 1일 정부세종청사에서 브리핑하고 있다. 연합뉴스"
    article = _clean([caption, *BODY[:2], *bullets, *BODY[2:], *TAIL])
    assert all(b in article.body for b in bullets)
    assert caption not in article.body
    assert _reasons([caption, *BODY])[caption] == "photo-caption"


def test_open_daum_summary_box_is_not_body() -> None:
    summary = ["정부가 뿌리기업 3000곳의 스마트공장 전환을 돕는다.", "4년간 6000억원이 투입된다."]
    lines = ["요약봇", "기사 제목과 주요 문장을 기반으로 자동요약한 결과입니다.",
             "전체 맥락을 이해하기 위해서는 본문 보기를 권장합니다.", *summary, *BODY, *TAIL]
    article = _clean(lines)
    assert list(article.body) == BODY
    assert all(_reasons(lines)[s] == "portal-ui" for s in summary)


def test_summary_sentences_stay_when_no_summary_box_is_open() -> None:
    """Without a summary disclaimer the ``요약봇`` button is just UI: the body right after it stays."""
    article = _clean(["요약봇", *BODY, *TAIL])
    assert list(article.body) == BODY


def test_caption_above_a_bare_credit_goes_with_it() -> None:
    lines = ["최정민 K-딥테크 얼라이언스 회장", "[촬영 한지훈]", *BODY, *TAIL]
    reasons = _reasons(lines)
    assert reasons["[촬영 한지훈]"] == "photo-caption"
    assert reasons["최정민 K-딥테크 얼라이언스 회장"] == "photo-caption"
    assert list(_clean(lines).body) == BODY


def test_body_continues_below_a_table_pasted_one_cell_per_line() -> None:
    table = ["기업", "매출(억원)", "영업이익(억원)", "A사", "12,300", "110", "B사", "9,800", "85"]
    after = "업계는 하반기 북미 공장 가동이 본격화하면 실적이 회복될 것으로 보고 있다. 다만 신중론도 나온다."
    lines = [*BODY[:2], "업체별 실적은 다음과 같다.", *table, after, *TAIL]
    article = _clean(lines)
    assert after in article.body
    assert not set(table) & set(article.body)
    assert _reasons(lines)["12,300"] == "table"


def test_comments_pasted_after_the_copyright_line_are_not_body() -> None:
    comments = [
        "정부가 매번 지원하겠다고 발표만 하고 실제로 현장에 오는 돈은 거의 없습니다. 이번에도 마찬가지일 것이라고 봅니다.",
        "인력난은 돈으로만 해결되는 문제가 아니라고 생각합니다. 지방 산업단지에 젊은 사람들이 살 환경을 먼저 만들어야 합니다.",
        "저희 공장도 외국인 근로자가 절반이 넘었습니다. 말이 잘 통하지 않아 안전사고가 걱정되지만 다른 방법이 없습니다.",
        "숙련공이 은퇴하면 기술이 끊기는 게 가장 큰 문제입니다. 젊은 직원에게 기술을 전수할 시간도 인력도 부족합니다.",
    ]
    article = _clean([*BODY[:2], *TAIL, *comments])
    assert list(article.body) == BODY[:2]


def test_arrow_led_interview_questions_are_body_but_arrow_promos_are_not() -> None:
    qa = ["▶ 중소기업이 로봇을 들이기 어려운 이유는.",
          "가장 큰 벽은 초기 비용과 운영 인력이다. 그래서 우리는 로봇을 팔지 않고 빌려준다.",
          "▶ 정부 지원이 부족하다는 지적이 있는데.",
          "지원 규모보다 방식이 문제다. 운영 단계까지 지원해야 한다."]
    promo = "▶ 서울경제 네이버 채널 구독하기"
    article = _clean([*BODY, *qa, *TAIL, promo])
    assert all(line in article.body for line in qa)
    assert promo not in article.body


def test_subheads_with_everyday_words_are_not_promos() -> None:
    subhead = "◇ 공공 구매가 다리가 될 수 있다"
    article = _clean([*BODY[:2], subhead, *BODY[2:], *TAIL])
    assert subhead in article.body


def test_tv_staff_credits_page_numbers_and_relative_times_are_removed() -> None:
    credits = "(영상취재 : 김태훈, 영상편집 : 이정민, 디자인 : 최하늘)"
    reasons = _reasons([*BODY, credits, "종합 10면", "3시간전", *TAIL])
    assert reasons[credits] == "signoff-email"
    assert reasons["종합 10면"] == "byline-date"
    assert reasons["3시간전"] == "byline-date"


def test_column_bio_opening_with_name_and_position_is_removed() -> None:
    bio = "김서윤 한겨레 경제산업부 선임기자. 산업·통상 분야를 15년간 취재했다. 저서로 '공장의 시대'가 있다."
    article = _clean([*BODY, "syk@hani.co.kr", bio, "ⓒ 한겨레신문사 : 무단전재 및 재배포 금지"])
    assert bio not in article.body
    assert list(article.body) == BODY


def test_english_caption_with_parenthesised_credit_is_removed() -> None:
    body = ["South Korea's chip industry on Wednesday urged the government to speed up approval of power lines "
            "for the planned semiconductor cluster in Yongin.",
            "The association said at least 10 gigawatts of new power supply will be needed by 2030, but permits "
            "for key transmission lines remain stalled."]
    caption = "The Samsung Electronics Pyeongtaek campus in Gyeonggi Province (Samsung Electronics)"
    article = _clean([caption, *body, "herim@heraldcorp.com"])
    assert list(article.body) == body


def test_unlabelled_publication_time_beats_a_labelled_modification_time() -> None:
    article = _clean(["2019.08.06. 오전 11:32 최종수정 2019.08.06. 오후 2:10", *BODY, *TAIL])
    assert article.published_at == "2019-08-06T11:32:00+09:00"


def test_script_text_leaked_into_a_copy_is_removed() -> None:
    junk = ["// flash 오류를 우회하기 위한 함수 추가", "function _flash_removeCallback() {}",
            "(adsbygoogle = window.adsbygoogle || []).push({});"]
    article = _clean([junk[0], junk[1], *BODY[:2], junk[2], *BODY[2:], *TAIL])
    assert list(article.body) == BODY
