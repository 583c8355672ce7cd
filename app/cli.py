"""The ``bonmun`` command line: headless commands over the services; no command opens the GUI.

Rules: every failure is one line on stderr and a non-zero exit, never a traceback (unexpected
errors are logged with their traceback to ``errors.log`` in the user data folder).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from app import __version__
from app.cli_commands import COMMANDS, add_parsers
from app.errors import ServiceError


class CliError(Exception):
    """A one-line error for the user."""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bonmun", description="Bonmun (본문): read, clean, highlight and code Korean news.")
    p.add_argument("--version", action="version", version=f"bonmun {__version__}")
    p.add_argument("--db", metavar="PATH|URL", help="library file or SQLAlchemy URL (default: $BONMUN_DB or the user library)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    add_parsers(sub)
    return p


def _configure_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


def main(argv: Sequence[str] | None = None) -> int:
    _configure_stdout()
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        return COMMANDS[command](args)
    except (ServiceError, CliError) as exc:
        print(f"bonmun: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bonmun: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, logged
        _log_unexpected(exc)
        print(f"bonmun: unexpected error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}", file=sys.stderr)
        return 2


def _log_unexpected(exc: BaseException) -> None:
    import traceback

    try:
        from app.paths import user_data_dir

        with (user_data_dir() / "errors.log").open("a", encoding="utf-8") as fh:
            traceback.print_exception(exc, file=fh)
    except OSError:
        pass


def print_json(obj: object) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
