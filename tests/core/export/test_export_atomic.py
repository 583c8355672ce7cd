from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.core.export import atomic_output


def test_success_replaces_target_with_normal_permissions(tmp_path: Path) -> None:
    out = tmp_path / "보고서.csv"
    with atomic_output(out, "w", encoding="utf-8") as fh:
        fh.write("가나다")
        assert not out.exists()  # nothing visible until the writer finishes
    assert out.read_text(encoding="utf-8") == "가나다"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    assert [p.name for p in tmp_path.iterdir()] == ["보고서.csv"]


def test_error_midway_leaves_nothing_and_keeps_old_file(tmp_path: Path) -> None:
    out = tmp_path / "x.bin"
    with pytest.raises(ValueError):
        with atomic_output(out, "wb") as fh:
            fh.write(b"half")
            raise ValueError("boom")
    assert list(tmp_path.iterdir()) == []
    out.write_bytes(b"old")
    out.chmod(0o600)
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(out, "wb") as fh:
            fh.write(b"new")
            raise KeyboardInterrupt
    assert out.read_bytes() == b"old"
    with atomic_output(out, "wb") as fh:
        fh.write(b"new")
    assert out.read_bytes() == b"new" and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert list(tmp_path.iterdir()) == [out]


def test_rejects_read_and_append_modes(tmp_path: Path) -> None:
    for mode in ("r", "a", "w+"):
        with pytest.raises(ValueError):
            with atomic_output(tmp_path / "f", mode):
                pass
    assert list(tmp_path.iterdir()) == []
