"""Property tests through the services: a highlight's quote is always its text, exports read back
equal, and no change of the body (overrides, a new cleaner) ever deletes or misplaces a highlight."""
from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterator
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import app.core.cleaning as cleaning_module
from app.bootstrap import Library, open_library
from app.core.export import write_csv
from app.core.export.model import HighlightRecord
from app.core.export.table import COLUMNS
from app.services.unit_of_work import ServiceError
from tests.conftest import SEEDS

FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TRIGGERS = "=+-@\t\r＝＋－＠"

SENTENCES = ("정부가 반도체 지원을 늘린다고 밝혔다.", "업계는 투자 확대를 환영했다.", "스타트업 대표는 규제 개선을 요구했다.",
             "연구진은 새로운 AI 칩을 공개했다.", "전문가들은 공급망 안정이 중요하다고 말했다.")
DECORATIONS = ("😀", "👩‍💻", "🇰🇷", "\u0301", "“인용”", "'따옴표'", "A&B", "<b>", "…", "\t", "  ", "ㄱ", "漢字")


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = open_library(tmp_path_factory.mktemp("prop") / "lib.sqlite", samples=False)
    assert {r.status for r in library.articles.import_paths(sorted(SEEDS.glob("0*.txt")))} == {"imported"}
    yield library
    library.close()


def _check_highlights(lib: Library, article_id: int, quotes: dict[int, str]) -> None:
    """Every highlight still exists with its quote; it points at that quote or is listed as orphaned."""
    body = lib.articles.get(article_id).body
    orphaned = {h.id for h in lib.highlights.orphaned()}
    found = {h.id: h for h in lib.highlights.for_article(article_id)}
    assert set(quotes) <= set(found), "a highlight was deleted"
    for hid, quote in quotes.items():
        h = found[hid]
        assert h.quote == quote
        if h.orphaned:
            event("a highlight was orphaned")
            assert hid in orphaned
        else:
            assert body[h.start:h.end] == quote and hid not in orphaned


# ------------------------------------------------------------------- quote == body[start:end]

lines = st.lists(st.tuples(st.sampled_from(SENTENCES), st.lists(st.sampled_from(DECORATIONS), max_size=3),
                           st.integers(0, 40)), min_size=1, max_size=6)


def _article_text(parts: list[tuple[str, list[str], int]]) -> str:
    out = []
    for sentence, decorations, at in parts:
        line = sentence
        for d in decorations:
            i = at % (len(line) + 1)
            line = line[:i] + d + line[i:]
        out.append(line)
    return "\n".join(out)


@FAST
@given(parts=lines, spans=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 60)), min_size=1, max_size=5))
def test_created_highlight_quote_is_its_body_text(lib: Library, parts, spans) -> None:  # type: ignore[no-untyped-def]
    result = lib.articles.import_clipboard(_article_text(parts))
    if result.status == "failed":
        return  # the cleaner found no article text: nothing to highlight
    body = lib.articles.get(result.article_id).body
    for start, length in spans:
        start %= len(body)
        end = min(len(body), start + length)
        try:
            h = lib.highlights.create(result.article_id, start, end)
        except ServiceError:
            assert not body[start:end].strip()
            continue
        assert h.quote == body[start:end] == body[h.start:h.end]
        assert lib.highlights.get(h.id).quote == h.quote


# ------------------------------------------------------------------- CSV round trip

note_text = st.tuples(
    st.sampled_from(("", "=", "+", "-", "@", "\t", "\r", "＝", "=HYPERLINK(\"http://x\")")),
    st.text(alphabet=st.sampled_from(list("가나다라 반도체😀👩‍💻\"',;=+-@\t\r\n\\") + ["“", "”"]), max_size=30),
    st.text(max_size=10),
).map("".join)


def _expected_cells(rec: HighlightRecord) -> list[dict[str, str]]:
    def text(v: str | None) -> str:
        return "" if not v else ("'" + v if v[0] in TRIGGERS else v)

    base = {"highlight_id": str(rec.highlight_id), "article_id": str(rec.article_id), "title": text(rec.title),
            "outlet": text(rec.outlet), "reporter": text(rec.reporter), "published_at": text(rec.published_at),
            "source": text(rec.source), "quote": text(rec.quote), "context": text(rec.context),
            "start": str(rec.start), "end": str(rec.end), "note": text(rec.note), "annotator": text(rec.annotator),
            "created_at": text(rec.created_at), "updated_at": text(rec.updated_at)}
    tags = rec.tags or ()
    return [{**base, "tag_path": text(t.path), "tag": text(t.name)} for t in tags] or \
        [{**base, "tag_path": "", "tag": ""}]


@FAST
@given(notes=st.lists(note_text, min_size=1, max_size=4))
def test_csv_export_reads_back_equal(lib: Library, notes: list[str], tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    tag = lib.codebook.find("산업정책").id
    made = [lib.highlights.annotate_quote(2, "퓨리오사AI", tag, note=n) for n in notes]
    try:
        out = tmp_path_factory.mktemp("csv") / "h.csv"
        records = lib.exports.records()
        write_csv(records, out)
        with open(out, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            assert tuple(reader.fieldnames or ()) == COLUMNS
            rows = list(reader)
        assert rows == [cells for rec in records for cells in _expected_cells(rec)]
        by_id = {r["highlight_id"]: r["note"] for r in rows}
        for h, n in zip(made, notes):
            assert by_id[str(h.id)] == ("'" + n if n and n[0] in TRIGGERS else n)
    finally:
        for h in made:
            lib.highlights.delete(h.id)


# ------------------------------------------------------------------- overrides and re-cleaning

spans = st.lists(st.tuples(st.floats(0, 0.98), st.integers(2, 40)), min_size=1, max_size=5)


def _highlight_randomly(lib: Library, article_id: int, picks: list[tuple[float, int]]) -> dict[int, str]:
    body = lib.articles.get(article_id).body
    quotes = {}
    for where, length in picks:
        start = int(where * len(body))
        end = min(len(body), start + length)
        if body[start:end].strip():
            h = lib.highlights.create(article_id, start, end)
            quotes[h.id] = h.quote
    return quotes


@FAST
@given(article=st.sampled_from((1, 2)), picks=spans,
       ops=st.lists(st.tuples(st.integers(0, 60), st.sampled_from(("keep", "remove", None))), min_size=1, max_size=4))
def test_overrides_never_misplace_or_delete_highlights(lib: Library, article, picks, ops) -> None:  # type: ignore[no-untyped-def]
    quotes = _highlight_randomly(lib, article, picks)
    segments = lib.articles.segments(article)
    touched = set()
    try:
        for index, action in ops:
            key = segments[index % len(segments)].key
            touched.add(key)
            lib.articles.set_override(article, key, action)
            _check_highlights(lib, article, quotes)
    finally:
        for key in touched:
            lib.articles.set_override(article, key, None)
        _check_highlights(lib, article, quotes)
        for hid in quotes:
            lib.highlights.delete(hid)


@FAST
@given(article=st.sampled_from((1, 2)), picks=spans, keep=st.lists(st.booleans(), min_size=40, max_size=40),
       add=st.lists(st.integers(0, 60), max_size=3))
def test_recleaning_orphans_but_never_deletes(lib: Library, article, picks, keep, add) -> None:  # type: ignore[no-untyped-def]
    """A new cleaner (simulated: it drops some kept paragraphs and keeps some removed ones) re-makes
    the body; every highlight stays, exact or orphaned, and comes back with the old cleaner."""
    quotes = _highlight_randomly(lib, article, picks)
    real_clean = cleaning_module.clean

    def new_cleaner(raw, kind, overrides=None):  # type: ignore[no-untyped-def]
        c = real_clean(raw, kind, overrides)
        removed = [s.text for s in c.segments if not s.kept]
        body = [p for i, p in enumerate(c.body) if keep[i % len(keep)]]
        for a in add:
            if removed:
                body.insert(a % (len(body) + 1), removed[a % len(removed)])
        return dataclasses.replace(c, body=tuple(body) or c.body[:1])

    try:
        with mock.patch.object(cleaning_module, "clean", new_cleaner):
            lib.articles.reclean([article])
        _check_highlights(lib, article, quotes)
        lib.articles.reclean([article])
        _check_highlights(lib, article, quotes)
    finally:
        for hid in quotes:
            lib.highlights.delete(hid)


# ------------------------------------------------------------------- any text: imported or one reason

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), html=st.none() | st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p>"))
def test_any_clipboard_text_imports_or_fails_with_one_line(lib: Library, text: str, html: str | None) -> None:
    result = lib.articles.import_clipboard(text, html)
    if result.status == "failed":
        assert result.reason and "\n" not in result.reason
    else:
        assert result.status in ("imported", "duplicate") and result.article_id is not None
        assert lib.articles.get(result.article_id).body.strip()
