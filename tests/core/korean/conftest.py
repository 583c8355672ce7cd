"""Shared fixtures: one Kiwi per test process (loading costs seconds), the two seed articles."""
from __future__ import annotations

from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[3]
# the repository's copy of the seeds, else the shared folder beside the checkout
SEEDS = next(
    (p for p in (_ROOT / "seeds", _ROOT.parent / "shared" / "seeds") if (p / "000_6f79e3a98b74e807.txt").exists()),
    _ROOT / "seeds",
)


@pytest.fixture(scope="module")
def kiwi():  # noqa: ANN201
    from app.core.kiwi_instance import get_kiwi

    return get_kiwi()


@pytest.fixture(scope="module")
def seeds() -> dict[str, str]:
    """Raw seed texts keyed by their number ('000', '002')."""
    return {p.name[:3]: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
