"""Small, distinct Korean news articles for safety tests (deterministic, no network).

``write_articles(folder, n)`` writes ``n`` plain-text articles that the cleaner keeps (a headline,
a by-line and body paragraphs ending in a final ending) and returns their paths. Every article holds
its own serial number in its body, so no two are duplicates.
"""
from __future__ import annotations

import random
from pathlib import Path

SUBJECTS = ("정부는", "산업통상자원부는", "중소벤처기업부는", "업계 관계자는", "스타트업 대표는", "연구진은",
            "투자업계는", "반도체 업체들은", "지방자치단체는", "전문가들은")
OBJECTS = ("차세대 AI 반도체 개발을", "벤처 투자 확대를", "규제 샌드박스 개선을", "공급망 안정화를",
           "인재 양성 계획을", "창업 지원 예산을", "수출 회복 전략을", "데이터센터 구축을")
VERBS = ("추진한다고 밝혔다.", "검토하고 있다고 말했다.", "강조했다.", "발표했다.", "요구하고 있다.",
         "지원하기로 했다.", "주목하고 있다.")
OUTLETS = ("뉴시스", "연합뉴스", "한국경제", "전자신문")


def article_text(i: int) -> str:
    """The ``i``-th article (distinct for every ``i``)."""
    rng = random.Random(i)
    outlet = rng.choice(OUTLETS)
    title = f"{rng.choice(OBJECTS).rstrip('을를')} 논의 본격화…{i}번째 기획"
    paragraphs = []
    for p in range(3):
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(OBJECTS)} {rng.choice(VERBS)}" for _ in range(2)]
        if p == 0:
            sentences.insert(0, f"[서울={outlet}]김민수 기자 = 이번 기획은 {i}번째 보도로, 관련 업계의 변화를 다룬다.")
        paragraphs.append(" ".join(sentences))
    return "\n".join([title, *paragraphs]) + "\n"


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    """Write articles ``start .. start+n-1`` as ``folder/a00042.txt``; returns the paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"a{i:05d}.txt"
        path.write_text(article_text(i), encoding="utf-8")
        paths.append(path)
    return paths
