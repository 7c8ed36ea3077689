"""First run: explain the passphrase, ask for it twice, and create the vault.

It shows before any unlock, so under camouflage it speaks of a "password" and of notes,
never of a vault (``app_identity.wording``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QWidget

from hushnote.app.passphrases import generate_passphrase
from hushnote.core import KdfParams, Vault, calibrate
from hushnote.errors import PassphraseError
from hushnote.gui.accessibility import describe
from hushnote.gui.app_identity import app_name, wording
from hushnote.gui.form_column import centred_column, heading
from hushnote.gui.locked_messages import locked_error_text
from hushnote.gui.passphrase_page import PassphrasePage, passphrase_field
from hushnote.gui.strength_meter import StrengthMeter

__all__ = ["CreatePage"]


class CreatePage(PassphrasePage):
    """Create a vault at ``root``; ``kdf`` overrides calibration (tests use it)."""

    def __init__(
        self, root: Path, kdf: KdfParams | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.busy.setAccessibleName(
            wording(self.tr("Creating the vault"), self.tr("Getting ready"))
        )
        self._root = root
        self._kdf = kdf
        title = heading(
            wording(self.tr("Create your vault"), self.tr("Set up {app}")).format(app=app_name())
        )
        explanation = QLabel(
            wording(
                self.tr(
                    "Your passphrase encrypts everything {app} keeps on this computer. "
                    "Nobody can recover it: if you forget it, your notes are gone."
                ),
                self.tr(
                    "Choose a password for {app}. "
                    "Nobody can recover it: if you forget it, your notes are gone."
                ),
            ).format(app=app_name())
        )
        explanation.setWordWrap(True)
        self.passphrase = passphrase_field(
            wording(self.tr("New passphrase"), self.tr("New password")),
            wording(
                self.tr("Choose a long passphrase; the meter below rates it."),
                self.tr("Choose a long password; the meter below rates it."),
            ),
        )
        self.confirmation = passphrase_field(
            wording(self.tr("Repeat the passphrase"), self.tr("Repeat the password")),
            wording(
                self.tr("Type the same passphrase again."), self.tr("Type the same password again.")
            ),
        )
        self.confirmation.returnPressed.connect(self.begin_create)
        self.meter = StrengthMeter(self.passphrase)
        self.suggest_button = QPushButton(
            wording(self.tr("&Suggest a passphrase"), self.tr("&Suggest a password"))
        )
        describe(
            self.suggest_button,
            wording(self.tr("Suggest a passphrase"), self.tr("Suggest a password")),
            self.tr("Fill both fields with six random words and show them."),
        )
        self.suggest_button.clicked.connect(self.suggest)
        self.suggestion = QLabel()
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestion.setAccessibleName(
            wording(self.tr("Suggested passphrase"), self.tr("Suggested password"))
        )
        self.create_button = QPushButton(wording(self.tr("&Create vault"), self.tr("&Start")))
        describe(
            self.create_button,
            wording(self.tr("Create vault"), self.tr("Start")),
            wording(
                self.tr("Create the encrypted vault; this takes a few seconds."),
                self.tr("Set the password and start; this takes a few seconds."),
            ),
        )
        self.create_button.clicked.connect(self.begin_create)
        self.controls = [
            self.passphrase,
            self.confirmation,
            self.create_button,
            self.suggest_button,
        ]

        form = QFormLayout()
        form.addRow(wording(self.tr("&Passphrase:"), self.tr("&Password:")), self.passphrase)
        form.addRow("", self.meter)
        form.addRow(self.tr("&Repeat:"), self.confirmation)
        self.setFocusProxy(self.passphrase)
        centred_column(
            self,
            [
                title,
                explanation,
                form,
                self.suggest_button,
                self.suggestion,
                self.create_button,
                self.busy,
                self.status,
            ],
        )

    def suggest(self) -> None:
        """Fill both fields with six random words, and show them to be written down."""
        words = generate_passphrase()
        self.passphrase.setText(words)
        self.confirmation.setText(words)
        self.suggestion.setText(
            wording(
                self.tr("Your new passphrase: %1\nWrite it down and keep it somewhere safe."),
                self.tr("Your new password: %1\nWrite it down and keep it somewhere safe."),
            ).replace("%1", words)
        )

    def begin_create(self) -> None:
        passphrase, repeated = self.passphrase.text(), self.confirmation.text()
        if not passphrase or passphrase != repeated:
            reason = "empty" if not passphrase else "mismatch"
            self.status.setText(locked_error_text(PassphraseError(reason=reason)))
            return
        self.passphrase.clear()
        self.confirmation.clear()
        self.suggestion.clear()
        root, kdf = self._root, self._kdf

        def create() -> Vault:
            return Vault.create(root, passphrase, kdf=kdf if kdf is not None else calibrate())

        self.run_vault_call(
            create,
            wording(
                self.tr("Measuring this computer and creating the vault…"),
                self.tr("Getting ready…"),
            ),
        )
