"""Search benchmark on a synthetic Korean news library (script, not a test).

    .venv/bin/python tests/bench/bench_search.py                 # 100,000 articles (~20-30 min)
    .venv/bin/python tests/bench/bench_search.py --articles 5000 --pool 20000  # quick run
    .venv/bin/python tests/bench/bench_search.py --keep /tmp/lib.sqlite  # build once, then
                                                   # re-run the queries on the kept library

Library: sentences generated from a news vocabulary (nouns, 하다-verbs, conjugated verbs,
adjectives, loanwords, Latin acronyms, generated company names and compounds, correct josa
allomorphs; long-tail nouns are Kiwi's bundled proper-noun dictionary), 200 topic pools; an
article (~3,000 chars) takes 85 % of its sentences from its topic.
Kiwi analyses the sentence pool ONCE; an article's lemma text is the concatenation of its sentences'
lemma texts (the real index path analyses line by line, so only cross-sentence context differs).
The index is written with the production code (``index_prepared``).

Prints: build time, DB size per table, median/p90 latency of ``search()`` (limit 50) and of
``matching_ids()``, the same run's ``LIKE '%q%'`` scan (title OR body) latency and the ratio,
and recall of ``matching_ids`` against LIKE (must be 1.0) per query class.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from collections.abc import Iterator
from dataclasses import dataclass

NOUNS = """정부 기업 반도체 시장 경제 산업 기술 정책 수출 생산 매출 영업이익 스타트업 인공지능 데이터
플랫폼 배터리 자동차 전기차 금리 물가 부동산 주택 은행 증권 주가 환율 대통령 국회 장관 의원 선거 여당
야당 법안 규제 제품 서비스 소비자 고객 연구원 대학 교육 학생 병원 의료 환자 백신 기후 탄소 에너지 원전
태양광 수소 통신 네트워크 보안 클라우드 소프트웨어 게임 콘텐츠 방송 언론 일자리 고용 임금 노동자 노조
지역 도시 농업 수산업 관광 항공 해운 물류 철강 조선 화학 바이오 제약 신약 특허 인재 예산 세금 재정 부채
투자자 주주 이사회 회장 대표 사장 임원 직원 공장 설비 라인 부품 소재 장비 공급망 협회 위원회 부처 중기부
산업부 금융위원회 한국은행 검찰 법원 경찰 시민 국민 청년 노인 가구 소득 소비 성장률 전망 실적 분기 상반기
하반기 목표 전략 사업 계획 과제 위기 기회 경쟁 경쟁력 점유율 생태계 인프라 표준 보조금 세액공제 펀드 채권
메모리 파운드리 칩 서버 센서 로봇 드론 위성 우주 모빌리티 핀테크 결제 보험 연금 가상자산""".split()
HADA = """개발 발표 투자 협력 거절 인수 추진 확대 강화 검토 도입 출시 설립 지원 육성 분석 전망 예상 기록
증가 감소 하락 상승 유지 확보 구축 제공 적용 진행 참여 논의 합의 요구 비판 지적 강조 설명 결정 승인 발행
계약 수주 공급 생산 판매 수입 수출 채용 감축 조사 점검 발급 제안 평가 검증 선정 개최 발족 출범 완료""".split()
LOANWORDS = """레니게이드 엑사원 솔루션 포트폴리오 로드맵 파트너십 온프레미스 텐서코어 엔비디아 퀄컴 테슬라
애플 구글 마이크로소프트 아마존 오픈소스 알고리즘 프로세서 디스플레이 스마트폰 태블릿 메타버스 블록체인
하이브리드 인플레이션 리스크 컨소시엄 벤처캐피털 유니콘 엑시트 스톡옵션 팹리스 패키징 웨이퍼""".split()
LATIN = "AI GPU NPU CPU CEO CFO R&D IPO ESG TV IT OLED HBM EUV SaaS API IMF OECD".split()
COMPANY_TAILS = ["전자", "로직스", "바이오", "AI", "모터스", "에너지", "랩스", "소프트", "테크", "홀딩스"]
SYLLABLES = "퓨리오사딥엑스리벨리온텐스토렌트하이닉스카카오네이버쿠팡토스당근야놀자무신사컬리두나미래한솔세아"
VERBS = [
    ("밝혔다", "밝히며", "밝힌"), ("나섰다", "나선다", "나서고"),
    ("늘었다", "늘어난", "늘고"), ("줄었다", "줄어든", "줄고"), ("높였다", "높이고", "높인"),
    ("낮췄다", "낮추고", "낮춘"), ("만들었다", "만드는", "만들고"), ("보였다", "보이며", "보인"),
    ("받았다", "받는", "받고"), ("얻었다", "얻은", "얻고"), ("넘어섰다", "넘어선", "넘어서며"),
    ("떨어졌다", "떨어진", "떨어지며"), ("올랐다", "오른", "오르며"), ("내렸다", "내린", "내리고"),
    ("이끌었다", "이끄는", "이끌고"), ("키웠다", "키우고", "키운"), ("바꿨다", "바꾼", "바꾸고"),
    ("열었다", "여는", "열고"), ("맺었다", "맺고", "맺은"), ("뛰어들었다", "뛰어든", "뛰어들며"),
    ("꼽혔다", "꼽힌다", "꼽히는"), ("들었다", "듣고", "들은"), ("도왔다", "돕는", "도와"),
    ("손잡고", "손잡았다", "손잡은"),
]
ADJ = ["높은", "낮은", "새로운", "다양한", "빠른", "강한", "어려운", "중요한", "필요한", "큰", "작은", "많은"]
HADA_ENDINGS = ["했다", "한다", "하고", "하며", "해", "할", "한", "하는", "하기로", "했지만", "하겠다고", "됐다", "된", "되는"]
TIMES = ["지난달", "올해", "지난해", "이번 분기", "상반기", "하반기", "최근", "이날", "내년"]
CLOSERS = ["고 밝혔다.", "고 말했다.", "는 계획이다.", "는 전망이다.", "고 설명했다.", "는 분석이 나온다."]


def _batchim(word: str) -> bool:
    c = word[-1]
    if "가" <= c <= "힣":
        return (ord(c) - 0xAC00) % 28 != 0
    return c.isdigit() and c in "013678" or c.isalpha() and c.lower() in "lmnr"


def josa(word: str, pair: str) -> str:
    """Attach the right allomorph of ``pair`` ('은/는', '이/가', '을/를', '과/와', '으로/로')."""
    with_b, without = pair.split("/")
    if pair == "으로/로" and word[-1] >= "가" and (ord(word[-1]) - 0xAC00) % 28 == 8:  # ㄹ
        return word + "로"
    return word + (with_b if _batchim(word) else without)


def proper_nouns(n: int) -> list[str]:
    """Hangul proper nouns (2-5 syllables) of Kiwi's bundled Wikipedia dictionary, best score first."""
    import kiwipiepy_model

    path = Path(kiwipiepy_model.__file__).with_name("default.dict")
    found: list[tuple[float, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        f = line.split("\t")
        if len(f) >= 3 and f[1] == "NNP" and 2 <= len(f[0]) <= 5 and all("가" <= c <= "힣" for c in f[0]):
            found.append((float(f[2]), f[0]))
    found.sort(key=lambda x: -x[0])
    return [w for _, w in found[:n]]


class Vocabulary:
    """All generated words; ``topic`` narrows nouns to a topic's share of the vocabulary."""

    def __init__(self, rng: random.Random, n_companies: int = 3000, n_topics: int = 200) -> None:
        self.rng = rng
        syl = list(SYLLABLES)
        names = set()
        while len(names) < n_companies:
            name = "".join(rng.choice(syl) for _ in range(rng.randint(2, 4)))
            names.add(name + rng.choice(COMPANY_TAILS))
        self.companies = sorted(names)
        self.nouns = NOUNS + LOANWORDS
        self.proper = proper_nouns(20_000)
        compounds = {a + b for a in rng.sample(NOUNS, 60) for b in rng.sample(NOUNS, 8) if a != b}
        self.compounds = sorted(compounds)
        self.topics = [
            (
                [self.pick(self.nouns) for _ in range(8)],
                rng.sample(self.proper, 40),
                rng.sample(self.companies, 15),
                rng.sample(HADA, 6),
            )
            for _ in range(n_topics)
        ]
        self.topic = 0

    def pick(self, items: list[str]) -> str:
        """Zipf-like choice: earlier items are more frequent."""
        return items[int(len(items) * self.rng.random() ** 2)]

    def noun(self) -> str:
        """Topic words are frequent within their topic; the rest follows a long-tailed vocabulary."""
        head, proper, companies, _ = self.topics[self.topic]
        r = self.rng.random()
        if r < 0.35:
            return self.rng.choice(proper)
        if r < 0.45:
            return self.rng.choice(head)
        if r < 0.52:
            return self.rng.choice(companies)
        if r < 0.56:
            return self.rng.choice(self.compounds)
        if r < 0.58:
            return self.rng.choice(LATIN)
        if r < 0.60:
            return self.rng.choice(self.companies)
        if r < 0.90:
            return self.pick(self.proper)
        return self.rng.choice(self.nouns)

    def hada(self) -> str:
        return self.rng.choice(self.topics[self.topic][3]) if self.rng.random() < 0.6 else self.rng.choice(HADA)

    def verb(self) -> tuple[str, str, str]:
        return VERBS[int(len(VERBS) * self.rng.random() ** 2)]


def sentence(v: Vocabulary) -> str:
    """One news-like sentence of one or two clauses (~40-90 characters)."""
    first = clause(v)
    if v.rng.random() < 0.6:
        return first[:-1] + "며, " + clause(v)
    return first


def clause(v: Vocabulary) -> str:
    """One clause ending in a final verb and a period."""
    rng = v.rng
    subj, obj, place = v.noun(), v.noun(), v.noun()
    parts = []
    if rng.random() < 0.5:
        parts.append(rng.choice(TIMES))
    parts.append(josa(subj, "은/는") if rng.random() < 0.5 else josa(subj, "이/가"))
    if rng.random() < 0.4:
        parts.append(josa(place, "과/와") + " " + v.verb()[0])
    if rng.random() < 0.5:
        parts.append(rng.choice(ADJ) + " " + josa(v.noun(), "을/를"))
    if rng.random() < 0.4:
        parts.append(f"{rng.randint(1, 999)}억원 규모의")
    parts.append(josa(obj, "을/를"))
    if rng.random() < 0.5:
        verb = v.hada() + rng.choice(HADA_ENDINGS)
        parts.append(verb + (rng.choice(CLOSERS) if verb.endswith(("한", "하는", "된", "되는")) is False and rng.random() < 0.3 else ""))
        if not parts[-1].endswith("."):
            parts.append(v.verb()[rng.randint(0, 1)].rstrip(".") + ".")
    else:
        parts.append(v.verb()[1] + " " + josa(v.noun(), "을/를") + " " + v.hada() + "했다.")
    s = " ".join(parts)
    return s if s.endswith(".") else s + "."


@dataclass(frozen=True, slots=True)
class Article:
    id: int
    title: str
    body: str
    sentence_ids: tuple[tuple[int, ...], ...]  # per paragraph
    title_sentence: int


def sentence_pool(n: int, n_topics: int = 200, seed: int = 7) -> list[list[str]]:
    """``n`` distinct sentences split into ``n_topics`` topic pools (last pool: general)."""
    v = Vocabulary(random.Random(seed), n_topics=n_topics)
    seen: set[str] = set()
    pools: list[list[str]] = [[] for _ in range(n_topics)]
    per = n // n_topics
    for t in range(n_topics):
        v.topic = t
        while len(pools[t]) < per:
            s = sentence(v)
            if s not in seen:
                seen.add(s)
                pools[t].append(s)
    return pools


def articles(pools: list[list[str]], n: int, chars: int = 3000, seed: int = 11) -> Iterator[Article]:
    """``n`` articles of about ``chars`` characters: paragraphs of 2-6 sentences, 85 % from the
    article's topic pool and 15 % from other pools. Sentence ids index the flattened pools."""
    rng = random.Random(seed)
    offsets = [0]
    for p in pools:
        offsets.append(offsets[-1] + len(p))
    flat = [s for p in pools for s in p]
    for i in range(1, n + 1):
        topic = rng.randrange(len(pools))
        paras: list[tuple[int, ...]] = []
        size = 0
        while size < chars:
            ids = []
            for _ in range(rng.randint(2, 6)):
                t = topic if rng.random() < 0.85 else rng.randrange(len(pools))
                ids.append(offsets[t] + rng.randrange(len(pools[t])))
            paras.append(tuple(ids))
            size += sum(len(flat[j]) + 1 for j in ids)
        title = offsets[topic] + rng.randrange(len(pools[topic]))
        body = "\n".join(" ".join(flat[j] for j in p) for p in paras)
        yield Article(i, flat[title].rstrip("."), body, tuple(paras), title)


# ---------------------------------------------------------------- benchmark

QUERIES: dict[str, list[str]] = {
    "2-syllable": ["정부", "기업", "시장", "투자", "수출", "금리", "물가", "주가", "국회", "장관", "규제", "보안", "게임", "특허", "예산", "임금"],
    "3-syllable": ["반도체", "데이터", "배터리", "자동차", "전기차", "부동산", "소비자", "연구원", "태양광", "공급망", "보조금"],
    "4+-syllable": ["영업이익", "인공지능", "스타트업", "클라우드", "소프트웨어", "가상자산", "세액공제", "금융위원회"],
    "inflected": ["반도체를", "개발했다", "거절하다", "손잡다", "인수했다", "투자한", "발표해", "정부가", "기업은", "늘었다", "떨어진", "도왔다"],
    "loanword/latin": ["레니게이드", "엑사원", "파운드리", "엔비디아", "온프레미스", "포트폴리오", "AI", "GPU", "ESG", "HBM"],
}


def _compound_and_company_queries(v: Vocabulary, rng: random.Random) -> list[str]:
    return rng.sample(v.compounds, 5) + rng.sample(v.companies, 5) + [c[1:4] for c in rng.sample(v.companies, 3)]


def _median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def _p90(xs: list[float]) -> float:
    return sorted(xs)[int(0.9 * (len(xs) - 1))] if xs else float("nan")


def build(path: Path, n_articles: int, pool_size: int) -> tuple[Vocabulary, dict[str, float]]:
    """Create the library at ``path`` with the production migration SQL and index writer."""
    import importlib.util

    from sqlalchemy import create_engine

    from app.core.korean.indexing import PreparedDoc
    from app.core.korean.lemmas import lemma_texts
    from app.storage.search_index import index_prepared, optimize

    spec = importlib.util.spec_from_file_location("m0002", ROOT / "db/versions/0002_search_index.py")
    mig = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mig)  # type: ignore[union-attr]
    times: dict[str, float] = {}
    t0 = time.perf_counter()
    pools = sentence_pool(pool_size)
    flat = [s for p in pools for s in p]
    times["generate pool"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    lem = lemma_texts(flat)
    times["kiwi on pool"] = time.perf_counter() - t0
    engine = create_engine(f"sqlite:///{path}")
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT NOT NULL)")
        for sql in mig.UPGRADE:
            conn.exec_driver_sql(sql)
        raw = conn.connection.driver_connection
        batch: list[PreparedDoc] = []

        def flush() -> None:
            raw.executemany("INSERT INTO articles VALUES (?, ?, ?)", [(d.article_id, d.title, d.body) for d in batch])
            index_prepared(conn, batch)
            batch.clear()

        for a in articles(pools, n_articles):
            body_lem = "\n".join(" ".join(lem[j] for j in p) for p in a.sentence_ids)
            batch.append(PreparedDoc(a.id, a.title, a.body, lem[a.title_sentence], body_lem))
            if len(batch) == 1000:
                flush()
        if batch:
            flush()
        times["write library + index"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        optimize(conn)
        times["optimize"] = time.perf_counter() - t0
    engine.dispose()
    return Vocabulary(random.Random(7), n_topics=len(pools)), times


def table_sizes(conn) -> dict[str, float]:  # noqa: ANN001
    rows = conn.exec_driver_sql("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    sizes: dict[str, float] = {}
    for name, size in rows:
        key = next((t for t in ("search_lemma", "search_trigram", "search_gram", "search_doc") if name.startswith(t)), "articles/other")
        sizes[key] = sizes.get(key, 0) + size / 1e6
    return sizes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--pool", type=int, default=60_000, help="distinct sentences")
    ap.add_argument("--like-runs", type=int, default=1, help="LIKE scans per query (slow)")
    ap.add_argument("--runs", type=int, default=3, help="search() runs per query")
    ap.add_argument("--keep", type=Path, help="keep/reuse the library at this path")
    args = ap.parse_args()

    from sqlalchemy import create_engine

    from app.storage.search_index import matching_ids, search

    tmp = tempfile.TemporaryDirectory()
    path = args.keep or Path(tmp.name) / "bench.sqlite"
    if path.exists():
        vocab, times = Vocabulary(random.Random(7), n_topics=200), {}
    else:
        vocab, times = build(path, args.articles, args.pool)
    for k, v in times.items():
        print(f"{k:>24}: {v:8.1f} s")
    engine = create_engine(f"sqlite:///{path}")
    queries = dict(QUERIES)
    queries["compound/company"] = _compound_and_company_queries(vocab, random.Random(3))
    with engine.connect() as conn:
        n = conn.exec_driver_sql("SELECT count(*), sum(length(body)) FROM articles").fetchone()
        print(f"articles: {n[0]:,}  body chars: {n[1]:,}  DB file: {path.stat().st_size / 1e6:,.0f} MB")
        for k, v in sorted(table_sizes(conn).items()):
            print(f"   {k:>16}: {v:8.1f} MB")
        search(conn, "워밍업")  # loads Kiwi
        lat_first, lat_s, lat_m, lat_like = [], [], [], []
        print(f"{'class':>17} {'query':>12} {'1st ms':>7} {'search ms':>9} {'ids ms':>8} {'LIKE ms':>8} {'LIKE n':>7} {'ours n':>7} recall")
        recalls: dict[str, list[float]] = {}
        for cls, qs in queries.items():
            for q in qs:
                runs = []
                for _ in range(args.runs):  # the first run includes Kiwi's analysis of the query
                    t = time.perf_counter()
                    search(conn, q, limit=50)
                    runs.append((time.perf_counter() - t) * 1000)
                lat_first.append(runs[0])
                lat_s.append(statistics.median(runs))
                t = time.perf_counter()
                ids = matching_ids(conn, q)
                lat_m.append((time.perf_counter() - t) * 1000)
                pat = "%" + q + "%"
                best = float("inf")
                for _ in range(args.like_runs):
                    t = time.perf_counter()
                    like = {r[0] for r in conn.exec_driver_sql("SELECT id FROM articles WHERE title LIKE ? OR body LIKE ?", (pat, pat))}
                    best = min(best, (time.perf_counter() - t) * 1000)
                lat_like.append(best)
                rec = len(like & ids) / len(like) if like else 1.0
                recalls.setdefault(cls, []).append(rec)
                print(f"{cls:>17} {q:>12} {runs[0]:7.1f} {lat_s[-1]:9.1f} {lat_m[-1]:8.1f} {best:8.0f} {len(like):7d} {len(ids):7d} {rec:.3f}")
    med_s, med_like = _median(lat_s), _median(lat_like)
    print(f"\nsearch():       median {med_s:.1f} ms  p90 {_p90(lat_s):.1f} ms  max {max(lat_s):.1f} ms"
          f"  (per query: median of {args.runs} runs)")
    print(f"search() 1st:   median {_median(lat_first):.1f} ms  p90 {_p90(lat_first):.1f} ms  (incl. query analysis)")
    print(f"matching_ids(): median {_median(lat_m):.1f} ms  p90 {_p90(lat_m):.1f} ms")
    print(f"LIKE scan:      median {med_like:.0f} ms  -> search() is {med_like / med_s:.0f}x faster")
    for cls, r in recalls.items():
        print(f"recall vs LIKE {cls:>17}: min {min(r):.3f}")
    print(f"recall vs LIKE (all queries): min {min(min(r) for r in recalls.values()):.3f}")
    engine.dispose()
    tmp.cleanup()


ROOT = Path(__file__).resolve().parents[2]

if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
