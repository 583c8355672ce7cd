from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.export import COLUMNS, HighlightRecord, TagRef, highlight_rows, neutralise, write_csv
from app.core.export.table import FORMULA_TRIGGERS, NUMERIC_COLUMNS


def read_csv(path: Path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    return raw, list(csv.reader(io.StringIO(text, newline="")))


def test_bom_header_and_crlf(tmp_path: Path, records) -> None:
    out = tmp_path / "h.csv"
    result = write_csv(records, out)
    raw, rows = read_csv(out)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert rows[0] == list(COLUMNS)
    assert raw.split(b"\r\n", 1)[0].decode("utf-8-sig") == ",".join(COLUMNS)
    assert raw.endswith(b"\r\n")
    # every record line ends with CRLF; a bare LF only appears inside quoted cells
    assert raw.count(b"\r\n") == len(rows)
    assert result.items == len(rows) - 1 == 7  # tags: 2 + 1 + 2 + 1 + none(1)


def test_cells_round_trip_korean_commas_quotes_newlines(tmp_path: Path, records) -> None:
    out = tmp_path / "h.csv"
    write_csv(records, out, raw=True)
    _, rows = read_csv(out)
    by_id = {}
    for row in rows[1:]:
        by_id.setdefault(int(row[0]), []).append(dict(zip(COLUMNS, row)))
    first = by_id[10]
    assert [r["tag_path"] for r in first] == ["산업정책", "산업정책/반도체·AI 반도체"]
    assert first[0]["note"] == '핵심, 금액 "26조"\n둘째 줄'
    assert first[0]["context"] == "정부가 반도체 산업에 26조원 규모의 지원 프로그램을 가동한다."
    assert first[0]["start"] == str(records[0].start)
    assert by_id[12][0]["quote"].startswith("스타트업")
    assert by_id[20][0]["tag_path"] == '산업정책/보조금, "세액공제"'


def test_untagged_highlight_gets_one_row_with_empty_tag(tmp_path: Path, records) -> None:
    out = tmp_path / "h.csv"
    write_csv(records, out)
    _, rows = read_csv(out)
    untagged = [dict(zip(COLUMNS, r)) for r in rows[1:] if r[0] == "21"]
    assert len(untagged) == 1
    assert untagged[0]["tag"] == "" and untagged[0]["tag_path"] == ""


def test_formula_cells_neutralised_by_default(tmp_path: Path, records) -> None:
    out = tmp_path / "h.csv"
    write_csv(records, out)
    _, rows = read_csv(out)
    for row in rows[1:]:
        for name, cell in zip(COLUMNS, row):
            if name not in NUMERIC_COLUMNS:
                assert not cell or cell[0] not in FORMULA_TRIGGERS, (name, cell)
    hyper = next(dict(zip(COLUMNS, r)) for r in rows[1:] if r[0] == "20")
    assert hyper["quote"] == '\'=HYPERLINK("http://evil.example","클릭")'
    assert hyper["title"] == '\'=제목, "따옴표"'
    assert hyper["note"] == "'@멘션\t탭"
    minus = next(dict(zip(COLUMNS, r)) for r in rows[1:] if r[0] == "12")
    assert minus["note"] == "'-30% 감소 😢"
    assert minus["start"].isdigit() and minus["end"].isdigit()  # numbers are never prefixed


def test_raw_keeps_formulas_verbatim(tmp_path: Path, records) -> None:
    out = tmp_path / "h.csv"
    write_csv(records, out, raw=True)
    _, rows = read_csv(out)
    hyper = next(dict(zip(COLUMNS, r)) for r in rows[1:] if r[0] == "20")
    assert hyper["quote"] == '=HYPERLINK("http://evil.example","클릭")'
    assert hyper["note"] == "@멘션\t탭"


def test_wide_format_joins_tags(tmp_path: Path, records) -> None:
    out = tmp_path / "w.csv"
    result = write_csv(records, out, wide=True)
    _, rows = read_csv(out)
    assert rows[0] == list(COLUMNS)
    assert result.items == len(records) == len(rows) - 1
    first = dict(zip(COLUMNS, rows[1]))
    assert first["tag_path"] == "산업정책; 산업정책/반도체·AI 반도체"
    assert first["tag"] == "산업정책; 반도체·AI 반도체"
    assert [r[0] for r in rows[1:]] == [str(r.highlight_id) for r in records]


def test_empty_export_has_header_only(tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    assert write_csv([], out).items == 0
    assert out.read_bytes() == "\ufeff".encode() + ",".join(COLUMNS).encode() + b"\r\n"


def test_failed_export_leaves_no_file(tmp_path: Path, records) -> None:
    def exploding():
        yield from records[:2]
        raise RuntimeError("database went away")

    out = tmp_path / "h.csv"
    with pytest.raises(RuntimeError):
        write_csv(exploding(), out)
    assert list(tmp_path.iterdir()) == []
    out.write_text("previous export", encoding="utf-8")
    with pytest.raises(RuntimeError):
        write_csv(exploding(), out)
    assert out.read_text(encoding="utf-8") == "previous export"
    assert list(tmp_path.iterdir()) == [out]


# --- property: whatever the text, the CSV reads back to exactly the (neutralised) cells -------------

_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
) | st.sampled_from(["=SUM(A1)", "+1", "-2", "@x", "\tt", "\rr", "a,b", '"q"', "줄\n바꿈", "", "'=x", "😀"])
_opt = st.none() | _text
_tag = st.builds(TagRef, id=st.integers(1, 50), name=_text, path=_text, color=st.just("#FFFFFF"))
_record = st.builds(
    HighlightRecord,
    highlight_id=st.integers(1, 10**9),
    article_id=st.integers(1, 10**9),
    title=_opt,
    outlet=_opt,
    reporter=_opt,
    published_at=_opt,
    source=_opt,
    tags=st.lists(_tag, max_size=3).map(tuple),
    quote=_text,
    context=_text,
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    prefix=_text,
    suffix=_text,
    note=_opt,
    annotator=_opt,
    created_at=_text,
    updated_at=_text,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=st.lists(_record, max_size=6), wide=st.booleans(), raw=st.booleans())
def test_any_records_round_trip(tmp_path: Path, recs: list[HighlightRecord], wide: bool, raw: bool) -> None:
    out = tmp_path / "p.csv"
    write_csv(recs, out, wide=wide, raw=raw)
    _, rows = read_csv(out)
    expected = [[str(c) for c in row] for row in highlight_rows(recs, wide=wide, raw=raw)]
    assert rows[1:] == expected
    if not raw:
        reference = [[str(c) for c in row] for row in highlight_rows(recs, wide=wide, raw=True)]
        for got, orig in zip(rows[1:], reference):
            for name, g, o in zip(COLUMNS, got, orig):
                assert g == (o if name in NUMERIC_COLUMNS else neutralise(o))
                if name not in NUMERIC_COLUMNS:
                    assert not g or g[0] not in FORMULA_TRIGGERS
