"""Import encrypted bundles, and show this vault's own age key (export: export_dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import key_fingerprint
from hushnote.gui.accessibility import describe, describe_buttons
from hushnote.gui.passphrase_page import passphrase_field

__all__ = ["IdentityDialog", "ask_bundle_passphrase"]


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
        self.fingerprint = QLabel(
            self.tr("Fingerprint: %1").replace("%1", key_fingerprint(recipient))
        )
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(
            self.fingerprint,
            self.tr("Key fingerprint"),
            self.tr("Read it to a colleague who adds your key: their screen shows the same."),
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.fingerprint)
        layout.addWidget(buttons)


def ask_bundle_passphrase(parent: QWidget | None) -> str | None:
    """Ask for a bundle's passphrase (a masked field); None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QGuiApplication.translate("bundles", "Bundle passphrase"))
    field = passphrase_field(
        QGuiApplication.translate("bundles", "Bundle passphrase"),
        QGuiApplication.translate("bundles", "The passphrase the sender chose for this bundle."),
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
    describe_buttons(buttons)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QFormLayout(dialog)
    layout.addRow(QLabel(QGuiApplication.translate(
        "bundles", "This bundle is not for this vault's key. If it has a passphrase, "
        "enter it:")))  # fmt: skip
    layout.addRow(field)
    layout.addRow(buttons)
    text = field.text() if dialog.exec() else None
    field.clear()
    return text or None
