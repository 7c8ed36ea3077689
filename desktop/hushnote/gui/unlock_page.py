"""The unlock screen: one passphrase field; Argon2id runs in the background.

Every sentence here shows before the unlock, so none names the app, the vault or the
wipe: the tries left are "2 tries left", nothing more. Anyone at the computer sees this
screen, so under camouflage it asks for a "password" and names no vault
(``app_identity.wording``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLayout, QPushButton, QWidget

from hushnote.core import Vault
from hushnote.gui.accessibility import describe
from hushnote.gui.app_identity import app_name, wording
from hushnote.gui.form_column import centred_column, heading
from hushnote.gui.passphrase_page import PassphrasePage, passphrase_field

__all__ = ["SHOW_TRIES_BELOW", "UnlockPage"]

# The tries left before the wipe show once fewer than this many are left.
SHOW_TRIES_BELOW = 3


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
        self.tries_left = QLabel()
        self.tries_left.setAccessibleName(self.tr("Tries left"))
        self.tries_left.setStyleSheet("QLabel { color: #b00020; font-weight: bold; }")
        self.tries_left.hide()
        # The passphrase of the attempt running now, kept only until it ends: on a
        # failure it is handed to the fresh process (hushnote.gui.relaunch).
        self._attempt: str | None = None
        self.opened.connect(self._forget_attempt)
        self._word()
        self.controls = [self.passphrase, self.unlock_button]
        self.setFocusProxy(self.passphrase)
        column: list[QWidget | QLayout] = [
            self.title,
            self.passphrase,
            self.tries_left,
            self.unlock_button,
            self.busy,
            self.status,
        ]
        centred_column(self, column)

    def begin_unlock(self) -> None:
        passphrase, root = self.passphrase.text(), self._root
        self._attempt = passphrase or None
        # The field must not keep the passphrase while Argon2id runs.
        self.passphrase.clear()
        self.run_vault_call(lambda: Vault.unlock(root, passphrase), self.tr("Unlocking…"))

    def _title(self) -> str:
        return self.tr("{app} is locked").format(app=app_name())

    def take_attempt(self) -> str | None:
        """The passphrase of the attempt that just failed, once; None after that."""
        attempt, self._attempt = self._attempt, None
        return attempt

    def _forget_attempt(self, _vault: object = None) -> None:
        self._attempt = None

    def offer_again(self, text: str) -> None:
        """Put a passphrase that failed back in the field, all selected, to fix or retype."""
        self.passphrase.setText(text)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def show_tries_left(self, remaining: int | None) -> None:
        """Show the wrong passphrases left before the wipe, once fewer than three are."""
        if remaining is None or remaining >= SHOW_TRIES_BELOW:
            self.tries_left.hide()
            return
        if remaining == 1:
            self.tries_left.setText(self.tr("1 try left"))
        else:
            self.tries_left.setText(self.tr("%1 tries left").replace("%1", str(remaining)))
        self.tries_left.show()

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
        self.passphrase.conceal()
        self._attempt = None
        self.status.clear()
        self.passphrase.setFocus()
