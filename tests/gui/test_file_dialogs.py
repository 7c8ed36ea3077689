"""The file chooser: Qt's own dialog (which writes no history, no recent files and no
thumbnails), the portal in a Flatpak; and no other file dialog anywhere in the GUI."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from hushnote.gui import file_dialogs


@pytest.mark.parametrize(("flatpak", "qt_own"), [(None, True), ("org.hushnote.Hushnote", False)])
def test_the_dialog_is_qts_own_except_in_a_flatpak(
    qapp,
    monkeypatch: pytest.MonkeyPatch,
    flatpak: str | None,
    qt_own: bool,  # type: ignore[no-untyped-def]
) -> None:
    if flatpak:
        monkeypatch.setenv("FLATPAK_ID", flatpak)
    else:
        monkeypatch.delenv("FLATPAK_ID", raising=False)
    dialog = file_dialogs._dialog(None, "Save", "*.hnb")
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog) is qt_own


GUI = Path(__file__).resolve().parents[2] / "desktop" / "hushnote"


def _file_dialog_uses(source: str) -> list[tuple[int, str]]:
    """Every place ``source`` names QFileDialog, other than importing it."""
    uses = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and node.id == "QFileDialog":
            uses.append((node.lineno, "QFileDialog"))
        elif isinstance(node, ast.Attribute) and node.attr == "QFileDialog":
            uses.append((node.lineno, "QtWidgets.QFileDialog"))
    return uses


def test_every_file_dialog_is_made_by_file_dialogs_and_no_static_chooser_is_used() -> None:
    """A QFileDialog made anywhere else could be the desktop's native one, which adds the
    chosen file to recently-used.xbel; the static getOpenFileName() and friends are."""
    offenders = []
    for path in sorted(GUI.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for line, name in _file_dialog_uses(source):
            if path.name != "file_dialogs.py":
                offenders.append(f"{path.relative_to(GUI)}:{line} uses {name}")
        if path.name == "file_dialogs.py":
            tree = ast.parse(source)
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id == "QFileDialog"
                    and node.attr.startswith("get")
                ):
                    offenders.append(f"file_dialogs.py:{node.lineno} calls QFileDialog.{node.attr}")
            made = [
                node
                for node in ast.walk(tree)
                if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "QFileDialog"
            ]
            assert len(made) == 1, "one constructor, in _dialog, which sets the option"
    assert offenders == []


def test_the_scan_finds_a_dialog_made_elsewhere() -> None:
    assert _file_dialog_uses(
        "from PySide6 import QtWidgets\nQtWidgets.QFileDialog.getOpenFileName()"
    )
    assert _file_dialog_uses("d = QFileDialog(None)\nd.exec()")


def _files_under(*folders: Path) -> set[Path]:
    return {path for folder in folders for path in folder.rglob("*") if path.is_file()}


# In a fresh process, so that Qt derives its settings path from this test's HOME.
CHOOSE = r"""
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit
from hushnote.gui import file_dialogs

pictures, photo, divert = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "divert"
if divert:
    file_dialogs.keep_qt_settings_off_disk()  # as the app does first thing
app = QApplication([])

def shown():
    return next(w for w in app.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())

def browse():
    dialog = shown()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    dialog.setDirectory(str(pictures))  # the folder's pictures are listed

def choose():  # as a user would: the name typed, then Open
    dialog = shown()
    dialog.findChild(QLineEdit, "fileNameEdit").setText(str(photo))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open).click()

QTimer.singleShot(200, browse)
QTimer.singleShot(700, choose)
print(file_dialogs.choose_open_path(None, "Attach a file", "All files (*)"))
"""


def _choose_in_a_fresh_process(home: Path, divert: bool) -> tuple[Path, set[Path]]:
    pictures = home / "Pictures"
    pictures.mkdir()
    photo = pictures / "protest-flyer.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(0xFF2040)
    assert image.save(str(photo))
    (pictures / "notes.txt").write_text("a file beside it")
    folders = (home, Path(os.environ["TMPDIR"]))
    before = _files_under(*folders)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("FLATPAK_ID", None)
    result = subprocess.run(
        [sys.executable, "-c", CHOOSE, str(pictures), str(photo), "divert" if divert else ""],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(photo)
    return photo, _files_under(*folders) - before


def test_qts_own_dialog_records_no_recent_file_and_makes_no_thumbnail(
    isolated_home: Path,
) -> None:
    _photo, written = _choose_in_a_fresh_process(isolated_home, divert=True)
    assert written == set()
    assert not (Path(os.environ["XDG_CACHE_HOME"]) / "thumbnails").exists()
    assert not (isolated_home / ".thumbnails").exists()
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "recently-used.xbel").exists()


def test_without_the_settings_diverted_qts_dialog_would_keep_a_history(
    isolated_home: Path,
) -> None:
    """The control: the check above sees what Qt's dialog writes when allowed to."""
    photo, written = _choose_in_a_fresh_process(isolated_home, divert=False)
    assert [path.name for path in written] == ["QtProject.conf"]
    assert str(photo.parent) in next(iter(written)).read_text()  # the folder visited
