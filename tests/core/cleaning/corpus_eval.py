"""Labelled cleaning corpus: loading and line-level scoring (shared by tests and the benchmark).

A page ``NAME.txt`` / ``NAME.html`` has gold body paragraphs in ``NAME.gold.txt`` (one per line) and
optionally expected metadata in ``NAME.meta.json``. Lines match when equal after whitespace folding;
counts are multisets, so a paragraph kept twice counts once as a hit and once as a false positive.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "cleaning"


@dataclass(frozen=True)
class Page:
    name: str
    kind: str
    raw: str
    gold: tuple[str, ...]
    meta: dict


def norm(line: str) -> str:
    return " ".join(line.split())


def load_corpus(root: Path = CORPUS) -> list[Page]:
    pages = []
    for path in sorted(root.iterdir()):
        if path.suffix not in (".txt", ".html") or path.name.endswith(".gold.txt"):
            continue
        gold_path = path.with_name(path.stem + ".gold.txt")
        if not gold_path.exists():
            continue
        meta_path = path.with_name(path.stem + ".meta.json")
        gold = tuple(norm(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip())
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        kind = "html" if path.suffix == ".html" else "text"
        pages.append(Page(path.stem, kind, path.read_text(encoding="utf-8"), gold, meta))
    return pages


def counts(predicted: list[str] | tuple[str, ...], gold: tuple[str, ...]) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of predicted vs gold lines."""
    pred = Counter(norm(x) for x in predicted if x.strip())
    want = Counter(gold)
    tp = sum((pred & want).values())
    return tp, sum(pred.values()) - tp, sum(want.values()) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
