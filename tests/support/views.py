"""Every main view of the app, opened over a sample vault, for checks that walk them all.

``main_views`` is a generator: each view is set up, yielded as ``(name, window)`` with
keyboard focus inside it, and torn down before the next, so one failing view names itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from hushnote.core import KdfParams
from hushnote.core.formats.bundle_records import Scope
from hushnote.gui.bundle_dialogs import IdentityDialog
from hushnote.gui.contact_picker import ContactPicker
from hushnote.gui.duress_dialog import DuressDialog
from hushnote.gui.main_window import MainWindow
from hushnote.gui.passphrase_dialog import ChangePassphraseDialog
from hushnote.gui.settings_dialog import SettingsDialog, VaultPreferences
from hushnote.gui.shortcuts_dialog import ShortcutsDialog
from support.gui import unlock_window
from support.sample_vault import build_sample_vault

PASSPHRASE = "correct horse battery staple"
translate = QCoreApplication.translate

VIEW_NAMES = (
    "create",
    "unlock",
    "journal",
    "notes",
    "trash",
    "history",
    "contacts",
    "list",
    "search",
    "settings",
    "change-passphrase",
    "duress",
    "export",
    "identity",
    "contact-picker",
    "shortcuts",
)


def _focus_into(qtbot: QtBot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3_000)

    def inside() -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is window or window.isAncestorOf(focus))

    if not inside():
        window.focusNextChild()
    qtbot.waitUntil(inside, timeout=3_000)


def main_views(
    qtbot: QtBot,
    window_for: Callable[[Path], MainWindow],
    tmp_path: Path,
    kdf: KdfParams,
) -> Iterator[tuple[str, QWidget]]:
    """Yield each of ``VIEW_NAMES`` in turn, set up and focused."""
    fresh = window_for(tmp_path / "new")
    fresh.resize(1100, 700)
    _focus_into(qtbot, fresh)
    fresh.create_page.passphrase.setFocus()
    yield "create", fresh
    fresh.close()

    root = tmp_path / "sample"
    build_sample_vault(root, PASSPHRASE, kdf)
    window = window_for(root)
    window.resize(1100, 700)
    _focus_into(qtbot, window)
    yield "unlock", window

    unlock_window(qtbot, window, PASSPHRASE)
    workspace = window.workspace
    vault = window.vault
    assert vault is not None
    for section in ("journal", "notes", "trash"):
        workspace.choose_section(section)
        workspace.list_view.setFocus()
        workspace.list_view.selectRow(0)
        qtbot.wait(50)
        yield section, window
    # A note with an earlier version, its history open in the editor.
    workspace.choose_section("notes")
    workspace.list_view.selectRow(0)
    uuid = workspace.note_editor.uuid
    assert uuid is not None
    vault.notes.update(uuid, body="An earlier text, kept.", reason="revert")
    workspace.toggle_history()
    workspace.note_editor.history.list.setFocus()
    yield "history", window
    workspace.note_editor.history.wait_for_comparisons()
    workspace.toggle_history()
    workspace.choose_section("contacts")
    workspace.list_view.setFocus()
    workspace.list_view.selectRow(0)
    yield "contacts", window
    list_name = vault.lists.all()[0].name
    workspace.choose_section("list", list_name)
    workspace.sidebar.setFocus()
    yield "list", window

    window.search_dialog.start("")
    _focus_into(qtbot, window.search_dialog)
    yield "search", window.search_dialog
    window.search_dialog.close()

    dialogs: list[tuple[str, Callable[[], QDialog]]] = [
        ("settings", lambda: SettingsDialog(VaultPreferences(vault), None, window)),
        ("change-passphrase", lambda: ChangePassphraseDialog(window)),
        ("duress", lambda: DuressDialog(window)),
        ("export", lambda: _passphrase_export(window)),
        ("identity", lambda: IdentityDialog(vault.age_recipient(), window)),
        (
            "contact-picker",
            lambda: ContactPicker(vault, translate("Workspace", "Add to list"), window),
        ),
        (
            "shortcuts",
            lambda: ShortcutsDialog(window.all_actions, window, extra=window.editor_shortcuts()),
        ),
    ]
    for name, make in dialogs:
        dialog = make()
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        _focus_into(qtbot, dialog)
        yield name, dialog
        dialog.close()
        dialog.deleteLater()
    window.lock()


def _passphrase_export(window: MainWindow) -> QDialog:
    """The export dialog with its passphrase fields showing (the other modes hide them)."""
    dialog = window.make_export_dialog(Scope())
    assert dialog is not None
    dialog.with_passphrase.setChecked(True)
    return dialog
