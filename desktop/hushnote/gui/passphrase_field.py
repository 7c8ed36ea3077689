"""The masked passphrase field every screen uses: a show/hide toggle and a Caps Lock warning.

Caps Lock: Qt has no portable query for it, and Wayland lets no client ask (pinentry-qt
binds KWin's own key-state protocol for it; GNOME has none). So the field works it out
from the key events it receives (``caps_lock_from_key``):

- on X11 every key event carries the core ``state`` mask, which Qt passes through as
  ``nativeModifiers()``: bit 1 (``LockMask``) is Caps Lock, known from any key, Shift too;
- everywhere (Wayland, others) a letter tells it: upper case without Shift, or lower case
  with Shift, means Caps Lock is on; the Caps Lock key itself flips what is known.

The limit: the warning appears from the first key typed (or the Caps Lock key), not the
moment the field takes focus; a state changed while another program had the keyboard is
corrected by the next key. The warning sits inside the field, so every form gets it
without a row of its own, and the field's accessible description says it too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QFocusEvent,
    QGuiApplication,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton, QWidget

__all__ = ["REVEAL_KEYS", "PassphraseField", "caps_lock_from_key"]

# Ctrl+H, as KeePassXC toggles a password's visibility; unbound in a QLineEdit on Linux.
REVEAL_KEYS = "Ctrl+H"
_X11_LOCK_MASK = 0x2


def caps_lock_from_key(event: QKeyEvent, platform: str, known: bool | None) -> bool | None:
    """What ``event`` says about Caps Lock: True, False, or ``known`` when it says nothing."""
    if event.key() == Qt.Key.Key_CapsLock:
        if event.type() != QEvent.Type.KeyPress:
            return known
        if platform == "xcb":  # the state before this press, which flips it
            return not event.nativeModifiers() & _X11_LOCK_MASK
        return None if known is None else not known
    if platform == "xcb" and event.nativeModifiers():
        return bool(event.nativeModifiers() & _X11_LOCK_MASK)
    text = event.text()
    if len(text) == 1 and text.upper() != text.lower():
        shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        return text.isupper() != shifted
    return known


class _CapsLock:
    """Caps Lock is one for the whole keyboard: what any field learnt, all fields know."""

    known: bool | None = None


def _eye_icon(colour: QPalette, crossed: bool) -> QIcon:
    """An eye, crossed out while the text is hidden; drawn, so no icon theme is needed."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour.color(QPalette.ColorRole.Text), 2.5)
    painter.setPen(pen)
    outline = QPainterPath()
    outline.moveTo(3, 16)
    outline.quadTo(16, 2, 29, 16)
    outline.quadTo(16, 30, 3, 16)
    painter.drawPath(outline)
    painter.setBrush(colour.color(QPalette.ColorRole.Text))
    painter.drawEllipse(QRectF(12, 12, 8, 8))
    if crossed:
        painter.drawLine(QPointF(5, 27), QPointF(27, 5))
    painter.end()
    return QIcon(pixmap)


class PassphraseField(QLineEdit):
    """A masked field that input methods and screen readers treat as a password.

    Qt reports it with the "protected" state and gives assistive tools only one mask
    character per typed one, never the text (tests/gui/test_accessibility.py checks).
    ``reveal`` shows the text while checked (off at first; ``conceal`` turns it off);
    ``caps_warning`` shows inside the field while it has focus and Caps Lock is on.
    """

    caps_lock_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        # Sensitive input: no IME prediction or learning from what is typed here.
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self._description = ""
        self.reveal = QAction(self)
        self.reveal.setCheckable(True)
        self.reveal.setShortcut(QKeySequence(REVEAL_KEYS))
        self.reveal.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.reveal.toggled.connect(self._set_revealed)
        self.addAction(self.reveal, QLineEdit.ActionPosition.TrailingPosition)
        # The icon button Qt makes for the action: reachable by Tab, named for readers.
        self.reveal_button = self.findChildren(QToolButton)[-1]
        self.reveal_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.caps_warning = QLabel(self)
        self.caps_warning.setText(QCoreApplication.translate("passphrase", "⇪ Caps Lock is on"))
        self.caps_warning.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.caps_warning.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.caps_warning.setAccessibleName(self.caps_warning.text())
        self.caps_warning.hide()
        self._set_revealed(False)

    # -- show/hide ---------------------------------------------------------------------

    def conceal(self) -> None:
        """Hide the text again (each lock, each new screen)."""
        self.reveal.setChecked(False)

    @property
    def revealed(self) -> bool:
        return self.echoMode() == QLineEdit.EchoMode.Normal

    def _set_revealed(self, shown: bool) -> None:
        self.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        name = (
            QCoreApplication.translate("passphrase", "Hide passphrase")
            if shown
            else QCoreApplication.translate("passphrase", "Show passphrase")
        )
        self.reveal.setText(name)
        self.reveal.setToolTip(f"{name} ({QKeySequence(REVEAL_KEYS).toString()})")
        self.reveal.setIcon(_eye_icon(self.palette(), crossed=not shown))
        self.reveal_button.setAccessibleName(name)
        self.reveal_button.setAccessibleDescription(
            QCoreApplication.translate(
                "passphrase", "Shows the passphrase as plain text while on; %1 switches it."
            ).replace("%1", QKeySequence(REVEAL_KEYS).toString())
        )

    # -- Caps Lock ---------------------------------------------------------------------

    def setAccessibleDescription(self, description: str) -> None:
        self._description = description
        self._describe()

    def _describe(self) -> None:
        text = self._description
        if self.caps_lock_shown:
            text = f"{self.caps_warning.text()}. {text}"
        super().setAccessibleDescription(text)

    @property
    def caps_lock_shown(self) -> bool:
        return not self.caps_warning.isHidden()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._learn(event)
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        self._learn(event)
        super().keyReleaseEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_caps()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_caps()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_caps()

    def _learn(self, event: QKeyEvent) -> None:
        platform = QGuiApplication.platformName()
        state = caps_lock_from_key(event, platform, _CapsLock.known)
        if state != _CapsLock.known:
            _CapsLock.known = state
            self.caps_lock_changed.emit(bool(state))
        self._show_caps()

    def _show_caps(self) -> None:
        shown = bool(_CapsLock.known) and self.hasFocus()
        if shown != self.caps_lock_shown:
            self.caps_warning.setVisible(shown)
            self._place_caps()
            self._describe()

    def _place_caps(self) -> None:
        hint: QSize = self.caps_warning.sizeHint()
        right = self.reveal_button.width() + 8 if self.reveal_button.isVisible() else 4
        x = max(0, self.width() - right - hint.width() - 4)
        self.caps_warning.setGeometry(x, (self.height() - hint.height()) // 2, *hint.toTuple())
        margin = hint.width() + 8 if self.caps_lock_shown else 0
        self.setTextMargins(0, 0, margin, 0)
