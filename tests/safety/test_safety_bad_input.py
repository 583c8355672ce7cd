"""Bad input end to end: every case of tests/badinput.py either imports correctly or fails with one
line, never a traceback, never a hang, and a failure leaves the library exactly as it was."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from app.bootstrap import open_library
from app.cli import main
from tests.badinput import CASE_NAMES, Expectation, make_bad_inputs
from tests.safety.helpers import connect_ro, library_state, no_traceback, run_bonmun

LINE = re.compile(r"^(?P<source>.+): (?P<status>imported|duplicate|failed: (?P<reason>[^\n]+))$")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Expectation]]:
    folder = tmp_path_factory.mktemp("bad")
    return folder, make_bad_inputs(folder)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One library for all in-process cases (so duplicates across cases are exercised too)."""
    return tmp_path_factory.mktemp("lib") / "lib.sqlite"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _raw_texts(db: Path, article_ids: list[int]) -> list[str]:
    con = connect_ro(db)
    try:
        return [con.execute("SELECT raw FROM articles WHERE id = ?", (i,)).fetchone()[0] for i in article_ids]
    finally:
        con.close()


@pytest.mark.parametrize("name", CASE_NAMES)
def test_import_case_in_process(name: str, corpus, shared_db: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, expectations = corpus
    exp = expectations[name]
    main(["--db", str(shared_db), "list"])  # make sure the library exists before taking "before"
    capsys.readouterr()
    before = library_state(shared_db)
    code, out, err = _run(capsys, "--db", str(shared_db), "import", "--jsonl", str(folder / name))
    _, text_out, text_err = _run(capsys, "--db", str(shared_db), "import", str(folder / name))
    assert no_traceback(out, err, text_out, text_err)
    lines = text_out.splitlines()
    assert lines and all(LINE.match(line) for line in lines), text_out
    assert text_err == "" or text_err.count("\n") == 1
    statuses = [LINE.match(line)["status"] for line in lines]
    failed = [LINE.match(line)["reason"] for line in lines if LINE.match(line)["reason"]]
    assert code == (1 if failed else 0)
    if exp.outcome == "fail":
        assert failed and all(re.search(exp.reason or "", r) for r in failed), (name, failed)
    if failed and not any(s in ("imported", "duplicate") for s in statuses):
        assert library_state(shared_db) == before, "a failed import changed the library"
    else:  # what was imported holds the text the decoder promised
        import json

        ids = [json.loads(line)["article_id"] for line in out.splitlines()
               if '"status": "imported"' in line or '"status": "duplicate"' in line]
        assert ids
        texts = _raw_texts(shared_db, ids)
        for expected in exp.contains:
            assert any(unicodedata.normalize("NFC", expected) in t for t in texts), (name, expected)


def test_import_whole_corpus_as_a_subprocess(corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder, _ = corpus
    db = tmp_path / "lib.sqlite"
    open_library(db, samples=False).close()
    before = library_state(db)
    files = [folder / n for n in CASE_NAMES if not (folder / n).is_dir()]
    bad = [str(f) for f in files if f.name.startswith(("empty", "image_png", "huge", "named_pipe", "single_line"))]
    failing = run_bonmun(db, "import", *bad)
    assert failing.returncode == 1 and no_traceback(failing.stdout, failing.stderr)
    assert failing.stdout.count(": failed: ") == len(failing.stdout.splitlines()) == len(bad) == 6
    assert library_state(db) == before, "failed imports changed the library"

    proc = run_bonmun(db, "import", str(folder), timeout=240)  # TimeoutExpired = a hang
    assert proc.returncode == 1
    assert no_traceback(proc.stdout, proc.stderr)
    lines = proc.stdout.splitlines()
    assert all(LINE.match(line) for line in lines), proc.stdout
    assert sum(": failed: " in line for line in lines) >= 10
    assert sum(line.endswith(": imported") for line in lines) >= 5


@pytest.mark.parametrize("name", CASE_NAMES)
def test_clean_case(name: str, corpus, capsys) -> None:  # type: ignore[no-untyped-def]
    folder, expectations = corpus
    code, out, err = _run(capsys, "clean", str(folder / name))
    assert no_traceback(out, err)
    if code == 0:
        assert expectations[name].outcome != "fail"
        assert out.strip() and err == "", "exit 0 must print a body"
    else:
        assert code == 1 and out == ""
        assert err.startswith("bonmun: ") and err.count("\n") == 1, err
