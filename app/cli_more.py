"""Sub-commands for export, restore, search, statistics and the codebook file formats."""
from __future__ import annotations

import argparse

from app.cli_commands import _command, _open

EXPORT_FORMATS = ("csv", "xlsx", "json", "qdpx", "qdc", "bundle")
"""Kept here (not imported from app.services.exports) so that building the parser stays light."""


def add_more_parsers(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("export", help="export highlights, the codebook or the whole library")
    p.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--tag", action="append", default=[], metavar="TAG_PATH", help="only highlights with this tag (or its children)")
    p.add_argument("--article", action="append", type=int, default=[], metavar="ID")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--wide", action="store_true", help="CSV/XLSX: one row per highlight, tags joined")
    p.add_argument("--raw", action="store_true", help="CSV: do not neutralise cells that look like formulas")
    p = sub.add_parser("restore", help="restore a bundle into an empty library")
    p.add_argument("bundle")
    p = sub.add_parser("import-codebook", help="add the codes of a REFI-QDA codebook (.qdc)")
    p.add_argument("file")
    p = sub.add_parser("search", help="morpheme-aware Korean search")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("stats", help="frequent lemmas per tag and keywords per article")
    p.add_argument("--json", action="store_true")
    p.add_argument("--top", type=int, default=15)
    sub.add_parser("reindex", help="rebuild the Korean search index")


@_command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from app.services.exports import ExportFilter, write_export

    lib = _open(args)
    tag_ids: set[int] | None = None
    if args.tag:
        tag_ids = set()
        for path in args.tag:
            tag_ids |= lib.exports.tag_subtree(lib.codebook.find(path).id)
    f = ExportFilter(frozenset(tag_ids) if tag_ids is not None else None,
                     frozenset(args.article) if args.article else None, args.since, args.until)
    n = write_export(lib.exports, lib.db, args.format, args.out, f, wide=args.wide, raw=args.raw,
                     user=lib.highlights.annotator)
    print(f"exported {n} {'rows' if args.format in ('csv', 'xlsx', 'bundle') else 'items'} to {args.out}")
    return 0


@_command("restore")
def cmd_restore(args: argparse.Namespace) -> int:
    from app.services.bundle import restore_bundle

    lib = _open(args)
    n = restore_bundle(lib.db, args.bundle)
    print(f"restored {n} rows")
    return 0


@_command("import-codebook")
def cmd_import_codebook(args: argparse.Namespace) -> int:
    from app.services.exports import import_qdc

    lib = _open(args)
    print(f"added {import_qdc(lib.codebook, args.file)} codes")
    return 0




@_command("search")
def cmd_search(args: argparse.Namespace) -> int:
    from app.cli import print_json
    from app.core.korean.matching import mark

    hits = _open(args).analysis.search(args.query, limit=args.limit)
    if args.json:
        print_json([{"article_id": h.article_id, "title": h.title, "snippet": mark(h.snippet, h.spans, "«", "»"),
                     "score": round(h.score, 4)} for h in hits])
    else:
        for h in hits:
            print(f"{h.article_id}\t{h.title}\n\t{mark(h.snippet, h.spans, '«', '»').replace(chr(10), ' ')}")
        print(f"{len(hits)} articles", flush=True)
    return 0


@_command("stats")
def cmd_stats(args: argparse.Namespace) -> int:
    from app.cli import print_json

    lib = _open(args)
    tags = lib.analysis.tag_stats(top=args.top)
    arts = lib.analysis.article_keywords(top=args.top)
    if args.json:
        print_json({
            "tags": [{"tag_id": t.tag_id, "path": t.path, "highlights": t.highlights,
                      "lemmas": [{"lemma": l, "count": c} for l, c in t.lemmas]} for t in tags],
            "articles": [{"article_id": a.article_id, "title": a.title,
                          "keywords": [{"lemma": l, "score": round(s, 3)} for l, s in a.keywords]} for a in arts],
        })
        return 0
    for t in tags:
        print(f"{t.path} ({t.highlights} highlights): " + ", ".join(f"{l} {c}" for l, c in t.lemmas))
    for a in arts:
        print(f"[{a.article_id}] {a.title}: " + ", ".join(l for l, _ in a.keywords))
    return 0


@_command("reindex")
def cmd_reindex(args: argparse.Namespace) -> int:
    n = _open(args).analysis.reindex()
    print(f"indexed {n} articles")
    return 0
