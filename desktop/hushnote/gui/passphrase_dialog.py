"""Change the passphrase: the current one first, then the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from hushnote.gui.accessibility import describe_buttons
from hushnote.gui.passphrase_page import passphrase_field
from hushnote.gui.strength_meter import StrengthMeter

__all__ = ["ChangePassphraseDialog"]


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        buttons = QDialogButtonBox(
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
        else:
            self.accept()

    def wipe(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.clear()
