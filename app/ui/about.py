"""Help ▸ About: version, licence, and the bundled font's licence."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app import __version__
from app.paths import resource_root, resources_dir


def _read(path) -> str:  # type: ignore[no-untyped-def]
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Bonmun"))
        lines = [
            self.tr("Read, clean, highlight and code Korean news articles."),
            self.tr("Released under the MIT licence."),
            self.tr("Korean analysis by Kiwi (kiwipiepy, LGPL). Interface: Qt %s (LGPL) through PySide6.") % qVersion(),
            self.tr("Font: NanumGothic by NAVER, under the SIL Open Font License 1.1 (below)."),
        ]
        intro = QLabel(self)
        intro.setTextFormat(Qt.TextFormat.RichText)
        intro.setWordWrap(True)
        intro.setText(f"<h2>Bonmun (본문) {html.escape(__version__)}</h2>"
                      + "".join(f"<p>{html.escape(line)}</p>" for line in lines))
        licences = QPlainTextEdit(self)
        licences.setReadOnly(True)
        licences.setPlainText(
            _read(resource_root() / "LICENSE") + "\n\n" + "=" * 60 + "\nNanumGothic\n" + "=" * 60 + "\n\n"
            + _read(resources_dir() / "fonts" / "OFL-NanumGothic.txt")
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(licences, 1)
        box.addWidget(buttons)
        self.resize(620, 520)


def show_about(parent: QWidget | None = None) -> None:
    AboutDialog(parent).exec()

