"""Shared checks for the safety tests: run ``bonmun`` as a process, and audit a library file.

``audit(path)`` opens the SQLite file directly (no app code) and asserts what "never lose an
annotation" means at rest: the file is intact, every article is whole (body, hashes, search
index row), and every highlight either points at its quote or is marked orphaned.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.core.anchoring import body_hash
from app.services.importing import content_hash

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
PROCESS_TIMEOUT = 180  # seconds: a watchdog, never a timing assumption


def bonmun_cmd(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--db", str(db), *args]


def run_bonmun(db: Path, *args: str, env: dict[str, str] | None = None,
               timeout: float = PROCESS_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run ``bonmun --db DB ARGS`` to completion (TimeoutExpired means it hung)."""
    return subprocess.run(bonmun_cmd(db, *args), cwd=REPO, env={**os.environ, **(env or {})},
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


@contextmanager
def spawn(cmd: Sequence[str], env: dict[str, str] | None = None) -> Iterator[subprocess.Popen[str]]:
    """A process whose stdout is read line by line; killed (SIGKILL) by a watchdog if it outlives
    ``PROCESS_TIMEOUT`` and on leaving the block."""
    proc = subprocess.Popen(list(cmd), cwd=REPO, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
    watchdog = threading.Timer(PROCESS_TIMEOUT, lambda: proc.poll() is None and proc.kill())
    watchdog.start()
    try:
        yield proc
    finally:
        watchdog.cancel()
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def kill_after(proc: subprocess.Popen[str], wanted: int, marker: str) -> list[str]:
    """Read stdout until ``wanted`` lines contain ``marker``, then SIGKILL; returns every line the
    process printed (including those still in the pipe when it was killed)."""
    assert proc.stdout is not None
    lines: list[str] = []
    seen = 0
    for line in proc.stdout:
        lines.append(line.rstrip("\n"))
        if marker in line:
            seen += 1
            if seen >= wanted:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait()
    lines.extend(line.rstrip("\n") for line in proc.stdout)
    assert seen >= wanted, f"the process ended after {seen} {marker!r} lines: {proc.stderr.read() if proc.stderr else ''}"
    assert proc.returncode == -signal.SIGKILL
    return lines


@dataclass(frozen=True)
class Audit:
    articles: int
    highlights: int
    orphaned: int
    content_hashes: frozenset[str]
    sources: tuple[str, ...]


def connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def audit(path: Path) -> Audit:
    """Assert the library at ``path`` is intact and whole; return what it holds."""
    con = sqlite3.connect(path)  # read-write: a crashed writer's WAL must be recoverable
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        indexed = dict(con.execute("SELECT article_id, packed FROM search_doc"))
        hashes, sources = [], []
        for aid, raw, body, bhash, chash, source in con.execute(
                "SELECT id, raw, body, body_hash, content_hash, source FROM articles ORDER BY id"):
            assert body and body.strip(), f"article {aid} has no body"
            assert bhash == body_hash(body), f"article {aid}: body hash does not match its body"
            assert chash == content_hash(raw), f"article {aid}: content hash does not match its raw text"
            assert aid in indexed, f"article {aid} is missing from the search index"
            _, indexed_body, _, _ = json.loads(zlib.decompress(indexed[aid]).decode())
            assert indexed_body == body, f"article {aid}: the search index holds another body"
            hashes.append(chash)
            sources.append(source)
        assert len(hashes) == len(set(hashes)), "an article was imported twice"
        assert set(indexed) <= {r[0] for r in con.execute("SELECT id FROM articles")}, "index rows of deleted articles"
        for table in ("search_lemma", "search_trigram", "search_gram"):
            con.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        n_h = n_orph = 0
        for hid, start, end, quote, orphaned, body in con.execute(
                "SELECT h.id, h.start, h.end, h.quote, h.orphaned, a.body FROM highlights h "
                "JOIN articles a ON a.id = h.article_id"):
            n_h += 1
            n_orph += bool(orphaned)
            assert quote, f"highlight {hid} lost its quote"
            if not orphaned:
                assert body[start:end] == quote, f"highlight {hid} points at other text"
        assert n_h == con.execute("SELECT count(*) FROM highlights").fetchone()[0]
        return Audit(len(hashes), n_h, n_orph, frozenset(hashes), tuple(sources))
    finally:
        con.close()


def library_state(path: Path) -> dict[str, list[tuple]]:
    """Every user-visible row of a library (for before/after comparisons)."""
    con = connect_ro(path)
    try:
        return {
            "articles": con.execute("SELECT id, content_hash, title, body FROM articles ORDER BY id").fetchall(),
            "tags": con.execute("SELECT id, parent_id, name, color, position FROM tags ORDER BY id").fetchall(),
            "highlights": con.execute("SELECT id, article_id, start, end, quote, note FROM highlights ORDER BY id").fetchall(),
            "links": con.execute("SELECT highlight_id, tag_id FROM highlight_tags ORDER BY 1, 2").fetchall(),
            "notes": con.execute("SELECT article_id, text FROM article_notes ORDER BY 1").fetchall(),
        }
    finally:
        con.close()


def no_traceback(*texts: str) -> bool:
    return not any("Traceback" in t or 'File "' in t for t in texts)
