"""Lock after a period without input, measured on the wall clock so that sleep counts.

A monotonic clock stops while a laptop is suspended; the wall clock does not, so a
laptop closed for an hour locks on waking even if the timer never fired meanwhile.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

__all__ = ["DEFAULT_MINUTES", "AutoLock"]

DEFAULT_MINUTES = 5
_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class AutoLock(QObject):
    """Emits ``idle`` once the user has been away for ``minutes`` (0 turns it off)."""

    idle = Signal()

    def __init__(
        self,
        parent: Any = None,
        *,
        clock: Callable[[], float] = time.time,
        check_every_ms: int = 1000,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.minutes = DEFAULT_MINUTES
        self.last_input = clock()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(check_every_ms)

    def arm(self) -> None:
        """Start counting (when a vault opens)."""
        self.last_input = self._clock()
        self._armed = True

    def disarm(self) -> None:
        self._armed = False

    def touch(self) -> None:
        self.last_input = self._clock()

    def check(self) -> None:
        if self._armed and self.minutes > 0:
            if self._clock() - self.last_input >= self.minutes * 60:
                self._armed = False
                self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = self._clock()
        return False
