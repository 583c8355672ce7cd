"""SQLAlchemy 2 typed models of a Bonmun library (one SQLite file).

Rules:
- ``Article.raw`` is the decoded import text, ``raw_bytes`` the file's bytes, both verbatim and never
  rewritten; ``body`` is derived (cleaner output + user overrides) and may be re-made by ``reclean``.
- Highlight ``start``/``end`` are Python (code-point) indices into ``Article.body``;
  ``quote == body[start:end]`` unless the highlight is ``orphaned``.
- Tag names are unique per parent (top-level names unique among top-level tags).
- Times are naive UTC datetimes.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Annotated, Optional

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC now (SQLite has no time zones)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
created = Annotated[datetime, mapped_column(DateTime, default=utcnow, nullable=False)]
str_opt = Annotated[Optional[str], mapped_column(Text, nullable=True)]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


highlight_tags = Table(
    "highlight_tags",
    Base.metadata,
    Column("highlight_id", ForeignKey("highlights.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[intpk]
    raw: Mapped[str] = mapped_column(Text, nullable=False)
    raw_bytes: Mapped[Optional[bytes]] = mapped_column(LargeBinary, nullable=True)
    raw_encoding: Mapped[Optional[str]] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(8), nullable=False)
    source: Mapped[str_opt]
    source_path: Mapped[str_opt]
    content_hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    title: Mapped[str_opt]
    outlet: Mapped[str_opt] = mapped_column(Text, nullable=True, index=True)
    reporter: Mapped[str_opt]
    published_at: Mapped[Optional[str]] = mapped_column(String(40), nullable=True, index=True)
    url: Mapped[str_opt]
    imported_at: Mapped[created]
    body: Mapped[str] = mapped_column(Text, nullable=False)
    body_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    cleaner_version: Mapped[str] = mapped_column(String(20), nullable=False)

    highlights: Mapped[list["Highlight"]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )
    overrides: Mapped[list["SegmentOverride"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class Tag(Base):
    __tablename__ = "tags"
    __table_args__ = (
        UniqueConstraint("parent_id", "name"),
        Index("uq_tags_root_name", "name", unique=True, sqlite_where=text("parent_id IS NULL")),
    )

    id: Mapped[intpk]
    parent_id: Mapped[Optional[int]] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), nullable=True, index=True
    )
    name: Mapped[str] = mapped_column(Text, nullable=False)
    color: Mapped[str] = mapped_column(String(9), nullable=False, default="#FFD54F")
    description: Mapped[str_opt]
    shortcut: Mapped[Optional[str]] = mapped_column(String(16), nullable=True)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rules: Mapped[str_opt]
    created_at: Mapped[created]


class Highlight(Base):
    __tablename__ = "highlights"

    id: Mapped[intpk]
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    )
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    quote: Mapped[str] = mapped_column(Text, nullable=False)
    prefix: Mapped[str] = mapped_column(Text, nullable=False, default="")
    suffix: Mapped[str] = mapped_column(Text, nullable=False, default="")
    body_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    note: Mapped[str_opt]
    annotator: Mapped[str_opt]
    orphaned: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    created_at: Mapped[created]
    updated_at: Mapped[created]

    article: Mapped[Article] = relationship(back_populates="highlights")
    tags: Mapped[list[Tag]] = relationship(secondary=highlight_tags, order_by=Tag.position)


class ArticleNote(Base):
    __tablename__ = "article_notes"

    id: Mapped[intpk]
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_at: Mapped[created]
    updated_at: Mapped[created]


class SegmentOverride(Base):
    """An analyst's decision on one line: restore a removed line ("keep") or remove a kept one."""

    __tablename__ = "segment_overrides"
    __table_args__ = (UniqueConstraint("article_id", "key"),)

    id: Mapped[intpk]
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    )
    key: Mapped[str] = mapped_column(Text, nullable=False)
    action: Mapped[str] = mapped_column(String(8), nullable=False)
    created_at: Mapped[created]


class LibraryMeta(Base):
    """Key/value facts about the library (e.g. that the default codebook was seeded)."""

    __tablename__ = "library_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")
