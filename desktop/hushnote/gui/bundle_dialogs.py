"""This vault's own age key, to show and copy (export: export_dialog, import: import_dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import key_fingerprint
from hushnote.gui.accessibility import describe, describe_buttons

__all__ = ["IdentityDialog"]


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
