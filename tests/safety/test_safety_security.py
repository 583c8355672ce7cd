"""Security: no network during import, exports that cannot run formulas or leak home paths, and
private file modes for the library, its backups and folders."""
from __future__ import annotations

import csv
import io
import json
import socket
import stat
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from app.bootstrap import open_library
from app.cli import main
from app.core.export.table import FORMULA_TRIGGERS
from app.storage.backup import automatic_backup, backups_dir

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>정부, 반도체 지원 확대 | 뉴시스</title>
<base href="https://www.example.com/news/">
<meta http-equiv="refresh" content="30; url=https://evil.example.com/">
<meta property="og:image" content="https://img.example.com/og.jpg">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<link rel="preload" href="//fonts.example.com/font.woff2" as="font">
<script src="https://ads.example.com/ad.js"></script>
<style>@import url("https://cdn.example.com/more.css"); body { background: url(https://x.example.com/bg.png) }</style>
</head><body>
<nav><a href="https://www.example.com/">홈</a> <a href="/politics">정치</a></nav>
<article><h1>정부, 반도체 지원 확대</h1>
<p>[서울=뉴시스]김민수 기자 = 정부가 차세대 AI 반도체 개발을 지원하기 위해 예산을 늘리기로 했다고 8일 밝혔다.</p>
<img src="https://img.example.com/photo.jpg" srcset="https://img.example.com/photo2x.jpg 2x">
<iframe src="https://video.example.com/embed/1"></iframe>
<p>업계에서는 이번 발표가 스타트업 생태계에도 긍정적인 영향을 줄 것으로 보고 있다.</p>
<p>산업통상자원부는 관련 규제 개선도 함께 추진한다고 설명했다.</p>
</article>
<footer>Copyright 뉴시스. All rights reserved.</footer>
<script>fetch("https://track.example.com/p")</script></body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) every attempt to open a network connection or resolve a name."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(repr(args[:2]))
        raise OSError("network access is not allowed during this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_html_import_never_touches_the_network(tmp_path: Path, no_network: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "lib.sqlite"
    assert main(["--db", str(db), "import", str(page)]) == 0
    assert capsys.readouterr().out.endswith(": imported\n")
    lib = open_library(db, samples=False)
    try:
        body = lib.articles.get(1).body
        assert "차세대 AI 반도체" in body and "규제 개선" in body
        assert lib.articles.import_clipboard("정부가 예산을 늘린다고 밝혔다.", PAGE).status in ("imported", "duplicate")
    finally:
        lib.close()
    assert no_network == []


NASTY_NOTES = ('=HYPERLINK("https://evil.example.com","클릭")', "+1+2", "-3+4", "@SUM(A1:A2)", "\t=1+1",
               "\r=1+1", "＝1+1", "평범한 메모")


@pytest.fixture
def annotated(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A library (under a folder named like a home directory) with formula-like notes and tag names."""
    home = tmp_path / "home" / "분석가"
    src = home / "기사 모음"
    src.mkdir(parents=True)
    (src / "page.html").write_text(PAGE, encoding="utf-8")
    db = home / "lib.sqlite"
    lib = open_library(db, samples=False)
    assert next(iter(lib.articles.import_paths([src]))).status == "imported"
    tag = lib.codebook.create("=cmd|' \\C calc'!A0")
    for i, note in enumerate(NASTY_NOTES):
        quote = ("반도체", "예산", "스타트업", "규제", "업계", "발표", "정부", "개선")[i]
        lib.highlights.annotate_quote(1, quote, tag.id, note=note)
    yield db, home
    lib.close()


def _csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_csv_and_xlsx_exports_cannot_run_formulas(annotated, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, _ = annotated
    out_csv, out_xlsx = tmp_path / "h.csv", tmp_path / "h.xlsx"
    assert main(["--db", str(db), "export", "--format", "csv", "--out", str(out_csv)]) == 0
    assert main(["--db", str(db), "export", "--format", "xlsx", "--out", str(out_xlsx)]) == 0
    capsys.readouterr()
    rows = _csv_rows(out_csv)
    assert len(rows) == len(NASTY_NOTES)
    for row in rows:
        for column, cell in row.items():
            assert not cell or cell[0] not in FORMULA_TRIGGERS, (column, cell)
    notes = sorted(r["note"] for r in rows)
    assert notes == sorted("'" + n if n[0] in FORMULA_TRIGGERS else n for n in NASTY_NOTES)
    assert {r["tag"] for r in rows} == {"'=cmd|' \\C calc'!A0"}

    with zipfile.ZipFile(out_xlsx) as z:
        sheets = [z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in s or "<f " in s for s in sheets), "an XLSX cell holds a formula"
    from openpyxl import load_workbook

    ws = load_workbook(out_xlsx)["Highlights"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in cells if c.value[:1] in FORMULA_TRIGGERS]
    assert risky and all(c.data_type == "s" for c in risky)  # text cells: Excel shows them, never runs them


def _texts_of(path: Path) -> list[str]:
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return [z.read(n).decode("utf-8", "replace") for n in z.namelist()] + list(z.namelist())
    return [data.decode("utf-8", "replace")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "qdpx", "qdc"])
def test_exports_hold_no_absolute_paths(fmt: str, annotated, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db, home = annotated
    out = tmp_path / f"export.{fmt}"
    assert main(["--db", str(db), "export", "--format", fmt, "--out", str(out)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    needles = {str(home), urllib.parse.quote(str(home)), str(tmp_path), "분석가"}
    for text in _texts_of(out):
        leaked = [n for n in needles if n in text]
        assert not leaked, f"{fmt} export contains {leaked}"
    if fmt in ("csv", "xlsx", "json"):
        assert any("page.html" in t or "example.com" in t for t in _texts_of(out)), "the source is still named"


def test_bundle_keeps_source_path_only(annotated, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """Decision: a bundle is a lossless copy of the library (like a backup), so it keeps each article's
    ``source_path``; nothing else in it names a local folder."""
    db, home = annotated
    out = tmp_path / "library.bonmun.zip"
    assert main(["--db", str(db), "export", "--format", "bundle", "--out", str(out)]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(out) as z:
        doc = json.loads(z.read("bonmun-bundle.json"))
    articles = doc["tables"]["articles"]
    where = articles["columns"].index("source_path")
    assert all(str(home) in row[where] for row in articles["rows"])
    for row in articles["rows"]:
        row[where] = None
    assert str(home) not in json.dumps(doc, ensure_ascii=False)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_library_files_and_folders_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "data" / "bonmun"
    monkeypatch.setenv("BONMUN_HOME", str(home))
    lib = open_library(None, samples=False)  # the default library in the user data folder
    try:
        lib.codebook.create("새 태그")
        assert lib.path is not None
        assert _mode(home) == 0o700
        for f in (lib.path, lib.path.with_name(lib.path.name + "-wal"), lib.path.with_name(lib.path.name + "-shm")):
            assert _mode(f) == 0o600, f
        backup = automatic_backup(lib.path, "daily")
        assert _mode(backup) == 0o600 and _mode(backups_dir(lib.path)) == 0o700
    finally:
        lib.close()
    nested = tmp_path / "new folder" / "lib.sqlite"
    open_library(nested, samples=False).close()
    assert _mode(nested) == 0o600 and _mode(nested.parent) == 0o700
