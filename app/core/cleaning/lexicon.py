"""Lexicon of web-page UI strings found around Korean news articles.

Rules:
- A line made only of UI *tokens* (plus numbers and punctuation) is boilerplate; its reason is the
  most specific category among its tokens (see ``_PRIORITY``).
- A line equal to a UI *phrase* (compared without spaces) is boilerplate of the phrase's category.
- A short line containing a UI *marker* substring is boilerplate of the marker's category.
- Section headings (``많이 본 뉴스``, ``댓글`` ...) are *terminators*: body rarely continues after them.
Categories are reason names from :data:`app.core.cleaning.model.REASONS`.
"""
from __future__ import annotations

import re

from .outlets import KNOWN_OUTLETS

PORTAL = "portal-ui"
AD = "ad"
SHARE = "share-print-font"
RELATED = "related-news"
COMMENT = "comment-widget"
PROMO = "promo-link"
BYLINE = "byline-date"
COPYRIGHT = "copyright"
PHOTO = "photo-caption"

_TOKENS: dict[str, str] = {}


def _add(category: str, words: str) -> None:
    for word in words.split():
        _TOKENS[word.lower()] = category


_add(PORTAL, """
본문 바로가기 건너뛰기 메뉴 주메뉴 전체메뉴 전체 메인 홈 HOME 뉴스홈 Dim영역 dim 영역 닫기 열기 이전 다음
더보기 더 보기 펼치기 접기 펼쳐보기 검색 검색어 검색하기 검색창 로그인 로그아웃 회원가입 마이페이지 MY 마이 설정
언론사 언론사홈 언론사별 언론사가 구독 구독하기 구독중 구독자 구독취소 응원 응원수 응원하기 네이버 NAVER 네이버뉴스
Daum 다음 다음뉴스 카카오 nate 네이트 네이트뉴스 ZUM 줌 top TOP top버튼 맨위로 위로 처음으로 맨위 새로보기
원본 아이콘 기사원문 원문 원문보기 기사보기 목록 목록보기 전체보기
정치 경제 사회 생활/문화 생활 문화 세계 국제 IT/과학 IT 과학 오피니언 사설 칼럼 연예 스포츠 날씨 포토 영상 TV
라이브 랭킹 팩트체크 신문보기 지면보기 지면 PDF 전자신문보기 산업 금융 증권 부동산 유통 중기 벤처 중기/벤처
IT·과학 정책 글로벌 피플 인물 부고 전국 지역 기획 연재 이슈 뉴스 기사 섹션 카테고리 구독신청 회사소개 개인정보처리방침
개인정보취급방침 이용약관 청소년보호정책 청소년보호책임자 고충처리인 고객센터 제휴문의 광고문의 기사제보 저작권
윤리강령 편집규약 편집원칙 RSS 사이트맵 찾아오시는 길 오시는길 구독안내 독자센터 Q&A FAQ 공지사항 알림 알림받기
앱 앱설치 다운로드 언어 한국어 English 中文 日本語 바로보기 KO EN 메뉴열기 메뉴닫기 뒤로 뒤로가기 재생 정지
음성 음성으로 듣기 음성재생 재생속도 남성 여성 배속 요약 요약봇 AI요약 자동요약 본문요약 해설 읽기모드 다크모드
프리미엄 PREMIUM 타임톡 조회 조회수 beta 베타 전체서비스 서비스 알림설정 편집 수정하기 가이드 뉴스레터 모바일 PC PC버전 모바일웹 앱으로 열기 앱에서 보기
""")
_add(SHARE, """
공유 공유하기 SNS 인쇄 인쇄하기 프린트 출력 글자크기 글자 크기 글씨크기 글씨 폰트 폰트크기 가 가가 크게 작게 확대하기
축소 축소하기 스크랩 스크랩하기 기사저장 저장 저장하기 번역 번역하기 뉴스듣기 듣기 기사듣기 읽어주기 카카오톡 카톡 카카오스토리
페이스북 facebook 트위터 twitter X 엑스 밴드 네이버밴드 라인 LINE 링크복사 링크 복사 URL URL복사 주소복사 복사하기
메일 이메일 이메일보내기 보내기 북마크 텔레그램 핀터레스트 링크드인 linkedin 블로그 카페 글자크기설정 조절 조절하기
좋아요 싫어요 추천 추천하기 추천수 비추천 쏠쏠정보 흥미진진 공감백배 분석탁월 후속강추 훈훈해요 슬퍼요 화나요
후속기사 원해요 후속기사원해요 추천해요 응원해요 축하해요 기대해요 감동이에요 팬이에요 키우기 줄이기 좋아요수 반응 감정 표현 감정표현 공감 공감수 비공감 공유수 클린뷰 기사스크랩
""")
_add(RELATED, """
관련기사 관련뉴스 관련 주요뉴스 주요기사 랭킹뉴스 많이본뉴스 인기기사 인기뉴스 최신기사 최신뉴스 실시간 추천뉴스 추천기사
포토뉴스 핫이슈 핫뉴스 헤드라인 많이 본 함께 읽은 함께본 이시각 시각 오늘의 주요 인기 가장 다른 기자의 연관기사
핫클릭 화제 화제의 포커스 톱뉴스 PICK 픽 언론사픽 추천픽 에디터픽 속보 단독 이슈키워드 키워드 트렌드 최신 뉴스속보
""")
_add(COMMENT, """
댓글 댓글쓰기 댓글보기 댓글수 답글 답글쓰기 답글보기 신고 신고하기 삭제 등록 취소 순공감순 공감순 최신순 과거순 답글순
클린봇 닉네임 비밀번호 BEST BEST댓글 베스트 베플 반대 찬성 작성자 달기 답글달기 의견 의견쓰기 의견남기기 토론 톡 정렬 옵션 선택 작성 작성하기 로그인하기
""")
_add(PHOTO, """
원본보기 확대 확대보기 크게보기 이미지 사진 포토 사진확대 이미지확대 사진보기 슬라이드 갤러리 동영상 영상보기 재생하기
""")
_add(AD, """
AD 광고 Advertisement ADVERTISEMENT 스폰서 Sponsored 파워링크 애드 광고문의 후원 배너 프로모션 PR
""")

_PHRASES: dict[str, str] = {}


def _phrases(category: str, *lines: str) -> None:
    for line in lines:
        _PHRASES[squash(line)] = category


def squash(text: str) -> str:
    """Lower-case ``text`` with whitespace removed (phrase comparison key)."""
    return "".join(text.split()).lower()


_phrases(PORTAL, "본문 바로가기", "메뉴 바로가기", "간격처리를 위한 class", "한 눈에 보는 오늘의 이슈",
         "가장 많이 읽힌 뉴스를 제공합니다", "네이버 메인에서 보고 싶은 언론사를 구독하세요",
         "기사 섹션 분류 안내", "이 기사를 추천합니다", "이 기사에 대해 의견을 남겨주세요",
         "본문 글씨 크기 조정", "Daum 을 시작페이지로", "기사배열 책임자", "뉴스 홈", "오늘의 뉴스",
         "이 기사를 읽은 분들께 추천합니다", "설정을 변경하시겠습니까", "로그인이 필요합니다",
         "현재 위치", "주요 서비스 바로가기", "언론사 구독 설정", "구독 언론사", "Translated by kaka i",
         "번역 beta", "동영상영역 시작", "동영상영역 끝", "페이지 정보", "기자 정보", "기자 프로필", "기자 페이지",
         "이 기사가 좋으셨다면", "레이어 닫기", "후원하기", "프리미엄 콘텐츠", "본문 텍스트 한 단계 확대",
         "본문 텍스트 한 단계 축소", "오디오 기사 듣기", "리포트 듣기", "기사 듣기", "이 기사 어때요?",
         "이 기사에 대해 어떻게 생각하시나요?", "기사 추천", "인/기/기/사",
         "// flash 오류를 우회하기 위한 함수 추가", "본문 내용", "// 본문 내용")
_phrases(RELATED, "많이 본 뉴스", "함께 본 뉴스", "이 시각 추천뉴스", "이 시각 주요뉴스", "이 기자의 다른 기사",
         "기자의 다른 기사", "다른 기사 보기", "언론사 주요뉴스", "섹션별 주요뉴스", "함께 볼만한 뉴스",
         "당신이 좋아할 만한 기사", "이 기사와 함께 많이 본 뉴스", "오늘의 주요뉴스", "가장 많이 본 기사",
         "많이 읽은 기사", "지금 뜨는 뉴스", "실시간 인기 기사", "이 뉴스를 본 다른 사람들이 본 뉴스")
_phrases(COMMENT, "댓글 정렬 옵션 선택", "로그인 후 댓글", "댓글을 입력해 주세요", "댓글을 작성하려면 로그인",
         "첫 댓글을 남겨주세요", "댓글 운영 원칙", "댓글 많은 뉴스", "100자평", "네티즌 의견", "의견 더보기")

_MARKERS: tuple[tuple[str, str], ...] = (
    ("바로가기", PORTAL), ("구독하세요", PORTAL), ("자동추출기술로요약", PORTAL), ("섹션으로분류했습니다", PORTAL),
    ("언론사의분류를따르고", PORTAL), ("집계기준에따라", RELATED), ("많이읽힌뉴스", RELATED),
    ("요약기술의특성상", PORTAL), ("자동요약한결과", PORTAL), ("본문보기를권장", PORTAL), ("언론사홈", PORTAL), ("언론사구독", PORTAL), ("기사원문", PORTAL),
    ("글자크기", SHARE), ("글씨크기", SHARE), ("url이복사", SHARE), ("주소가복사", SHARE), ("링크가복사", SHARE),
    ("로그인후", COMMENT), ("댓글을입력", COMMENT), ("댓글을남겨", COMMENT), ("댓글운영", COMMENT),
    ("클린봇", COMMENT), ("개의댓글", COMMENT), ("첫댓글", COMMENT), ("악플", COMMENT),
    ("카카오톡채널", PROMO), ("채널추가", PROMO), ("친구추가", PROMO), ("제보하기", PROMO), ("기사제보", PROMO),
    ("보도자료제보", PROMO), ("유튜브구독", PROMO), ("뉴스레터신청", PROMO), ("무료구독", PROMO),
    ("앱다운로드", PROMO), ("이벤트참여", PROMO), ("구독신청", PROMO), ("독자여러분의소중한제보", PROMO),
    ("광고문의", AD), ("advertisement", AD), ("스폰서", AD),
    ("편집방향과다를", BYLINE), ("편집방향과는다를", BYLINE), ("본지의입장과다를", BYLINE), ("필자의개인의견", BYLINE),
    ("뉴스와이어를통해배포", PROMO), ("배포한보도자료", PROMO),
    ("구독많은기자", PORTAL), ("아웃링크", RELATED), ("보여주고싶은기사", SHARE), ("관심을받고있는뉴스", RELATED),
    ("후원으로만들어", PROMO), ("제보는카카오톡", PROMO), ("음성변환", SHARE), ("기사제공", PORTAL),
    ("구독자전용", PROMO), ("유료회원전용", PROMO), ("전체기사를읽", PROMO), ("로그인하고전체", PROMO),
    ("함께보면좋은", RELATED), ("많이본뉴스", RELATED), ("핫클릭", RELATED), ("추천기사", RELATED),
)
"""(squashed substring, category) pairs; applied to lines up to :data:`MARKER_MAX_LEN` characters."""

MARKER_MAX_LEN = 90

TERMINATOR_KEYS: frozenset[str] = frozenset(squash(s) for s in (
    "많이 본 뉴스", "함께 본 뉴스", "이 시각 추천뉴스", "이 시각 주요뉴스", "관련기사", "관련 뉴스", "주요뉴스",
    "랭킹뉴스", "인기기사", "최신기사", "댓글", "전체 댓글", "댓글쓰기", "이 기자의 다른 기사", "기자의 다른 기사",
    "다른 기사 보기", "섹션별 주요뉴스", "오늘의 주요뉴스", "많이 읽은 기사", "가장 많이 본 기사", "포토뉴스",
    "추천기사", "추천뉴스", "함께 볼만한 뉴스", "실시간 인기 기사", "댓글 많은 뉴스", "핫이슈", "언론사 주요뉴스",
    "이 기사와 함께 많이 본 뉴스", "당신이 좋아할 만한 기사", "지금 뜨는 뉴스", "많이 본 기사", "이슈 키워드",
    "이 시각 많이 본 뉴스", "함께 보면 좋은 기사", "오늘의 핫 클릭", "네티즌 의견", "AI 추천 기사", "실시간 이슈",
    "인/기/기/사", "타임톡", "댓글 더보기", "지금 뜨는 기사", "이 시각 헤드라인", "함께 볼만한 기사",
    "독자 의견", "독자의견", "의견", "의견쓰기", "댓글 보기", "comments", "comment", "100자평", "자평", "토론",
))
"""Section headings after which the article body practically never continues."""

_PRIORITY = (COMMENT, RELATED, SHARE, AD, PHOTO, PORTAL)
for _name in KNOWN_OUTLETS:  # outlet names next to UI words (``연합뉴스 언론사 이미지``) are UI too
    _TOKENS.setdefault(_name.lower(), PORTAL)
_OUTLET_KEYS = frozenset(squash(name) for name in KNOWN_OUTLETS)
_TOKEN_SPLIT = re.compile(r"[\s|/·•:,()\[\]{}<>「」『』\"'!?…~+\-=>#*]+")
_NUMERIC = re.compile(r"^[\d.,%]+(?:명|만|만명|천|천명|건|회|개|k|m)?$")
"""Numbers and counts (``3,412명``, ``1.2만``) next to UI words."""
_STRIP_NUM = re.compile(r"\d+")


def token_category(line: str) -> str | None:
    """Category when every token of ``line`` is a UI token (numbers allowed), else None."""
    if len(line) > 120:
        return None
    found: set[str] = set()
    for raw in _TOKEN_SPLIT.split(line):
        if not raw or _NUMERIC.match(raw):
            continue
        token = raw.lower()
        cat = _TOKENS.get(token) or _TOKENS.get(_STRIP_NUM.sub("", token))
        if cat is None:
            return None
        found.add(cat)
    for cat in _PRIORITY:
        if cat in found:
            return cat
    return None


_MARKER_RE = re.compile("|".join(re.escape(m) for m, _ in _MARKERS))
_MARKER_CAT = dict(_MARKERS)


def phrase_category(line: str, key: str | None = None) -> str | None:
    """Category of a line equal to, or (if short) containing, a known UI phrase (or outlet name)."""
    if len(line) > 150:
        return None
    key = squash(line) if key is None else key
    if key in _PHRASES:
        return _PHRASES[key]
    if key in _OUTLET_KEYS:
        return PORTAL
    if len(line) <= MARKER_MAX_LEN:
        m = _MARKER_RE.search(key)
        if m:
            return _MARKER_CAT[m.group(0)]
    return None


def is_terminator(line: str, key: str | None = None) -> bool:
    """True for section headings such as ``많이 본 뉴스`` or ``댓글 12``."""
    if len(line) > 40:
        return False
    key = squash(line) if key is None else key
    return _STRIP_NUM.sub("", key).strip("()[]<>·|:") in TERMINATOR_KEYS


def lexicon_category(line: str, key: str | None = None) -> str | None:
    """Lexicon verdict for one stripped line: a reason name or None."""
    return phrase_category(line, key) or token_category(line)
