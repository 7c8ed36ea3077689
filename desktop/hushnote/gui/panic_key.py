"""The app-wide panic shortcut: hold Ctrl+Shift+W for about a second, anywhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent

from hushnote.gui.hold_button import HOLD_MS

__all__ = ["PANIC_KEYS", "PanicKey"]

PANIC_KEYS = "Ctrl+Shift+W"
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class PanicKey(QObject):
    """Installed on the application; emits ``held`` once the keys were held long enough."""

    held = Signal()

    def __init__(self, parent: Any = None, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.hold_ms = hold_ms
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.held)

    @property
    def holding(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if (event.key() == Qt.Key.Key_W and not event.isAutoRepeat()
                    and event.modifiers() & _MODIFIERS == _MODIFIERS):  # fmt: skip
                if not self._timer.isActive():
                    self._timer.start(self.hold_ms)
                return True
        elif event.type() == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_W, Qt.Key.Key_Control, Qt.Key.Key_Shift) and (
                not event.isAutoRepeat()
            ):
                self._timer.stop()
        return False
