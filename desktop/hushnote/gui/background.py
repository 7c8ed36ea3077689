"""Run slow core calls (Argon2id, re-keying) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

__all__ = ["BackgroundCall"]


class BackgroundCall(QThread):
    """Call ``function`` in a worker thread; report through ``succeeded`` or ``failed``.

    Argon2id releases the GIL, so the event loop keeps painting while it runs.
    """

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, function: Callable[[], Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._function = function

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
