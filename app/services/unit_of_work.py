"""Transactions for services: one user action = one transaction, committed at once.

Rules: write transactions start with BEGIN IMMEDIATE (see app.storage.engine) and are retried a
few times when SQLite still reports the database locked after the busy timeout; the error that
finally escapes is :class:`LibraryBusy` with a one-line message.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")
RETRIES = 3


from app.errors import BUSY_MESSAGE, LibraryBusy, ServiceError  # noqa: E402  (re-exported)

__all__ = ["BUSY_MESSAGE", "Database", "LibraryBusy", "ServiceError"]


def _is_locked(exc: OperationalError) -> bool:
    msg = str(exc.orig).lower() if exc.orig else str(exc).lower()
    return "locked" in msg or "busy" in msg


@contextmanager
def busy_as_error() -> Iterator[None]:
    """Turn SQLite's "database is locked" (after the busy timeout) into :class:`LibraryBusy`."""
    try:
        yield
    except OperationalError as exc:
        if _is_locked(exc):
            raise LibraryBusy() from exc
        raise


class Database:
    """Session factories for reading and writing one library."""

    def __init__(self, read_engine: Engine, write_engine: Engine) -> None:
        self.read_engine = read_engine
        self.write_engine = write_engine
        self._read = sessionmaker(read_engine, expire_on_commit=False)
        self._write = sessionmaker(write_engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as s, s.begin():
            yield s

    def write(self, action: Callable[[Session], T]) -> T:
        """Run ``action`` in one write transaction (retried while the library is locked)."""
        for attempt in range(RETRIES):
            try:
                with self._write() as s, s.begin():
                    return action(s)
            except OperationalError as exc:
                if not _is_locked(exc):
                    raise
                if attempt == RETRIES - 1:
                    raise LibraryBusy() from exc
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")

    def dispose(self) -> None:
        self.read_engine.dispose()
        self.write_engine.dispose()
