"""What an unlocked vault shows until the notes and contacts views exist."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from hushnote.core import Vault
from hushnote.gui.form_column import centred_column, heading

__all__ = ["VaultPage"]


class VaultPage(QWidget):
    """A summary of the open vault (counts only) and a Lock button."""

    lock_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = heading(self.tr("The vault is open"))
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Vault summary"))
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setAccessibleName(self.tr("Lock the vault"))
        self.lock_button.setToolTip(self.tr("Lock (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.setFocusProxy(self.lock_button)
        centred_column(self, [title, self.summary, self.lock_button])

    def show_vault(self, vault: Vault) -> None:
        counts = vault.counts()
        self.summary.setText(
            self.tr("Schema version %1, %2 settings.")
            .replace("%1", str(vault.schema_version()))
            .replace("%2", str(counts.get("settings", 0)))
        )

    def clear(self) -> None:
        self.summary.clear()
