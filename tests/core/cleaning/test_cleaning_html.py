"""HTML pages: container fast path, trafilatura path, metadata from meta tags, hidden elements."""
from __future__ import annotations

from app.core.cleaning import clean

PARAS = [
    "정부가 딥테크 스타트업을 위해 3000억원 규모의 정책펀드를 추가로 조성한다고 26일 밝혔다.",
    "중소벤처기업부는 반도체와 양자, 바이오 등 10대 분야 기업의 기술 사업화를 돕기로 했다.",
    "정책펀드는 창업 7년 이내 기업에 약정액의 60% 이상을 투자하도록 했다.",
]


def _page(body: str, head: str = "") -> str:
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}<script>var x='본문';</script></head>"
            f"<body><div class='gnb'><a href='#'>정치</a><a href='#'>경제</a></div>{body}"
            "<div class='footer'>Copyright ⓒ 테스트일보. All rights reserved.</div></body></html>")


def test_naver_container_with_caption_signoff_and_meta() -> None:
    head = ("<meta property='og:title' content='딥테크 정책펀드 3천억 추가'>"
            "<meta property='og:article:author' content='뉴스1 | 네이버'>"
            "<meta property='og:site_name' content='네이버 뉴스'>")
    body = ("<h2 id='title_area'><span>딥테크 정책펀드 3천억 추가</span></h2>"
            "<span class='media_end_head_info_datestamp_time' data-date-time='2024-11-26 12:00:12'>"
            "2024.11.26. 오후 12:00</span>"
            "<article id='dic_area'><span class='end_photo_org'><img src='a.jpg'>"
            "<em class='img_desc'>투자설명회 모습. /사진=뉴스1</em></span><br>"
            + "<br><br>".join(PARAS) + "<br><br>kms@news1.kr</article>"
            "<div class='u_cbox'><h5>댓글</h5><ul><li><span class='u_cbox_nick'>kimk****</span>"
            "<span class='u_cbox_contents'>정말 좋은 정책이네요.</span></li></ul></div>")
    article = clean(_page(body, head), "html")
    assert list(article.body) == PARAS
    assert article.title == "딥테크 정책펀드 3천억 추가"
    assert article.outlet == "뉴스1"
    assert article.published_at == "2024-11-26T12:00:12+09:00"
    assert article.extra["method"] == "container"
    reasons = {s.text: s.reason for s in article.segments}
    assert reasons["투자설명회 모습. /사진=뉴스1"] == "photo-caption"
    assert reasons["kms@news1.kr"] == "signoff-email"
    assert reasons["딥테크 정책펀드 3천억 추가"] == "title"
    assert reasons["정말 좋은 정책이네요."] == "comment-widget"


def test_unknown_layout_uses_the_main_content_extractor() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAS * 2).replace(PARAS[0], PARAS[0] + " 추가 설명이다", 1)
    body = (f"<main><h1>딥테크 정책펀드</h1><div class='story'>{paras}"
            "<p>홍길동 기자 hong@example.co.kr</p></div>"
            "<ul class='side'><li><a href='#'>많이 본 뉴스 하나</a></li><li><a href='#'>둘</a></li></ul></main>")
    article = clean(_page(body, "<meta property='og:site_name' content='테스트일보'>"), "html")
    assert article.extra["method"] in ("trafilatura", "lines")
    assert article.body[1:3] == tuple(PARAS[1:3])
    assert "홍길동 기자 hong@example.co.kr" not in article.body
    assert article.outlet == "테스트일보"


def test_figcaption_script_style_and_figure_text_never_reach_the_body() -> None:
    body = ("<div id='article-view-content-div'>"
            + "".join(f"<p>{p}</p>" for p in PARAS)
            + "<figure><img src='x'><figcaption>행사 참석자들이 기념촬영을 하고 있다.</figcaption></figure>"
            "<style>.a{}</style><script>document.write('광고')</script></div>")
    article = clean(_page(body), "html")
    assert list(article.body) == PARAS
    assert any(s.reason == "photo-caption" for s in article.segments)
    assert all("광고" not in s.text and ".a{}" not in s.text for s in article.segments)


def test_offsets_of_html_segments_point_into_raw_or_are_minus_one() -> None:
    raw = _page("<div class='article_view'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "<p>A &amp; B 발표</p></div>")
    article = clean(raw, "html")
    for seg in article.segments:
        assert seg.start == -1 or raw[seg.start:seg.end] == seg.text
    assert next(s for s in article.segments if s.text == "A & B 발표").start == -1
    assert all(s.start >= 0 for s in article.segments if s.text in PARAS)


def test_json_ld_and_meta_author_metadata() -> None:
    head = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"소부장 자립률 45%",'
            '"datePublished":"2024-07-01T11:20:00+09:00","author":{"name":"김민지"},'
            '"publisher":{"name":"헤럴드경제"}}</script>')
    article = clean(_page("<div itemprop='articleBody'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>",
                          head), "html")
    assert (article.title, article.outlet, article.reporter, article.published_at) == (
        "소부장 자립률 45%", "헤럴드경제", "김민지", "2024-07-01T11:20:00+09:00")


def test_html_kind_without_tags_is_cleaned_as_text_and_text_kind_is_never_parsed() -> None:
    assert list(clean("\n".join(PARAS), "html").body) == PARAS
    raw = _page("<div class='article_body'>" + "".join(f"<p>{p} &amp;</p>" for p in PARAS) + "</div>")
    assert all(para in raw for para in clean(raw, "text").body)
