"""The command line end to end, in a temporary library (the foundation's must-shows)."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli import main

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys) -> None:
    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("bonmun ")


def test_import_list_annotate_export(capsys, tmp_path: Path, seed_paths) -> None:
    db = str(tmp_path / "lib.sqlite")
    code, out, _ = run(capsys, "--db", db, "import", *map(str, seed_paths))
    assert code == 0 and out.count(": imported") == 2
    code, out, _ = run(capsys, "--db", db, "import", *map(str, seed_paths))
    assert code == 0 and out.count(": duplicate") == 2
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    rows = json.loads(out)
    assert len(rows) == 2
    assert set(rows[0]) == {"id", "title", "outlet", "published_at", "source", "highlights"}
    assert {r["source"] for r in rows} == {p.name for p in seed_paths}
    a002 = next(r["id"] for r in rows if r["source"].startswith("002"))
    code, out, err = run(capsys, "--db", db, "annotate", str(a002), "--quote", "텐서축약 처리기", "--tag", "산업정책")
    assert code == 0, err
    out_csv = tmp_path / "out.csv"
    code, _, err = run(capsys, "--db", db, "export", "--format", "csv", "--out", str(out_csv))
    assert code == 0, err
    data = out_csv.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["quote"] == "텐서축약 처리기" and rows[0]["tag_path"] == "산업정책"


def test_annotate_errors_are_one_line(capsys, tmp_path: Path, seed_paths) -> None:
    db = str(tmp_path / "lib.sqlite")
    run(capsys, "--db", db, "import", str(seed_paths[0]))
    code, _, err = run(capsys, "--db", db, "annotate", "1", "--quote", "없는 문장", "--tag", "산업정책")
    assert code == 1 and err.count("\n") == 1 and "not found" in err
    code, _, err = run(capsys, "--db", db, "annotate", "1", "--quote", "반도체", "--tag", "없는/태그")
    assert code == 1 and "no tag" in err


def test_binary_import_exits_nonzero_without_traceback_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    env = {**os.environ, "BONMUN_HOME": str(tmp_path / "home")}
    bad_txt, bad_html = tmp_path / "x.txt", tmp_path / "y.html"
    bad_txt.write_bytes(os.urandom(3000))
    bad_html.write_bytes(os.urandom(3000))
    subprocess.run([sys.executable, "-m", "app", "--db", str(db), "list"], env=env, check=True, capture_output=True)
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(db), "import", str(bad_txt), str(bad_html)],
                          env=env, capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.stdout.count("failed:") == 2
    listing = subprocess.run([sys.executable, "-m", "app", "--db", str(db), "list", "--json"], env=env,
                             capture_output=True, text=True, check=True)
    assert json.loads(listing.stdout) == []


def test_clean_prints_body_and_json(capsys) -> None:
    seed = next((REPO / "seeds").glob("002_*.txt"))
    code, out, _ = run(capsys, "clean", str(seed))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("인공지능(AI) 반도체 기업 퓨리오사AI는")
    assert "본문 바로가기" not in out
    code, out, _ = run(capsys, "clean", str(seed), "--json")
    doc = json.loads(out)
    assert set(doc) == {"title", "outlet", "reporter", "published_at", "body", "removed"}
    assert any(r["text"] == "본문 바로가기" and r["reason"] for r in doc["removed"])


def test_clean_of_missing_file_is_one_line(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "clean", str(tmp_path / "missing.txt"))
    assert code == 1 and err.count("\n") == 1


def test_export_formats_of_the_parser_match_the_service() -> None:
    from app.cli_more import EXPORT_FORMATS
    from app.services.exports import FORMATS

    assert EXPORT_FORMATS == FORMATS


def test_version_does_not_import_sqlalchemy() -> None:
    code = "import sys; from app.cli import build_parser; build_parser(); print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "False"
