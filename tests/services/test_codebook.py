"""The codebook: default seeding, uniqueness, moves, merges and deletes that can be undone."""
from __future__ import annotations

import pytest

from app.services.unit_of_work import ServiceError


def test_new_library_has_default_codebook(library) -> None:
    paths = [t.path for t in library.codebook.tree()]
    roots = [t.name for t in library.codebook.tree() if t.parent_id is None]
    assert roots == ["산업정책", "스타트업 생태계"]
    assert "산업정책/반도체·AI 반도체" in paths
    shortcuts = sorted(t.shortcut for t in library.codebook.tree() if t.shortcut)
    assert shortcuts == [str(i) for i in range(1, 10)]


def test_seeding_never_brings_back_what_the_user_deleted(tmp_path) -> None:
    from app.bootstrap import open_library

    lib = open_library(tmp_path / "l.sqlite")
    root = lib.codebook.find("스타트업 생태계")
    lib.codebook.delete(root.id)
    lib.close()
    lib = open_library(tmp_path / "l.sqlite")
    assert all(not t.path.startswith("스타트업") for t in lib.codebook.tree())
    lib.close()


def test_names_unique_per_parent(library) -> None:
    parent = library.codebook.find("산업정책")
    with pytest.raises(ServiceError):
        library.codebook.create("규제·제도", parent.id)
    other = library.codebook.find("스타트업 생태계")
    assert library.codebook.create("규제·제도", other.id).path == "스타트업 생태계/규제·제도"
    with pytest.raises(ServiceError):
        library.codebook.create("산업정책")
    with pytest.raises(ServiceError):
        library.codebook.create("a/b")


def test_move_cannot_create_cycles_and_reorders(library) -> None:
    parent = library.codebook.find("산업정책")
    child = library.codebook.find("산업정책/규제·제도")
    with pytest.raises(ServiceError):
        library.codebook.move(parent.id, child.id)
    moved = library.codebook.move(child.id, parent.id, 0)
    assert moved.position == 1
    kids = [t.name for t in library.codebook.tree() if t.parent_id == parent.id]
    assert kids[0] == "규제·제도"


def test_merge_retags_and_unmerge_restores(seeded_library) -> None:
    lib = seeded_library
    a = lib.codebook.find("산업정책/반도체·AI 반도체")
    b = lib.codebook.find("산업정책/정부 지원·육성")
    aid = lib.articles.list()[0].id
    body = lib.articles.get(aid).body
    h = lib.highlights.create(aid, 0, 10, [a.id])
    merge = lib.codebook.merge(a.id, b.id)
    assert merge.highlights == 1
    assert lib.highlights.get(h.id).tag_ids == (b.id,)
    assert all(t.id != a.id for t in lib.codebook.tree())
    lib.codebook.unmerge(merge)
    assert lib.highlights.get(h.id).tag_ids == (a.id,)
    assert lib.codebook.get(a.id).name == a.name
    assert body == lib.articles.get(aid).body


def test_delete_reports_usage_and_restore_is_exact(seeded_library) -> None:
    lib = seeded_library
    root = lib.codebook.find("산업정책")
    child = lib.codebook.find("산업정책/규제·제도")
    aid = lib.articles.list()[0].id
    h = lib.highlights.create(aid, 0, 5, [child.id])
    n_tags, n_hl = lib.codebook.usage(root.id)
    assert n_tags == 1 + sum(1 for t in lib.codebook.tree() if t.parent_id == root.id)
    assert n_hl == 1
    before = lib.codebook.tree()
    snap = lib.codebook.delete(root.id)
    assert lib.highlights.get(h.id).tag_ids == ()
    lib.codebook.restore(snap)
    assert lib.codebook.tree() == before
    assert lib.highlights.get(h.id).tag_ids == (child.id,)
