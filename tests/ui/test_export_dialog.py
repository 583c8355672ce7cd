"""File ▸ Export: the dialog previews the filtered rows and writes the chosen format."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from app.ui.context import AppContext
from app.ui.export_dialog import ExportDialog


def _ctx_with_highlights(seeded_library):  # type: ignore[no-untyped-def]
    lib = seeded_library
    a002 = next(r.id for r in lib.articles.list() if r.source.startswith("002"))
    semi = lib.codebook.find("산업정책/반도체·AI 반도체")
    invest = lib.codebook.find("스타트업 생태계/투자·M&A")
    lib.highlights.annotate_quote(a002, "텐서축약 처리기", semi.id, note="핵심, 쉼표 포함")
    lib.highlights.annotate_quote(a002, "메타의 1조원 인수 제의를 거절", invest.id)
    return AppContext(lib), a002


def test_preview_follows_the_tag_filter(qtbot, seeded_library) -> None:
    ctx, _ = _ctx_with_highlights(seeded_library)
    dlg = ExportDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.preview.rowCount() == 2
    invest = seeded_library.codebook.find("스타트업 생태계")
    dlg.tag.setCurrentIndex(dlg.tag.findData(invest.id))
    assert dlg.preview.rowCount() == 1
    quote_col = 9
    assert dlg.preview.item(0, quote_col).text() == "메타의 1조원 인수 제의를 거절"
    assert "1" in dlg.count.text()


def test_save_writes_csv_with_bom(qtbot, seeded_library, tmp_path: Path) -> None:
    ctx, _ = _ctx_with_highlights(seeded_library)
    dlg = ExportDialog(ctx)
    qtbot.addWidget(dlg)
    out = tmp_path / "x.csv"
    dlg.path.setText(str(out))
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["quote"] for r in rows} == {"텐서축약 처리기", "메타의 1조원 인수 제의를 거절"}
    assert any(r["note"] == "핵심, 쉼표 포함" for r in rows)
