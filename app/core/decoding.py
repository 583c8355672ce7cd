"""Bytes of an imported file (or the clipboard) -> NFC text with LF line ends.

Rules, in order (every refusal is a :class:`DecodeError` whose ``reason`` is one line for the user):

1. More than ``max_bytes`` -> refused ("file too large"); no bytes -> "empty file".
2. Known binary signatures (PNG, JPEG, GIF, PDF, ZIP/DOCX/XLSX/HWPX, OLE/HWP/DOC, gzip, ELF, SQLite, ...)
   -> refused, naming the type. An MHTML archive ("save page as single file") yields its HTML part.
3. A BOM (UTF-32, UTF-8, UTF-16) decides the codec.
4. NUL bytes: UTF-16/32 without BOM when the NULs sit in one byte lane and the decoded text is plausible;
   any other NUL -> "binary file (contains NUL bytes)". More than 5 % control bytes -> "not text".
5. HTML: a ``<meta charset>`` / ``http-equiv`` / XML-declared charset wins when the bytes decode with it
   (euc-kr, ks_c_5601-1987 ... -> cp949; latin-1/ascii -> cp1252 as browsers do). Exception: bytes that are
   valid non-ASCII UTF-8 are UTF-8 (a page re-saved as UTF-8 keeps its old meta tag).
6. Strict UTF-8; strict CP949 when it yields mostly Hangul; UTF-8 with a few bad bytes (each bad sequence
   becomes U+FFFD; "few" = at most max(3, 1 %) and ten times fewer than valid non-ASCII characters);
   CP949 likewise; charset-normalizer's best guess; else "invalid text encoding".
7. Mojibake repair of the whole text: UTF-8 read as cp1252/latin-1 ("ë°˜ë„ì²´" -> "반도체") and CP949
   read as latin-1 ("¹ÝµµÃ¼" -> "반도체"), only when the round trip is exact and yields Hangul.
8. Normalisation: lone surrogates -> U+FFFD; CRLF, CR, NEL, U+2028/9, VT, FF -> LF; other C0 controls and
   DEL dropped; NFC. These change offsets relative to the raw bytes: the raw bytes are stored verbatim
   elsewhere and every offset in Bonmun refers to the decoded text.
9. Nothing but whitespace left -> "empty file (only whitespace)".

``kind``: ``.html/.htm/.xhtml/.shtml/.mht(ml)`` -> html; any other name is sniffed (``<!doctype html``,
``<html``, or many known tags). No function here raises anything but :class:`DecodeError`.
"""
from __future__ import annotations

import codecs
import email
import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["text", "html"]
MAX_BYTES = 20_000_000


class DecodeError(ValueError):
    """An input that is not importable text; ``reason`` is one clear line for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecodedDocument:
    text: str
    kind: Kind
    encoding: str
    repaired: bool = False  # True when mojibake was repaired


def decode_file(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> DecodedDocument:
    """Read and decode one file. Folders, FIFOs, devices, unreadable files and symlink loops are refused
    (never read: a FIFO would block forever); the size is checked before reading."""
    p = Path(path)
    try:
        st = os.stat(p)
        if stat.S_ISDIR(st.st_mode):
            raise DecodeError("is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise DecodeError("not a regular file")
        if st.st_size > max_bytes:
            raise DecodeError(_too_large(st.st_size, max_bytes))
        with open(p, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise DecodeError(f"cannot read file ({_os_reason(exc)})") from exc
    return decode_document(data, p.name, max_bytes=max_bytes)


def decode_document(data: bytes, name: str = "", *, max_bytes: int = MAX_BYTES) -> DecodedDocument:
    """Decode the bytes of an imported file named ``name`` (see the module rules)."""
    try:
        return _decode_document(bytes(data), name, max_bytes)
    except DecodeError:
        raise
    except Exception as exc:  # safety net: callers rely on DecodeError only
        raise DecodeError(f"cannot decode file ({type(exc).__name__})") from exc


def decode_clipboard(text: str, html: str | None, *, max_chars: int = MAX_BYTES) -> DecodedDocument:
    """Clipboard contents -> document: its HTML flavour when it has one, else its plain text (sniffed like
    a file without extension). Same repair and normalisation as files; encoding is ``"clipboard"``."""
    try:
        if html and html.strip():
            body, kind = strip_cf_html_header(html), "html"
        else:
            body = text or ""
            kind = "html" if looks_html(body[:65536]) else "text"  # e.g. a copied page source
        if len(body) > max_chars:
            raise DecodeError(f"clipboard too large ({len(body):,} characters; limit {max_chars:,})")
        if not body.strip():
            raise DecodeError("clipboard is empty")
        return _finish(body, kind, "clipboard")  # type: ignore[arg-type]
    except DecodeError:
        raise
    except Exception as exc:
        raise DecodeError(f"cannot read clipboard ({type(exc).__name__})") from exc


# ---------------------------------------------------------------------------------------------- pipeline

def _decode_document(data: bytes, name: str, max_bytes: int) -> DecodedDocument:
    if len(data) > max_bytes:
        raise DecodeError(_too_large(len(data), max_bytes))
    if not data:
        raise DecodeError("empty file")
    if is_mhtml(data):
        return _decode_mhtml(data, max_bytes)
    binary = binary_type(data)
    if binary:
        raise DecodeError(f"binary file ({binary})")
    ext_kind = kind_from_name(name)
    text, encoding = _to_text(data, ext_kind)
    kind: Kind = ext_kind or ("html" if looks_html(text[:65536]) else "text")
    return _finish(text, kind, encoding)


def _to_text(data: bytes, ext_kind: Kind | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            text = _lenient(body, codec, certain=True)
            if text is None:
                raise DecodeError(f"invalid text encoding (damaged {codec.upper()} with BOM)")
            return text, codec
    if b"\x00" in data:
        return _wide_without_bom(data)
    ratio = control_byte_ratio(data)
    if ratio > 0.05:
        raise DecodeError(f"not text: {ratio:.0%} control characters")
    if ext_kind == "html" or looks_html(data[:65536].decode("latin-1")):
        declared = declared_charset(data[:65536])
        if declared and not (declared != "utf-8" and not data.isascii() and _strict(data, "utf-8")):
            text = _lenient(data, declared)
            if text is not None:
                return text, declared
    for codec, attempt in (("utf-8", _strict), ("cp949", _strict_hangul),
                           ("utf-8", _lenient), ("cp949", _lenient_hangul)):
        text = attempt(data, codec)
        if text is not None:
            return text, codec
    guess = guess_codec(data)
    if guess:
        text = _lenient(data, guess)
        if text is not None:
            return text, guess
    raise DecodeError("invalid text encoding (not UTF-8, CP949 or another known encoding)")


def _wide_without_bom(data: bytes) -> tuple[str, str]:
    for codec in wide_codec_candidates(data):
        text = _strict(data[: len(data) - len(data) % (4 if "32" in codec else 2)], codec)
        if text is not None and plausible_wide_text(text):
            return text, codec
    raise DecodeError("binary file (contains NUL bytes)")


def _decode_mhtml(data: bytes, max_bytes: int) -> DecodedDocument:
    message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes) or not payload.strip():
                continue
            charset = normalise_charset(part.get_content_charset() or "")
            text = _lenient(payload, charset) if charset else None
            if charset and text is not None:
                return _finish(text, "html", "mhtml/" + charset)
            inner = _decode_document(payload, "page.html", max_bytes)
            return DecodedDocument(inner.text, "html", "mhtml/" + inner.encoding, inner.repaired)
    raise DecodeError("MHTML web archive without an HTML page")


def _finish(text: str, kind: Kind, encoding: str) -> DecodedDocument:
    text, repaired = repair_mojibake(text)
    text = normalise_text(text)
    if not text.strip():
        raise DecodeError("empty file (only whitespace)")
    return DecodedDocument(text=text, kind=kind, encoding=encoding, repaired=repaired)


# ------------------------------------------------------------------------------------------------ codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _strict_hangul(data: bytes, codec: str) -> str | None:
    text = _strict(data, codec)
    return text if text is not None and mostly_hangul(text) else None


def _lenient(data: bytes, codec: str, certain: bool = False) -> str | None:
    """Strict decode, else replace a few bad sequences with U+FFFD (see rule 6); None when too many.
    ``certain`` (a BOM named the codec) drops the "ten times more valid non-ASCII" condition."""
    text = _strict(data, codec)
    if text is not None:
        return text
    try:
        text = data.decode(codec, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if bad <= max(3, len(text) // 100) and (certain or non_ascii >= 10 * bad) else None


def _lenient_hangul(data: bytes, codec: str) -> str | None:
    text = _lenient(data, codec)
    return text if text is not None and mostly_hangul(text) else None


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size / 1e6:.1f} MB; limit {limit / 1e6:g} MB)"


def _os_reason(exc: OSError) -> str:
    names = {errno.EACCES: "permission denied", errno.EPERM: "permission denied",
             errno.ELOOP: "symbolic link loop", errno.ENOENT: "file not found",
             errno.EISDIR: "is a folder"}
    return names.get(exc.errno or -1, (exc.strerror or type(exc).__name__).lower())


# ------------------------------------------------------------------------------------------------ sniff

_ZIP_KINDS = ((b"word/document", "DOCX Word document"), (b"xl/workbook", "XLSX Excel workbook"),
              (b"ppt/presentation", "PPTX PowerPoint presentation"), (b"application/hwp+zip", "HWPX Hangul document"),
              (b"Contents/section", "HWPX Hangul document"), (b"opendocument", "OpenDocument file"),
              (b"application/epub+zip", "EPUB e-book"))
_OLE_KINDS = ((b"HWP Document File", "HWP Hangul document"), ("WordDocument".encode("utf-16-le"), "DOC Word document"),
              ("Workbook".encode("utf-16-le"), "XLS Excel workbook"),
              ("PowerPoint".encode("utf-16-le"), "PPT PowerPoint presentation"))
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"), (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"), (b"SQLite format 3\x00", "SQLite database"), (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"Rar!\x1a\x07", "RAR archive"), (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"), (b"ID3", "MP3 audio"), (b"OggS", "Ogg media"), (b"fLaC", "FLAC audio"),
    (b"wOFF", "web font"), (b"wOF2", "web font"), (b"\x00asm", "WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"), (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"%!PS", "PostScript document"), (b"8BPS", "Photoshop image"),
)


def binary_type(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or None."""
    for magic, label in _SIGNATURES:
        # A printable magic ("ID3", "OggS", ...) can start a real text: demand binary bytes nearby too.
        if data.startswith(magic) and (not _printable(magic) or magic == b"%PDF-" or _has_binary(data[:64])):
            return label
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        names = data[:4096] + data[-65536:]
        return next((label for key, label in _ZIP_KINDS if key in names), "ZIP archive")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return next((label for key, label in _OLE_KINDS if key in data), "OLE document (old Office or HWP)")
    if not _has_binary(data[:64]):
        return "RTF document; save it as plain text or HTML" if data.startswith(b"{\\rtf") else None
    if data[:4] == b"RIFF":
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}.get(data[8:12], "RIFF media")
    if data[4:8] == b"ftyp":
        return "HEIF/AVIF image" if data[8:12] in (b"heic", b"heix", b"avif", b"mif1") else "MP4/QuickTime media"
    if data[:3] == b"BZh" and data[4:10] == b"1AY&SY":
        return "bzip2 archive"
    if data[:2] == b"MZ" and b"\x00" in data[2:64]:
        return "Windows executable"
    if data[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00":
        return "BMP image"
    return None


def _printable(data: bytes) -> bool:
    return data.isascii() and not _has_binary(data)


def _has_binary(data: bytes) -> bool:
    return len(data.translate(None, b"\x00" + _CONTROL_BYTES)) < len(data)


def is_mhtml(data: bytes) -> bool:
    """A MIME web archive (.mht/.mhtml): mail-style headers announcing multipart/related."""
    head = data[:8192].lower()
    return bool(re.match(rb"[a-z-]+:", head)) and b"mime-version:" in head and b"multipart/related" in head


_HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml"}
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]", re.I)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|br|hr|img|table|tbody|tr|td|th|ul|ol|li|h[1-6]|meta|link|script|style"
    r"|article|section|header|footer|nav|main|aside|strong|em|b|i|u|figure|figcaption|iframe|form|input|button"
    r"|font|center|blockquote|pre|code|noscript|title)(?:\s[^<>]{0,2000})?/?>", re.I)


def kind_from_name(name: str) -> Kind | None:
    """``html`` for HTML-like extensions; None means: sniff the content."""
    return "html" if os.path.splitext(name.lower())[1] in _HTML_EXTENSIONS else None


def looks_html(head: str) -> bool:
    """``<!doctype html`` or ``<html`` near the start, or at least 10 known HTML tags in ``head``."""
    if _HTML_START.search(head[:4096]):
        return True
    return sum(1 for _ in zip(range(10), _HTML_TAG.finditer(head))) >= 10


_CONTROL_BYTES = bytes(range(1, 9)) + bytes(range(14, 32)) + b"\x7f"


def control_byte_ratio(data: bytes) -> float:
    """Share of C0 control bytes (not TAB, LF, VT, FF, CR) and DEL in ``data``."""
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / max(1, len(data))


_META_CHARSET = re.compile(rb"<meta\b[^>]{0,1024}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.I)
_KOREAN_CHARSETS = {"euc-kr", "euc_kr", "euckr", "ks_c_5601-1987", "ks_c_5601", "ksc5601", "ksc_5601",
                    "ks_c_5601_1987", "x-windows-949", "windows-949", "cp949", "ms949", "uhc", "x-uhc",
                    "korean", "csksc56011987", "iso-ir-149", "csEUCKR".lower()}
_WESTERN_CHARSETS = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                     "cp819", "iso_8859_1", "latin_1"}


def declared_charset(head: bytes) -> str | None:
    """The codec a ``<meta>`` tag (or an XML declaration) of an HTML head declares, if Python knows it."""
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            return normalise_charset(match.group(1).decode("ascii"))
    return None


def normalise_charset(name: str) -> str | None:
    """Web charset label -> Python codec name, the way browsers read it (euc-kr -> cp949 ...)."""
    label = name.strip().lower()
    if label in _KOREAN_CHARSETS:
        return "cp949"
    if label in _WESTERN_CHARSETS:
        return "cp1252"
    if label.startswith(("utf-16", "utf-32", "utf16", "utf32", "ucs-2", "ucs2")):
        return "utf-8"  # WHATWG: a meta tag cannot declare a non-ASCII-compatible encoding
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp949" if codec == "euc_kr" else codec


def guess_codec(data: bytes) -> str | None:
    """charset-normalizer's best guess on (at most) the first megabyte, preferring cp949/utf-8/cp1252
    over an equally good alternative (it likes cp1250 for French)."""
    from charset_normalizer import from_bytes

    sample = data
    if len(data) > 1_000_000:
        cut = data.rfind(b"\n", 0, 1_000_000)
        sample = data[: cut + 1 if cut > 0 else 1_000_000]
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    for preferred in ("cp949", "utf_8", "cp1252"):
        for match in matches:
            if match.chaos <= best.chaos and preferred in match.could_be_from_charset:
                return normalise_charset(preferred)
    return normalise_charset(best.encoding)


def wide_codec_candidates(data: bytes) -> list[str]:
    """UTF-32/16 codecs whose NUL layout ``data`` (no BOM) fits: NULs mostly (75 %) in one byte lane and
    dense there (at least 5 % of the characters are U+00xx, as spaces and digits make them)."""
    sample = data[:65536]
    candidates = []
    quarter = len(sample) // 4
    lanes = [sample[i::4].count(0) for i in range(4)]
    if quarter and min(lanes[2], lanes[3]) >= 0.9 * quarter:
        candidates.append("utf-32-le")
    if quarter and min(lanes[0], lanes[1]) >= 0.9 * quarter:
        candidates.append("utf-32-be")
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    dense = 0.05 * len(sample) / 2  # genuine text has a NUL for every ASCII character (spaces ...)
    if odd >= 0.75 * (even + odd) and odd >= dense:
        candidates.append("utf-16-le")  # ASCII 'A' is 41 00
    if even >= 0.75 * (even + odd) and even >= dense:
        candidates.append("utf-16-be")
    return candidates


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def plausible_wide_text(text: str) -> bool:
    """Reject NUL-laced bytes that only happen to decode as UTF-16: decoded text must have few control
    characters, and be mostly ASCII or have few "characters" made of two printable ASCII bytes."""
    sample = text[:65536]
    if not sample or len(_CONTROL_CHARS.findall(sample)) > 0.05 * len(sample):
        return False
    ascii_count = len(sample.encode("ascii", "ignore"))
    if ascii_count >= 0.9 * len(sample):
        return True
    wide = [ord(c) for c in sample if ord(c) >= 0x100]
    pairs = sum(1 for o in wide if 0x20 <= o >> 8 <= 0x7E and 0x20 <= o & 0xFF <= 0x7E)
    return pairs <= 0.3 * len(wide)


_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_SYLLABLE = re.compile("[\uac00-\ud7a3]")
# The 2,350 syllables of KS X 1001 (EUC-KR): virtually all of real Korean text. Bytes of another encoding
# read as CP949 give mostly the 8,822 rare syllables CP949 added (UTF-8 "반도체" -> "諛섎룄泥").
_COMMON_SYLLABLES = frozenset(bytes([lead, trail]).decode("cp949")
                              for lead in range(0xB0, 0xC9) for trail in range(0xA1, 0xFF))


def mostly_hangul(text: str) -> bool:
    """In the first 200k characters, at least 60 % of the non-ASCII characters are Hangul and at least
    80 % of the Hangul syllables are common (KS X 1001) ones."""
    sample = text[:200_000]
    hangul = len(_HANGUL.findall(sample))
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    syllables = _SYLLABLE.findall(sample)
    common = sum(1 for syllable in syllables if syllable in _COMMON_SYLLABLES)
    return hangul >= 1 and hangul >= 0.6 * non_ascii and common >= 0.8 * len(syllables)


# ------------------------------------------------------------------------------------- repair, normalise

_CP1252_EXTRA = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a" \
                "\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_NOT_LATIN = re.compile(f"[^\x00-\xff{_CP1252_EXTRA}]")


def _c1_fallback(exc: UnicodeError) -> tuple[bytes, int]:
    if isinstance(exc, UnicodeEncodeError):
        chunk = exc.object[exc.start:exc.end]
        if all(ord(c) < 0x100 for c in chunk):
            return chunk.encode("latin-1"), exc.end
    raise exc


codecs.register_error("bonmun-c1-fallback", _c1_fallback)


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 or CP949 bytes that were read as cp1252/latin-1 (whole text, exact round trip only)."""
    if text.isascii() or _NOT_LATIN.search(text):
        return text, False
    try:
        raw = text.encode("cp1252", "bonmun-c1-fallback")
    except UnicodeError:
        return text, False
    as_utf8, as_cp949 = _strict(raw, "utf-8"), _strict(raw, "cp949")
    if as_cp949 is not None and not (len(_HANGUL.findall(as_cp949[:200_000])) >= 2 and mostly_hangul(as_cp949)):
        as_cp949 = None  # not Korean
    if as_utf8 is not None and (as_cp949 is None or mostly_hangul(as_utf8)):
        return as_utf8, True
    return (as_cp949, True) if as_cp949 is not None else (text, False)


_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\x0b\x0c\x85\u2028\u2029]")


def normalise_text(text: str) -> str:
    """Lone surrogates -> U+FFFD; every line break -> LF; other controls dropped; leading BOM dropped; NFC."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _LINE_BREAKS.search(text):
        text = _LINE_BREAKS.sub("\n", text)
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub("", text)
    text = text.lstrip("\ufeff")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


_CF_HTML_HEADER = re.compile(r"Version:\d+\.\d+\s*\n(?:[A-Za-z]+:[^\n]*\n)+")


def strip_cf_html_header(html: str) -> str:
    """Drop the Windows CF_HTML header (Version:/StartHTML:/...) some clipboards keep."""
    html = html.replace("\r\n", "\n")
    match = _CF_HTML_HEADER.match(html)
    return html[match.end():] if match and "StartHTML:" in match.group(0) else html
