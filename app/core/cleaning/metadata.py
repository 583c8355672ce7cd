"""Article metadata (outlet, reporter, publication date) found in the text lines of a page.

Rules:
- Outlet, strongest first: dateline lead (``[서울=뉴시스]``, ``(세종=연합뉴스)``, ``[아시아경제 홍길동 기자]``),
  copyright line (``<ⓒ… 아시아경제(www.asiae.co.kr) 무단전재 배포금지>``), sign-off (``◎공감언론 뉴시스``,
  ``KBS 뉴스 홍길동입니다.``), e-mail domain (``hong@hankyung.com`` -> 한국경제).
- Reporter: dateline lead, then sign-off / reporter line (``홍길동 기자 hong@…``), then an author line.
- Date: the first date on a by-line/date line, ``입력``-labelled dates first. ISO 8601: date only when no
  time is given, else ``YYYY-MM-DDTHH:MM:SS+09:00`` (Korean pages give KST).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import outlets
from .patterns import CREATED_LABEL, DATE, EMAIL, LABELLED_DATE, REPORTER_ROLE, TIME

_NAME = r"[가-힣]{2,4}"
_NAMES = rf"{_NAME}(?:\s*[·,ㆍ]\s*{_NAME})*"
_OPEN, _CLOSE = r"[\[【(<]", r"[\]】)>]"
LEAD_PLACE = re.compile(rf"^{_OPEN}\s*([^=\]】)>]{{1,16}}?)\s*=\s*([^\]】)>]{{1,24}}?)\s*{_CLOSE}\s*"
                        rf"(?:({_NAMES})\s*{REPORTER_ROLE})?")
LEAD_OUTLET = re.compile(rf"^{_OPEN}\s*([가-힣A-Za-z0-9·&\s]{{2,16}}?)\s+({_NAMES})\s*{REPORTER_ROLE}\s*{_CLOSE}")
LEAD_BARE = re.compile(rf"^{_OPEN}\s*([가-힣A-Za-z0-9·&\s]{{2,16}}?)\s*{_CLOSE}")
_NAME_ROLE = re.compile(rf"^\s*({_NAMES})\s*{REPORTER_ROLE}\s*$")
REPORTER_ANY = re.compile(rf"(?:^|[\s\]】)>/=])({_NAMES})\s*{REPORTER_ROLE}(?=$|[\s(\[<=,.]|[\w.+-]+@|입력|수정|등록|승인|송고)")
TV_SIGNOFF = re.compile(rf"^([A-Za-z가-힣 ]{{2,14}}?)\s*(?:뉴스\s*)?({_NAMES})\s*(?:입니다|이었습니다|였습니다)\s*\.?$")
COPYRIGHT_NAME = re.compile(
    r"(?:ⓒ|©|\(c\)|copyright|저작권자)\s*(?:ⓒ|©|\(c\))?\s*[,.:]?\s*['\"‘“]?([^<>\[\]]{1,60}?)\s*"
    r"(?:\(\s*(?:www\.|https?://)|[.,&]|\s+all\s|\s*무단|\s*\(|$)", re.IGNORECASE)
AUTHOR_ROLES = ("장관", "차관", "교수", "대표", "대표이사", "회장", "부회장", "사장", "부사장", "원장", "소장", "위원",
                "위원장", "연구원", "연구위원", "변호사", "회계사", "세무사", "변리사", "박사", "칼럼니스트", "이사", "이사장",
                "의원", "총장", "센터장", "본부장", "실장", "국장", "부장", "팀장", "처장", "청장", "시장", "지사", "상무",
                "전무", "고문", "파트너", "심사역", "애널리스트", "이코노미스트", "작가", "평론가", "CEO", "CTO", "창업자",
                "대기자", "주필", "논설위원", "객원논설위원", "편집인", "전문위원", "명예교수", "겸임교수", "석좌교수")
_AUTHOR = re.compile(rf"^({_NAME})\s+(?:(?:전|前|현|現)\s+)?[가-힣A-Za-z0-9·&()\s]{{0,30}}?(?:{'|'.join(AUTHOR_ROLES)})$")


@dataclass
class TextMeta:
    """Metadata candidates collected while reading lines; first found wins within a strength."""

    outlet: dict[int, str] = field(default_factory=dict)
    reporter: dict[int, str] = field(default_factory=dict)
    date: dict[int, str] = field(default_factory=dict)

    def offer(self, kind: str, strength: int, value: str | None) -> None:
        if value:
            getattr(self, kind).setdefault(strength, value)

    def best(self, kind: str) -> str | None:
        found: dict[int, str] = getattr(self, kind)
        return found[max(found)] if found else None


def _names(text: str) -> str:
    return ", ".join(n for n in re.split(r"\s*[·,ㆍ]\s*", text.strip()) if n)


def _outlet_from(text: str) -> str | None:
    text = text.strip()
    if not text or outlets.is_portal(text):
        return None
    known = outlets.find_outlet(text)
    if known:
        return known
    if 2 <= len(text) <= 16 and not re.search(r"\d|기자|특파원", text):
        return text
    return None


def read_lead(line: str, meta: TextMeta) -> bool:
    """Offer outlet/reporter from a dateline lead at the start of ``line``; True if one was found."""
    head = line[:80]
    m = LEAD_PLACE.match(head)
    if m:
        place, who, reporter = m.group(1), m.group(2), m.group(3)
        role = _NAME_ROLE.match(who)
        if role:  # [헤럴드경제=홍길동 기자] or [베이징=홍길동 특파원]
            meta.offer("reporter", 3, _names(role.group(1)))
            meta.offer("outlet", 3, outlets.find_outlet(place))
        else:
            meta.offer("outlet", 4, _outlet_from(who))
            meta.offer("reporter", 3, _names(reporter) if reporter else None)
        return True
    m = LEAD_OUTLET.match(head)
    if m:
        meta.offer("outlet", 4, _outlet_from(m.group(1)))
        meta.offer("reporter", 3, _names(m.group(2)))
        return True
    m = LEAD_BARE.match(head)
    if m and outlets.find_outlet(m.group(1)) == outlets.canonical(m.group(1).strip()):
        meta.offer("outlet", 4, outlets.canonical(m.group(1).strip()))
        return True
    return False


def read_line(line: str, reason: str | None, meta: TextMeta, header: bool = True) -> None:
    """Offer metadata from a line the cleaner classified (``reason``) or kept (None).

    ``header``: the line comes before the body; unlabelled dates after the body (comment
    timestamps) are ignored.
    """
    if reason == "copyright":
        name = outlets.find_outlet(line)
        if not name:
            m = COPYRIGHT_NAME.search(line)
            name = _outlet_from(m.group(1).split(",")[-1]) if m else None
        meta.offer("outlet", 3, name)
    elif reason in ("signoff-email", "byline-date"):
        if "공감언론" in line:
            meta.offer("outlet", 2, "뉴시스")
        m = TV_SIGNOFF.match(line)
        if m:
            meta.offer("outlet", 2, outlets.find_outlet(m.group(1)))
            meta.offer("reporter", 2, _names(m.group(2)))
        m = REPORTER_ANY.search(line[:80])
        if m:
            meta.offer("reporter", 2, _names(m.group(1)))
        elif reason == "byline-date" and (a := _AUTHOR.match(line)):
            meta.offer("reporter", 1, a.group(1))
        for email in EMAIL.findall(line):
            if "@" in email:
                meta.offer("outlet", 1, outlets.outlet_for_domain(email.rsplit("@", 1)[1]))
        if reason == "byline-date":
            _offer_dates(line, meta, header)
            for inside in re.findall(r"\(([^()]{2,12})\)", line[:80]):
                meta.offer("outlet", 1, outlets.find_outlet(inside))


def is_author_line(line: str) -> bool:
    """``박영선 전 중소벤처기업부 장관``: a name (common surname first) followed by a position, nothing else."""
    m = _AUTHOR.match(line.strip()) if len(line) <= 40 else None
    return m is not None and has_korean_surname(m.group(1))


_SURNAMES_2 = frozenset(("황보", "남궁", "제갈", "선우", "독고", "사공", "서문", "동방", "어금", "망절"))
_SURNAMES = frozenset("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공"
                      "현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부태감가빈랑봉승진탄")


def has_korean_surname(name: str) -> bool:
    """Whether a 2-4 syllable word can be a Korean personal name (starts with a common surname)."""
    return name[:2] in _SURNAMES_2 or (len(name) <= 3 and name[:1] in _SURNAMES)


_CREATED = re.compile(CREATED_LABEL + "$", re.IGNORECASE)


def _offer_dates(line: str, meta: TextMeta, header: bool = True) -> None:
    """Dates labelled as creation (입력, 등록, 기사전송 …) beat unlabelled ones, which beat 수정/업데이트."""
    first_label = None
    for m in LABELLED_DATE.finditer(line):
        first_label = m.start() if first_label is None else first_label
        created = bool(_CREATED.match(m.group(1).strip()))
        meta.offer("date", 3 if created else 1, parse_date(line[m.end():]))
    if header:  # an unlabelled date before any label: ``2019.08.06. 오전 11:32 최종수정 …``
        meta.offer("date", 2, parse_date(line if first_label is None else line[:first_label]))


def parse_date(text: str) -> str | None:
    """First ``YYYY.MM.DD [오전|오후] HH:MM`` style date in ``text`` as ISO 8601 (KST when timed)."""
    m = DATE.search(text)
    if not m:
        return None
    g = m.groups()
    year, month, day = int(g[0]), int(g[2] or g[4]), int(g[3] or g[5])
    if not (1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    date = f"{year:04d}-{month:02d}-{day:02d}"
    t = TIME.search(text, m.end(), m.end() + 24)
    if not t:
        return date
    ampm, hour, minute, second = t.group(1), int(t.group(2)), int(t.group(3)), int(t.group(4) or 0)
    if ampm and ampm.lower() in ("오후", "pm") and hour < 12:
        hour += 12
    if ampm and ampm.lower() in ("오전", "am") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return date
    return f"{date}T{hour:02d}:{minute:02d}:{second:02d}+09:00"
