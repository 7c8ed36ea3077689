"""Set or remove the duress passphrase, and write the notes its decoy will hold.

The dialog asks for the real passphrase first, as ``hushnote duress set`` does, and
warns before anything is typed: what the duress passphrase cannot reach, that it may be
illegal, and that trying it on the real vault destroys the real notes. It stays open,
with everything typed, until the core has accepted the change: its owner runs the slow
part (two Argon2id runs) off the GUI thread and answers with ``succeeded`` or
``refused``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
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
from hushnote.errors import AuthenticationError
from hushnote.gui.accessibility import describe, describe_buttons, release_tab
from hushnote.gui.app_identity import app_name
from hushnote.gui.messages import error_text
from hushnote.gui.passphrase_page import passphrase_field

__all__ = ["DuressDialog"]


class DuressDialog(QDialog):
    """``set_requested`` and ``remove_requested`` ask the owner to do it; the dialog
    closes only on ``succeeded`` (or Cancel). ``removing`` says which was asked."""

    set_requested = Signal()
    remove_requested = Signal()

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
        # Each warning its own sentence for translators; the markup is added here.
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self._warning_lines())
        heading = html.escape(self.tr("Before you set one:"))
        self.warnings = QLabel(f"<b>{heading}</b><ul>{items}</ul>")
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setWordWrap(True)
        self.real = passphrase_field(
            self.tr("Your real passphrase"),
            self.tr("The passphrase that opens this vault now, to confirm it is you."),
        )
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
        self.status.setAccessibleName(self.tr("Status"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.set_button = QPushButton(self.tr("&Set duress passphrase"))
        self.remove_button = QPushButton(self.tr("&Remove any duress passphrase"))
        buttons.addButton(self.set_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        describe(
            self.set_button,
            self.tr("Set duress passphrase"),
            self.tr("Save this duress passphrase and these decoy notes."),
        )
        describe(
            self.remove_button,
            self.tr("Remove any duress passphrase"),
            self.tr("After this, only the real passphrase opens the vault."),
        )
        describe_buttons(buttons)
        self.set_button.clicked.connect(self._check)
        self.remove_button.clicked.connect(self._remove)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(explanation)
        form.addRow(self.warnings)
        form.addRow(self.tr("Your real &passphrase:"), self.real)
        form.addRow(self.tr("&Duress passphrase:"), self.passphrase)
        form.addRow(self.tr("R&epeat:"), self.repeat)
        form.addRow(self.tr("Decoy &notes:"), self.decoy)
        form.addRow("", self.room)
        form.addRow(self.status)
        form.addRow(buttons)
        self.real.setFocus()
        self._measure()

    def _warning_lines(self) -> list[str]:
        return [
            self.tr("Never try it on this vault: typing it at the unlock screen destroys your "
                    "real notes. Rehearse on a test vault."),
            self.tr("It cannot reach a copy: if this disk was copied before, the copy still "
                    "opens with your real passphrase."),
            self.tr("Using it may be illegal where you are: it can count as lying to the "
                    "authorities or destroying evidence. Find out before you rely on it."),
        ]  # fmt: skip

    def notes(self) -> list[tuple[str, str]]:
        return parse_decoy_text(self.decoy.toPlainText())

    def _measure(self) -> None:
        self.decoy_bytes = decoy_size(self.notes())
        used = min(100, self.decoy_bytes * 100 // DECOY_CAPACITY)
        self.room.setText(self.tr("%1% of the room for decoy notes used").replace("%1", str(used)))

    def _check(self) -> None:
        if not self.real.text():
            self.status.setText(self.tr("Enter your real passphrase first."))
            self.real.setFocus()
        elif not self.passphrase.text():
            self.status.setText(self.tr("Enter a duress passphrase."))
        elif self.passphrase.text() != self.repeat.text():
            self.status.setText(self.tr("The two passphrases do not match."))
        elif self.decoy_bytes > DECOY_CAPACITY:
            self.status.setText(self.tr("The decoy notes are too long; shorten them."))
        else:
            self.removing = False
            self.status.clear()
            self.set_requested.emit()

    def _remove(self) -> None:
        if not self.real.text():
            self.status.setText(self.tr("Enter your real passphrase first."))
            self.real.setFocus()
            return
        self.removing = True
        self.status.clear()
        self.remove_requested.emit()

    def succeeded(self) -> None:
        self.accept()

    def refused(self, error: BaseException) -> None:
        """The core said no: say why, and keep what was typed for another try (all but
        a wrong real passphrase, which is asked for again)."""
        self.removing = False
        if isinstance(error, AuthenticationError):
            self.status.setText(self.tr(
                "That is not this vault's real passphrase, so nothing was changed. Type "
                "your real passphrase again."))  # fmt: skip
            self.real.clear()
            self.real.setFocus()
            return
        self.status.setText(error_text(error))
        self.passphrase.setFocus()
        self.passphrase.selectAll()

    def wipe(self) -> None:
        for field in (self.real, self.passphrase, self.repeat):
            field.clear()
        self.decoy.clear()
