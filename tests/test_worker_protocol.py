"""The ``bonmun worker`` JSON-lines protocol, without Qt: in-memory streams and a real subprocess."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.worker import OPS, Worker, respond, serve


def run(db, *requests: dict | str, warm_up: bool = False) -> list[dict]:  # type: ignore[no-untyped-def]
    lines = "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in requests)
    out = io.StringIO()
    assert serve(str(db) if db else None, io.StringIO(lines), out, warm_up=warm_up) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def by_id(responses: list[dict]) -> dict:
    return {r["id"]: r for r in responses if "id" in r}


def test_ready_first_then_one_answer_per_request_in_order(library) -> None:
    out = run(library.url, {"id": 1, "op": "ping"}, "", {"id": 2, "op": "ping"}, warm_up=True)
    assert out[0] == {"event": "ready"}
    assert [r["id"] for r in out[1:]] == [1, 2]
    assert all(r["ok"] and r["result"] == "pong" for r in out[1:])


def test_bad_requests_get_one_line_errors_and_the_worker_goes_on(library) -> None:
    out = run(library.url, "not json", "[1, 2]", {"id": 3, "op": "nope"}, {"id": 4, "op": "snap_morpheme", "text": "가"},
              {"id": 5, "op": "snap_morpheme", "text": "반도체", "start": 0, "end": 99}, {"id": 6, "op": "ping"})
    errors = [r for r in out[1:] if not r["ok"]]
    assert len(errors) == 5
    assert all("\n" not in r["error"] and r["error"] for r in errors)
    assert "unknown op" in by_id(out)[3]["error"]
    assert "start" in by_id(out)[4]["error"]
    assert "outside the text" in by_id(out)[5]["error"]
    assert by_id(out)[6]["result"] == "pong"


def test_snap_morpheme_drops_particles_and_endings(library) -> None:
    text = "정부가 반도체를 개발했다"
    inside = text.index("도")  # a caret inside 반도체를
    out = by_id(run(library.url, {"id": 1, "op": "snap_morpheme", "text": text, "start": inside, "end": inside + 3},
                    {"id": 2, "op": "snap_morpheme", "text": text, "start": text.index("개"), "end": len(text)}))
    s, e = out[1]["result"]
    assert text[s:e] == "반도체"
    s, e = out[2]["result"]
    assert text[s:e] == "개발"


def test_find_in_text_finds_inflected_forms(library) -> None:
    text = "정부는 지원을 늘렸다. 정부가 발표했다. 정부안은 없다."
    out = by_id(run(library.url, {"id": 1, "op": "find_in_text", "text": text, "query": "정부"}))
    spans = out[1]["result"]
    assert out[1]["ok"], out[1]
    found = [text[s:e] for s, e in spans]
    assert found.count("정부") >= 2
    assert all(0 <= s < e <= len(text) for s, e in spans)


def test_search_finds_the_seed_articles(seeded_library) -> None:
    out = by_id(run(seeded_library.url, {"id": 1, "op": "search", "query": "반도체", "limit": 10},
                    {"id": 2, "op": "search", "query": "반도체", "limit": 10, "ids": [2]}))
    hits = out[1]["result"]
    assert out[1]["ok"], out[1]
    assert {h["article_id"] for h in hits} == {1, 2}
    assert all({"article_id", "title", "snippet", "score", "spans"} <= set(h) for h in hits)
    assert [h["article_id"] for h in out[2]["result"]] == [2]


def test_suggest_matches_rules_and_skips_what_is_already_coded(seeded_library) -> None:
    tag = seeded_library.codebook.find("산업정책/반도체·AI 반도체")
    first = by_id(run(seeded_library.url, {"id": 1, "op": "suggest", "tag_id": tag.id, "article_id": 1}))[1]
    assert first["ok"], first
    sugg = first["result"]
    assert sugg and all(s["tag_id"] == tag.id and s["article_id"] == 1 for s in sugg)
    body = seeded_library.articles.get(1).body
    assert all(body[s["start"]:s["end"]] == s["text"] and s["matched"] for s in sugg)
    assert any("반도체" in s["matched"] for s in sugg)
    chosen = sugg[0]
    seeded_library.highlights.create(1, chosen["start"], chosen["end"], [tag.id])
    again = by_id(run(seeded_library.url, {"id": 1, "op": "suggest", "tag_id": tag.id, "article_id": 1}))[1]["result"]
    assert len(again) == len(sugg) - 1
    assert (chosen["start"], chosen["end"]) not in {(s["start"], s["end"]) for s in again}


def test_stats_for_a_tag_and_an_article(seeded_library) -> None:
    tag = seeded_library.codebook.find("산업정책/반도체·AI 반도체")
    body = seeded_library.articles.get(1).body
    start = body.index("반도체")
    seeded_library.highlights.create(1, start, start + 3, [tag.id])
    root = seeded_library.codebook.find("산업정책")
    out = by_id(run(seeded_library.url, {"id": 1, "op": "stats", "tag_id": root.id}, {"id": 2, "op": "stats", "article_id": 1},
                    {"id": 3, "op": "stats"}))
    assert out[1]["result"]["highlights"] == 1  # counted through the child tag
    assert out[1]["result"]["top_lemmas"][0] == ["반도체", 1]
    assert "반도체" in [k for k, _ in out[2]["result"]["keywords"]]
    assert not out[3]["ok"]


def test_import_clipboard_then_duplicate(library) -> None:
    text = ("정부가 AI 반도체 지원 방안을 발표했다.\n중소벤처기업부는 팹리스 스타트업 육성에 예산을 늘리기로 했다.\n"
            "업계는 이번 결정을 환영했다고 밝혔다.")
    out = by_id(run(library.url, {"id": 1, "op": "import_clipboard", "text": text},
                    {"id": 2, "op": "import_clipboard", "text": text, "html": None}))
    assert out[1]["result"]["status"] == "imported", out[1]
    assert out[2]["result"]["status"] == "duplicate"
    assert library.articles.count() == 1
    assert library.articles.get(out[1]["result"]["article_id"]).source == "clipboard"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(op=st.sampled_from(sorted(OPS) + ["", "x"]),
       payload=st.dictionaries(st.sampled_from(["text", "query", "start", "end", "tag_id", "article_id", "article_ids", "ids", "limit", "n", "html"]),
                               st.one_of(st.none(), st.booleans(), st.integers(-3, 50), st.text(max_size=12), st.lists(st.integers(-1, 3), max_size=3))))
def test_any_request_gets_exactly_one_well_formed_answer(library, op: str, payload: dict) -> None:
    worker = _fuzz_worker(library.url)
    answer = respond(worker, json.dumps({"id": 7, "op": op, **payload}))
    assert answer["id"] == 7 and isinstance(answer["ok"], bool)
    if not answer["ok"]:
        assert answer["error"] and "\n" not in answer["error"] and "Traceback" not in answer["error"]
    json.dumps(answer)


_WORKERS: dict[str, Worker] = {}


def _fuzz_worker(url: str) -> Worker:
    return _WORKERS.setdefault(url, Worker(url))


def test_subprocess_keeps_stdout_clean_and_exits_on_eof(seeded_library) -> None:
    requests = [{"id": 1, "op": "ping"}, "garbage", {"id": 2, "op": "search", "query": "퓨리오사", "limit": 5}]
    proc = subprocess.run([sys.executable, "-m", "app", "--db", seeded_library.url, "worker"],
                          input="".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in requests),
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines()]  # every stdout line is protocol
    assert lines[0] == {"event": "ready"}
    assert lines[1] == {"id": 1, "ok": True, "result": "pong"}
    assert lines[2]["ok"] is False
    hits = lines[3]["result"]
    assert {h["article_id"] for h in hits} == {1, 2}
    assert all(h["snippet"][s:e] == "퓨리오사" for h in hits for s, e in h["spans"])


@pytest.fixture(autouse=True)
def _close_fuzz_workers():  # type: ignore[no-untyped-def]
    yield
    for w in _WORKERS.values():
        w.close()
    _WORKERS.clear()


def test_segments_and_set_override(seeded_library) -> None:
    out = by_id(run(seeded_library.url, {"id": 1, "op": "segments", "article_id": 1}))
    segments = out[1]["result"]
    removed = next(s for s in segments if not s["kept"])
    kept = next(s for s in segments if s["kept"] and len(s["text"]) > 20)
    out = by_id(run(seeded_library.url,
                    {"id": 2, "op": "set_override", "article_id": 1, "key": kept["key"], "action": "remove"},
                    {"id": 3, "op": "set_override", "article_id": 1, "key": kept["key"], "action": "sideways"}))
    assert out[2]["ok"], out[2]
    body = seeded_library.articles.get(1).body
    assert kept["text"].strip() not in body
    assert out[2]["result"]["body_hash"] == seeded_library.articles.get(1).body_hash
    assert not out[3]["ok"] and "action" in out[3]["error"]
    assert removed["reason"]
