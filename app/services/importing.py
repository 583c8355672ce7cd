"""Turning files, folders and clipboard content into articles.

Rules:
- Each article is imported in its own transaction: an interrupted import leaves whole articles
  or nothing; re-running it imports the rest and reports the others as ``duplicate``.
- Duplicates are found by a hash of the decoded text with white space folded, so the same article
  saved in another encoding or with other line endings is a duplicate.
- A failure (unreadable, binary, undecodable, too large) is a one-line reason; nothing is written.
- The Korean analyser is loaded while preparing the first article, outside any transaction.
- An article body longer than ``MAX_BODY_CHARS`` is refused: no news article is that long, and
  Korean analysis (search index) of such a text would take minutes (Kiwi is superlinear on long lines).
- Folders are walked recursively without following directory symlinks (no loops); inside folders
  only article-like files (``SUPPORTED_SUFFIXES``) are considered. Hidden files are skipped.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.cleaning.model import CleanedArticle
from app.core.decoding import DecodedDocument, DecodeError, decode_clipboard, decode_document

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".text", ".html", ".htm", ".xhtml"})
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class PreparedArticle:
    """A decoded and cleaned article, ready to store."""

    source: str
    source_path: str | None
    raw_bytes: bytes | None
    doc: DecodedDocument
    cleaned: CleanedArticle
    content_hash: str


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str


def content_hash(text: str) -> str:
    return hashlib.sha256(_WS.sub(" ", text).strip().encode("utf-8")).hexdigest()


def iter_candidate_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Failure]:
    """Files named directly, and article-like files under folders, in a stable order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield Failure(str(path), "no such file or folder")


def _walk(root: Path) -> Iterator[Path | Failure]:
    def onerror(err: OSError) -> None:
        failures.append(Failure(str(err.filename or root), _os_reason(err)))

    failures: list[Failure] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                yield Path(dirpath) / name
        while failures:
            yield failures.pop(0)


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a folder"
    if err.errno is not None and err.strerror:
        return err.strerror.lower()
    return "cannot read file"


def read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; OSError for unreadable files, DecodeError when too large."""
    if not path.is_file():
        if path.is_symlink() and not path.exists():
            raise DecodeError("symbolic link loop" if _is_link_loop(path) else "broken symbolic link")
        raise DecodeError("not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise DecodeError(f"file too large ({size / 1e6:.1f} MB; limit {max_bytes / 1e6:.0f} MB)")
    with path.open("rb") as fh:
        return fh.read(max_bytes + 1)


def _is_link_loop(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


MAX_BYTES = 20_000_000
MAX_BODY_CHARS = 100_000


def prepare_file(path: Path) -> PreparedArticle | Failure:
    """Read, decode and clean one file; a Failure with a one-line reason on bad input."""
    source = path.name
    try:
        data = read_file(path, MAX_BYTES)
        doc = decode_document(data, path.name, max_bytes=MAX_BYTES)
    except DecodeError as exc:
        return Failure(str(path), exc.reason)
    except OSError as exc:
        return Failure(str(path), _os_reason(exc))
    return _prepare(source, str(path.resolve()), data, doc)


def prepare_clipboard(text: str, html: str | None) -> PreparedArticle | Failure:
    try:
        doc = decode_clipboard(text, html)
    except DecodeError as exc:
        return Failure("clipboard", exc.reason)
    return _prepare("clipboard", None, None, doc)


def _prepare(source: str, source_path: str | None, data: bytes | None, doc: DecodedDocument) -> PreparedArticle | Failure:
    from app.core.cleaning import clean

    cleaned = clean(doc.text, doc.kind)
    if not cleaned.body:
        return Failure(source_path or source, "no article text found (everything looked like page furniture)")
    size = len(cleaned.body_text)
    if size > MAX_BODY_CHARS:
        return Failure(source_path or source, f"article text too long ({size:,} characters; limit {MAX_BODY_CHARS:,}): "
                                              "split the file into articles")
    _warm_analyser()
    return PreparedArticle(source, source_path, data, doc, cleaned, content_hash(doc.text))


_analyser_warm = False


def _warm_analyser() -> None:
    """Load Kiwi (seconds) before the first write transaction, which analyses the article for the
    search index: the library's write lock must not be held while the model loads."""
    global _analyser_warm
    if not _analyser_warm:
        from app.core.korean import analyze

        analyze("본문을 불러옵니다.")
        _analyser_warm = True


ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]
