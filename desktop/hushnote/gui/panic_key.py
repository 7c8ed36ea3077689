"""The app-wide panic shortcut: hold Ctrl+Shift+W for about a second, anywhere.

While the keys are held, a bar fills along the bottom edge of whichever window has the
keyboard (the main window, or a dialog in front of it), as the panic button fills, so
the person holding them sees it working; letting go early empties it. The bar carries
no words, so it says nothing under camouflage either.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget

from hushnote.gui.hold_button import HOLD_MS, HoldTimer

__all__ = ["BAR_HEIGHT", "PANIC_KEYS", "KeyHoldBar", "PanicKey", "is_w_key"]

PANIC_KEYS = "Ctrl+Shift+W"
#: Tall enough to see at a glance, low enough to hide nothing that matters.
BAR_HEIGHT = 10
# Nearly opaque: unlike the button's fill, it covers no text and must catch the eye.
BAR_COLOUR = QColor(190, 20, 30, 230)
_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


# The W key's place on the keyboard: an evdev key code plus 8, as X11 and Wayland report
# it. A layout without Latin letters (Russian, Greek, Arabic, Hebrew…) sends its own
# letter there, which Qt reports as that letter, not as W.
_W_SCAN_CODE = 25


def is_w_key(event: QKeyEvent) -> bool:
    """W, or the key in W's place when the layout types no Latin letter there.

    A Latin layout that moves W (AZERTY) is matched by the letter, and its key in W's place
    (Z there: Ctrl+Shift+Z is redo) is not taken.
    """
    if event.key() == Qt.Key.Key_W:
        return True
    latin = Qt.Key.Key_A.value <= event.key() <= Qt.Key.Key_Z.value
    return not latin and event.key() > 0xFF and event.nativeScanCode() == _W_SCAN_CODE


class PanicKey(QObject):
    """Installed on the application; emits ``held`` once the keys were held long enough,
    and ``progressed(fraction)`` while they are (0.0 when let go early)."""

    held = Signal()
    progressed = Signal(float)

    def __init__(self, parent: Any = None, hold_ms: int = HOLD_MS) -> None:
        super().__init__(parent)
        self.hold_ms = hold_ms
        self.timer = HoldTimer(hold_ms, self)
        self.timer.held.connect(self.held)
        self.timer.progressed.connect(self.progressed)

    @property
    def holding(self) -> bool:
        return self.timer.active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if is_w_key(event) and event.modifiers() & _MODIFIERS == _MODIFIERS:
                # Repeats too: keys already held when this window appeared (a relaunch)
                # count from the first press seen; a repeat's release misread as the real
                # one is bridged by the timer's grace.
                self.timer.press()
                return True  # nothing else sees the panic keys
        elif kind == QEvent.Type.KeyRelease and isinstance(event, QKeyEvent):
            if (
                is_w_key(event) or event.key() in (Qt.Key.Key_Control, Qt.Key.Key_Shift)
            ) and not event.isAutoRepeat():
                self.timer.release()
        elif kind == QEvent.Type.ApplicationDeactivate:
            # The release would go to another program, and the hold finish by itself.
            self.timer.cancel()
        return False


class KeyHoldBar(QObject):
    """The panic key's progress, drawn across the bottom of the window in front.

    The bar is a child of that window, laid over its content and transparent to the
    mouse, so it shows wherever the window is, under any window manager. It goes back to
    ``home`` when the hold ends, so that closing a dialog does not take it along; if one
    closes mid-hold, a new bar is made.
    """

    def __init__(self, home: QWidget) -> None:
        super().__init__(home)
        self.home = home
        self.bar: _Bar | None = None

    def follow(self, fraction: float) -> None:
        """Show ``fraction`` of a hold on the window in front; hide it at 0."""
        bar = self.bar
        if bar is None or not shiboken6.isValid(bar):
            bar = self.bar = _Bar(self.home)
        bar.fraction = fraction
        if fraction <= 0:
            bar.hide()
            bar.setParent(self.home)
            return
        window = _front_window(self.home)
        if bar.parentWidget() is not window:
            bar.setParent(window)
        bar.setGeometry(0, window.height() - BAR_HEIGHT, window.width(), BAR_HEIGHT)
        bar.raise_()
        bar.show()
        bar.update()


class _Bar(QWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(0, 0, int(self.width() * self.fraction), self.height(), BAR_COLOUR)
        painter.end()


def _front_window(home: QWidget) -> QWidget:
    """The window the keys were pressed in: a modal dialog, the active window, or home."""
    for window in (QApplication.activeModalWidget(), QApplication.activeWindow()):
        if window is not None and shiboken6.isValid(window) and window.isVisible():
            return window
    return home.window()
