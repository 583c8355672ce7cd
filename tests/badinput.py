"""A corpus of bad (and awkward) inputs for import tests, written into a folder.

``make_bad_inputs(folder)`` writes every case and returns ``{relative path: Expectation}``. The expectation
is stated at the *decode* level (bytes -> text, see ``app.core.decoding``); end-to-end import tests reuse
it and may be stricter (e.g. an HTML page holding only scripts decodes fine but has no body text).

Outcomes: ``ok`` (decodes; ``contains`` are substrings of the decoded text, ``kind`` its kind), ``fail``
(``DecodeError`` whose reason matches the regex ``reason``), ``either`` (depends on the machine: e.g. a
chmod-000 file is readable by root, as in CI). A folder case (``symlink_loop``) is ``ok`` when walking it
terminates and its one real article is found. Everything is deterministic and takes well under a second.
"""
from __future__ import annotations

import io
import os
import random
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

KOREAN = ("LG그룹이 차세대 AI 반도체 사업에 박차를 가하고 있다. 업계에서는 과거 정부 시절 '재계 빅딜'로 "
          "반도체 사업을 빼앗기다시피한 LG그룹이 반전을 노릴 수 있을지 주목한다.\n"
          "퓨리오사AI는 올해 3월 메타의 1조원 인수 제의를 거절해 세상 사람들의 눈에 들어온 기업이다.\n")
PHRASE = "차세대 AI 반도체"
UHC_ONLY = "똠방각하 펲시콜라"  # syllables outside EUC-KR's 2,350: only CP949 (UHC) encodes them


@dataclass(frozen=True)
class Expectation:
    outcome: Literal["ok", "fail", "either"]
    contains: tuple[str, ...] = ()
    reason: str | None = None  # regex, searched in DecodeError.reason
    kind: Literal["text", "html"] | None = None
    note: str = ""


Writer = Callable[[Path], None]
_CASES: dict[str, tuple[Writer, Expectation]] = {}


def _bytes_case(name: str, data: Callable[[], bytes], expectation: Expectation) -> None:
    def write(path: Path) -> None:
        path.write_bytes(data())
    _CASES[name] = (write, expectation)


def _case(name: str, expectation: Expectation) -> Callable[[Writer], Writer]:
    def register(writer: Writer) -> Writer:
        _CASES[name] = (writer, expectation)
        return writer
    return register


def make_bad_inputs(folder: Path) -> dict[str, Expectation]:
    """Write every case under ``folder`` (created if needed); return ``{relative path: Expectation}``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (writer, _) in _CASES.items():
        writer(folder / name)
    return {name: expectation for name, (_, expectation) in _CASES.items()}


CASE_NAMES: tuple[str, ...]  # filled at the end of the module


# ------------------------------------------------------------------------------------------ payloads

def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    pixels = zlib.compress(b"\x00\xff\x00\x00" * 1)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, text in members.items():
            archive.writestr(member, text)
    return buffer.getvalue()


def _random_bytes() -> bytes:
    return random.Random(20240607).randbytes(8192)


def _nul_laced() -> bytes:
    """Korean UTF-8 with NUL bytes sprinkled at random offsets (a damaged file, not UTF-16)."""
    rng, data = random.Random(7), bytearray((KOREAN * 20).encode("utf-8"))
    for _ in range(len(data) // 60):
        data.insert(rng.randrange(len(data)), 0)
    return bytes(data)


def _utf8_few_bad() -> bytes:
    data = bytearray((KOREAN * 10).encode("utf-8"))
    data[len(data) // 2] = 0xFF  # a stray byte
    data[len(data) // 3 + 1:len(data) // 3 + 1] = b"\xc0\xaf"  # an overlong '/'
    return bytes(data)


def _utf8_mostly_bad() -> bytes:
    encoded = (KOREAN * 10).encode("utf-8")
    return bytes(b for i, b in enumerate(encoded) if i % 3)  # every third byte lost


def _html(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html>\n<html><head>{head}<title>기사</title></head><body>{body}</body></html>\n"


def _mojibake_cp949_latin1() -> bytes:
    return (KOREAN * 3).encode("cp949").decode("latin-1").encode("utf-8")


def _mojibake_utf8_cp1252() -> bytes:
    raw = (KOREAN * 3).encode("utf-8")  # as a browser shows UTF-8 read as windows-1252 (C1 for the gaps)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw).encode("utf-8")


def _unicode_mix() -> bytes:
    text = ("이모지 👩‍💻 🇰🇷 😀 끝\n" + unicodedata.normalize("NFD", "한국어 조합형") + "\n"
            "cafe\u0301 re\u0301sume\u0301\n"
            "עברית: שלום עולם\n" "العربية: مرحبا بالعالم\n" "\u202e뒤집힌\u202c \u200f표시\n")
    return text.encode("utf-8")


# --------------------------------------------------------------------------------------------- cases

_EMPTY = Expectation("fail", reason=r"empty")
_BINARY = r"binary|not text|invalid text encoding"
_bytes_case("empty.txt", lambda: b"", _EMPTY)
_bytes_case("whitespace_only.txt", lambda: " \n\t\r\n  \u3000\n".encode("utf-8"), _EMPTY)
_bytes_case("plain_utf8.txt", lambda: KOREAN.encode("utf-8"), Expectation("ok", (PHRASE,), kind="text"))
_bytes_case("utf8_bom.txt", lambda: b"\xef\xbb\xbf" + KOREAN.encode("utf-8"), Expectation("ok", (PHRASE,)))
for _ext in ("txt", "html"):
    _bytes_case(f"image_png.{_ext}", _png, Expectation("fail", reason=r"binary file \(PNG image\)"))
    _bytes_case(f"archive_zip.{_ext}", lambda: _zip({"a.txt": KOREAN}),
                Expectation("fail", reason=r"binary file \(ZIP archive\)"))
    _bytes_case(f"random_bytes.{_ext}", _random_bytes, Expectation("fail", reason=_BINARY))
    _bytes_case(f"nul_bytes.{_ext}", _nul_laced, Expectation("fail", reason=r"NUL"))
_bytes_case("report.docx", lambda: _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}),
            Expectation("fail", reason=r"DOCX"))
_bytes_case("scan.pdf.txt", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            Expectation("fail", reason=r"PDF"))
_bytes_case("invalid_utf8_few_bytes.txt", _utf8_few_bad,
            Expectation("ok", (PHRASE, "\ufffd"), note="a few bad bytes become U+FFFD"))
_bytes_case("invalid_utf8_mostly.txt", _utf8_mostly_bad,
            Expectation("fail", reason=r"invalid text encoding|not text"))
_bytes_case("utf16le_bom.txt", lambda: KOREAN.encode("utf-16"), Expectation("ok", (PHRASE,)))
_bytes_case("utf16be_bom.txt", lambda: b"\xfe\xff" + KOREAN.encode("utf-16-be"), Expectation("ok", (PHRASE,)))
_bytes_case("utf16le_no_bom.txt", lambda: KOREAN.encode("utf-16-le"), Expectation("ok", (PHRASE,)))
_bytes_case("utf16be_no_bom.txt", lambda: KOREAN.encode("utf-16-be"), Expectation("ok", (PHRASE,)))
_bytes_case("utf32_bom.txt", lambda: KOREAN.encode("utf-32"), Expectation("ok", (PHRASE,)))
_bytes_case("cp949.txt", lambda: (KOREAN + UHC_ONLY).encode("cp949"), Expectation("ok", (PHRASE, UHC_ONLY)))
_bytes_case("cp949_meta_euckr.html",
            lambda: _html(f"<p>{KOREAN}</p><p>{UHC_ONLY}</p>",
                          '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">').encode("cp949"),
            Expectation("ok", (PHRASE, UHC_ONLY), kind="html"))
_bytes_case("utf8_meta_euckr.html", lambda: _html(f"<p>{KOREAN}</p>", '<meta charset="euc-kr">').encode("utf-8"),
            Expectation("ok", (PHRASE,), kind="html", note="re-saved page: valid UTF-8 beats the stale meta"))
_bytes_case("mojibake_cp949_as_latin1.txt", _mojibake_cp949_latin1, Expectation("ok", (PHRASE,)))
_bytes_case("mojibake_utf8_as_cp1252.txt", _mojibake_utf8_cp1252, Expectation("ok", (PHRASE,)))
_bytes_case("single_line_5mb.txt", lambda: (KOREAN.replace("\n", " ") * 21_000).encode("utf-8"),
            Expectation("ok", (PHRASE,), note="one 5 MB line"))
_bytes_case("malformed.html",
            lambda: ('<html><body><p>본문 <b>굵게 <div></p><table><tr><td>셀</div> <a href="x>깨진 링크'
                     f'<p>{KOREAN}<!-- 닫히지 않은 주석 <script>').encode(),
            Expectation("ok", (PHRASE,), kind="html"))
_bytes_case("only_scripts.html",
            lambda: _html('<script>document.write("<p>광고</p>");</script><noscript></noscript>',
                          "<script src='a.js'></script><style>p { color: red }</style>").encode("utf-8"),
            Expectation("ok", kind="html", note="decodes; an importer must then report 'no article text'"))
_bytes_case("nested_20000.html",
            lambda: ("<html><body>" + "<div>" * 20_000 + "깊은 본문" + "</div>" * 20_000 + "</body></html>").encode(),
            Expectation("ok", ("깊은 본문",), kind="html", note="parsers must not recurse 20,000 levels"))
_bytes_case("unicode_mix.txt", _unicode_mix,
            Expectation("ok", ("👩‍💻", "🇰🇷", "한국어 조합형", "café", "שלום", "مرحبا"), note="NFC, RTL, emoji"))
_bytes_case("crlf.txt", lambda: "첫 줄\r\n둘째 줄\r\n셋째 줄\r\n".encode(),
            Expectation("ok", ("첫 줄\n둘째 줄\n셋째 줄",)))


@_case("huge_50mb.txt", Expectation("fail", reason=r"too large \(50\.\d MB; limit 20 MB\)"))
def _huge(path: Path) -> None:
    block = (KOREAN * (1_000_000 // len(KOREAN.encode("utf-8")) + 1)).encode("utf-8")[:1_000_000]
    with open(path, "wb") as out:
        for _ in range(50):
            out.write(block)
        out.write(KOREAN.encode("utf-8"))


@_case("symlink_loop", Expectation("ok", (PHRASE,), note="folder: ./self -> . and a two-link cycle"))
def _symlink_loop(path: Path) -> None:
    path.mkdir(exist_ok=True)
    (path / "article.txt").write_text(KOREAN, encoding="utf-8")
    for link, target in (("self", "."), ("cycle_a.txt", "cycle_b.txt"), ("cycle_b.txt", "cycle_a.txt")):
        if not (path / link).is_symlink():
            os.symlink(target, path / link)


_CASES["symlink_loop/cycle_a.txt"] = (lambda path: None,  # written by the folder case
                                      Expectation("fail", reason=r"symbolic link loop|cannot read"))


@_case("unreadable.txt", Expectation("either", (PHRASE,), reason=r"permission denied|cannot read",
                                     note="chmod 000: root (CI) can still read it"))
def _unreadable(path: Path) -> None:
    if path.exists():
        path.chmod(0o600)
    path.write_text(KOREAN, encoding="utf-8")
    path.chmod(0)


@_case("named_pipe.txt", Expectation("fail", reason=r"not a regular file",
                                     note="a FIFO: opening it for reading would block forever"))
def _fifo(path: Path) -> None:
    if not path.exists():
        os.mkfifo(path)


CASE_NAMES = tuple(_CASES)
