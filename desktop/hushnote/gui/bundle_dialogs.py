"""Export and import encrypted bundles, and show this vault's own age key."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Scope
from hushnote.gui.accessibility import describe, describe_buttons, release_tab
from hushnote.gui.passphrase_page import passphrase_field

__all__ = ["ExportDialog", "IdentityDialog", "describe_scope"]


def describe_scope(scope: Scope) -> str:
    return {
        "vault": QGuiApplication.translate("bundles", "The whole vault (not the trash)"),
        "notebook": QGuiApplication.translate("bundles", "The notebook “%1”"),
        "tag": QGuiApplication.translate("bundles", "Notes tagged “%1”"),
        "list": QGuiApplication.translate("bundles", "The list “%1” and its contacts"),
        "notes": QGuiApplication.translate("bundles", "The chosen note"),
    }[scope.kind].replace("%1", scope.value or "")


class ExportDialog(QDialog):
    """Who may open the bundle; the caller then asks where to save it."""

    def __init__(self, scope: Scope, own_recipient: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a bundle"))
        self.scope = scope
        self.own_recipient = own_recipient
        what = QLabel(describe_scope(scope))
        what.setAccessibleName(self.tr("What is exported"))
        self.to_keys = QRadioButton(self.tr("For colleagues' &keys (age1…)"))
        describe(
            self.to_keys,
            self.tr("For colleagues' keys"),
            self.tr("Only the holders of the keys listed below can open the bundle."),
        )
        self.to_keys.setChecked(True)
        self.keys = QPlainTextEdit()
        release_tab(self.keys)
        describe(
            self.keys,
            self.tr("Colleagues' public keys, one per line"),
            self.tr("Each starts with age1; a colleague gets theirs from Bundles, My bundle key."),
        )
        self.keys.setPlaceholderText("age1…")
        self.keys.setMaximumHeight(90)
        self.include_self = QCheckBox(self.tr("Also this vault's own key"))
        describe(
            self.include_self,
            self.tr("Also this vault's own key"),
            self.tr("Lets this same vault open it again; a new vault cannot."),
        )
        self.include_self.setChecked(True)
        self.with_passphrase = QRadioButton(self.tr("With a &passphrase"))
        describe(
            self.with_passphrase,
            self.tr("With a passphrase"),
            self.tr("Anyone with the passphrase can open the bundle; send it another way."),
        )
        self.passphrase = passphrase_field(
            self.tr("Bundle passphrase"), self.tr("The passphrase that will open the bundle.")
        )
        self.repeat = passphrase_field(
            self.tr("Repeat the bundle passphrase"), self.tr("Type the bundle passphrase again.")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        note = QLabel(self.tr(
            "The bundle opens with Hushnote or with the standard age tool "
            "(age -d). Nothing unencrypted is written to disk."))  # fmt: skip
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        describe_buttons(buttons)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Export:"), what)
        form.addRow(self.to_keys)
        form.addRow(self.keys)
        form.addRow(self.include_self)
        form.addRow(self.with_passphrase)
        form.addRow(self.tr("Pass&phrase:"), self.passphrase)
        form.addRow(self.tr("&Repeat:"), self.repeat)
        form.addRow(note)
        form.addRow(self.status)
        form.addRow(buttons)
        self.to_keys.toggled.connect(self._update)
        self._update()

    def _update(self) -> None:
        keys = self.to_keys.isChecked()
        self.keys.setEnabled(keys)
        self.include_self.setEnabled(keys)
        self.passphrase.setEnabled(not keys)
        self.repeat.setEnabled(not keys)

    def recipients(self) -> list[str] | None:
        if not self.to_keys.isChecked():
            return None
        keys = [line.strip() for line in self.keys.toPlainText().splitlines() if line.strip()]
        if self.include_self.isChecked():
            keys.append(self.own_recipient)
        return keys

    def chosen_passphrase(self) -> str | None:
        return None if self.to_keys.isChecked() else self.passphrase.text()

    def _check(self) -> None:
        if self.to_keys.isChecked() and not self.recipients():
            self.status.setText(self.tr("Add at least one key, or include this vault's own."))
        elif not self.to_keys.isChecked() and not self.passphrase.text():
            self.status.setText(self.tr("Enter a passphrase for the bundle."))
        elif not self.to_keys.isChecked() and self.passphrase.text() != self.repeat.text():
            self.status.setText(self.tr("The two passphrases do not match."))
        else:
            self.accept()

    def wipe(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()


class IdentityDialog(QDialog):
    """This vault's public age key, to give to colleagues, with a copy button."""

    def __init__(self, recipient: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("My bundle key"))
        explanation = QLabel(self.tr(
            "Colleagues export bundles to this public key; only this vault can open them. "
            "It is safe to share."))  # fmt: skip
        explanation.setWordWrap(True)
        self.key = QLineEdit(recipient)
        self.key.setReadOnly(True)
        describe(
            self.key,
            self.tr("This vault's public key"),
            self.tr("Safe to share: colleagues export bundles to it."),
        )
        self.key.setMinimumWidth(480)
        copy = QPushButton(self.tr("&Copy"))
        describe(
            copy, self.tr("Copy the public key"), self.tr("Puts the public key on the clipboard.")
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(recipient))
        row = QHBoxLayout()
        row.addWidget(self.key, 1)
        row.addWidget(copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(buttons)
