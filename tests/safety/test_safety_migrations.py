"""Upgrading a library from every revision in db/versions keeps its data, takes a backup first,
and leaves search working (articles from before the search index are indexed on open)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from app.bootstrap import open_library
from app.core.anchoring import body_hash
from app.services.importing import content_hash
from app.storage import migrate, search_index
from app.storage.backup import backup_kind, list_backups
from app.storage.engine import make_engine
from tests.safety.helpers import audit, connect_ro

REVISIONS = [r.revision for r in ScriptDirectory.from_config(migrate.alembic_config()).walk_revisions()]
HEAD = migrate.head_revision()

BODIES = (
    "LG그룹이 차세대 AI 반도체 사업에 박차를 가하고 있다.\n퓨리오사AI는 메타의 인수 제의를 거절했다.",
    "정부가 스타트업 투자 확대를 발표했다. 😀 벤처 업계는 환영했다.\n규제 개선도 함께 추진된다.",
)
TIME = "2024-05-01 09:00:00.000000"


def _rows() -> dict[str, list[dict[str, object]]]:
    """One library's worth of data, as the app of any revision would have written it."""
    arts = []
    for i, body in enumerate(BODIES, start=1):
        arts.append({"id": i, "raw": "제목 %d\n%s" % (i, body), "raw_bytes": None, "raw_encoding": "utf-8",
                     "kind": "text", "source": f"a{i}.txt", "source_path": f"/tmp/a{i}.txt",
                     "content_hash": content_hash("제목 %d\n%s" % (i, body)), "title": f"제목 {i}", "outlet": "뉴시스",
                     "reporter": None, "published_at": f"2024-04-0{i}", "url": None, "imported_at": TIME,
                     "body": body, "body_hash": body_hash(body), "cleaner_version": "old"})
    q1 = BODIES[0].index("차세대 AI 반도체")
    q2 = BODIES[1].index("벤처 업계")
    hl = [
        {"id": 1, "article_id": 1, "start": q1, "end": q1 + 10, "quote": "차세대 AI 반도체", "prefix": BODIES[0][:q1],
         "suffix": BODIES[0][q1 + 10:q1 + 42], "body_hash": body_hash(BODIES[0]), "note": "핵심 문장",
         "annotator": "kim", "orphaned": 0, "created_at": TIME, "updated_at": TIME},
        {"id": 2, "article_id": 2, "start": q2, "end": q2 + 5, "quote": "벤처 업계", "prefix": BODIES[1][:q2],
         "suffix": BODIES[1][q2 + 5:q2 + 37], "body_hash": body_hash(BODIES[1]), "note": None,
         "annotator": "kim", "orphaned": 0, "created_at": TIME, "updated_at": TIME},
        {"id": 3, "article_id": 2, "start": 0, "end": 4, "quote": "사라진 문장", "prefix": "", "suffix": "",
         "body_hash": "0" * 64, "note": "orphan", "annotator": "kim", "orphaned": 1, "created_at": TIME,
         "updated_at": TIME},
    ]
    tags = [
        {"id": 1, "parent_id": None, "name": "산업정책", "color": "#112233", "description": None, "shortcut": "1",
         "position": 1, "rules": None, "created_at": TIME},
        {"id": 2, "parent_id": 1, "name": "반도체·AI 반도체", "color": "#445566", "description": "설명",
         "shortcut": None, "position": 1, "rules": None, "created_at": TIME},
        {"id": 3, "parent_id": None, "name": "스타트업 생태계", "color": "#778899", "description": None,
         "shortcut": "2", "position": 2, "rules": None, "created_at": TIME},
    ]
    return {
        "articles": arts,
        "tags": tags,
        "highlights": hl,
        "highlight_tags": [{"highlight_id": 1, "tag_id": 2}, {"highlight_id": 2, "tag_id": 3},
                           {"highlight_id": 3, "tag_id": 1}],
        "article_notes": [{"id": 1, "article_id": 1, "text": "기사 메모", "created_at": TIME, "updated_at": TIME}],
        "segment_overrides": [{"id": 1, "article_id": 2, "key": "k", "action": "keep", "created_at": TIME}],
        "library_meta": [{"key": "seeded_codebook", "value": "1"}],
    }


def _insert(path: Path, data: dict[str, list[dict[str, object]]]) -> None:
    con = sqlite3.connect(path)
    try:
        for table, rows in data.items():
            info = con.execute(f"PRAGMA table_info({table})").fetchall()
            assert info, f"table {table} does not exist at this revision: update the test data"
            columns = {c[1] for c in info}
            required = {c[1] for c in info if c[3] and c[4] is None and not c[5]}
            for row in rows:
                values = {k: v for k, v in row.items() if k in columns}
                assert required <= set(values), f"{table} needs {required - set(values)}: update the test data"
                names = ", ".join(f'"{k}"' for k in values)
                con.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
                            tuple(values.values()))
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_every_revision_keeps_data_and_search(revision: str, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    engine = make_engine(path, immediate=False)
    migrate.upgrade(engine, revision)
    engine.dispose()
    _insert(path, _rows())

    lib = open_library(path, samples=False)
    try:
        assert migrate.current_revision(lib.db.read_engine) == HEAD
        assert [(a.id, a.title) for a in lib.articles.list()] == [(1, "제목 1"), (2, "제목 2")]
        assert [lib.articles.get(i).body for i in (1, 2)] == list(BODIES)
        assert lib.articles.get(1).note == "기사 메모"
        assert [t.path for t in lib.codebook.tree()] == ["산업정책", "산업정책/반도체·AI 반도체", "스타트업 생태계"]
        h1, h2, h3 = (lib.highlights.get(i) for i in (1, 2, 3))
        assert (h1.quote, h1.note, h1.tag_ids, h1.orphaned) == ("차세대 AI 반도체", "핵심 문장", (2,), False)
        assert (h2.quote, h2.tag_ids) == ("벤처 업계", (3,))
        assert (h3.quote, h3.orphaned) == ("사라진 문장", True) and lib.highlights.orphaned() == [h3]
        with lib.db.read() as s:
            assert search_index.index_status(s.connection()) == (2, 2)
        assert [h.article_id for h in lib.analysis.search("반도체")] == [1]
        assert [h.article_id for h in lib.analysis.search("투자")] == [2]
        assert {h.article_id for h in lib.analysis.search("발표하다")} == {2}  # lemma path: 발표했다
    finally:
        lib.close()
    audit(path)

    backups = [b for b in list_backups(path) if backup_kind(b) == "pre-migration"]
    if revision == HEAD:
        assert backups == []
    else:
        assert len(backups) == 1, "a backup is taken before migrating"
        con = connect_ro(backups[0])
        try:
            assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
            assert con.execute("SELECT count(*) FROM highlights").fetchone() == (3,)
        finally:
            con.close()
        assert backups[0].stat().st_mode & 0o777 == 0o600


def test_library_from_a_newer_bonmun_is_refused_untouched(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from app.cli import main
    from tests.safety.helpers import library_state

    path = tmp_path / "future.sqlite"
    engine = make_engine(path, immediate=False)
    migrate.upgrade(engine)
    engine.dispose()
    _insert(path, _rows())
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    state = library_state(path)

    assert main(["--db", str(path), "list"]) == 1
    err = capsys.readouterr().err
    assert err == ("bonmun: this library was made by a newer version of Bonmun (schema 9999_from_the_future); "
                   "update Bonmun to open it\n")
    assert library_state(path) == state and path.read_bytes() == before
    assert list_backups(path) == []
