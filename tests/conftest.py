"""Shared fixtures: temporary libraries and the sample articles."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user data folder or library."""
    monkeypatch.setenv("BONMUN_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("BONMUN_DB", raising=False)


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("0*.txt"))


@pytest.fixture
def library(tmp_path: Path) -> Iterator["object"]:
    from app.bootstrap import open_library

    lib = open_library(tmp_path / "lib.sqlite")
    yield lib
    lib.close()


@pytest.fixture
def seeded_library(library, seed_paths):  # type: ignore[no-untyped-def]
    results = list(library.articles.import_paths(seed_paths))
    assert [r.status for r in results] == ["imported", "imported"], results
    return library
