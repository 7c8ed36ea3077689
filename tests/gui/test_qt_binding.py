"""Guards against a Qt binding that would crash a long session."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from pytestqt.qtbot import QtBot


def test_running_the_event_loop_from_python_keeps_none_alive(qtbot: QtBot) -> None:
    """PySide6 6.12.0 dropped one reference to None per processEvents() or exec() call;
    after a few thousand calls Python aborts ("deallocating None")."""
    before = sys.getrefcount(None)
    for _ in range(50):
        QCoreApplication.processEvents()
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()
    assert sys.getrefcount(None) >= before - 5
