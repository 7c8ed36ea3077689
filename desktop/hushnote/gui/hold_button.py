"""A button that acts only after being held down for about a second.

The panic wipe must be fast under stress and impossible to set off by a stray click or
key: a second of holding is both. The button fills as it is held; letting go early
cancels. It works with the mouse and, when focused, with Space or Enter.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QPushButton, QWidget

__all__ = ["HOLD_MS", "HoldButton"]

HOLD_MS = 1000


class HoldButton(QPushButton):
    held = Signal()

    def __init__(self, text: str, parent: QWidget | None = None, hold_ms: int = HOLD_MS) -> None:
        super().__init__(text, parent)
        self.hold_ms = hold_ms
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(30)
        self._tick.timeout.connect(self._advance)
        self.progress = 0.0

    def start_hold(self) -> None:
        if not self._tick.isActive():
            self._clock.start()
            self._tick.start()

    def cancel_hold(self) -> None:
        self._tick.stop()
        self.progress = 0.0
        self.update()

    def _advance(self) -> None:
        self.progress = min(1.0, self._clock.elapsed() / self.hold_ms)
        self.update()
        if self.progress >= 1.0:
            self._tick.stop()
            self.progress = 0.0
            self.held.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.start_hold()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.cancel_hold()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.isAutoRepeat():
                self.start_hold()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not event.isAutoRepeat():
                self.cancel_hold()
            return
        super().keyReleaseEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.progress > 0:
            painter = QPainter(self)
            fill = QColor(200, 30, 30, 110)
            painter.fillRect(0, 0, int(self.width() * self.progress), self.height(), fill)
            painter.end()
