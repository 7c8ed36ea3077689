"""The panic button, the panic key, and the duress passphrase, in the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from conftest import PASSPHRASE, VaultSetup
from hushnote.core import KdfParams, Vault
from hushnote.core.vault.unlock_guard import UnlockGuard
from hushnote.gui.main_window import MainWindow
from support.gui import finish_overwrites, panic_window, unlock_window


@pytest.fixture
def wiped() -> list[bool]:
    return []


@pytest.fixture
def window(qtbot: QtBot, fast_kdf_params: KdfParams, fast_kdf_vault: VaultSetup,
           wiped: list[bool]) -> MainWindow:  # fmt: skip
    made = panic_window(qtbot, fast_kdf_vault.root, fast_kdf_params, wiped)
    return made


def test_holding_the_panic_button_destroys_the_open_vault(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, wiped: list[bool]
) -> None:
    unlock_window(qtbot, window, PASSPHRASE)
    window.clipboard.copy("+1 555 0100")
    window.panic_button.start_hold()
    qtbot.waitUntil(lambda: bool(wiped), timeout=3_000)
    finish_overwrites()
    assert not fast_kdf_vault.root.exists()
    assert window.vault is None
    assert not window.isVisible()
    assert QGuiApplication.clipboard().text() == ""
    assert window.wiped_in is not None and window.wiped_in < 0.3


def test_the_panic_button_works_on_the_unlock_screen(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, wiped: list[bool]
) -> None:
    assert window.pages.currentWidget() is window.unlock_page
    assert window.panic_button.isVisible()
    qtbot.mousePress(window.panic_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(wiped), timeout=3_000)
    finish_overwrites()
    assert not fast_kdf_vault.root.exists()


def test_a_short_press_does_nothing(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, wiped: list[bool]
) -> None:
    qtbot.mousePress(window.panic_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)
    qtbot.mouseRelease(window.panic_button, Qt.MouseButton.LeftButton)
    qtbot.wait(1_200)
    assert not wiped
    assert fast_kdf_vault.root.exists()
    Vault.unlock(fast_kdf_vault.root, PASSPHRASE).lock()


def test_holding_the_panic_keys_wipes_and_tapping_them_does_not(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, wiped: list[bool]
) -> None:
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyPress(window, Qt.Key.Key_W, keys)
    QTest.keyRelease(window, Qt.Key.Key_W, keys)
    qtbot.wait(1_200)
    assert not wiped and fast_kdf_vault.root.exists()
    QTest.keyPress(window, Qt.Key.Key_W, keys)
    qtbot.waitUntil(lambda: bool(wiped), timeout=3_000)
    finish_overwrites()
    assert not fast_kdf_vault.root.exists()


def test_the_wipe_after_setting_is_kept_outside_the_vault(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hushnote.gui import settings_dialog

    def choose(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.wipe_after.setValue(5)
        return 1

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", choose)
    unlock_window(qtbot, window, PASSPHRASE)
    window.edit_settings()
    assert UnlockGuard(Path(fast_kdf_vault.root)).limit == 5


def test_a_panic_through_a_linked_header_still_destroys_the_keys(
    qtbot: QtBot, window: MainWindow, fast_kdf_vault: VaultSetup, wiped: list[bool]
) -> None:
    # Before, the wipe raised on the link and left the window open and the vault unlocked.
    unlock_window(qtbot, window, PASSPHRASE)
    header = fast_kdf_vault.root / "vault.key"
    moved = fast_kdf_vault.root / ".k"
    header.rename(moved)
    header.symlink_to(moved)
    window.panic()
    assert wiped and window.vault is None and not window.isVisible()
    assert moved.read_bytes()[:8] != b"HUSHNOTE"


def test_a_panic_that_cannot_destroy_the_keys_says_so(
    qtbot: QtBot,
    tmp_path: Path,
    fast_kdf_params: KdfParams,
    wiped: list[bool],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from support.mounts import read_only, tmpfs

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))
    with tmpfs(tmp_path / "stick", 4096) as stick:
        root = stick / "vault"
        Vault.create(root, PASSPHRASE, kdf=fast_kdf_params).lock()
        made = MainWindow(root, kdf=fast_kdf_params, on_wiped=lambda: wiped.append(True),
                          relaunch=lambda request: None)  # fmt: skip
        qtbot.addWidget(made)
        made.show()
        read_only(stick)
        made.panic()
        finish_overwrites()
        assert wiped and not made.isVisible()
        assert len(said) == 1 and "could not be destroyed" in said[0]
        assert (root / "vault.key").read_bytes()[:8] == b"HUSHNOTE"


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_decoy_room_is_measured_in_bytes_in_every_language(qtbot: QtBot, language: str) -> None:
    """The limit once came from the label's text, which a translation changes."""
    import secrets

    from PySide6.QtCore import QCoreApplication

    from hushnote.core import DECOY_CAPACITY
    from hushnote.gui.duress_dialog import DuressDialog
    from hushnote.gui.i18n import install_translators

    translators = install_translators(language)
    try:
        dialog = DuressDialog()
        qtbot.addWidget(dialog)
        asked: list[bool] = []
        dialog.set_requested.connect(lambda: asked.append(True))
        dialog.real.setText(PASSPHRASE)
        dialog.passphrase.setText("nothing to see")
        dialog.repeat.setText("nothing to see")
        incompressible = secrets.token_urlsafe(2 * DECOY_CAPACITY)
        dialog.decoy.setPlainText("Notes\n" + incompressible)
        assert dialog.decoy_bytes > DECOY_CAPACITY
        dialog._check()
        assert not asked
        assert dialog.status.text()  # says why, in either language
        dialog.decoy.setPlainText("Notes\n" + incompressible[: DECOY_CAPACITY // 4])
        assert dialog.decoy_bytes <= DECOY_CAPACITY
        dialog._check()
        assert asked == [True]
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        install_translators("en")
