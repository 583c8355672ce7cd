"""Sub-commands of ``bonmun``: each parses its arguments and calls the services."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Command] = {}


def _command(name: str) -> Callable[[Command], Command]:
    def deco(fn: Command) -> Command:
        COMMANDS[name] = fn
        return fn

    return deco


def add_parsers(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    p = sub.add_parser("gui", help="open the window (the default)")
    p.add_argument("--smoke", action="store_true", help="open the main window, then quit (installation check)")
    p = sub.add_parser("import", help="import files and folders")
    p.add_argument("paths", nargs="+")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per file (for the GUI)")
    p = sub.add_parser("worker", help="serve Korean analysis for the GUI on stdin/stdout (JSON lines)")
    p = sub.add_parser("clean", help="print the clean body of a file (no library involved)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("list", help="list articles")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("tags", help="show the codebook")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("annotate", help="highlight the first occurrence of a quote")
    p.add_argument("article_id", type=int)
    p.add_argument("--quote", required=True)
    p.add_argument("--tag", required=True, metavar="TAG_PATH")
    p.add_argument("--note")
    p = sub.add_parser("reclean", help="re-run the current cleaner and re-anchor highlights")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--all", action="store_true")
    g.add_argument("ids", nargs="*", type=int, default=[])
    p = sub.add_parser("backup", help="copy the library with SQLite's online backup")
    p.add_argument("out")
    sub.add_parser("backups", help="list the automatic backups")
    p = sub.add_parser("restore-backup", help="replace the library's content with a backup (the current one is saved first)")
    p.add_argument("file", help="a backup file, e.g. one listed by `bonmun backups`")
    from app.cli_more import add_more_parsers

    add_more_parsers(sub)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.bootstrap import open_library

    return open_library(args.db)


@_command("gui")
def cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.app import run_gui

    return run_gui(args.db, smoke=getattr(args, "smoke", False))


@_command("import")
def cmd_import(args: argparse.Namespace) -> int:
    import json

    lib = _open(args)
    failed = 0

    def progress(done: int, total: int) -> None:
        if args.jsonl:
            print(json.dumps({"progress": done, "total": total}), flush=True)

    for r in lib.articles.import_paths(args.paths, progress=progress):
        if args.jsonl:
            print(json.dumps({"source": r.source, "status": r.status, "article_id": r.article_id,
                              "title": r.title, "reason": r.reason}, ensure_ascii=False), flush=True)
        else:
            print(r.line(), flush=True)
        failed += r.status == "failed"
    return 1 if failed else 0


@_command("worker")
def cmd_worker(args: argparse.Namespace) -> int:
    from app.worker import serve

    return serve(args.db)


@_command("clean")
def cmd_clean(args: argparse.Namespace) -> int:
    from app.cli import CliError, print_json
    from app.core.cleaning import clean
    from app.services.importing import MAX_BYTES, read_file
    from app.core.decoding import DecodeError, decode_document

    path = Path(args.file)
    try:
        doc = decode_document(read_file(path, MAX_BYTES), path.name, max_bytes=MAX_BYTES)
    except DecodeError as exc:
        raise CliError(f"{path}: {exc.reason}") from None
    except OSError as exc:
        raise CliError(f"{path}: {exc.strerror or 'cannot read file'}") from None
    c = clean(doc.text, doc.kind)
    if args.json:
        print_json({
            "title": c.title, "outlet": c.outlet, "reporter": c.reporter, "published_at": c.published_at,
            "body": list(c.body), "removed": [{"text": s.text, "reason": s.reason} for s in c.removed],
        })
    elif not c.body:
        raise CliError(f"{path}: no article text found (everything looked like page furniture)")
    else:
        for line in c.body:
            print(line)
    return 0


@_command("list")
def cmd_list(args: argparse.Namespace) -> int:
    from app.cli import print_json

    rows = _open(args).articles.list()
    if args.json:
        print_json([{"id": r.id, "title": r.title, "outlet": r.outlet, "published_at": r.published_at,
                     "source": r.source, "highlights": r.highlights} for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.published_at or '-'}\t{r.outlet or '-'}\t{r.highlights}\t{r.title or ''}")
    return 0


@_command("tags")
def cmd_tags(args: argparse.Namespace) -> int:
    from app.cli import print_json

    tags = _open(args).codebook.tree()
    if args.json:
        print_json([{"id": t.id, "parent_id": t.parent_id, "name": t.name, "path": t.path, "color": t.color,
                     "description": t.description, "shortcut": t.shortcut, "highlights": t.highlight_count}
                    for t in tags])
    else:
        for t in tags:
            depth = t.path.count("/")
            key = f"[{t.shortcut}] " if t.shortcut else ""
            print(f"{'  ' * depth}{key}{t.name}  ({t.highlight_count})")
    return 0


@_command("annotate")
def cmd_annotate(args: argparse.Namespace) -> int:
    lib = _open(args)
    tag = lib.codebook.find(args.tag)
    h = lib.highlights.annotate_quote(args.article_id, args.quote, tag.id, args.note)
    print(f"highlight {h.id}: article {h.article_id} [{h.start}:{h.end}] {tag.path}")
    return 0


@_command("reclean")
def cmd_reclean(args: argparse.Namespace) -> int:
    lib = _open(args)
    results = lib.articles.reclean(None if args.all else args.ids)
    orphans = 0
    for aid, kept, orphaned in results:
        orphans += orphaned
        print(f"article {aid}: {kept} highlights anchored, {orphaned} orphaned")
    for h in lib.highlights.orphaned():
        print(f"orphaned highlight {h.id} (article {h.article_id}): {h.quote!r}", file=sys.stderr)
    return 0


@_command("backup")
def cmd_backup(args: argparse.Namespace) -> int:
    from app.cli import CliError
    from app.storage.backup import backup_file

    lib = _open(args)
    if lib.path is None:
        raise CliError("backup needs a SQLite file library")
    out = backup_file(lib.path, Path(args.out))
    print(f"backed up to {out}")
    return 0


@_command("backups")
def cmd_backups(args: argparse.Namespace) -> int:
    from app.storage.backup import list_backups

    lib = _open(args)
    for p in list_backups(lib.path) if lib.path else []:
        print(p)
    return 0


@_command("restore-backup")
def cmd_restore_backup(args: argparse.Namespace) -> int:
    from app.bootstrap import resolve_db
    from app.cli import CliError
    from app.storage.backup import BackupError, restore_backup
    from app.storage.engine import database_file

    path = database_file(resolve_db(args.db)[0])
    if path is None:
        raise CliError("restore-backup needs a SQLite file library")
    try:
        saved = restore_backup(path, Path(args.file))
    except BackupError as exc:
        raise CliError(str(exc)) from None
    lib = _open(args)
    print(f"restored {Path(args.file).name}: {lib.articles.count()} articles")
    if saved is not None:
        print(f"the replaced library was saved as {saved}")
    return 0
