"""Vault ▸ Import from another app: a Markdown folder through the dialogs, end to end.

A real vault (fast KDF fixture) and the real importer service; the modal dialogs are
driven as a person would, by keys into whatever has the focus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from gui.test_import_dialog import Script, keys, then
from hushnote.core import Vault
from hushnote.gui import app_import_dialog
from hushnote.gui.app_import_dialog import AppImportDialog, AppImportPreviewDialog
from hushnote.gui.app_import_words import dropped_sentence
from hushnote.gui.main_window import MainWindow
from support.gui import unlock_window


@pytest.fixture
def export(tmp_path: Path) -> Path:
    """A Markdown folder with Chinese names, one note with a location in its front matter."""
    folder = tmp_path / "笔记导出"
    (folder / "会议").mkdir(parents=True)
    (folder / "会议" / "周五开庭.md").write_text("# 周五开庭\n\n九点到法院。\n", "utf-8")
    (folder / "会议" / "集合点.md").write_text(
        "---\ntitle: 集合点\nlocation: 39.9, 116.4\n---\n在东门集合。\n", "utf-8"
    )
    (folder / "购物.md").write_text("牛奶\n", "utf-8")
    return folder


@pytest.fixture
def window(
    qtbot: QtBot,
    window_for: Callable[[Path], MainWindow],
    fast_kdf_vault: VaultSetup,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> MainWindow:
    monkeypatch.setattr(app_import_dialog, "choose_folder", lambda *_: export)
    monkeypatch.setattr(app_import_dialog, "choose_open_paths", lambda *_: [export])
    made = window_for(fast_kdf_vault.root)
    unlock_window(qtbot, made, PASSPHRASE)
    return made


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"information": [], "warning": []}
    for name, texts in said.items():
        monkeypatch.setattr(
            QMessageBox,
            name,
            lambda _parent, _title, text, *_rest, texts=texts: texts.append(text),
        )
    return said


def titles(window: MainWindow) -> list[str]:
    vault = window.vault
    assert vault is not None
    return sorted(note.title for note in vault.notes.summaries())


def choose_markdown(dialog: QWidget) -> None:
    assert isinstance(dialog, AppImportDialog)
    dialog.buttons_by_app["markdown"].setChecked(True)
    dialog.choose_folder.click()


def answer_delete(qtbot: QtBot, accept: bool) -> Callable[[QWidget], None]:
    def act(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        if accept:
            qtbot.keyClick(box, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
        else:
            qtbot.keyClick(box.focusWidget() or box, Qt.Key.Key_Return)

    return act


def test_markdown_folder_imports_end_to_end_and_keeps_the_files(
    qtbot: QtBot,
    window: MainWindow,
    fast_kdf_vault: VaultSetup,
    export: Path,
    shown: dict[str, list[str]],
) -> None:
    previews: list[list[str]] = []

    def check_preview(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportPreviewDialog)
        previews.append(dialog.lines())
        assert dialog.table.rowCount() == 2
        names = {dialog.table.item(row, 0).text() for row in range(2)}
        assert "会议" in names
        dialog.import_button.click()

    script = Script(
        [
            (AppImportDialog, then(choose_markdown, keys(qtbot))),
            (AppImportPreviewDialog, check_preview),
            (QMessageBox, answer_delete(qtbot, accept=False)),
        ]
    )
    window.import_from_app()
    assert script.done
    assert "Location data dropped from 1 note(s)." in previews[0]
    assert "集合点" in [line.strip() for line in previews[0]]
    assert "Notes: 3 new, 0 updated, 0 unchanged." in shown["information"][0]
    assert titles(window) == sorted(["周五开庭", "集合点", "购物"])
    assert (export / "购物.md").exists()  # kept: the default answer


def test_delete_offer_removes_the_files_when_accepted(
    qtbot: QtBot,
    window: MainWindow,
    export: Path,
    shown: dict[str, list[str]],
) -> None:
    script = Script(
        [
            (AppImportDialog, then(choose_markdown, keys(qtbot))),
            (AppImportPreviewDialog, keys(qtbot)),
            (QMessageBox, answer_delete(qtbot, accept=True)),
        ]
    )
    window.import_from_app()
    assert script.done
    assert not any(path.is_file() for path in export.rglob("*"))


def test_a_broken_export_says_why_and_imports_nothing(
    qtbot: QtBot,
    window: MainWindow,
    fast_kdf_vault: VaultSetup,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: dict[str, list[str]],
) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    monkeypatch.setattr(app_import_dialog, "choose_open_paths", lambda *_: [broken])

    def pick_zip(dialog: QWidget) -> None:
        assert isinstance(dialog, AppImportDialog)
        dialog.buttons_by_app["markdown"].setChecked(True)
        dialog.choose_files.click()

    script = Script([(AppImportDialog, then(pick_zip, keys(qtbot)))])
    window.import_from_app()
    assert script.done
    assert shown["warning"] and "Nothing was imported." in shown["warning"][0]
    assert titles(window) == []


def test_every_kind_left_out_has_its_own_sentence() -> None:
    """A kind the core reports without a sentence of its own reads "other item(s)", which
    tells the person deciding nothing."""
    core = Path(app_import_dialog.__file__).parents[1] / "core" / "importers"
    kinds = set()
    for path in core.glob("*.py"):
        kinds |= set(re.findall(r'Dropped\(\s*"([a-z-]+)"', path.read_text("utf-8")))
    assert {"location", "link", "attachment-not-cleaned"} <= kinds
    other = dropped_sentence("no-such-kind", 1)
    assert {kind for kind in kinds if dropped_sentence(kind, 1) == other} == set()


def test_the_preview_shows_every_notebook_without_scrolling(
    qtbot: QtBot, open_vault: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    names = ("Actions", "Cases", "会议", "Zeta", "Eta", "Theta")
    for name in names:
        (folder / name).mkdir(parents=True)
        # A location and a file no note embeds: the list of what is left out takes room.
        (folder / name / "n.md").write_text("---\nlocation: 1, 2\n---\n# n\n", "utf-8")
        (folder / name / "x.bin").write_bytes(b"x")
    with open_vault.importers.read("markdown", [folder]) as source:
        plan = open_vault.importers.preview(source)
    dialog = AppImportPreviewDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    assert table.rowCount() == len(names)
    assert not table.verticalScrollBar().isVisible()
    bottom = table.visualItemRect(table.item(len(names) - 1, 0)).bottom()
    assert bottom <= table.viewport().height()
