"""``bonmun worker``: Korean analysis for the GUI in its own process (JSON lines on stdin/stdout).

Protocol rules:
- One request per line: ``{"id": n, "op": NAME, ...arguments}``. One response per line, in request
  order: ``{"id": n, "ok": true, "result": ...}`` or ``{"id": n, "ok": false, "error": "one line"}``.
- Kiwi is loaded (and warmed up) once at start; then ``{"event": "ready"}`` is written. Requests sent
  earlier wait in the pipe. EOF on stdin ends the worker (exit code 0).
- Nothing but protocol lines reaches stdout: stray prints of libraries go to stderr, and so do
  tracebacks of unexpected errors (the response still carries one line).
- Offsets are Python code-point indices (the GUI converts at the Qt boundary).
- The library (``open_library(db)``, no sample import) is opened on the first request that needs it.
"""
from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import sys
import traceback
from collections import OrderedDict
from collections.abc import Callable
from typing import IO, Any

from app.services.unit_of_work import ServiceError

Handler = Callable[["Worker", dict[str, Any]], Any]
OPS: dict[str, Handler] = {}
MAX_SEARCH_LIMIT = 500
ANALYSIS_CACHE = 64  # articles whose Kiwi analysis is kept (suggest, stats)


class RequestError(Exception):
    """A bad request: its message is the one-line error sent back."""


def _op(name: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        OPS[name] = fn
        return fn

    return deco


def _int(req: dict[str, Any], key: str, default: int | None = None) -> int:
    value = req.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError(f"'{key}' must be an integer")
    return value


def _str(req: dict[str, Any], key: str) -> str:
    value = req.get(key)
    if not isinstance(value, str):
        raise RequestError(f"'{key}' must be a string")
    return value


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


class Worker:
    """Request handling state: the library (opened lazily) and a small analysis cache."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._library = None
        self._analyses: OrderedDict[tuple[int, str], Any] = OrderedDict()

    @property
    def library(self):  # type: ignore[no-untyped-def]
        if self._library is None:
            from app.bootstrap import open_library

            self._library = open_library(self.db, samples=False)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()

    def warm_up(self) -> None:
        """Load Kiwi and its first-tokenize data now, not on the first request."""
        from app.core.korean import analyze

        analyze("본문을 불러옵니다.")

    def analysis(self, article_id: int, body_hash: str, body: str):  # type: ignore[no-untyped-def]
        from app.core.korean import analyze

        key = (article_id, body_hash)
        if key in self._analyses:
            self._analyses.move_to_end(key)
            return self._analyses[key]
        result = analyze(body)
        self._analyses[key] = result
        while len(self._analyses) > ANALYSIS_CACHE:
            self._analyses.popitem(last=False)
        return result

    def handle(self, req: dict[str, Any]) -> Any:
        op = req.get("op")
        if not isinstance(op, str) or op not in OPS:
            raise RequestError(f"unknown op {op!r}")
        return _jsonable(OPS[op](self, req))


# ---- ops ---------------------------------------------------------------------------------------
@_op("ping")
def _ping(w: Worker, req: dict[str, Any]) -> str:
    return "pong"


@_op("search")
def _search(w: Worker, req: dict[str, Any]) -> Any:
    from app.storage import search_index

    query = _str(req, "query")
    limit = max(1, min(_int(req, "limit", 100), MAX_SEARCH_LIMIT))
    ids = req.get("ids")
    if ids is not None and (not isinstance(ids, list) or not all(isinstance(i, int) for i in ids)):
        raise RequestError("'ids' must be a list of integers")
    with w.library.db.read_engine.connect() as conn, conn.begin():
        hits = search_index.search(conn, query, limit=limit, article_ids=set(ids) if ids is not None else None)
    return [{**_jsonable(h), "body_spans": [list(x) for x in h.body_spans]} for h in hits]


@_op("find_in_text")
def _find_in_text(w: Worker, req: dict[str, Any]) -> list[list[int]]:
    from app.core.korean.matching import search_in_text

    return [[s, e] for s, e in search_in_text(_str(req, "text"), _str(req, "query"))]


@_op("snap_morpheme")
def _snap(w: Worker, req: dict[str, Any]) -> list[int]:
    from app.core.korean import snap_morpheme

    text, start, end = _str(req, "text"), _int(req, "start"), _int(req, "end")
    if not (0 <= start <= len(text) and 0 <= end <= len(text)):
        raise RequestError(f"selection {start}..{end} outside the text (0..{len(text)})")
    return list(snap_morpheme(text, start, end))


def _article_ids(w: Worker, req: dict[str, Any]) -> list[int]:
    if "article_id" in req:
        return [_int(req, "article_id")]
    ids = req.get("article_ids")
    if ids is None:
        return w.library.articles.ids(sort="id")
    if not isinstance(ids, list) or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        raise RequestError("'article_ids' must be a list of integers")
    return ids


@_op("suggest")
def _suggest(w: Worker, req: dict[str, Any]) -> list[dict[str, Any]]:
    """Rule matches per sentence that are not coded with that tag yet (see app.core.korean.suggest)."""
    from app.core.korean import parse_rule, suggest

    lib = w.library
    tags = [t for t in lib.codebook.tree() if t.rules and t.rules.strip()]
    if "tag_id" in req:
        tag_id = _int(req, "tag_id")
        tags = [t for t in tags if t.id == tag_id]
    min_hits = _int(req, "min_hits", 1)
    rules = [parse_rule(t.id, t.rules or "", min_hits) for t in tags]
    out: list[dict[str, Any]] = []
    if not any(r.lemmas for r in rules):
        return out
    for aid in _article_ids(w, req):
        art = lib.articles.get(aid)
        coded = [(h.start, h.end, set(h.tag_ids)) for h in lib.highlights.for_article(aid) if not h.orphaned]
        for s in suggest(art.body, rules, analysis=w.analysis(aid, art.body_hash, art.body)):
            if any(s.tag_id in tids and hs < s.end and s.start < he for hs, he, tids in coded):
                continue
            out.append({"article_id": aid, "title": art.title, "tag_id": s.tag_id, "start": s.start,
                        "end": s.end, "matched": list(s.matched), "text": art.body[s.start:s.end]})
    return out


@_op("stats")
def _stats(w: Worker, req: dict[str, Any]) -> dict[str, Any]:
    """``tag_id``: top lemmas of the quotes coded with the tag (and its children);
    ``article_id``: top lemmas and keywords of the article body."""
    from app.core.korean import keywords, lemmas, top_lemmas

    n = max(1, min(_int(req, "n", 20), 200))
    lib = w.library
    if "tag_id" in req:
        quotes = _tag_quotes(w, _int(req, "tag_id"))
        return {"highlights": len(quotes), "top_lemmas": top_lemmas(quotes, n) if quotes else []}
    if "article_id" in req:
        aid = _int(req, "article_id")
        art = lib.articles.get(aid)
        analysis = w.analysis(aid, art.body_hash, art.body)
        items = lemmas(art.body, analysis)
        return {"top_lemmas": top_lemmas([art.body], n), "keywords": keywords(art.body, n, lemmas=items)}
    raise RequestError("stats needs 'tag_id' or 'article_id'")


def _tag_quotes(w: Worker, tag_id: int) -> list[str]:
    from sqlalchemy import select

    from app.storage.models import Highlight, highlight_tags

    tree = w.library.codebook.tree()
    tag = next((t for t in tree if t.id == tag_id), None)
    if tag is None:
        raise ServiceError(f"no tag with id {tag_id}")
    subtree = [t.id for t in tree if t.id == tag_id or t.path.startswith(tag.path + "/")]
    q = (select(Highlight.quote).join(highlight_tags, highlight_tags.c.highlight_id == Highlight.id)
         .where(highlight_tags.c.tag_id.in_(subtree)).distinct())
    with w.library.db.read() as s:
        return [quote for quote in s.scalars(q) if quote]


@_op("import_clipboard")
def _import_clipboard(w: Worker, req: dict[str, Any]) -> Any:
    html = req.get("html")
    if html is not None and not isinstance(html, str):
        raise RequestError("'html' must be a string")
    return w.library.articles.import_clipboard(_str(req, "text"), html or None)


@_op("segments")
def _segments(w: Worker, req: dict[str, Any]) -> Any:
    """Every input line of the article with the cleaner's decision (for "show removed text")."""
    return w.library.articles.segments(_int(req, "article_id"))


@_op("set_override")
def _set_override(w: Worker, req: dict[str, Any]) -> dict[str, Any]:
    """Keep / remove a line (``action`` "keep" | "remove" | null); the body is re-made at once."""
    action = req.get("action")
    if action not in ("keep", "remove", None):
        raise RequestError("'action' must be \"keep\", \"remove\" or null")
    detail = w.library.articles.set_override(_int(req, "article_id"), _str(req, "key"), action)
    return {"article_id": detail.id, "body_hash": detail.body_hash}


# ---- the loop ----------------------------------------------------------------------------------
def one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def respond(worker: Worker, line: str) -> dict[str, Any]:
    """The response to one request line (never raises)."""
    try:
        req = json.loads(line)
    except ValueError:
        return {"id": None, "ok": False, "error": "request is not valid JSON"}
    if not isinstance(req, dict):
        return {"id": None, "ok": False, "error": "request must be a JSON object"}
    rid = req.get("id")
    try:
        return {"id": rid, "ok": True, "result": worker.handle(req)}
    except (RequestError, ServiceError) as exc:
        return {"id": rid, "ok": False, "error": one_line(exc)}
    except Exception as exc:  # noqa: BLE001 - the worker must survive any request
        traceback.print_exc(file=sys.stderr)
        return {"id": rid, "ok": False, "error": f"{type(exc).__name__}: {one_line(exc)}"}


def serve(db: str | None, stdin: IO[str] | None = None, stdout: IO[str] | None = None,
          *, warm_up: bool = True) -> int:
    """Answer requests from ``stdin`` on ``stdout`` until EOF (see module rules)."""
    inp = stdin if stdin is not None else _utf8(sys.stdin)
    out = stdout if stdout is not None else _protocol_stdout()

    def write(obj: dict[str, Any]) -> None:
        out.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        out.flush()

    worker = Worker(db)
    with contextlib.redirect_stdout(sys.stderr):
        try:
            if warm_up:
                try:
                    worker.warm_up()
                except Exception as exc:  # noqa: BLE001 - report it; ops that need Kiwi will fail alone
                    traceback.print_exc(file=sys.stderr)
                    write({"event": "failed", "error": f"Korean analyzer failed to load: {one_line(exc)}"})
            write({"event": "ready"})
            while line := inp.readline():
                if line.strip():
                    write(respond(worker, line))
        except BrokenPipeError:
            pass
        finally:
            worker.close()
    return 0


def _protocol_stdout() -> IO[str]:
    """A private copy of file descriptor 1 for protocol lines; fd 1 itself then points at stderr,
    so that output of C extensions cannot corrupt the protocol either."""
    sys.stdout.flush()
    proto = os.dup(1)
    os.dup2(2, 1)
    return open(proto, "w", encoding="utf-8", newline="\n", closefd=True)  # noqa: SIM115


def _utf8(stream: IO[str]) -> IO[str]:
    with contextlib.suppress(AttributeError, ValueError):
        stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[attr-defined]
    return stream
