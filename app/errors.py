"""User-facing errors: one line for the analyst, never a traceback (kept import-light for the CLI)."""
from __future__ import annotations


class ServiceError(Exception):
    """A user-facing failure with a one-line message."""


BUSY_MESSAGE = "the library is busy: another Bonmun process is writing to it; try again"


class LibraryBusy(ServiceError):
    """Another process holds the library's write lock longer than the busy timeout."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)
