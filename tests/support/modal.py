"""Answering a modal dialog from inside its own event loop, as a person would."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_shown(kind: type, then: Callable[[object], None]) -> None:
    """Once a visible top-level widget of ``kind`` exists (a modal dialog's own event
    loop is running), run ``then`` on it."""

    def poll() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if shown:
            then(shown[0])
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
