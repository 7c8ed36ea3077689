"""Copying out of the vault: marked secret for clipboard managers, and cleared later.

KDE's Klipper (and managers that follow it) skip entries carrying the
``x-kde-passwordManagerHint: secret`` MIME type, so copied numbers do not end up in a
clipboard history on disk. After a delay the clipboard is cleared, but only if it still
holds what Hushnote put there: something the user copied since is never touched.

That covers the app's Copy buttons and, while ``watch_copies`` is on (the vault is open),
every other copy made inside the app: Ctrl+C in a note, a context menu's Copy. Such a copy
is put back on the clipboard as plain text with the secret mark, the moment it happens.
"""

from __future__ import annotations

import hashlib
from typing import Any

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

__all__ = ["PASSWORD_MANAGER_HINT", "SecureClipboard"]

PASSWORD_MANAGER_HINT = "x-kde-passwordManagerHint"  # noqa: S105 - a MIME type, not a secret
DEFAULT_CLEAR_SECONDS = 30


class SecureClipboard(QObject):
    """Puts text on the clipboard, marked secret, and takes it off again."""

    def __init__(self, parent: Any = None, clipboard: QClipboard | None = None) -> None:
        super().__init__(parent)
        self._clipboard = clipboard or QGuiApplication.clipboard()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_if_ours)
        # A digest, not the text: nothing copied stays in this object's memory.
        self._digest: bytes | None = None
        self.clear_seconds = DEFAULT_CLEAR_SECONDS
        self._watching = False
        self._clipboard.dataChanged.connect(self._changed)

    def watch_copies(self, enabled: bool) -> None:
        """Treat every copy made while the app has focus as a copy out of the vault."""
        self._watching = enabled

    def _changed(self) -> None:
        # Another program's copy arrives while this one is not focused: never ours to mark.
        if not self._watching or QGuiApplication.focusWindow() is None:
            return
        mime = self._clipboard.mimeData()
        if mime is None or mime.hasFormat(PASSWORD_MANAGER_HINT) or not mime.text():
            return
        self.copy(mime.text())

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        mime.setData(PASSWORD_MANAGER_HINT, b"secret")
        self._clipboard.setMimeData(mime)
        self._digest = _digest(text)
        self._timer.start(max(1, self.clear_seconds) * 1000)

    def holds_ours(self) -> bool:
        return self._digest is not None and _digest(self._clipboard.text()) == self._digest

    def clear_if_ours(self) -> None:
        """Clear the clipboard if it still holds what was copied from the vault."""
        if self.holds_ours():
            self._clipboard.clear()
        self._digest = None
        self._timer.stop()


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
