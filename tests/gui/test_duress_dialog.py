"""The duress dialog in the real window: its warnings, the real passphrase it asks for
first, and what it keeps when the core says no."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import KdfParams, Vault
from hushnote.gui.duress_dialog import DuressDialog
from hushnote.gui.main_window import MainWindow
from support.gui import finish_overwrites, panic_window, unlock_window

DURESS = "nothing to see"
DECOY = "Groceries\nmilk\n---\nRecipes\nsoup"


@pytest.fixture
def window(qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup) -> MainWindow:
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, [])
    unlock_window(qtbot, made, PASSPHRASE)
    return made


@dataclass
class Seen:
    """The dialog as it stood after Set or Remove was pressed and the work ended."""

    open: bool
    status: str
    real: str
    duress: str
    decoy: str


def with_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, act: Callable[[DuressDialog], None]
) -> None:
    """Open the duress dialog from the menu action and run ``act`` while it is up (the
    real modal dialog, with its real event loop); close it if ``act`` left it open."""

    def exec_and_act(dialog: DuressDialog) -> int:
        def step() -> None:
            try:
                act(dialog)
            finally:
                if dialog.isVisible():
                    dialog.reject()

        QTimer.singleShot(0, step)
        return QDialog.exec(dialog)

    monkeypatch.setattr(DuressDialog, "exec", exec_and_act)
    window.edit_duress()


def press(dialog: DuressDialog, button: str, real: str, duress: str = DURESS) -> Seen:
    dialog.real.setText(real)
    dialog.passphrase.setText(duress)
    dialog.repeat.setText(duress)
    dialog.decoy.setPlainText(DECOY)
    getattr(dialog, button).click()  # the slow part runs in here, behind a progress bar
    return Seen(
        open=dialog.isVisible(),
        status=dialog.status.text(),
        real=dialog.real.text(),
        duress=dialog.passphrase.text(),
        decoy=dialog.decoy.toPlainText(),
    )


def test_the_dialog_carries_the_guides_warnings(qtbot: QtBot) -> None:
    dialog = DuressDialog()
    qtbot.addWidget(dialog)
    warnings = dialog.warnings.text()
    assert "Never try it on this vault" in warnings and "destroys your real notes" in warnings
    assert "copied before, the copy still opens with your real passphrase" in warnings
    assert "illegal" in warnings and "destroying evidence" in warnings
    assert dialog.real.accessibleName() == "Your real passphrase"


def test_a_wrong_real_passphrase_is_asked_again_and_nothing_else_is_lost(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Seen] = []
    with_dialog(window, monkeypatch, lambda d: seen.append(press(d, "set_button", "not it")))
    (after,) = seen
    assert after.open
    assert "not this vault's real passphrase" in after.status
    assert after.real == ""  # asked again
    assert after.duress == DURESS and after.decoy == DECOY
    vault = window.vault
    assert vault is not None and not vault.has_duress


def test_the_real_passphrase_as_the_duress_one_is_explained_and_nothing_is_lost(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Seen] = []
    with_dialog(
        window, monkeypatch, lambda d: seen.append(press(d, "set_button", PASSPHRASE, PASSPHRASE))
    )
    (after,) = seen
    assert after.open
    assert after.status.startswith("That is this vault's real passphrase.")
    assert after.real == PASSPHRASE and after.duress == PASSPHRASE and after.decoy == DECOY
    vault = window.vault
    assert vault is not None and not vault.has_duress


def test_nothing_is_tried_without_the_real_passphrase(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Seen] = []

    def act(dialog: DuressDialog) -> None:
        seen.append(press(dialog, "set_button", ""))
        seen.append(press(dialog, "remove_button", ""))

    with_dialog(window, monkeypatch, act)
    assert [s.status for s in seen] == ["Enter your real passphrase first."] * 2
    assert all(s.open and s.decoy == DECOY for s in seen)


def test_setting_it_checks_the_real_passphrase_off_the_gui_thread_and_the_core_has_it(
    qtbot: QtBot,
    window: MainWindow,
    fast_kdf_vault: VaultSetup,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []
    verify = Vault.verify_passphrase

    def verify_and_note(vault: Vault, passphrase: str) -> bool:
        threads.append(threading.current_thread())
        return verify(vault, passphrase)

    monkeypatch.setattr(Vault, "verify_passphrase", verify_and_note)
    seen: list[Seen] = []
    with_dialog(window, monkeypatch, lambda d: seen.append(press(d, "set_button", PASSPHRASE)))
    (after,) = seen
    assert not after.open
    assert threads and threads[0] is not threading.main_thread()
    vault = window.vault
    assert vault is not None and vault.has_duress
    window.lock()
    finish_overwrites()
    with Vault.unlock(fast_kdf_vault.root, DURESS) as decoy:
        assert {note.title for note in decoy.notes.summaries()} == {"Groceries", "Recipes"}


def test_removing_it_needs_the_real_passphrase_too(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.vault
    assert vault is not None
    vault.set_duress(DURESS, [])
    seen: list[Seen] = []
    with_dialog(window, monkeypatch, lambda d: seen.append(press(d, "remove_button", "not it")))
    assert seen[0].open and vault.has_duress
    with_dialog(window, monkeypatch, lambda d: seen.append(press(d, "remove_button", PASSPHRASE)))
    assert not seen[1].open and not vault.has_duress


def test_locking_closes_the_dialog_and_empties_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs: list[DuressDialog] = []
    shown: list[bool] = []

    def act(dialog: DuressDialog) -> None:
        dialogs.append(dialog)
        dialog.real.setText(PASSPHRASE)
        dialog.decoy.setPlainText(DECOY)
        window.lock()
        shown.append(dialog.isVisible())

    with_dialog(window, monkeypatch, act)
    assert shown == [False] and window.vault is None
    (dialog,) = dialogs  # deleted later, not yet
    assert dialog.real.text() == "" and dialog.decoy.toPlainText() == ""


def test_set_a_duress_passphrase_and_unlock_with_it(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.vault
    assert vault is not None
    vault.notes.create(title="Real case file", body="names")
    with_dialog(window, monkeypatch, lambda d: press(d, "set_button", PASSPHRASE) and None)
    window.lock()
    unlock_window(qtbot, window, DURESS)
    titles = {
        window.workspace.note_model.data(window.workspace.note_model.index(row))
        for row in range(window.workspace.note_model.rowCount())
    }
    assert titles == {"Groceries", "Recipes"}
    window.lock()
    finish_overwrites()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.begin_unlock()
    qtbot.waitUntil(lambda: not window.unlock_page.busy.isVisible(), timeout=10_000)
    assert window.unlock_page.status.text() == "That passphrase does not open this vault."
