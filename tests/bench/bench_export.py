"""Benchmark of the export writers on 100,000 synthetic Korean highlights (2 tags each).

Run: .venv/bin/python tests/bench/bench_export.py [N]   (targets: CSV < 3 s, XLSX < 30 s)

Prints (wall and CPU seconds), in one run, the time of sentence_context for every highlight, of
write_csv and write_xlsx (long format: 2 rows per highlight), of a baseline (the stdlib csv module
writing the same rows, already built, with no processing) and the ratio, plus JSON and QDPX.
"""

from __future__ import annotations

import csv
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from app.core.export import (
    CodebookEntry,
    ExportProject,
    HighlightRecord,
    SourceDoc,
    TagRef,
    highlight_rows,
    sentence_context,
    write_csv,
    write_qdpx,
    write_web_annotations,
    write_xlsx,
)

SUBJECTS = [
    "정부는",
    "산업통상자원부는",
    "삼성전자는",
    "SK하이닉스 관계자는",
    "업계에서는",
    "벤처캐피털(VC) 업계는",
    "중소벤처기업부는",
    "최상목 부총리 겸 기획재정부 장관은",
    "스타트업 대표들은",
    "전문가들은",
]
OBJECTS = [
    "반도체 산업에 26조원 규모의 지원 프로그램을",
    "AI 반도체 생태계 육성 방안을",
    "초기 스타트업 투자 펀드를",
    "세액공제 확대 법안을",
    "용인 반도체 클러스터 전력망 계획을",
    "2.25배 늘어난 수출 실적을",
    '"투자 혹한기"에 대응할 모태펀드 예산을',
    "U.S. 정부의 칩스법 대응 전략을",
    "팹리스 기업 지원책을",
]
VERBS = [
    "발표했다",
    "마련했다고 밝혔다",
    "검토 중이라고 말했다",
    "추진하기로 했다",
    "강조했다",
    "우려했다",
    "확대하겠다고 설명했다",
    '"서둘러야 한다"고 지적했다',
]
OUTLETS = ["한국경제", "매일경제", "연합뉴스", "조선비즈", "전자신문", "머니투데이", "서울경제", "뉴시스"]
TAGS = [
    TagRef(i, name, path, color)
    for i, (name, path, color) in enumerate(
        [
            ("반도체·AI 반도체", "산업정책/반도체·AI 반도체", "#1E88E5"),
            ("보조금·세제", "산업정책/보조금·세제", "#43A047"),
            ("전력·인프라", "산업정책/전력·인프라", "#F4511E"),
            ("투자", "스타트업 생태계/투자", "#8E24AA"),
            ("규제", "스타트업 생태계/규제", "#FDD835"),
            ("인재", "스타트업 생태계/인재", "#00ACC1"),
        ],
        start=1,
    )
]
CODEBOOK = (
    CodebookEntry(100, None, "산업정책", "#1565C0"),
    CodebookEntry(200, None, "스타트업 생태계", "#6A1B9A"),
) + tuple(
    CodebookEntry(t.id, 100 if t.path.startswith("산업") else 200, t.name, t.color, position=t.id)
    for t in TAGS
)


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} 이날 {rng.choice(OBJECTS)} {rng.choice(VERBS)}."


def make_corpus(
    n: int, per_article: int = 10, seed: int = 7
) -> tuple[list[SourceDoc], list[HighlightRecord]]:
    rng = random.Random(seed)
    sources, records = [], []
    for a in range(1, n // per_article + 2):
        paragraphs = [
            " ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(5, 8))
        ]
        body = "\n".join(paragraphs)
        outlet = rng.choice(OUTLETS)
        published = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00+09:00"
        url = f"https://n.news.naver.com/article/015/{4_900_000 + a}"
        sources.append(
            SourceDoc(
                a,
                f"{outlet} 기사 {a}: 반도체·스타트업 정책",
                body,
                outlet,
                "김기자",
                published,
                "naver",
                "2024-12-01T00:00:00Z",
                None,
                url,
            )
        )
        for _ in range(per_article):
            if len(records) >= n:
                break
            start = rng.randrange(0, len(body) - 40)
            end = start + rng.randint(10, 40)
            records.append(
                HighlightRecord(
                    highlight_id=len(records) + 1,
                    article_id=a,
                    title=sources[-1].title,
                    outlet=outlet,
                    reporter="김기자",
                    published_at=published,
                    source=url,
                    tags=tuple(rng.sample(TAGS, 2)),
                    quote=body[start:end],
                    context="",
                    start=start,
                    end=end,
                    prefix=body[max(0, start - 32) : start],
                    suffix=body[end : end + 32],
                    note=rng.choice(
                        [None, None, '핵심, "재확인" 필요', "=수치 확인\n출처 대조", "-2.5%p 하락 😢"]
                    ),
                    annotator="analyst",
                    created_at="2024-12-02T01:02:03Z",
                    updated_at="2024-12-02T01:02:03Z",
                )
            )
        if len(records) >= n:
            break
    return sources, records


def timed(label: str, fn, *args, repeat: int = 1, **kwargs) -> float:
    """Run ``repeat`` times; print the best wall and CPU seconds (CPU is steadier on a shared
    machine, wall includes waiting for other processes and the final fsync); return best wall."""
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn(*args, **kwargs)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    best = f"best of {repeat}" if repeat > 1 else ""
    print(f"{label:<44}{min(walls):8.2f} s wall {min(cpus):8.2f} s cpu  {best}")
    return min(walls)


def main(n: int = 100_000) -> None:
    sources, records = make_corpus(n)
    bodies = {s.article_id: s.body for s in sources}
    print(
        f"{len(records):,} highlights × 2 tags, {len(sources):,} articles, "
        f"{sum(len(b) for b in bodies.values()):,} body characters"
    )

    def add_context() -> None:
        for i, r in enumerate(records):
            records[i] = HighlightRecord(
                **{
                    **{f: getattr(r, f) for f in r.__slots__},
                    "context": sentence_context(bodies[r.article_id], r.start, r.end),
                }
            )

    timed("sentence_context × N (+ record rebuild)", add_context)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rows = list(highlight_rows(records))

        def baseline() -> None:
            with open(out / "baseline.csv", "w", encoding="utf-8-sig", newline="") as fh:
                csv.writer(fh, lineterminator="\r\n").writerows(rows)

        base = timed(f"baseline: stdlib csv.writerows ({len(rows):,} rows)", baseline, repeat=3)
        del rows  # the app never holds built rows: keep them from slowing the GC in what follows
        gc.collect()
        t_csv = timed("write_csv (long, neutralised)", write_csv, records, out / "h.csv", repeat=3)
        timed("write_csv (wide)", write_csv, records, out / "w.csv", wide=True)
        t_xlsx = timed("write_xlsx (long + Counts sheet)", write_xlsx, records, out / "h.xlsx")
        timed("write_web_annotations (JSON-LD)", write_web_annotations, records, out / "h.jsonld")
        project = ExportProject(
            "bench", "2024-12-02T00:00:00Z", "analyst", CODEBOOK, tuple(sources), tuple(records)
        )
        timed("write_qdpx", write_qdpx, project, out / "h.qdpx")
        sizes = {p.name: p.stat().st_size / 1e6 for p in out.iterdir()}
    print(
        f"CSV / baseline ratio: {t_csv / base:.2f}   sizes (MB): "
        + ", ".join(f"{k} {v:.1f}" for k, v in sorted(sizes.items()))
    )
    print(
        f"targets: CSV < 3 s -> {'OK' if t_csv < 3 else 'MISSED'}; "
        f"XLSX < 30 s -> {'OK' if t_xlsx < 30 else 'MISSED'}"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
