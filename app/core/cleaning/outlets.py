"""Known Korean news outlets, their web domains, and portal names that are not outlets.

Rules: :func:`find_outlet` returns the longest known outlet name contained in a text (so
``아시아경제TV`` beats ``아시아경제``); :func:`outlet_for_domain` maps an e-mail/web domain to an
outlet; portal names (네이버, 다음, 네이트 ...) are never outlets.
"""
from __future__ import annotations

import re

_DOMAINS: dict[str, str] = {
    "yna.co.kr": "연합뉴스", "yonhapnews.co.kr": "연합뉴스", "yonhapnewstv.co.kr": "연합뉴스TV", "newsis.com": "뉴시스",
    "news1.kr": "뉴스1", "asiae.co.kr": "아시아경제", "hankyung.com": "한국경제", "mk.co.kr": "매일경제",
    "sedaily.com": "서울경제", "mt.co.kr": "머니투데이", "edaily.co.kr": "이데일리", "etnews.com": "전자신문",
    "dt.co.kr": "디지털타임스", "chosun.com": "조선일보", "chosunbiz.com": "조선비즈", "joongang.co.kr": "중앙일보",
    "joins.com": "중앙일보", "donga.com": "동아일보", "hani.co.kr": "한겨레", "khan.co.kr": "경향신문",
    "hankookilbo.com": "한국일보", "kmib.co.kr": "국민일보", "segye.com": "세계일보", "seoul.co.kr": "서울신문",
    "heraldcorp.com": "헤럴드경제", "fnnews.com": "파이낸셜뉴스", "ajunews.com": "아주경제", "zdnet.co.kr": "지디넷코리아",
    "bloter.net": "블로터", "platum.kr": "플래텀", "venturesquare.net": "벤처스퀘어", "thebell.co.kr": "더벨",
    "businesspost.co.kr": "비즈니스포스트", "newspim.com": "뉴스핌", "kbs.co.kr": "KBS", "imbc.com": "MBC",
    "sbs.co.kr": "SBS", "ytn.co.kr": "YTN", "jtbc.co.kr": "JTBC", "joongang.co.kr/jtbc": "JTBC", "mbn.co.kr": "MBN",
    "ichannela.com": "채널A", "tvchosun.com": "TV조선", "wowtv.co.kr": "한국경제TV", "moneys.co.kr": "머니S",
    "etoday.co.kr": "이투데이", "inews24.com": "아이뉴스24", "ddaily.co.kr": "디지털데일리", "techm.kr": "테크M",
    "byline.network": "바이라인네트워크", "nocutnews.co.kr": "노컷뉴스", "ohmynews.com": "오마이뉴스",
    "pressian.com": "프레시안", "sisajournal.com": "시사저널", "tf.co.kr": "더팩트", "newstomato.com": "뉴스토마토",
    "viva100.com": "브릿지경제", "dnews.co.kr": "대한경제", "electimes.com": "전기신문", "kidd.co.kr": "산업일보",
    "ekn.kr": "에너지경제", "newdaily.co.kr": "뉴데일리", "dailian.co.kr": "데일리안", "mtn.co.kr": "MTN",
    "sbsbiz.co.kr": "SBS Biz", "econovill.com": "이코노믹리뷰", "mk.co.kr/economy": "매경이코노미",
    "hankyung.com/magazine": "한경비즈니스", "outstanding.kr": "아웃스탠딩", "besuccess.com": "비석세스",
    "startuptoday.kr": "스타트업투데이", "unicornfactory.co.kr": "유니콘팩토리", "kbench.com": "케이벤치",
    "thelec.kr": "디일렉", "theguru.co.kr": "더구루", "g-enews.com": "글로벌이코노믹", "ebn.co.kr": "EBN",
    "newspim.co.kr": "뉴스핌", "biz.heraldcorp.com": "헤럴드경제", "cnbnews.com": "CNB뉴스", "kukinews.com": "쿠키뉴스",
    "naeil.com": "내일신문", "munhwa.com": "문화일보", "kyeongin.com": "경인일보", "busan.com": "부산일보",
    "imaeil.com": "매일신문", "kookje.co.kr": "국제신문", "jnilbo.com": "전남일보", "kwnews.co.kr": "강원일보",
    "korea.kr": "정책브리핑", "newswire.co.kr": "뉴스와이어", "koreatimes.co.kr": "코리아타임스",
    "koreaherald.com": "코리아헤럴드", "sisain.co.kr": "시사IN", "weekly.donga.com": "주간동아",
}

_EXTRA_NAMES = (
    "연합뉴스", "연합뉴스TV", "뉴시스", "뉴스1", "아시아경제", "한국경제", "한경", "매일경제", "서울경제", "머니투데이",
    "이데일리", "전자신문", "디지털타임스", "조선일보", "조선비즈", "중앙일보", "동아일보", "한겨레", "경향신문", "한국일보",
    "국민일보", "세계일보", "서울신문", "헤럴드경제", "코리아헤럴드", "파이낸셜뉴스", "아주경제", "지디넷코리아", "ZDNet Korea",
    "블로터", "플래텀", "벤처스퀘어", "더벨", "비즈니스포스트", "뉴스핌", "KBS", "MBC", "SBS", "YTN", "JTBC", "MBN",
    "채널A", "TV조선", "한국경제TV", "머니S", "이투데이", "아이뉴스24", "디지털데일리", "테크M", "바이라인네트워크",
    "노컷뉴스", "오마이뉴스", "프레시안", "시사저널", "더팩트", "뉴스토마토", "브릿지경제", "대한경제", "전기신문",
    "산업일보", "에너지경제", "뉴데일리", "데일리안", "MTN", "SBS Biz", "이코노믹리뷰", "매경이코노미", "한경비즈니스",
    "이코노미스트", "매경", "아웃스탠딩", "비석세스", "스타트업투데이", "유니콘팩토리", "디일렉", "더구루", "글로벌이코노믹", "EBN",
    "CNB뉴스", "쿠키뉴스", "내일신문", "문화일보", "경인일보", "부산일보", "매일신문", "국제신문", "강원일보", "정책브리핑",
    "뉴스와이어", "코리아타임스", "시사IN", "주간동아", "주간조선", "월간조선", "신동아", "이뉴스투데이", "뉴스웨이",
    "소비자가만드는신문", "한국금융신문", "조세일보", "메트로신문", "중소기업뉴스", "중기이코노미", "벤처경영신문",
    "매경헬스", "청년의사", "헬스조선", "와이어드코리아", "IT조선", "전자부품", "로봇신문", "에너지신문", "가스신문",
    "물류신문", "철강금속신문", "한국무역신문", "KTV", "아리랑TV", "OBS", "CBS", "EBS", "TBS",
)

PORTALS: frozenset[str] = frozenset(s.lower() for s in (
    "네이버", "네이버 뉴스", "네이버뉴스", "NAVER", "NAVER 뉴스", "Naver News", "naver", "Daum", "다음", "다음뉴스",
    "다음 뉴스", "Daum 뉴스", "Daum News", "카카오", "네이트", "네이트 뉴스", "네이트뉴스", "nate", "nate 뉴스",
    "NATE", "Nate News", "ZUM", "줌", "zum 뉴스", "Google News", "구글 뉴스", "MSN", "v.daum.net", "n.news.naver.com",
))

KNOWN_OUTLETS: tuple[str, ...] = tuple(sorted(set(_DOMAINS.values()) | set(_EXTRA_NAMES), key=len, reverse=True))
_ALIASES = {"한경": "한국경제", "매경": "매일경제", "ZDNet Korea": "지디넷코리아", "zdnet korea": "지디넷코리아"}
_OUTLET_RE = re.compile("|".join(re.escape(name) for name in KNOWN_OUTLETS))


def canonical(name: str) -> str:
    """Canonical spelling of an outlet name."""
    return _ALIASES.get(name, _ALIASES.get(name.lower(), name))


def find_outlet(text: str) -> str | None:
    """Longest known outlet name occurring in ``text``."""
    best: str | None = None
    for m in _OUTLET_RE.finditer(text[:2000]):
        name = m.group(0)
        if best is None or len(name) > len(best):
            best = name
    return canonical(best) if best else None


def outlet_for_domain(domain: str) -> str | None:
    """Outlet for an e-mail or web host such as ``hankyung.com`` or ``news.mt.co.kr``."""
    host = domain.lower().strip().rstrip(".")
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = _DOMAINS.get(".".join(parts[i:]))
        if found:
            return found
    return None


def is_portal(name: str) -> bool:
    """True for portal names (네이버, Daum, 네이트 ...), which are never the outlet."""
    return name.strip().lower() in PORTALS
