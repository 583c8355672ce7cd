"""Where things live: source checkout, installed wheel, or frozen (PyInstaller) bundle.

Rules:
- ``resource_root()`` is the folder holding ``db/``, ``seeds/`` and ``resources/``: the bundle
  root when frozen (``sys._MEIPASS``), else the repository root (parent of ``app/``).
- User data (the default library, backups) lives in platformdirs' user data folder, or in
  ``$BONMUN_HOME`` when set (tests and portable use).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "bonmun"


def resource_root() -> Path:
    """Folder containing ``db/``, ``seeds/`` and ``resources/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def migrations_dir() -> Path:
    return resource_root() / "db"


def seeds_dir() -> Path:
    return resource_root() / "seeds"


def resources_dir() -> Path:
    return resource_root() / "resources"


def user_data_dir() -> Path:
    """The per-user data folder (created on demand, readable by the user only)."""
    home = os.environ.get("BONMUN_HOME")
    if home:
        path = Path(home)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_library_path() -> Path:
    return user_data_dir() / "library.sqlite"
