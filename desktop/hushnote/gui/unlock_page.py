"""The unlock screen: one passphrase field; Argon2id runs in the background.

Anyone at the computer sees this screen, so under camouflage it asks for a "password" and
names no vault (``app_identity.wording``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLayout, QPushButton, QWidget

from hushnote.core import Vault
from hushnote.gui.accessibility import describe
from hushnote.gui.app_identity import app_name, wording
from hushnote.gui.form_column import centred_column, heading
from hushnote.gui.passphrase_page import PassphrasePage, passphrase_field

__all__ = ["UnlockPage"]


class UnlockPage(PassphrasePage):
    """Ask for the passphrase and unlock the vault at ``root``."""

    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self._root = root
        self.title = heading(self._title())
        self.passphrase = passphrase_field("")
        self.passphrase.returnPressed.connect(self.begin_unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.clicked.connect(self.begin_unlock)
        self._word()
        self.controls = [self.passphrase, self.unlock_button]
        self.setFocusProxy(self.passphrase)
        column: list[QWidget | QLayout] = [
            self.title,
            self.passphrase,
            self.unlock_button,
            self.busy,
            self.status,
        ]
        centred_column(self, column)

    def begin_unlock(self) -> None:
        passphrase, root = self.passphrase.text(), self._root
        # The field must not keep the passphrase while Argon2id runs.
        self.passphrase.clear()
        self.run_vault_call(lambda: Vault.unlock(root, passphrase), self.tr("Unlocking…"))

    def _title(self) -> str:
        return self.tr("{app} is locked").format(app=app_name())

    def _word(self) -> None:
        """The words that depend on camouflage, which may change while unlocked."""
        self.title.setText(self._title())
        name = wording(self.tr("Passphrase"), self.tr("Password"))
        describe(
            self.passphrase,
            name,
            wording(
                self.tr("The passphrase that opens this vault. Enter unlocks."),
                self.tr("The password that opens your notes. Enter unlocks."),
            ),
        )
        self.passphrase.setPlaceholderText(name)
        describe(
            self.unlock_button,
            self.tr("Unlock"),
            wording(
                self.tr("Open the vault with this passphrase."),
                self.tr("Open with this password."),
            ),
        )

    def reset(self) -> None:
        self._word()  # camouflage may have changed meanwhile
        self.passphrase.clear()
        self.status.clear()
        self.passphrase.setFocus()
