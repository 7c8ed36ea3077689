"""Set or remove the duress passphrase, and write the notes its decoy will hold."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from hushnote.core import DECOY_CAPACITY, decoy_size, parse_decoy_text
from hushnote.gui.accessibility import describe, describe_buttons, release_tab
from hushnote.gui.app_identity import app_name
from hushnote.gui.passphrase_page import passphrase_field

__all__ = ["DuressDialog"]


class DuressDialog(QDialog):
    """``result()`` is Accepted to set, and ``removing`` says the user chose Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Duress passphrase"))
        self.removing = False
        self.decoy_bytes = 0  # bytes the decoy notes take, of DECOY_CAPACITY
        explanation = QLabel(self.tr(
            "If someone forces you to unlock, type the duress passphrase instead. {app} "
            "will look as if it unlocked, show only the harmless notes below, and destroy "
            "everything else. Nothing on this computer shows that a duress passphrase is "
            "set. Setting one replaces any earlier one.").format(app=app_name()))  # fmt: skip
        explanation.setWordWrap(True)
        self.passphrase = passphrase_field(
            self.tr("Duress passphrase"),
            self.tr("Typed at the unlock screen, it destroys the vault and opens the decoy."),
        )
        self.repeat = passphrase_field(
            self.tr("Repeat the duress passphrase"), self.tr("Type the duress passphrase again.")
        )
        self.decoy = QPlainTextEdit()
        release_tab(self.decoy)
        describe(
            self.decoy,
            self.tr("Decoy notes"),
            self.tr("Harmless notes the decoy vault shows; separate notes with a line of ---."),
        )
        self.decoy.setPlaceholderText(self.tr(
            "Shopping list\nmilk, bread\n---\nBook club\nChapter 4 on Thursday"))  # fmt: skip
        self.decoy.textChanged.connect(self._measure)
        self.room = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        set_button = QPushButton(self.tr("&Set duress passphrase"))
        remove_button = QPushButton(self.tr("&Remove any duress passphrase"))
        buttons.addButton(set_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        describe(
            set_button,
            self.tr("Set duress passphrase"),
            self.tr("Save this duress passphrase and these decoy notes."),
        )
        describe(
            remove_button,
            self.tr("Remove any duress passphrase"),
            self.tr("After this, only the real passphrase opens the vault."),
        )
        describe_buttons(buttons)
        set_button.clicked.connect(self._check)
        remove_button.clicked.connect(self._remove)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(self.tr("&Duress passphrase:"), self.passphrase)
        form.addRow(self.tr("R&epeat:"), self.repeat)
        form.addRow(self.tr("Decoy &notes:"), self.decoy)
        form.addRow("", self.room)
        form.addRow(self.status)
        form.addRow(buttons)
        self._measure()

    def notes(self) -> list[tuple[str, str]]:
        return parse_decoy_text(self.decoy.toPlainText())

    def _measure(self) -> None:
        self.decoy_bytes = decoy_size(self.notes())
        used = min(100, self.decoy_bytes * 100 // DECOY_CAPACITY)
        self.room.setText(self.tr("%1% of the room for decoy notes used").replace("%1", str(used)))

    def _check(self) -> None:
        if not self.passphrase.text():
            self.status.setText(self.tr("Enter a duress passphrase."))
        elif self.passphrase.text() != self.repeat.text():
            self.status.setText(self.tr("The two passphrases do not match."))
        elif self.decoy_bytes > DECOY_CAPACITY:
            self.status.setText(self.tr("The decoy notes are too long; shorten them."))
        else:
            self.accept()

    def _remove(self) -> None:
        self.removing = True
        self.accept()

    def refused(self, sentence: str) -> None:
        """The core said no: say why, and keep everything typed for another try."""
        self.removing = False
        self.status.setText(sentence)
        self.passphrase.setFocus()

    def wipe(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()
        self.decoy.clear()
