"""Benchmark: Bonmun's cleaner vs trafilatura and jusText on the labelled corpus.

Run: ``.venv/bin/python tests/bench/bench_cleaning.py [--repeat N] [--quiet] [--only PREFIX]``
(``--only blind_`` scores just the pages whose name starts with ``blind_``, e.g. a blind round).

Prints per-file and micro line-level precision/recall/F1 for the three extractors on the same inputs
(text pages are wrapped line by line in ``<p>`` for trafilatura and jusText, which need HTML), then
speed: Bonmun text articles/s with Kiwi already loaded, and HTML seconds per page for Bonmun vs
trafilatura(favor_precision). Ends with a markdown table for BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import html
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "core" / "cleaning"))

from corpus_eval import Page, counts, load_corpus, prf  # noqa: E402

from app.core.cleaning import CLEANER_VERSION, clean  # noqa: E402


def as_html(page: Page) -> str:
    if page.kind == "html":
        return page.raw
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in page.raw.splitlines() if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>{paras}</body></html>"


def bonmun(page: Page) -> list[str]:
    return list(clean(page.raw, page.kind).body)


def trafilatura_lines(page: Page) -> list[str]:
    import trafilatura

    text = trafilatura.extract(as_html(page), favor_precision=True, include_comments=False, include_tables=False)
    return [line for line in (text or "").splitlines() if line.strip()]


def justext_lines(page: Page, **thresholds: float) -> list[str]:
    import justext

    paragraphs = justext.justext(as_html(page).encode("utf-8"), justext.get_stoplist("Korean"), encoding="utf-8",
                                 **thresholds)
    return [p.text for p in paragraphs if not p.is_boilerplate]


def justext_tuned(page: Page) -> list[str]:
    """jusText with length/stop-word thresholds lowered for Korean (its defaults suit European text)."""
    return justext_lines(page, length_low=20, length_high=60, stopwords_low=0.02, stopwords_high=0.05)


EXTRACTORS = {"Bonmun": bonmun, "trafilatura": trafilatura_lines, "jusText": justext_lines,
              "jusText (Korean-tuned)": justext_tuned}


def quality(pages: list[Page], per_file: bool) -> dict[str, tuple[float, float, float]]:
    totals = {name: [0, 0, 0] for name in EXTRACTORS}
    if per_file:
        print(f"{'page':50s} " + "  ".join(f"{n[:20]:>20s}" for n in EXTRACTORS))
    for page in pages:
        cells = []
        for name, fn in EXTRACTORS.items():
            try:
                c = counts(fn(page), page.gold)
            except Exception as exc:  # an extractor crashing counts as extracting nothing
                print(f"  {name} failed on {page.name}: {exc!r}")
                c = (0, 0, len(page.gold))
            totals[name] = [a + b for a, b in zip(totals[name], c)]
            p, r, f = prf(*c)
            cells.append(f"P{p:.2f} R{r:.2f} F{f:.2f}")
        if per_file:
            print(f"{page.name:50s} " + "  ".join(f"{c:>20s}" for c in cells))
    return {name: prf(*t) for name, t in totals.items()}


def seconds_per_page(fn, pages: list[Page], repeat: int) -> float:
    for page in pages:  # warm-up (imports, caches)
        fn(page)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for page in pages:
            fn(page)
        best = min(best, time.perf_counter() - start)
    return best / len(pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quiet", action="store_true", help="skip the per-file table")
    parser.add_argument("--only", default="", help="score only pages whose name starts with this prefix")
    args = parser.parse_args()

    from app.core.kiwi_instance import get_kiwi

    get_kiwi().tokenize("준비")  # speed is measured with Kiwi loaded
    pages = [p for p in load_corpus() if p.name.startswith(args.only)]
    text_pages = [p for p in pages if p.kind == "text"]
    html_pages = [p for p in pages if p.kind == "html"]
    print(f"Cleaner {CLEANER_VERSION}; corpus: {len(pages)} pages ({len(text_pages)} text, {len(html_pages)} HTML), "
          f"{sum(len(p.gold) for p in pages)} gold lines\n")
    scores = quality(pages, not args.quiet)
    scores_text = quality(text_pages, False)
    scores_html = quality(html_pages, False)

    text_rate = 1 / seconds_per_page(bonmun, text_pages, args.repeat)
    speeds = {name: seconds_per_page(fn, html_pages, args.repeat) for name, fn in EXTRACTORS.items()}
    text_speeds = {name: 1 / seconds_per_page(fn, text_pages, args.repeat) for name, fn in EXTRACTORS.items()
                   if name != "Bonmun"}
    kiwi = get_kiwi()
    bodies = [line for p in text_pages for line in p.gold]
    start = time.perf_counter()
    list(kiwi.tokenize(bodies))
    kiwi_rate = len(text_pages) / (time.perf_counter() - start)

    print("\n| extractor | micro P | micro R | micro F1 | F1 text pages | F1 HTML pages | HTML ms/page | text pages/s |")
    print("|---|---|---|---|---|---|---|---|")  # text pages/s: trafilatura/jusText get them wrapped in <p>
    for name in EXTRACTORS:
        p, r, f = scores[name]
        rate = text_rate if name == "Bonmun" else text_speeds[name]
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {scores_text[name][2]:.3f} | {scores_html[name][2]:.3f} "
              f"| {speeds[name] * 1000:.1f} | {rate:.0f} |")
    ratio = speeds["Bonmun"] / speeds["trafilatura"]
    print(f"\nBonmun HTML time / trafilatura(favor_precision) time: {ratio:.2f} (target <= 1.5)")
    print(f"Bonmun text articles/s (one core, Kiwi loaded): {text_rate:.0f} (target >= 200); "
          f"Kiwi batch tokenize of their bodies: {kiwi_rate:.0f} articles/s, "
          f"so cleaning adds {kiwi_rate / text_rate:.0%} to the tokenising time")


if __name__ == "__main__":
    main()
