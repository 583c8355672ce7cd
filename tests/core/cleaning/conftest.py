"""Shared fixtures for the cleaning tests."""
from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "cleaning"


def _seed(name: str) -> str:
    shared = SEEDS / name
    if shared.exists():
        return shared.read_text(encoding="utf-8")
    copies = {"000_6f79e3a98b74e807.txt": "seed_000_newsis_repeated_blocks.txt",
              "002_c5f69b218af9b8a1.txt": "seed_002_asiae_column.txt"}
    return (CORPUS / copies[name]).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_000() -> str:
    return _seed("000_6f79e3a98b74e807.txt")


@pytest.fixture(scope="session")
def seed_002() -> str:
    return _seed("002_c5f69b218af9b8a1.txt")
