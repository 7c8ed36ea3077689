"""A button that acts only after being held down for about a second.

The panic wipe must be fast under stress and impossible to set off by a stray click or
key: a second of holding is both. The button fills as it is held; letting go early
cancels and says how long to hold, so a click is never met with silence. A press that
slides off the button, a lost focus or a hidden button cancel too. It works with the
mouse and, when focused, with Space or Enter, which must be held just the same.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QToolTip, QWidget

from hushnote.gui.app_identity import camouflaged

__all__ = [
    "FILL_COLOUR",
    "HINT_MS",
    "HOLD_MS",
    "MIN_TARGET",
    "RELEASE_GRACE_MS",
    "HoldButton",
    "HoldTimer",
]

HOLD_MS = 1000
#: Longer than X11's gap between a repeat's release and its press (well under 50 ms),
#: short enough that a real release still cancels at once to the eye.
RELEASE_GRACE_MS = 120
#: How long the "press and hold" hint stays up after an early release.
HINT_MS = 4000
# WCAG 2.2 asks for 24 by 24 CSS pixels at least (2.5.8) and recommends 44 by 44 (2.5.5);
# 44 high and four times as wide is a target a hurried hand finds without aiming.
MIN_TARGET = QSize(176, 44)
FILL_COLOUR = QColor(200, 30, 30, 110)
_ACTIVATION_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class HoldTimer(QObject):
    """How far a hold has got: ``progressed(fraction)`` as it runs (0.0 when it stops
    early) and ``held`` once it lasted ``hold_ms``. The button and the panic key share it.

    A held key arrives as a stream of presses and releases: X11 repeats a key by sending
    a release and a press, and Qt marks the pair as a repeat only when both are already
    queued, so now and then a repeat's release looks like the real one. A key's release
    (``release``) therefore ends the hold only if no press follows within
    ``RELEASE_GRACE_MS``; a hold that reaches its end during that wait completes only if
    the key turns out to be still down.
    """

    progressed = Signal(float)
    held = Signal()
    #: A hold let go before it completed, once the release is known to be real.
    released_early = Signal()

    def __init__(self, hold_ms: int = HOLD_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hold_ms = hold_ms
        self.fraction = 0.0
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(30)
        self._tick.timeout.connect(self._advance)
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(RELEASE_GRACE_MS)
        self._grace.timeout.connect(self._released)

    @property
    def active(self) -> bool:
        return self._tick.isActive()

    def start(self) -> None:
        if not self._tick.isActive():
            self._clock.start()
            self._tick.start()

    def press(self) -> None:
        """A key press: a hold goes on through a repeat's release, else one starts."""
        if self._grace.isActive():
            self._grace.stop()
            return
        self.start()

    def release(self) -> None:
        """A key release: the hold ends unless a press follows within the grace."""
        if self._tick.isActive() and not self._grace.isActive():
            self._grace.start()

    def cancel(self) -> bool:
        """Stop without acting; True if a hold was running."""
        running = self._tick.isActive()
        self._tick.stop()
        self._grace.stop()
        if running or self.fraction:
            self.fraction = 0.0
            self.progressed.emit(0.0)
        return running

    def _released(self) -> None:
        if self.cancel():
            self.released_early.emit()

    def _advance(self) -> None:
        self.fraction = min(1.0, self._clock.elapsed() / self.hold_ms)
        if self.fraction < 1.0:
            self.progressed.emit(self.fraction)
            return
        if self._grace.isActive():
            return  # a release is pending: act only if a press shows the key still down
        self._tick.stop()
        self.fraction = 0.0
        self.progressed.emit(0.0)
        self.held.emit()


class HoldButton(QPushButton):
    """``held`` fires once the button was held for ``hold_ms``; nothing else acts."""

    held = Signal()

    def __init__(self, text: str, parent: QWidget | None = None, hold_ms: int = HOLD_MS) -> None:
        super().__init__(text, parent)
        self.hold_ms = hold_ms
        self.timer = HoldTimer(hold_ms, self)
        self.timer.progressed.connect(self.update)
        self.timer.held.connect(self.held)
        self.timer.released_early.connect(self._say_how)
        self._shown_fill = 0.0  # a hold elsewhere (the panic key) shown on this button
        self.setMinimumSize(MIN_TARGET)
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

    @property
    def progress(self) -> float:
        """How full the button is drawn, from its own hold or one it is shown."""
        return max(self.timer.fraction, self._shown_fill)

    def show_fill(self, fraction: float) -> None:
        """Draw another hold's progress (the panic key) on this button."""
        self._shown_fill = fraction
        self.update()

    def start_hold(self) -> None:
        QToolTip.hideText()
        self.timer.start()

    def cancel_hold(self) -> None:
        self.timer.cancel()

    def hint_text(self) -> str:
        """What an early release says; under camouflage it does not say what it does."""
        seconds = f"{self.hold_ms / 1000:g}"
        if camouflaged():
            return self.tr("Press and hold for %1 s").replace("%1", seconds)
        return self.tr("Press and hold for %1 s to wipe").replace("%1", seconds)

    def _let_go(self) -> None:
        """Released before the hold completed: cancel, and say how it works."""
        if self.timer.cancel():
            self._say_how()

    def _say_how(self) -> None:
        above = QPoint(0, -self.height() - 8)
        QToolTip.showText(self.mapToGlobal(above), self.hint_text(), self, self.rect(), HINT_MS)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.start_hold()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Sliding off cancels for good: coming back without a new press does nothing.
        if self.timer.active and not self.rect().contains(event.position().toPoint()):
            self.cancel_hold()
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._let_go()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATION_KEYS:
            if not event.isAutoRepeat() or self.timer.active:
                QToolTip.hideText()
                self.timer.press()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ACTIVATION_KEYS:
            if not event.isAutoRepeat():
                self.timer.release()  # a repeat's release Qt did not recognise: a grace
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # The key's release would go elsewhere, and the hold would finish by itself.
        self.cancel_hold()
        super().focusOutEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.cancel_hold()
        super().hideEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        progress = self.progress
        if progress > 0:
            painter = QPainter(self)
            painter.fillRect(0, 0, int(self.width() * progress), self.height(), FILL_COLOUR)
            painter.end()
