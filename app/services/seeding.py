"""Loading the default codebook and the sample articles into a library.

Rules: the codebook is seeded once per library (recorded in ``library_meta``), so a tag the
analyst renamed or deleted never comes back; sample articles are imported once, only into the
default library, and only when it is new.
"""
from __future__ import annotations

import tomllib
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.paths import seeds_dir
from app.services.unit_of_work import Database
from app.storage.models import LibraryMeta, Tag

CODEBOOK_KEY = "seeded_codebook"
SAMPLES_KEY = "seeded_samples"
SAMPLE_SUFFIXES = (".txt", ".html", ".htm", ".md")


def load_codebook_file(path: Path | None = None) -> list[dict[str, str]]:
    path = path or seeds_dir() / "codebook.toml"
    with path.open("rb") as fh:
        return list(tomllib.load(fh).get("tag", []))


def sample_files() -> list[Path]:
    return sorted(p for p in seeds_dir().iterdir() if p.suffix.lower() in SAMPLE_SUFFIXES)


def _flag(s: Session, key: str) -> bool:
    return s.get(LibraryMeta, key) is not None


def seed_codebook(db: Database) -> bool:
    """Create the default tags if this library never had them; True when it did now."""
    entries = load_codebook_file()

    def action(s: Session) -> bool:
        if _flag(s, CODEBOOK_KEY):
            return False
        ids: dict[str, int] = {}
        positions: dict[int | None, int] = {}
        for e in entries:
            parent_path, _, name = e["path"].rpartition("/")
            parent_id = ids[parent_path] if parent_path else None
            positions[parent_id] = positions.get(parent_id, 0) + 1
            existing = s.scalar(select(Tag).where(Tag.name == name, Tag.parent_id.is_(parent_id) if parent_id is None else Tag.parent_id == parent_id))
            if existing is None:
                existing = Tag(parent_id=parent_id, name=name, color=e.get("color", "#FFD54F"),
                               description=e.get("description"), shortcut=e.get("shortcut"),
                               rules=e.get("rules"), position=positions[parent_id])
                s.add(existing)
                s.flush()
            ids[e["path"]] = existing.id
        s.add(LibraryMeta(key=CODEBOOK_KEY, value="1"))
        if s.get(LibraryMeta, "library_uuid") is None:
            s.add(LibraryMeta(key="library_uuid", value=str(uuid.uuid4())))
        return True

    return db.write(action)


def samples_pending(db: Database) -> bool:
    with db.read() as s:
        return not _flag(s, SAMPLES_KEY)


def mark_samples_seeded(db: Database) -> None:
    def action(s: Session) -> None:
        if not _flag(s, SAMPLES_KEY):
            s.add(LibraryMeta(key=SAMPLES_KEY, value="1"))

    db.write(action)
