"""Fixtures for driving the real window over a real vault."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from hushnote.core import KdfParams
from hushnote.gui.auto_lock import AutoLock
from hushnote.gui.main_window import MainWindow
from hushnote.gui.relaunch import Relaunch
from support.gui import FakeClock


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def relaunches() -> list[Relaunch]:
    """Every fresh start the windows asked for, in order (none happens: they stay)."""
    return []


@pytest.fixture
def window_for(
    qtbot: QtBot, fast_kdf_params: KdfParams, fake_clock: FakeClock, relaunches: list[Relaunch]
) -> Iterator[Callable[[Path], MainWindow]]:
    windows: list[MainWindow] = []

    def make(root: Path) -> MainWindow:
        # A recorded relaunch returns, as a failed exec would: the window locks in place.
        window = MainWindow(
            root,
            kdf=fast_kdf_params,
            auto_lock=AutoLock(clock=fake_clock, check_every_ms=3_600_000),
            relaunch=relaunches.append,
        )
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.lock()
