"""Engines for a library: pragmas, write transactions that take the lock up front.

Rules:
- ``--db`` accepts a file path or a SQLAlchemy URL; a path becomes ``sqlite:///ABS``.
- Every connection: ``foreign_keys=ON``, WAL, ``busy_timeout`` (another process writing makes us
  wait, not fail), ``synchronous=NORMAL`` (WAL: committed transactions survive a process crash).
- Write sessions begin with ``BEGIN IMMEDIATE`` so two writers queue on the busy timeout instead
  of dead-locking on a lock upgrade; read sessions use a deferred ``BEGIN`` and never block writers.
- New library files are created readable by the user only (0600), in a folder created 0700.
- ``$BONMUN_BUSY_TIMEOUT_MS`` overrides the busy timeout (tests, scripts that prefer to fail fast).
"""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

BUSY_TIMEOUT_MS = 15_000


def busy_timeout_ms() -> int:
    """The busy timeout in ms: ``$BONMUN_BUSY_TIMEOUT_MS`` when it is a non-negative integer, else the default."""
    value = os.environ.get("BONMUN_BUSY_TIMEOUT_MS", "").strip()
    return int(value) if value.isdigit() else BUSY_TIMEOUT_MS


def to_url(db: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL for a path or URL string."""
    s = os.fspath(db)
    if "://" in s:
        return s
    return f"sqlite:///{Path(s).expanduser().resolve()}"


def database_file(url: str) -> Path | None:
    """The SQLite file behind ``url``, or None for memory/other backends."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def _create_private_file(path: Path) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def make_engine(db: str | os.PathLike[str], *, immediate: bool) -> Engine:
    """An engine on ``db``; ``immediate`` makes every transaction ``BEGIN IMMEDIATE``."""
    url = to_url(db)
    file = database_file(url)
    if file is not None:
        _create_private_file(file)
    timeout_ms = busy_timeout_ms()
    engine = create_engine(
        url,
        connect_args={"timeout": timeout_ms / 1000, "check_same_thread": False},
    )
    if engine.dialect.name != "sqlite":
        return engine

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={timeout_ms}")
        if file is not None:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
