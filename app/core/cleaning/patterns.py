"""Regular expressions for Korean news boilerplate lines and sentence endings.

Rules:
- Every pattern is applied to a stripped line of at most :data:`PATTERN_MAX_LEN` characters (longer
  lines are body-sized and skip these checks), so no pattern can run for long.
- :func:`pattern_reason` returns the reason of the first family that matches, in the order
  copyright (a bare ``ⓒ 뉴스1`` credit is a caption), TV staff credits (``영상취재: … / 영상편집: …``),
  print page references (``종합 10면``) and relative times (``3시간전``), sign-off (e-mail, ``◎공감언론 뉴시스``, TV ``KBS 뉴스 홍길동입니다.``,
  ``(끝)``, ``문의 : …``, press-release ``담당부서 …``), photo caption (also ``▲`` lines with a scene/credit
  cue, bare credits ``[촬영 홍길동]``, ``…하고 있다. 동아일보DB``, English ``… campus (Samsung Electronics)``
  or ``…. (Yonhap)``), by-line/date (also split datelines and
  author bios), promo link (``▶`` interview questions and ``◇``/``■`` subheads without strong promo words
  are not), hashtag line; None otherwise.
"""
from __future__ import annotations

import re

PATTERN_MAX_LEN = 260

HANGUL = re.compile(r"[가-힣]")
_DIGIT = re.compile(r"\d")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email[\s\xa0]*protected\]", re.IGNORECASE)
_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·,ㆍ]\s*{_NAME})*"
REPORTER_ROLE = (r"(?:기자|특파원|선임기자|전문기자|객원기자|인턴기자|수습기자|논설위원|편집위원|기상캐스터|"
                 r"에디터|통신원|연구원|전문위원|앵커|리포터)")

# Copyright notices -------------------------------------------------------------------------
COPYRIGHT = re.compile(
    r"ⓒ|©|\(c\)\s*\S|copyright|저작권자|무단\s*전재|무단\s*배포|재배포\s*금지|all\s+rights\s+reserved"
    r"|AI\s*학습\s*(?:및\s*활용\s*)?(?:이용\s*)?금지|저작권법|무단\s*게재|전재하여\s*제공",
    re.IGNORECASE)
_COPYRIGHT_HINT = re.compile(r"[ⓒ©]|\([cC]\)|[cC][oO][pP][yY]|저작권|무단|재배포|[rR][iI][gG][hH][tT][sS]|학습|전재")
_COPYRIGHT_STRONG = re.compile(r"무단|재배포|all\s+rights|copyright|저작권|전재하여", re.IGNORECASE)

# Sign-offs -----------------------------------------------------------------------------------
SIGNOFF_TV = re.compile(
    r"^(?:[A-Za-z가-힣]{1,12}\s*){0,2}(?:뉴스\s*)?" + _NAMES + r"\s*(?:입니다|이었습니다|였습니다)\s*\.?$")
SIGNOFF_TV_OUTLET = re.compile(r"^(?:KBS|MBC|SBS|YTN|JTBC|MBN|OBS|TV조선|채널A|연합뉴스\s?TV|한국경제\s?TV|SBS\s?Biz|"
                               r"MTN|CBS|EBS|아리랑|뉴스\s?Y|[가-힣]{2,6}\s?방송)")
SIGNOFF_GONGGAM = re.compile(r"^[◎▶○■]?\s*공감언론\s*뉴시스")
CONTACT = re.compile(r"^[\[(<]?\s*(?:문의|연락처|언론\s*연락처|담당\s*부서|담당자|자료\s*문의|보도\s*문의)\s*[\])>]?\s*[:：]")
CONTACT_HEADER = re.compile(r"^(?:담당\s*부서|담당자|책임자|문의처|보도\s*책임자)\s+\S")
"""Press-release header cells without a colon (``담당부서 창업정책과``)."""
SIGNOFF_NAME = re.compile(rf"^[/\-–—=]?\s*(?:글\s*[=·]?\s*)?{_NAMES}\s*{REPORTER_ROLE}\s*[\[(<]?\s*$")

TV_CREDITS = re.compile(
    r"^[\[(]?\s*(?:(?:영상\s*취재|촬영\s*기자|촬영|영상\s*편집|그래픽|디자인|CG|VJ|자료\s*조사|작가|구성|드론\s*촬영|영상\s*제공)"
    r"\s*[:：]?\s*[가-힣A-Za-z·]{1,12}(?:\s*[·,]\s*[가-힣]{2,4})*\s*[/,|]?\s*)+[\])]?$")
"""TV staff credits: ``(영상취재 : 김태훈, 영상편집 : 이정민)``, ``촬영기자:박상욱/영상편집:이수진``."""
_TV_CREDIT_WORDS = ("취재", "촬영", "편집", "그래픽", "디자인", "CG", "VJ")
PAGE_NUMBER = re.compile(r"^(?:지면\s*)?(?:[가-힣]{2,4}\s*)?[A-Z]?\d{1,2}\s*면$|^지면\s*[A-Z]?\d{1,2}\s*면?$")
"""Print-edition page references: ``종합 10면``, ``지면A13``."""

# Photo captions ------------------------------------------------------------------------------
_CREDIT_WORDS = (r"(?:제공|뉴스1|뉴시스|연합뉴스|연합|게티|이미지|사진|기자|AP|AFP|로이터|EPA|Reuters|DB|캡처|캡쳐|"
                 r"갈무리|홈페이지|공동취재|그래픽|셔터스톡|Shutterstock|Getty|유튜브|SNS)")
CAPTION = re.compile(
    r"(?:[(\[<{/]|^)\s*(?:사진|그래픽|이미지|이미지\s*출처|자료|출처|영상|사진\s*제공|사진제공|제공|일러스트|도표)\s*[=:：]"
    r"|\[\s*(?:사진|이미지|그래픽)\s*\]|ⓒ\s*(?:News1|뉴스1)|사진\s*공동취재단|게티이미지\s*뱅크|게티이미지코리아"
    r"|(?:왼쪽|오른쪽)(?:부터|\s*(?:두|세|네|다섯)\s*번째|\s*첫\s*번째)|\((?:왼쪽|오른쪽|가운데|위|아래|앞줄|뒷줄)[^)]{0,8}\)"
    r"|(?:포즈를\s*취하|기념\s*촬영을\s*하|사진을\s*찍)고\s*있다",
    re.IGNORECASE)
CAPTION_TAIL = re.compile(
    r"(?:/\s*[^/]{0,24}" + _CREDIT_WORDS + r"[^/]{0,12}"
    r"|\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}\s*\.?\s*(?:\[[^\]]{1,12}\])?\s*(?:[\w.+-]+@[\w.-]+|[가-힣]{2,4}\s*기자)?"
    r"|(?:사진|그래픽|이미지)\s*[=:]\s*[^=]{1,30})\s*[)\]]?\s*$")
_CAPTION_HINT = re.compile(r"[=:：ⓒ\[(]|사진|게티|왼쪽|오른쪽|있다")
CAPTION_LEAD = re.compile(r"^\s*▲[^▲]*$")
_EN_CREDIT = re.compile(
    r"(?P<before>[^\s(])\s*\((?P<credit>(?:Yonhap|Newsis|News1|AP|AFP|Reuters|EPA|Bloomberg|Getty Images(?: Bank)?|123rf|"
    r"Shutterstock|Xinhua|Courtesy of [^()]{1,40}|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}))\)\s*$")
_EN_AGENCY = re.compile(r"^(?:Yonhap|Newsis|News1|AP|AFP|Reuters|EPA|Bloomberg|Getty Images(?: Bank)?|123rf|Shutterstock|Xinhua|"
                        r"Courtesy of .+)$")
_LATIN = re.compile(r"[A-Za-z]")
CAPTION_SCENE = re.compile(r"(?:고|며|하며)\s*있다\s*\.?|모습|전경|사진|포즈|기념\s*촬영|조감도|투시도|캡처|갈무리")
"""A ``▲`` line is a caption only with a scene/credit cue; ``▲``-led list items and interview answers are body."""
CREDIT_ONLY = re.compile(
    r"^(?![-–·•*▲■◆□○◇ㅇ]|\d+[.)])[\[(<]?\s*(?:사진\s*[=:：]?\s*)?(?:촬영\s*[가-힣]{2,4}|[가-힣]{2,4}\s*(?:기자\s*)?촬영|[가-힣]{1,12}\s*자료\s*사진"
    r"|[^\[\]()<>.\d]{1,20}?\s*(?:측\s*)?(?:제공|DB|캡처|갈무리)(?:\s*[.,]\s*재판매\s*및\s*DB\s*금지)?)\s*[\])>]?$",
    re.IGNORECASE)
"""Bare photo credits on their own line: ``[촬영 홍길동]``, ``[연합뉴스 자료사진]``, ``소속사 측 제공``."""
_SENTENCE_THEN_CREDIT = re.compile(
    r"있다\.\s*[가-힣]{2,4}\s*(?:기자|특파원)\s*$|[다요]\.\s*(?:\[[^\]]{0,20}(?:사진|제공|DB|연합뉴스|뉴스1|뉴시스|기자|캡처|갈무리|자료)[^\]]{0,10}\]|\(?[^\s().!?]{0,14}(?:DB|제공|연합뉴스|뉴스1|뉴시스|사진기자|기자|포토|캡처|갈무리)\)?)\s*$")
"""``…용접하고 있다. 동아일보DB``, ``…인터뷰하고 있다. 오승현 기자``: a sentence followed by a short credit."""

# By-lines and dates --------------------------------------------------------------------------
DATE = re.compile(r"(?<!\d)(\d{4})\s*(?:([.\-/])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)\.?|년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일)")
CREATED_LABEL = r"(?:기사\s*)?(?:입력|등록|발행|승인|송고|게재|작성|전송|기사전송|기사승인|입력일|등록일|발행일|승인일|published|posted)"
MODIFIED_LABEL = r"(?:최종\s*)?(?:수정|업데이트|수정일|updated|modified)"
LABELLED_DATE = re.compile(rf"({CREATED_LABEL}|{MODIFIED_LABEL})\s*(?:일시|시간)?\s*[:：]?\s*(?=\d{{4}}\s*[.\-/년])", re.IGNORECASE)
TIME = re.compile(r"(?:(오전|오후|AM|PM|am|pm)\s*)?(\d{1,2})\s*[:시]\s*(\d{2})(?:\s*[:분]\s*(\d{2}))?")
DATE_LABEL = re.compile(r"^(?:기사\s*)?(?:입력|수정|최종\s*수정|업데이트|등록|발행|승인|송고|게재|작성|기사승인|최종\s*업데이트|"
                        r"입력일|수정일|등록일|발행일|승인일|발행일자|등록일자|노출|published|updated|posted)\s*(?:일시|시간)?\s*[:：]?",
                        re.IGNORECASE)
_DATE_FILLER = re.compile(
    r"(?:기사\s*)?(?:입력|수정|최종\s*수정|업데이트|등록|발행|승인|송고|게재|작성|기사승인|지면[A-Z]?\d*면?|기사원문|원문|"
    r"오전|오후|AM|PM|\d+|[.:\-/|·,()\[\]년월일시분\s]|기자|특파원|구독|종합|면|KST|GMT)", re.IGNORECASE)
_OUTLET_IN_PARENS = re.compile(r"(?:뉴스와이어|뉴시스|뉴스1|연합뉴스|[가-힣A-Za-z]{2,8}(?:뉴스|일보|신문|경제|방송))")
_AGENCY = re.compile(r"[가-힣]{1,16}(?:부|청|처|원|위원회|공사|공단|재단|협회|시청|도청|군청|구청)")
REPORTER_LINE = re.compile(rf"^[\[(【<]?\s*(?:[가-힣A-Za-z0-9]{{2,12}}\s*[=]?\s*)?({_NAMES})\s*{REPORTER_ROLE}\s*[\])】>]?")

CODE_LINE = re.compile(r"function\s*\w*\s*\(|\b(?:var|let|const)\s+\w+\s*=|adsbygoogle|googletag|window\.\w|document\.\w|"
                       r"\)\s*;\s*$|^\s*//\s*flash|^\s*[{}]\s*$")
"""Script text that leaked into a copy: ``(adsbygoogle = window.adsbygoogle || []).push({});``."""
RELATIVE_TIME = re.compile(r"^(?:\d{1,3}\s*(?:초|분|시간|일|주|개월|달|년)\s*전|방금\s*전?|어제|그저께|\d{1,3}\s*(?:mins?|hours?|days?)\s+ago)$",
                           re.IGNORECASE)
"""Relative time stamps of comments and news lists: ``3시간전``, ``방금 전``."""
DATELINE_ONLY = re.compile(rf"^[\[(【<]\s*[^=\]】)>]{{1,16}}=\s*[^\]】)>]{{1,24}}[\])】>]\s*(?:{_NAMES}\s*{REPORTER_ROLE})?\s*=?\s*$")
AUTHOR_BIO = re.compile(rf"^[◇◆■□*※▲\-]?\s*{_NAME}(?:\s*[가-힣A-Za-z·]{{1,12}})?(?:은|는)\s.{{10,200}}"
                        r"(?:졸업|역임|거쳐|지냈|재직|맡고\s*있|학위를|근무했|창업했)")
_BIO_ROLE = (r"(?:기자|특파원|선임기자|논설위원|편집위원|교수|부교수|조교수|대표|이사|소장|원장|연구위원|연구원|박사|변호사|회계사|"
             r"센터장|본부장|칼럼니스트|작가|위원장|회장|상무|전무|부사장|사장)")
AUTHOR_BIO_APPOSITION = re.compile(rf"^{_NAME}\s+(?:[가-힣A-Za-z0-9·&()]+\s+){{0,5}}{_BIO_ROLE}\s*[.·]\s*\S")
"""Column author bios that open with the name and position: ``김서윤 한겨레 선임기자. 산업 분야를 …``."""
HASHTAGS = re.compile(r"^(?:#[^\s#]{1,30}\s*)+$")
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]\s|\(\d{1,2}\)\s?|[①-⑳❶-❿]|[가-하][.)]\s|[-–―─—ㅡ·•◇○◦*]\s?)")

# Promo links and transcript labels -------------------------------------------------------------
PROMO_LEAD = re.compile(r"^\s*(?:[▶▷☞►→➤➜]|\[\s*(?:관련\s*기사|관련\s*뉴스|추천\s*기사|제보|이벤트|광고|AD|PR)\s*\])")
PROMO_WEAK_LEAD = re.compile(r"^\s*[■□◆◇※●○◎]")
SUBHEAD_LEAD = re.compile(r"^\s*[■□◆◇●]\s*\S")
"""Subheads inside an article (``■ 재생에너지 연계도 과제``)."""
PROMO_STRONG_WORDS = re.compile(r"구독|바로\s*가기|클릭|제보|카카오톡|다운로드|앱\s*설치|확인하세요|보러\s*가기|팔로우|"
                                r"https?://|www\.|관련\s*기사|더\s*보기|알림\s*받기|뉴스레터|채널\s*추가|친구\s*추가", re.IGNORECASE)
"""Promo words strong enough after a weak lead (``■ 카카오톡 채널 추가``); ``◇ 공공 구매…`` is a subhead."""
QUESTION_LINE = re.compile(r"(?:[은는데가나지까요냐]|인가|는지|려면|다면|할까|볼까)\s*[.?]\s*$|\?\s*$")
"""Interview questions led by ``▶``/``▷`` (``▶ 해외 진출 계획은.``) are body, not promo links."""
PROMO_WORDS = re.compile(r"구독|바로\s*가기|클릭|제보|카카오톡|채널|네이버|다운로드|앱\s*설치|유튜브|이벤트|무료|신청|가입|"
                         r"확인하세요|보러\s*가기|검색|친구|팔로우|홈페이지|https?://|www\.|관련\s*기사|더\s*보기|"
                         r"알림\s*받기|뉴스레터|전화|이메일|문의|구매|할인|특가", re.IGNORECASE)
URL_LINE = re.compile(r"^\S*(?:https?://|www\.)\S+$")
_LABEL_WORDS = r"(?:앵커|기자|리포트|인터뷰|녹취|현장음|싱크|스탠딩|자막|멘트|브릿지|클로징|오프닝|질문|답변|사회자|진행자|패널|대담|CG|Q|A)"
SPEAKER_LABEL = re.compile(
    rf"^(?:[\[<【(◀〈《]\s*(?:[^\]>】)▶〉》]{{0,12}}{_LABEL_WORDS}[^\]>】)▶〉》]{{0,12}}|[^\]>】)▶〉》/]{{1,14}}/[^\]>】)▶〉》]{{1,24}})"
    rf"\s*[\]>】)▶〉》](?:\s*[^.!?\]/]{{0,12}}|\s*[^.!?\]/]{{1,14}}/[^.!?\]]{{1,30}})?|▶\s*(?:인터뷰|스탠딩|녹취|현장음|싱크)\b.{{0,40}}|"
    rf"{_LABEL_WORDS}\s*[:：]?|[-―]\s*[가-힣]{{2,4}}\s*[:：])\s*$")
END_MARK = re.compile(r"^[(\[<【/]?\s*(?:끝|END|end|계속)\s*[)\]>】/]?$")

# Sentence endings ----------------------------------------------------------------------------
_CLOSERS = "\"'”’」』)]】>〉》 \t\u00a0"
EF_SYLLABLES = frozenset("다요죠까니네라자오군나지냐마세")
TERMINAL = frozenset(".!?。")


def tail_state(line: str) -> tuple[bool, str]:
    """(has terminal punctuation, last Hangul/letter character before it and any closers).

    Trailing quotes/brackets are skipped both before and after the punctuation, so
    ``…했다."`` and ``"…했다".`` both report ``(True, '다')``.
    """
    end = len(line)
    start = max(0, end - 40)
    i = end - 1
    while i >= start and line[i] in _CLOSERS:
        i -= 1
    punct = False
    while i >= start and line[i] in TERMINAL:
        punct = True
        i -= 1
    while i >= start and line[i] in _CLOSERS:
        i -= 1
    if not punct:
        while i >= start and line[i] in TERMINAL:
            punct = True
            i -= 1
    return punct, (line[i] if i >= start else "")


def is_sentence_like(line: str) -> bool:
    """Cheap test: terminal punctuation right after a Hangul final-ending syllable."""
    punct, last = tail_state(line)
    return punct and last in EF_SYLLABLES


def pattern_reason(line: str) -> str | None:
    """Boilerplate family of a stripped line, or None (see module rules for order)."""
    n = len(line)
    if n > PATTERN_MAX_LEN:
        return None
    if _COPYRIGHT_HINT.search(line) and COPYRIGHT.search(line):
        if _COPYRIGHT_STRONG.search(line):
            return "copyright"
        if is_caption(line, n):
            return "photo-caption"
        if n < 120 and not is_sentence_like(line):
            return "copyright"
    if n <= 100 and TV_CREDITS.match(line) and (":" in line or "：" in line or sum(w in line for w in _TV_CREDIT_WORDS) >= 2):
        return "signoff-email"
    if n <= 12 and (PAGE_NUMBER.match(line) or RELATIVE_TIME.match(line)):
        return "byline-date"
    if CODE_LINE.search(line) and len(HANGUL.findall(line)) * 4 < n and not is_sentence_like(line):
        return "ad" if ("ads" in line or "gpt" in line) else "portal-ui"
    if _is_signoff(line, n) or END_MARK.match(line) or (n < 150 and CONTACT.match(line)) or (n <= 50 and CONTACT_HEADER.match(line)):
        return "signoff-email"
    if is_caption(line, n):
        return "photo-caption"
    if is_byline_date(line, n) or DATELINE_ONLY.match(line) or (n < 240 and (AUTHOR_BIO.match(line) or AUTHOR_BIO_APPOSITION.match(line))):
        return "byline-date"
    if is_promo(line, n):
        return "promo-link"
    if line[0] == "#" and HASHTAGS.match(line):
        return "related-news"
    return None


def _is_signoff(line: str, n: int) -> bool:
    if SIGNOFF_GONGGAM.match(line):
        return True
    if ("@" in line or "protected" in line) and EMAIL.search(line):
        rest = EMAIL.sub("", line).strip()
        return len(rest) < 30 or not is_sentence_like(rest)
    if n <= 40 and line.rstrip(". ").endswith("다") and SIGNOFF_TV.match(line) and SIGNOFF_TV_OUTLET.match(line):
        return True
    return n <= 30 and bool(SIGNOFF_NAME.match(line))


def is_caption(line: str, n: int | None = None) -> bool:
    """Photo caption or photo credit (``/사진=``, ``(사진=…)``, ``…/연합뉴스``, ``▲ …``)."""
    n = len(line) if n is None else n
    if n > 240:
        return False
    if _CAPTION_HINT.search(line) and CAPTION.search(line):
        return True
    if line[0] == "▲" and n < 200 and CAPTION_LEAD.match(line) and CAPTION_SCENE.search(line):
        return True
    if is_bare_credit(line, n):
        return True
    if n < 220 and _SENTENCE_THEN_CREDIT.search(line[-40:]):
        return True
    if n < 220 and line[-1] == ")" and (m := _EN_CREDIT.search(line)) and _is_english(line):
        return m.group("before") not in ".!?\"”" or bool(_EN_AGENCY.match(m.group("credit")))
    return n < 220 and bool(CAPTION_TAIL.search(line[-90:]))


def _is_english(line: str) -> bool:
    return len(_LATIN.findall(line)) > 3 * len(HANGUL.findall(line)) + 10


def is_bare_credit(line: str, n: int | None = None) -> bool:
    """A photo credit alone on its line (``[촬영 홍길동]``, ``삼성전자 제공``)."""
    n = len(line) if n is None else n
    return n <= 40 and bool(CREDIT_ONLY.match(line)) and (len(line.split()) <= 4 or "재판매" in line)


def is_byline_date(line: str, n: int | None = None) -> bool:
    """Date stamps (``입력 2024.10.08. 오전 9:12``) and reporter lines (``홍길동 기자``)."""
    n = len(line) if n is None else n
    if n > 90:
        return False
    if _DIGIT.search(line) and (DATE.search(line) or TIME.search(line)):
        if DATE_LABEL.match(line) or LABELLED_DATE.search(line):
            return True
        rest = _DATE_FILLER.sub("", REPORTER_LINE.sub("", line))
        if len(rest) <= 6 or (len(rest) <= 16 and len(_OUTLET_IN_PARENS.sub("", rest)) <= 6):
            return True
        if len(rest) <= 20 and _AGENCY.fullmatch(rest):  # ``2024.04.23 산업통상자원부``
            return True
    m = REPORTER_LINE.match(line)
    if m and n <= 45:
        rest = line[m.end():]
        if (rest[:1] and rest[0] in "가는의이와과를에도로만은") or rest.startswith(("입니다", "였습니다")):  # ``홍길동 기자가 보도합니다.``: a sentence
            return False
        rest = rest.strip()
        return not rest or not tail_state(rest)[0] or len(rest) < 12
    return False


def is_promo(line: str, n: int | None = None) -> bool:
    """``▶``/``☞`` links (``■``/``※`` only with promo words) and bare URLs (not transcript labels such as ``▶ 인터뷰``)."""
    n = len(line) if n is None else n
    if URL_LINE.match(line):
        return True
    if n > 120 or SPEAKER_LABEL.match(line):
        return False
    if PROMO_LEAD.match(line):
        if PROMO_WORDS.search(line):
            return True
        if line.lstrip()[:1] in "▶▷►" and QUESTION_LINE.search(line) and len(HANGUL.findall(line)) >= 6:
            return False
        return not (is_sentence_like(line) and n > 40)
    return bool(PROMO_WEAK_LEAD.match(line) and PROMO_STRONG_WORDS.search(line))


_NAMED_REPORTER = re.compile(rf"{_NAMES}\s*{REPORTER_ROLE}\s*[\])】>]?\s*$")


def is_speaker_label(line: str) -> bool:
    """Transcript speaker labels that may legitimately repeat: ``[앵커]``, ``▶ 인터뷰 : …``.

    Bracketed by-lines (``[홍길동 기자]``) and photo credits (``<사진=…>``) are not labels.
    """
    if len(line) > 60 or not SPEAKER_LABEL.match(line) or END_MARK.match(line):
        return False
    return not (CAPTION.search(line) or (line[:1] in "[<【(" and _NAMED_REPORTER.search(line)))
