"""Helpers for driving the window in pytest-qt tests."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from hushnote.core import KdfParams
from hushnote.gui.auto_lock import AutoLock
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


def panic_window(qtbot: QtBot, root: Path, kdf: KdfParams, wiped: list[bool]) -> MainWindow:
    """A shown window on ``root`` that records a wipe in ``wiped`` instead of quitting,
    locks in place instead of restarting, and never locks by itself."""
    made = MainWindow(
        root,
        kdf=kdf,
        on_wiped=lambda: wiped.append(True),
        auto_lock=AutoLock(clock=FakeClock(), check_every_ms=3_600_000),
        relaunch=lambda request: None,  # lock in place, in this test process
    )
    qtbot.addWidget(made)
    made.show()
    return made


def finish_overwrites() -> None:
    """Wait for the wipe's overwrite threads, as the process does before it exits."""
    for thread in threading.enumerate():
        if thread.name == "overwrite":
            thread.join()
