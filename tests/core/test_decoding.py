"""app.core.decoding: what an analyst sees when importing awkward files."""
from __future__ import annotations

import codecs
import os
import re
import sys
import time
import unicodedata
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.decoding import DecodedDocument, DecodeError, decode_clipboard, decode_document, decode_file

try:
    from tests.badinput import CASE_NAMES, KOREAN, Expectation, make_bad_inputs
except ImportError:  # tests/ is not a package here: load the sibling module from its folder
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from badinput import CASE_NAMES, KOREAN, Expectation, make_bad_inputs  # type: ignore[no-redef]

SEED = Path("/work/shared/seeds/000_6f79e3a98b74e807.txt")
ARTICLE = SEED.read_text(encoding="utf-8") if SEED.exists() else KOREAN * 40


def assert_clean(doc: DecodedDocument) -> None:
    """Invariants of every decoded document."""
    assert "\r" not in doc.text
    assert unicodedata.is_normalized("NFC", doc.text)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]", doc.text)
    assert doc.text.strip()
    assert doc.kind in ("text", "html")


def assert_one_line_reason(exc: DecodeError) -> None:
    assert exc.reason and "\n" not in exc.reason and len(exc.reason) < 120
    assert str(exc) == exc.reason


# ------------------------------------------------------------------------------------ bad-input corpus

@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Expectation]]:
    folder = tmp_path_factory.mktemp("badinput")
    return folder, make_bad_inputs(folder)


def _decode_path(path: Path) -> tuple[list[DecodedDocument], list[DecodeError]]:
    docs, errors = [], []
    if path.is_dir() and not path.is_symlink():
        files = [Path(root) / name for root, _, names in os.walk(path) for name in names]
    else:
        files = [path]
    for file in files:
        try:
            docs.append(decode_file(file))
        except DecodeError as exc:
            errors.append(exc)
    return docs, errors


def test_corpus_lists_every_case(corpus: tuple[Path, dict[str, Expectation]]) -> None:
    folder, cases = corpus
    assert tuple(cases) == CASE_NAMES
    assert all((folder / name).exists() or (folder / name).is_symlink() for name in cases)
    assert (folder / "huge_50mb.txt").stat().st_size > 50_000_000


@pytest.mark.parametrize("name", CASE_NAMES)
def test_bad_input_decodes_or_fails_clearly(corpus: tuple[Path, dict[str, Expectation]], name: str) -> None:
    folder, cases = corpus
    expected = cases[name]
    started = time.perf_counter()
    docs, errors = _decode_path(folder / name)
    assert time.perf_counter() - started < 3, "decoding must never hang"
    for error in errors:
        assert_one_line_reason(error)
    for doc in docs:
        assert_clean(doc)
    if expected.outcome == "ok" or (expected.outcome == "either" and docs):
        assert docs, [e.reason for e in errors]
        for wanted in expected.contains:
            assert any(wanted in doc.text for doc in docs), wanted
        if expected.kind:
            assert {doc.kind for doc in docs} == {expected.kind}
    else:
        assert not docs and len(errors) == 1
        assert re.search(expected.reason or ".", errors[0].reason), errors[0].reason


# ---------------------------------------------------------------------------------------- refusals

@pytest.mark.parametrize(("data", "label"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
    (b"%PDF-1.4\n%\xc7\xec\x8f\xa2", "PDF document"),
    (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
    (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
    (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + b"HWP Document File", "HWP Hangul document"),
    (b"PK\x03\x04\x14\x00" + b"\x00" * 30 + b"xl/workbook.xml", "XLSX Excel workbook"),
    (b"PK\x03\x04\x14\x00mimetypeapplication/hwp+zip", "HWPX Hangul document"),
    (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP image"),
])
def test_binary_files_are_refused_by_type(data: bytes, label: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_document(data + b"rest of file", "article.txt")
    assert info.value.reason == f"binary file ({label})"


def test_empty_whitespace_and_too_large() -> None:
    with pytest.raises(DecodeError, match=r"^empty file$"):
        decode_document(b"", "a.txt")
    with pytest.raises(DecodeError, match="only whitespace"):
        decode_document(" \r\n\t\u3000 ".encode("utf-8"), "a.txt")
    with pytest.raises(DecodeError, match="only whitespace"):
        decode_document("\ufeff\n\n".encode("utf-16"), "a.txt")
    with pytest.raises(DecodeError) as info:
        decode_document(b"a" * 1_500_001, "a.txt", max_bytes=1_000_000)
    assert info.value.reason == "file too large (1.5 MB; limit 1 MB)"


def test_control_characters_mean_not_text() -> None:
    data = bytes(range(1, 32)) * 10 + b"some text"
    with pytest.raises(DecodeError, match=r"^not text: \d+% control characters$"):
        decode_document(data, "a.txt")


def test_stray_controls_are_dropped_and_page_breaks_become_newlines() -> None:
    doc = decode_document(f"첫 줄\x07 끝\x0c둘째\u2028셋째\x1b[0m {KOREAN}".encode(), "a.txt")
    assert doc.text == f"첫 줄 끝\n둘째\n셋째[0m {KOREAN}"


def test_printable_magic_numbers_do_not_refuse_real_text() -> None:
    for text in ("ID3 태그는 MP3 파일의 메타데이터다.", "OggS 형식", "GIF89a 규격의 역사"):
        assert decode_document(text.encode("utf-8"), "note.txt").text == text


def test_nul_bytes_that_are_not_utf16_are_refused() -> None:
    with pytest.raises(DecodeError, match="NUL"):
        decode_document(b"hello\x00world\x00" * 200, "a.txt")  # NULs in one lane, but not UTF-16 text
    with pytest.raises(DecodeError, match="NUL"):
        decode_document(KOREAN.encode() + b"\x00" * 4096, "a.txt")  # zero padding
    damaged = bytearray(ARTICLE.encode("utf-8"))
    for odd in (101, 503, 1001):
        damaged[odd] = 0  # three NULs, all odd: one lane, but far too few for UTF-16 text
    with pytest.raises(DecodeError, match="NUL"):
        decode_document(bytes(damaged[: len(damaged) // 2 * 2]), "a.txt")


# ----------------------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-be"])
def test_unicode_encodings_with_and_without_bom(codec: str) -> None:
    data = ARTICLE.encode(codec)
    if codec in ("utf-16-le", "utf-16-be"):
        assert not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if codec == "utf-32-be":
        data = codecs.BOM_UTF32_BE + data
    doc = decode_document(data, "article.txt")
    assert doc.text == ARTICLE and doc.kind == "text"


def test_cp949_is_recognised_including_uhc_only_syllables() -> None:
    text = ARTICLE + "\n똠방각하 펲시 뷁"
    doc = decode_document(text.encode("cp949"), "article.txt")
    assert (doc.text, doc.encoding) == (text, "cp949")
    short = decode_document("반도체 산업 정책".encode("cp949"), "")
    assert short.text == "반도체 산업 정책"


def test_meta_charset_wins_and_korean_labels_map_to_cp949() -> None:
    for label in ("euc-kr", "EUC-KR", "ks_c_5601-1987", "x-windows-949"):
        html = f'<html><head><meta charset="{label}"></head><body><p>{ARTICLE}뷁</p></body></html>'
        doc = decode_document(html.encode("cp949"), "page.html")
        assert (doc.kind, doc.encoding) == ("html", "cp949") and ARTICLE in doc.text
    western = '<html><head><meta http-equiv="content-type" content="text/html;charset=iso-8859-1"></head>' \
              "<body>Les données du marché coréen</body></html>"
    doc = decode_document(western.encode("cp1252"), "page.htm")
    assert "données du marché" in doc.text and doc.encoding == "cp1252"


def test_valid_utf8_beats_a_stale_legacy_meta_even_when_cp949_could_decode_it() -> None:
    words = "결과 무척 많다 보고 반도체에 빅딜 주력 과거 중소기업 개발 최근 처음 구축"
    assert words.encode("utf-8").decode("cp949")  # UTF-8 bytes that CP949 reads as Hanja soup
    page = f'<html><head><meta charset="euc-kr"></head><body><p>{words}</p></body></html>'
    doc = decode_document(page.encode("utf-8"), "saved.html")
    assert words in doc.text and doc.encoding == "utf-8"


def test_unknown_or_wrong_declared_charset_falls_back_to_detection() -> None:
    html = f'<html><head><meta charset="no-such-codec"></head><body>{ARTICLE}</body></html>'
    assert ARTICLE in decode_document(html.encode("cp949"), "a.html").text
    lying = f'<html><head><meta charset="utf-8"></head><body>{ARTICLE}</body></html>'
    doc = decode_document(lying.encode("cp949"), "a.html")
    assert ARTICLE in doc.text and doc.encoding == "cp949"


def test_a_few_bad_bytes_become_replacement_characters() -> None:
    data = bytearray(ARTICLE.encode("utf-8"))
    data[200] = 0xFF
    doc = decode_document(bytes(data), "a.txt")
    assert doc.encoding == "utf-8" and 1 <= doc.text.count("\ufffd") <= 3  # one per invalid byte
    assert ARTICLE[-200:] in doc.text


def test_encoded_surrogates_cesu8_count_as_bad_bytes() -> None:
    cesu = b"\xed\xa0\xbd\xed\xb8\x80"  # U+1F600 as two UTF-8-encoded surrogates (Java's modified UTF-8)
    doc = decode_document(ARTICLE.encode("utf-8") + cesu + "끝".encode(), "a.txt")
    assert doc.text.startswith(ARTICLE) and doc.text.endswith("\ufffd끝") and "😀" not in doc.text


def test_invalid_utf8_that_no_codec_explains_is_refused() -> None:
    data = ARTICLE.encode("utf-8")
    mangled = bytes(b for i, b in enumerate(data) if i % 4)
    with pytest.raises(DecodeError, match="invalid text encoding"):
        decode_document(mangled, "a.txt")


def test_latin_text_is_decoded_by_detection() -> None:
    text = "Le marché des semi-conducteurs coréens progresse très vite. Où va l'été ? " * 10
    doc = decode_document(text.encode("cp1252"), "note.txt")
    assert doc.text == text and not doc.repaired


# ------------------------------------------------------------------------------------------- mojibake

def test_utf8_read_as_cp1252_is_repaired() -> None:
    assert decode_clipboard("ë°˜ë\x8f„ì²´ ì‚°ì—…", None).text == "반도체 산업"
    doc = decode_document("ë°˜ë\x8f„ì²´".encode(), "a.txt")
    assert (doc.text, doc.repaired) == ("반도체", True)


def test_lossy_mojibake_is_left_alone_rather_than_guessed() -> None:
    # Without the invisible U+008F ('도' is EB 8F 84) the bytes are gone: never invent Hangul.
    doc = decode_clipboard("ë°˜ë„ì²´", None)
    assert (doc.text, doc.repaired) == ("ë°˜ë„ì²´", False)


def test_utf8_bytes_are_never_read_as_cp949_garbage() -> None:
    # UTF-8 Korean read as CP949 decodes without error into rare syllables and Hanja ("諛섎룄泥")
    broken = bytearray(ARTICLE.encode("utf-8"))
    broken[10::97] = b"\xff" * len(broken[10::97])  # too damaged for UTF-8 (about 1 % of bytes)
    with pytest.raises(DecodeError):
        decode_document(bytes(broken), "a.txt")


def test_cp949_read_as_latin1_is_repaired() -> None:
    mojibake = ARTICLE.encode("cp949").decode("latin-1")
    doc = decode_document(mojibake.encode("utf-8"), "a.txt")
    assert (doc.text, doc.repaired) == (ARTICLE, True)


def test_genuine_latin_text_is_not_repaired() -> None:
    for text in ("Größe Übermut schön", "café résumé naïve", "Ã©tÃ© but a lone ± byte keeps it as is"):
        assert decode_clipboard(text, None) == DecodedDocument(text, "text", "clipboard", False)
    assert decode_clipboard("Ã©tÃ© Ã\u00a0 Paris", None).text == "été à Paris"


@given(st.text(alphabet=st.sampled_from("가나다라반도체산업정책스타트업생태계 .,AI0123\n"), min_size=8))
def test_any_korean_mojibake_round_trips(text: str) -> None:
    expected = text.strip() and decode_clipboard(text, None).text
    if not expected or sum("\uac00" <= c <= "\ud7a3" for c in text) < 2:
        return
    via_cp949 = text.encode("cp949").decode("latin-1")
    via_utf8 = "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in text.encode("utf-8"))
    assert decode_clipboard(via_cp949, None).text == expected
    assert decode_clipboard(via_utf8, None).text == expected


# --------------------------------------------------------------------------------- kind, normalisation

@pytest.mark.parametrize(("name", "content", "kind"), [
    ("a.html", "그냥 글", "html"),
    ("a.XHTML", "그냥 글", "html"),
    ("a.txt", "<!DOCTYPE html><html><body>본문</body></html>", "html"),
    ("a", "\n  <html lang='ko'><p>본문</p></html>", "html"),
    ("a.md", "<div><p>" + "<span>본문</span>" * 6 + "</p></div>", "html"),
    ("a.txt", "<ⓒ아시아경제 무단전재> 기사 <b>강조</b> 본문 a < b > c", "text"),
    ("a.csv", "이름,값\n반도체,1\n", "text"),
])
def test_kind_from_extension_or_sniffing(name: str, content: str, kind: str) -> None:
    assert decode_document(content.encode("utf-8"), name).kind == kind


def test_line_endings_and_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "한국어 반도체")
    doc = decode_document(f"첫째\r\n둘째\r셋째\n{nfd}".encode(), "a.txt")
    assert doc.text == "첫째\n둘째\n셋째\n한국어 반도체"


def test_mhtml_archive_yields_its_html_page() -> None:
    archive = MIMEMultipart("related", type="text/html")
    page = MIMEText(f"<html><body><p>{ARTICLE}</p></body></html>", "html", "euc-kr")
    archive.attach(page)
    archive.attach(MIMEText("body { color: red }", "css", "utf-8"))
    doc = decode_document(archive.as_bytes(), "saved.mhtml")
    assert doc.kind == "html" and ARTICLE in doc.text and doc.encoding.startswith("mhtml/")


# ------------------------------------------------------------------------------------------ clipboard

def test_clipboard_prefers_html_and_cleans_it() -> None:
    doc = decode_clipboard("plain", "<p>본문\r\n둘째</p>")
    assert (doc.kind, doc.text, doc.encoding) == ("html", "<p>본문\n둘째</p>", "clipboard")
    assert decode_clipboard("본문 텍스트", "  ").kind == "text"
    assert decode_clipboard("본문 텍스트", None).text == "본문 텍스트"
    with pytest.raises(DecodeError, match="clipboard is empty"):
        decode_clipboard(" \n", None)


def test_clipboard_windows_cf_html_header_is_stripped() -> None:
    cf_html = ("Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000000180\r\nStartFragment:0000000141\r\n"
               "EndFragment:0000000144\r\n<html><body><!--StartFragment-->본문<!--EndFragment--></body></html>")
    assert decode_clipboard("본문", cf_html).text.startswith("<html><body>")


def test_clipboard_surrogates_are_repaired() -> None:
    doc = decode_clipboard("이모지 \ud83d\ude00 깨짐 \ud83d 끝", None)
    assert doc.text == "이모지 😀 깨짐 \ufffd 끝"


# -------------------------------------------------------------------------------------- files, speed

def test_decode_file_refuses_folders_fifos_and_big_files_without_reading(tmp_path: Path) -> None:
    with pytest.raises(DecodeError, match="folder"):
        decode_file(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(DecodeError, match="not a regular file"):
        decode_file(tmp_path / "pipe.txt")
    (tmp_path / "big.txt").write_bytes(b"x" * 2_000_001)
    with pytest.raises(DecodeError, match=r"too large \(2\.0 MB; limit 2 MB\)"):
        decode_file(tmp_path / "big.txt", max_bytes=2_000_000)
    with pytest.raises(DecodeError, match="file not found"):
        decode_file(tmp_path / "missing.txt")


@pytest.mark.parametrize("codec", ["utf-8", "cp949", "utf-16-le"])
def test_twenty_megabytes_decode_quickly(codec: str) -> None:
    data = (ARTICLE + "\r\n").encode(codec) * (19_000_000 // len((ARTICLE + "\r\n").encode(codec)))
    started = time.perf_counter()
    doc = decode_document(data, "big.txt")
    elapsed = time.perf_counter() - started
    assert doc.encoding == codec and doc.text.startswith(ARTICLE[:50]) and "\r" not in doc.text
    assert elapsed < 2.0, f"{codec}: {elapsed:.2f} s"


def test_large_legacy_western_file_is_detected_quickly() -> None:
    data = ("Le marché coréen des puces progresse. " * 400_000).encode("cp1252")
    started = time.perf_counter()
    assert decode_document(data, "a.txt").encoding == "cp1252"
    assert time.perf_counter() - started < 3.0


# ---------------------------------------------------------------------------------------- robustness

_PREFIXES = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE,
             b"<html><meta charset=euc-kr>", b"PK\x03\x04", b"\x89PNG", b"MIME-Version: 1.0\n", b"\xd0\xcf\x11\xe0"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(_PREFIXES), body=st.binary(max_size=600),
       name=st.sampled_from(["a.txt", "a.html", "", "a.mhtml", "x.docx"]))
def test_any_bytes_give_a_clean_document_or_a_decode_error(prefix: bytes, body: bytes, name: str) -> None:
    try:
        doc = decode_document(prefix + body, name)
    except DecodeError as exc:
        assert_one_line_reason(exc)
    else:
        assert_clean(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1), st.one_of(st.none(), st.text()))
def test_any_clipboard_gives_a_clean_document_or_a_decode_error(text: str, html: str | None) -> None:
    try:
        doc = decode_clipboard(text, html)
    except DecodeError as exc:
        assert_one_line_reason(exc)
    else:
        assert_clean(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1),
       st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]))
def test_unicode_text_survives_decoding(text: str, codec: str) -> None:
    expected = unicodedata.normalize("NFC", text.replace("\u2028", "\n").replace("\u2029", "\n"))
    expected = expected.lstrip("\ufeff")
    if not expected.strip() or text.startswith(("%PDF-", "{\\rtf")):
        return
    doc = decode_document(text.encode(codec), "a.txt")
    assert doc.text == expected or doc.repaired


def test_clipboard_plain_text_that_is_page_source_is_html() -> None:
    assert decode_clipboard("<!DOCTYPE html><html><body>본문</body></html>", None).kind == "html"
    assert decode_clipboard("본문 <b>강조</b>", None).kind == "text"
