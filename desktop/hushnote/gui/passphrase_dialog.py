"""Change the passphrase: the current one first, then the new one twice.

A new passphrase below the safe level needs a second yes (``WeakPassphraseDialog``), with
one guess timed at the vault's own Argon2id parameters, off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from hushnote.app.attack_cost import attack_cost, time_one_guess
from hushnote.app.passphrases import SAFE_BITS, estimate_strength
from hushnote.core import KdfParams
from hushnote.gui.accessibility import describe_buttons
from hushnote.gui.background import BackgroundCall
from hushnote.gui.passphrase_page import passphrase_field
from hushnote.gui.strength_meter import StrengthMeter
from hushnote.gui.weak_passphrase import WeakPassphraseDialog

__all__ = ["ChangePassphraseDialog"]


class ChangePassphraseDialog(QDialog):
    """``kdf`` is the vault's Argon2id cost, which the weak-passphrase warning prices."""

    def __init__(self, parent: QWidget | None = None, *, kdf: KdfParams | None = None) -> None:
        super().__init__(parent)
        self._kdf = kdf
        self._measuring: BackgroundCall | None = None
        self._measured_text = ""
        self.setWindowTitle(self.tr("Change passphrase"))
        self.current = passphrase_field(
            self.tr("Current passphrase"), self.tr("The passphrase that opens the vault now.")
        )
        self.new = passphrase_field(
            self.tr("New passphrase"), self.tr("The passphrase to use from now on.")
        )
        self.repeat = passphrase_field(
            self.tr("Repeat the new passphrase"), self.tr("Type the new passphrase again.")
        )
        self.meter = StrengthMeter(self.new)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(buttons)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("C&urrent:"), self.current)
        form.addRow(self.tr("&New:"), self.new)
        form.addRow("", self.meter)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        form.addRow(self.status)
        form.addRow(buttons)

    def _check(self) -> None:
        if not self.new.text():
            self.status.setText(self.tr("Enter a new passphrase."))
        elif self.new.text() != self.repeat.text():
            self.status.setText(self.tr("The two new passphrases do not match."))
        elif self._kdf is not None and estimate_strength(self.new.text()).bits < SAFE_BITS:
            self._measure()
        else:
            self.accept()

    def _measure(self) -> None:
        kdf = self._kdf
        if self._measuring is not None or kdf is None:
            return
        # What is measured is what gets set: the fields wait for the answer too.
        self._measured_text = self.new.text()
        self.buttons.setEnabled(False)
        for field in (self.current, self.new, self.repeat):
            field.setEnabled(False)
        self.status.setText(self.tr("Measuring how fast this computer guesses…"))
        self._measuring = BackgroundCall(lambda: time_one_guess(kdf), self)
        # Bound methods of this dialog, so that the answer comes on the GUI thread.
        self._measuring.succeeded.connect(self._measured)
        self._measuring.failed.connect(self._not_measured)
        self._measuring.start()

    def _not_measured(self, _error: BaseException) -> None:
        self._measured(None)

    def _measured(self, seconds: float | None) -> None:
        kdf = self._kdf
        assert kdf is not None
        if self._measuring is not None:
            self._measuring.wait()
            self._measuring.deleteLater()
            self._measuring = None
        self.buttons.setEnabled(True)
        for field in (self.current, self.new, self.repeat):
            field.setEnabled(True)
        self.status.clear()
        if not self.isVisible():
            return  # cancelled (or locked) meanwhile: nothing to ask about
        if self.new.text() != self._measured_text or self.new.text() != self.repeat.text():
            self._check()  # changed meanwhile after all: check again from the start
            return
        if seconds is None:  # could not time it (memory, say): the calibration target
            seconds = 1.0
        bits = estimate_strength(self.new.text()).bits
        if WeakPassphraseDialog(attack_cost(kdf, seconds, bits), self).confirmed():
            self.accept()
        else:
            self.new.setFocus()
            self.new.selectAll()

    def wipe(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.clear()
