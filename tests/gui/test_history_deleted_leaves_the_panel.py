"""Vault ▸ Settings ▸ "Delete all history…" while the history panel shows a version: the
window behind the dialog stops showing the deleted text at once, not when the dialog
closes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import HistoryStore, KdfParams, NoteStore
from hushnote.gui.main_window import MainWindow
from hushnote.gui.settings_dialog import SettingsDialog
from support.gui import FakeClock, panic_window, unlock_window
from support.modal import when_shown

GONE = "quokka-orchard-7731"


@pytest.fixture
def moved_clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    clock = FakeClock()

    def now() -> datetime:
        return datetime.fromtimestamp(clock.now, UTC)

    for store in (NoteStore, HistoryStore):
        defaults = dict(store.__init__.__kwdefaults__ or {})
        defaults["clock"] = now
        monkeypatch.setattr(store.__init__, "__kwdefaults__", defaults)
    return clock


@pytest.fixture
def window(
    qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup, moved_clock: FakeClock
) -> Iterator[MainWindow]:
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, made, PASSPHRASE)
    yield made
    made.workspace.note_editor.history.wait_for_comparisons()
    if made.vault is not None:
        made.lock()


def test_deleted_history_leaves_the_panel_at_once(
    qtbot: QtBot, window: MainWindow, moved_clock: FakeClock
) -> None:
    vault = window.vault
    assert vault is not None
    note = vault.notes.create(title="Visit", body=f"first {GONE}\nsame line")
    moved_clock.now += 6 * 60
    vault.notes.update(note.uuid, body="second\nsame line")
    window.session.notify("notes")
    window.workspace.open_note(note.uuid)
    window.workspace.toggle_history()
    panel = window.workspace.note_editor.history
    qtbot.waitUntil(lambda: not panel._running and GONE in panel.diff.toPlainText())
    seen: dict[str, object] = {}

    def in_settings(dialog: object) -> None:
        assert isinstance(dialog, SettingsDialog)
        when_shown(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
        dialog.delete_history.click()
        qtbot.wait(100)
        seen["said"] = dialog.history_status.text()
        seen["behind"] = GONE in panel.diff.toPlainText() and panel.isVisible()
        seen["revisions"] = len(vault.history.revisions(note.uuid))
        dialog.reject()

    when_shown(SettingsDialog, in_settings)
    window.edit_settings()
    assert seen["revisions"] == 0 and "deleted for good" in str(seen["said"])
    assert not seen["behind"]
