"""Import: encodings, duplicates, binary refusal, folders; failures leave the library unchanged."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

KOREAN = "정부가 반도체 산업 지원을 확대한다고 밝혔다.\n업계는 이번 조치가 스타트업 생태계에도 도움이 될 것으로 기대했다.\n"


def _snapshot(lib) -> tuple:  # type: ignore[no-untyped-def]
    return tuple(lib.articles.list()), tuple(lib.codebook.tree())


def test_seeds_import_then_duplicate(library, seed_paths) -> None:
    first = list(library.articles.import_paths(seed_paths))
    assert [r.status for r in first] == ["imported", "imported"]
    again = list(library.articles.import_paths(seed_paths))
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert len(library.articles.list()) == 2


@pytest.mark.parametrize(
    "name,data",
    [
        ("utf8.txt", KOREAN.encode("utf-8")),
        ("utf8bom.txt", b"\xef\xbb\xbf" + KOREAN.encode("utf-8")),
        ("utf16.txt", KOREAN.encode("utf-16")),
        ("cp949.txt", KOREAN.encode("cp949")),
        ("euckr.html", f'<html><head><meta charset="euc-kr"><title>제목</title></head><body><article><p>{KOREAN}</p></article></body></html>'.encode("cp949")),
    ],
)
def test_encodings_import_as_korean(library, tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (result,) = list(library.articles.import_paths([path]))
    assert result.status == "imported", result
    detail = library.articles.get(result.article_id)
    assert "반도체 산업 지원" in detail.body
    raw, raw_bytes = library.articles.raw(result.article_id)
    assert raw_bytes == data, "the file is stored verbatim"


def test_same_article_in_another_encoding_is_a_duplicate(library, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(KOREAN.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(KOREAN.replace("\n", "\r\n").encode("cp949"))
    results = list(library.articles.import_paths([tmp_path / "a.txt", tmp_path / "b.txt"]))
    assert [r.status for r in results] == ["imported", "duplicate"]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_binary_is_refused_and_library_unchanged(library, tmp_path: Path, suffix: str) -> None:
    before = _snapshot(library)
    path = tmp_path / f"random{suffix}"
    path.write_bytes(os.urandom(4096))
    (result,) = list(library.articles.import_paths([path]))
    assert result.status == "failed"
    assert result.reason and "\n" not in result.reason
    assert _snapshot(library) == before


def test_png_named_txt_says_what_it_is(library, tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (result,) = list(library.articles.import_paths([path]))
    assert result.status == "failed" and "PNG" in (result.reason or "")


def test_folder_is_walked_recursively_without_loops(library, tmp_path: Path, seed_paths) -> None:
    sub = tmp_path / "in" / "deeper"
    sub.mkdir(parents=True)
    for p in seed_paths:
        (sub / p.name).write_bytes(p.read_bytes())
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    results = list(library.articles.import_paths([tmp_path / "in"]))
    assert sorted(r.status for r in results) == ["imported", "imported"]


def test_clipboard_html_and_text(library) -> None:
    r = library.articles.import_clipboard(KOREAN, None)
    assert r.status == "imported"
    r2 = library.articles.import_clipboard("다른 기사 본문입니다. 정부는 인공지능 반도체 지원 예산을 늘렸다고 밝혔다.",
                                           "<html><body><p>다른 기사 본문입니다. 정부는 인공지능 반도체 지원 예산을 늘렸다고 밝혔다.</p></body></html>")
    assert r2.status == "imported"
    assert "인공지능 반도체" in library.articles.get(r2.article_id).body


def test_missing_file_fails_cleanly(library, tmp_path: Path) -> None:
    (result,) = list(library.articles.import_paths([tmp_path / "nope.txt"]))
    assert result.status == "failed" and "no such file" in (result.reason or "")
