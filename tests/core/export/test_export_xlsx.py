from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl.utils.escape import unescape

from app.core.export import COLUMNS, HighlightRecord, TagRef, write_xlsx
from app.core.export.xlsx_package import MAX_CELL_CHARS


def load(path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def test_highlights_sheet_is_text_not_formulas(tmp_path: Path, records) -> None:
    out = tmp_path / "h.xlsx"
    result = write_xlsx(records, out)
    wb = load(out)
    assert wb.sheetnames == ["Highlights", "Counts"]
    ws = wb["Highlights"]
    rows = list(ws.iter_rows())
    assert [c.value for c in rows[0]] == list(COLUMNS)
    assert result.items == len(rows) - 1 == 7
    for row in wb["Highlights"].iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    hyper = next(r for r in rows[1:] if r[0].value == 20)
    values = {name: cell.value for name, cell in zip(COLUMNS, hyper)}
    assert values["quote"] == '=HYPERLINK("http://evil.example","클릭")'  # no "'" needed in xlsx
    assert values["title"] == '=제목, "따옴표"'
    assert values["note"] == "@멘션\t탭"
    first = {name: cell.value for name, cell in zip(COLUMNS, rows[1])}
    assert first["note"] == '핵심, 금액 "26조"\n둘째 줄'
    assert isinstance(first["start"], int) and first["start"] == records[0].start
    assert isinstance(first["highlight_id"], int)


def test_frozen_header_autofilter_widths_and_wrap(tmp_path: Path, records) -> None:
    out = tmp_path / "h.xlsx"
    write_xlsx(records, out)
    ws = load(out)["Highlights"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:Q8"
    quote_col = COLUMNS.index("quote") + 1
    context_letter = openpyxl.utils.get_column_letter(COLUMNS.index("context") + 1)
    assert ws.cell(row=2, column=quote_col).alignment.wrap_text
    assert not ws.cell(row=2, column=1).alignment.wrap_text
    assert ws.cell(row=1, column=1).font.bold
    assert 20 <= ws.column_dimensions[context_letter].width <= 80
    assert ws.column_dimensions["A"].width < ws.column_dimensions[context_letter].width


def test_counts_sheet(tmp_path: Path, records) -> None:
    out = tmp_path / "h.xlsx"
    write_xlsx(records, out)
    grid = [[c.value for c in row] for row in load(out)["Counts"].iter_rows()]
    outlet_header = grid[1]
    assert outlet_header == ["tag_path", "연합뉴스", "한국경제", "Total"]
    blank = next(i for i, row in enumerate(grid) if not any(v is not None for v in row))
    outlet = {row[0]: row[1:] for row in grid[2:blank]}
    assert outlet["산업정책/반도체·AI 반도체"] == [0, 2, 2]
    assert outlet['산업정책/보조금, "세액공제"'] == [1, 0, 1]
    assert outlet["(no tag)"] == [1, 0, 1]
    month_title = next(i for i, row in enumerate(grid) if row and row[0] and "month" in row[0])
    month_header = grid[month_title + 1]
    assert month_header == ["tag_path", "2024-03", "2024-04", "Total"]
    months = {row[0]: row[1:] for row in grid[month_title + 2 :]}
    assert months["산업정책/반도체·AI 반도체"] == [2, 0, 2]
    assert months["스타트업 생태계/투자 🚀"] == [1, 0, 1]
    assert months["(no tag)"] == [0, 1, 1]


def test_wide_sheet(tmp_path: Path, records) -> None:
    out = tmp_path / "w.xlsx"
    assert write_xlsx(records, out, wide=True).items == len(records)
    ws = load(out)["Highlights"]
    assert ws.cell(row=2, column=COLUMNS.index("tag") + 1).value == "산업정책; 반도체·AI 반도체"


def _rec(i: int, quote: str, note: str | None = None) -> HighlightRecord:
    tag = TagRef(1, "태그", "가/태그", "#FFFFFF")
    return HighlightRecord(
        i,
        1,
        "t",
        "o",
        None,
        "2024-01-01",
        None,
        (tag,),
        quote,
        quote,
        0,
        len(quote),
        "",
        "",
        note,
        None,
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z",
    )


def test_awkward_text_survives(tmp_path: Path) -> None:
    weird = 'a\x01b\x1f _x0041_ <tag> & "q" \r\n 😀 \ud800 끝'
    long = "가" * (MAX_CELL_CHARS + 10)
    out = tmp_path / "w.xlsx"
    write_xlsx([_rec(1, weird, "  앞뒤 공백  "), _rec(2, long)], out)
    ws = load(out)["Highlights"]
    got = ws.cell(row=2, column=COLUMNS.index("quote") + 1).value
    # OOXML escapes what XML cannot carry as _xHHHH_ (Excel decodes it; openpyxl leaves it to us)
    assert "a_x0001_b_x001F_ _x005F_x0041_ <tag>" in got
    assert unescape(got) == weird.replace("\ud800", "\ufffd")
    assert ws.cell(row=2, column=COLUMNS.index("note") + 1).value == "  앞뒤 공백  "
    cut = ws.cell(row=3, column=COLUMNS.index("quote") + 1).value
    assert len(cut) == MAX_CELL_CHARS and cut.endswith("…")


def test_package_parts_are_well_formed(tmp_path: Path, records) -> None:
    out = tmp_path / "h.xlsx"
    write_xlsx(records, out)
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert {
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/styles.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        } <= names
        for name in names:
            etree.fromstring(zf.read(name))
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")


def test_rows_beyond_sheet_limit_continue_on_next_sheet(tmp_path: Path) -> None:
    recs = [_rec(i, f"인용 {i}") for i in range(1, 8)]
    out = tmp_path / "s.xlsx"
    write_xlsx(recs, out, max_rows_per_sheet=3)
    wb = load(out)
    assert wb.sheetnames == ["Highlights", "Highlights 2", "Highlights 3", "Counts"]
    ids = [row[0] for name in wb.sheetnames[:3] for row in wb[name].iter_rows(min_row=2, values_only=True)]
    assert ids == list(range(1, 8))
    assert all(wb[n].cell(row=1, column=1).value == "highlight_id" for n in wb.sheetnames[:3])
    assert wb["Highlights 3"].auto_filter.ref == "A1:Q2"


def test_failed_xlsx_export_leaves_no_file(tmp_path: Path, records) -> None:
    bad = records[0].__class__(
        **{**{f: getattr(records[0], f) for f in records[0].__slots__}, "start": object()}
    )
    out = tmp_path / "h.xlsx"
    with pytest.raises(TypeError):
        write_xlsx([records[1], bad], out)
    assert list(tmp_path.iterdir()) == []


def test_empty_export_is_a_valid_workbook(tmp_path: Path) -> None:
    out = tmp_path / "e.xlsx"
    assert write_xlsx([], out).items == 0
    wb = load(out)
    assert [c.value for c in wb["Highlights"][1]] == list(COLUMNS)
    assert wb["Highlights"].max_row == 1
    assert wb["Counts"]["A2"].value == "tag_path"


_any_text = st.text(st.characters(blacklist_characters="\x00"), max_size=30) | st.sampled_from(
    ["_x0041_", "_x005F_", "=1+1", "\r\n", " 앞뒤 ", "\ud83d", "a\x0bb"]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(quote=_any_text, note=_any_text, title=_any_text)
def test_any_text_reads_back_exactly(tmp_path: Path, quote: str, note: str, title: str) -> None:
    out = tmp_path / "p.xlsx"
    rec = _rec(1, quote, note)
    rec = HighlightRecord(**{**{f: getattr(rec, f) for f in rec.__slots__}, "title": title})
    write_xlsx([rec], out)
    values = dict(zip(COLUMNS, (c.value for c in load(out)["Highlights"][2])))

    def expect(text: str) -> str:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)

    for name, original in (("quote", quote), ("note", note), ("title", title)):
        assert unescape(values[name] or "") == expect(original)
        assert values[name] is None or isinstance(values[name], str)
