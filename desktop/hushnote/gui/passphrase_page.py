"""What the create and unlock screens share: a slow vault call with a busy state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QWidget

from hushnote.core import Vault
from hushnote.gui.accessibility import describe
from hushnote.gui.background import BackgroundCall
from hushnote.gui.locked_messages import locked_error_text
from hushnote.gui.passphrase_field import PassphraseField

__all__ = ["PassphraseField", "PassphrasePage", "passphrase_field"]


def passphrase_field(accessible_name: str, description: str = "") -> PassphraseField:
    """A masked field with a show/hide toggle and a Caps Lock warning (``PassphraseField``)."""
    field = PassphraseField()
    describe(
        field,
        accessible_name,
        description
        or QCoreApplication.translate("passphrase", "Hidden as you type; never read aloud."),
    )
    return field


class PassphrasePage(QWidget):
    """A page that runs one vault call at a time off the GUI thread.

    Subclasses list the ``controls`` to disable while it runs; ``opened`` carries the
    resulting unlocked ``Vault``, ``failed`` the error shown instead.
    """

    opened = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._call: BackgroundCall | None = None
        self._done: Callable[[Any], None] = self.opened.emit
        self.controls: list[QWidget] = []
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))

    def run_vault_call(self, call: Callable[[], Vault], busy_text: str) -> None:
        """Start ``call`` in the background unless one is already running."""
        self.run_call(call, busy_text, self.opened.emit)

    def run_call(
        self, call: Callable[[], object], busy_text: str, done: Callable[[Any], None]
    ) -> None:
        """Start ``call`` in the background; ``done`` gets its result, errors go to
        ``failed`` as for a vault call."""
        if self._call is not None:
            return
        self._set_busy(True, busy_text)
        self._done = done
        self._call = BackgroundCall(call, self)
        self._call.succeeded.connect(self._on_succeeded)
        self._call.failed.connect(self._on_failed)
        self._call.start()

    def _on_succeeded(self, result: object) -> None:
        self._finish()
        self._done(result)

    def _on_failed(self, error: BaseException) -> None:
        self._finish()
        self.status.setText(locked_error_text(error))
        self.setFocus()
        self.failed.emit(error)

    def _finish(self) -> None:
        if self._call is not None:
            self._call.wait()
            self._call.deleteLater()
            self._call = None
        self._set_busy(False, "")

    def _set_busy(self, busy: bool, text: str) -> None:
        for widget in self.controls:
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        self.status.setText(text)
