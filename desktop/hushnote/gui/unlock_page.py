"""The unlock screen: one passphrase field; Argon2id runs in the background."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget

from hushnote.core import Vault
from hushnote.gui.form_column import centred_column, heading
from hushnote.gui.passphrase_page import PassphrasePage, passphrase_field

__all__ = ["UnlockPage"]


class UnlockPage(PassphrasePage):
    """Ask for the passphrase and unlock the vault at ``root``."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self._root = root
        title = heading(self.tr("Hushnote is locked"))
        self.passphrase = passphrase_field(self.tr("Passphrase"))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self.begin_unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.begin_unlock)
        self.controls = [self.passphrase, self.unlock_button]
        self.setFocusProxy(self.passphrase)
        centred_column(self, [title, self.passphrase, self.unlock_button, self.busy, self.status])

    def begin_unlock(self) -> None:
        passphrase, root = self.passphrase.text(), self._root
        # The field must not keep the passphrase while Argon2id runs.
        self.passphrase.clear()
        self.run_vault_call(lambda: Vault.unlock(root, passphrase), self.tr("Unlocking…"))

    def reset(self) -> None:
        self.passphrase.clear()
        self.status.clear()
        self.passphrase.setFocus()
