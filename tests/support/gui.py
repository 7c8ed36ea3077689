"""Helpers for driving the window in pytest-qt tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from hushnote.gui.main_window import MainWindow


class FakeClock:
    """Wall-clock time the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def unlock_window(qtbot: QtBot, window: MainWindow, passphrase: str) -> None:
    """Type the passphrase into the unlock screen and wait for the vault to open."""
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.begin_unlock()
    qtbot.waitUntil(lambda: window.vault is not None, timeout=10_000)
