"""The desktop window over a real vault: first run, unlock, lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from conftest import VaultSetup
from hushnote.core import KdfParams, Vault, VaultPaths
from hushnote.gui.main_window import WINDOW_TITLE, MainWindow


@pytest.fixture
def window_for(qtbot: QtBot, fast_kdf_params: KdfParams):  # type: ignore[no-untyped-def]
    windows = []

    def make(root: Path) -> MainWindow:
        window = MainWindow(root, kdf=fast_kdf_params)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.lock()


def test_first_run_creates_a_vault(qtbot: QtBot, window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "new-vault"
    window = window_for(root)
    page = window.create_page
    assert window.pages.currentWidget() is page
    qtbot.keyClicks(page.passphrase, "first run pass")
    qtbot.keyClicks(page.confirmation, "first run pass")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.vault_page, timeout=10_000)
    assert VaultPaths(root).header.exists()
    assert page.passphrase.text() == "" and page.confirmation.text() == ""
    window.lock()
    Vault.unlock(root, "first run pass").lock()


def test_mismatched_passphrases_create_nothing(qtbot: QtBot, window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = tmp_path / "new-vault"
    window = window_for(root)
    qtbot.keyClicks(window.create_page.passphrase, "one")
    qtbot.keyClicks(window.create_page.confirmation, "two")
    qtbot.keyClick(window.create_page.confirmation, Qt.Key.Key_Return)
    assert "do not match" in window.create_page.status.text()
    assert not root.exists()


def test_wrong_passphrase_shows_a_calm_message(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    page = window.unlock_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(page.passphrase.hasFocus)  # typing can start at once
    qtbot.keyClicks(page.passphrase, "not it")
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    assert page.busy.isVisible()
    assert page.passphrase.text() == ""  # not kept while Argon2id runs
    qtbot.waitUntil(lambda: not page.busy.isVisible(), timeout=10_000)
    assert page.status.text() == "That passphrase does not open this vault."
    assert window.pages.currentWidget() is page
    assert window.vault is None


def test_unlock_then_ctrl_l_locks_and_forgets(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    qtbot.keyClicks(window.unlock_page.passphrase, fast_kdf_vault.passphrase)
    qtbot.mouseClick(window.unlock_page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    vault = window.vault
    assert window.pages.currentWidget() is window.vault_page
    assert window.vault_page.summary.text()
    assert window.windowTitle() == WINDOW_TITLE
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert vault is not None and vault.is_locked
    assert window.vault_page.summary.text() == ""
    assert window.pages.currentWidget() is window.unlock_page
    assert window.unlock_page.passphrase.text() == ""
    assert window.windowTitle() == WINDOW_TITLE
    # The folder lock went with it: another process may open the vault now.
    Vault.unlock(fast_kdf_vault.root, fast_kdf_vault.passphrase).lock()


def test_closing_the_window_locks_the_vault(
    qtbot: QtBot,
    window_for,
    fast_kdf_vault: VaultSetup,  # type: ignore[no-untyped-def]
) -> None:
    window = window_for(fast_kdf_vault.root)
    qtbot.keyClicks(window.unlock_page.passphrase, fast_kdf_vault.passphrase)
    qtbot.keyClick(window.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
    vault = window.vault
    window.close()
    assert vault is not None and vault.is_locked


def test_passphrase_fields_are_masked(window_for, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    window = window_for(tmp_path / "v")
    for field in (window.create_page.passphrase, window.create_page.confirmation,
                  window.unlock_page.passphrase):  # fmt: skip
        assert field.echoMode() == QLineEdit.EchoMode.Password
        assert field.accessibleName()
