"""Outlet, reporter and date found in leads, sign-offs, copyright and date lines; CP949 mojibake repair."""
from __future__ import annotations

import pytest

from app.core.cleaning import clean
from app.core.cleaning.metadata import parse_date

SENTENCE = "정부가 반도체 산업 지원 방안을 발표했다고 밝혔다. 업계는 환영한다는 입장을 내놨다."


@pytest.mark.parametrize("lead, outlet, reporter", [
    ("[서울=뉴시스]이현주 기자 = ", "뉴시스", "이현주"),
    ("(세종=연합뉴스) 홍길동 기자 = ", "연합뉴스", "홍길동"),
    ("[아시아경제 최서윤 기자] ", "아시아경제", "최서윤"),
    ("[머니투데이 세종=최민희 기자] ", "머니투데이", "최민희"),
    ("[헤럴드경제=김민지 기자] ", "헤럴드경제", "김민지"),
    ("[이데일리 김국배 기자] ", "이데일리", "김국배"),
])
def test_dateline_leads_give_outlet_and_reporter_and_stay_in_the_body(lead: str, outlet: str, reporter: str) -> None:
    article = clean(lead + SENTENCE + "\n" + SENTENCE.replace("정부가", "산업부가"), "text")
    assert article.body[0] == lead.strip() + (" " if lead.endswith(" ") else "") + SENTENCE or article.body[0].startswith(lead.strip())
    assert (article.outlet, article.reporter) == (outlet, reporter)


@pytest.mark.parametrize("tail, outlet", [
    ("<ⓒ투자가를 위한 경제콘텐츠 플랫폼, 아시아경제(www.asiae.co.kr) 무단전재 배포금지>", "아시아경제"),
    ("◎공감언론 뉴시스 [email protected]", "뉴시스"),
    ("ⓒ 한국경제 & hankyung.com, 무단전재 및 재배포 금지", "한국경제"),
    ("저작권자 © 대경일보 무단전재 및 재배포 금지", "대경일보"),
    ("홍길동 기자 hong@etnews.com", "전자신문"),
])
def test_outlet_from_copyright_signoff_or_email(tail: str, outlet: str) -> None:
    article = clean(SENTENCE + "\n" + tail, "text")
    assert article.outlet == outlet
    assert article.body == (SENTENCE,)


def test_tv_signoff_gives_reporter_and_outlet() -> None:
    article = clean("[앵커]\n" + SENTENCE + "\nKBS 뉴스 김지훈입니다.", "text")
    assert (article.outlet, article.reporter) == ("KBS", "김지훈")
    assert "KBS 뉴스 김지훈입니다." not in article.body


@pytest.mark.parametrize("text, iso", [
    ("입력 2024.10.08. 오전 9:12", "2024-10-08T09:12:00+09:00"),
    ("입력2024.10.08. 오후 12:05", "2024-10-08T12:05:00+09:00"),
    ("기사입력 2019.03.05 오후 12:00", "2019-03-05T12:00:00+09:00"),
    ("2024. 11. 26. 12:00", "2024-11-26T12:00:00+09:00"),
    ("2024년 9월 27일", "2024-09-27"),
    ("2027년 5월 1기 팹 준공 목표", None),
    ("2024.13.40", None),
])
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_created_date_beats_modified_date() -> None:
    raw = "최종수정 2024-07-10 15:10\n기사전송 2024-07-10 14:32\n" + SENTENCE
    assert clean(raw, "text").published_at == "2024-07-10T14:32:00+09:00"


def test_cp949_text_misdecoded_as_latin1_is_repaired() -> None:
    original = "전자신문\n로그인\n" + SENTENCE + "\n박진형 기자 jin@etnews.com"
    raw = original.encode("cp949").decode("latin-1")
    article = clean(raw, "text")
    assert article.body == (SENTENCE,)
    assert article.extra["repaired_encoding"] == "cp949"
    seg = next(s for s in article.segments if s.kept)
    assert raw[seg.start:seg.end].encode("latin-1").decode("cp949") == SENTENCE


def test_cp949_html_misdecoded_as_latin1_is_repaired() -> None:
    page = ("<html><head><meta property='og:title' content='반도체 지원'></head><body><nav>로그인</nav>"
            f"<div id='article-view-content-div'><p>{SENTENCE}</p><p>{SENTENCE.replace('정부가', '산업부가')}</p></div>"
            "</body></html>")
    raw = page.encode("cp949").decode("latin-1")
    article = clean(raw, "html")
    assert article.title == "반도체 지원" and article.body[0] == SENTENCE
    seg = next(s for s in article.segments if s.kept)
    assert raw[seg.start:seg.end].encode("latin-1").decode("cp949") == SENTENCE


def test_latin_text_is_not_mistaken_for_mojibake() -> None:
    raw = "Café déjà vu — naïve façade. " * 5
    assert clean(raw, "text").extra.get("repaired_encoding") is None
