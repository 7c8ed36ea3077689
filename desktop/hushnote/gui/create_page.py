"""First run: explain the passphrase, ask for it twice, and create the vault.

It shows before any unlock, so under camouflage it speaks of a "password" and of notes,
never of a vault (``app_identity.wording``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from hushnote.app.attack_cost import attack_cost, time_one_guess
from hushnote.app.passphrases import SAFE_BITS, estimate_strength, suggest
from hushnote.core import KdfParams, Vault, calibrate
from hushnote.errors import PassphraseError
from hushnote.gui.accessibility import USER_DATA, describe
from hushnote.gui.app_identity import app_name, wording
from hushnote.gui.form_column import centred_column, heading
from hushnote.gui.locked_messages import locked_error_text
from hushnote.gui.passphrase_page import PassphrasePage, passphrase_field
from hushnote.gui.strength_meter import StrengthMeter
from hushnote.gui.weak_passphrase import WeakPassphraseDialog

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
            wording(
                self.tr(
                    "Fill both fields with a random passphrase from the chosen list, and show it."
                ),
                self.tr(
                    "Fill both fields with a random password from the chosen list, and show it."
                ),
            ),
        )
        self.suggest_button.clicked.connect(self.suggest)
        self.kind = QComboBox()
        for text, kind in (
            (self.tr("English words"), "en"),
            (self.tr("Chinese characters (simplified)"), "zh_CN"),
            (self.tr("Chinese characters (traditional)"), "zh_TW"),
        ):
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(_interface_kind())))
        # The list's long names may shorten in the box, never the button beside it.
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind.setMinimumContentsLength(12)
        describe(
            self.kind,
            self.tr("Suggest from"),
            self.tr("Six English words or seven Chinese characters: at least 77 bits either way."),
        )
        self.suggestion = QLabel()
        self.suggestion.setObjectName(USER_DATA)
        self.suggestion.setWordWrap(True)
        self.suggestion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestion.setAccessibleName(
            wording(self.tr("Suggested passphrase"), self.tr("Suggested password"))
        )
        font = self.suggestion.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.suggestion.setFont(font)
        self.entropy = QLabel()
        self.entropy.setAccessibleName(self.tr("Strength of the suggestion"))
        self.advice = QLabel()
        self.advice.setWordWrap(True)
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
            self.kind,
        ]
        suggest_row = QHBoxLayout()
        suggest_row.addWidget(self.suggest_button)
        suggest_row.addStretch(1)
        shown_row = QHBoxLayout()
        shown_row.addWidget(self.suggestion, 1)
        shown_row.addWidget(self.entropy)

        form = QFormLayout()
        form.addRow(wording(self.tr("&Passphrase:"), self.tr("&Password:")), self.passphrase)
        form.addRow("", self.meter)
        form.addRow(self.tr("&Repeat:"), self.confirmation)
        form.addRow(self.tr("Suggest &from:"), self.kind)
        self.setFocusProxy(self.passphrase)
        centred_column(
            self,
            [
                title,
                explanation,
                form,
                suggest_row,
                shown_row,
                self.advice,
                self.create_button,
                self.busy,
                self.status,
            ],
        )

    def suggest(self) -> None:
        """Fill both fields with a random passphrase from the chosen list, and show it."""
        suggestion = suggest(self.kind.currentData())
        self.passphrase.setText(suggestion.text)
        self.confirmation.setText(suggestion.text)
        self.suggestion.setText(suggestion.text)
        self.entropy.setText(self.tr("%1 bits").replace("%1", str(int(suggestion.bits))))
        advice = self.tr(
            "Learn it by heart. Until you are sure of it, keep a written copy away from "
            "this computer, never in the same bag, and tear it up once learned. If you "
            "forget it, your notes are gone: nobody can recover them."
        )
        if suggestion.text.isascii():
            self.advice.setText(advice)
        else:  # typed through an input method, which may remember or send what it saw
            self.advice.setText(
                advice
                + "\n"
                + self.tr(
                    "Type it with an input method that keeps no history and does not look "
                    "words up online, or choose English words."
                )
            )

    def begin_create(self) -> None:
        passphrase, repeated = self.passphrase.text(), self.confirmation.text()
        if not passphrase or passphrase != repeated:
            reason = "empty" if not passphrase else "mismatch"
            self.status.setText(locked_error_text(PassphraseError(reason=reason)))
            return
        bits = estimate_strength(passphrase).bits
        if bits >= SAFE_BITS:
            self._create(passphrase, self._kdf)
            return
        # Weak: time one guess at the parameters this vault will get (calibrated here
        # first, as creating would), off the GUI thread, then ask again.
        kdf = self._kdf

        def measure() -> tuple[KdfParams, float]:
            params = kdf if kdf is not None else calibrate()
            return params, time_one_guess(params)

        def ask(result: tuple[KdfParams, float]) -> None:
            params, seconds = result
            dialog = WeakPassphraseDialog(attack_cost(params, seconds, bits), self)
            if dialog.confirmed() and self.passphrase.text() == passphrase:
                self._create(passphrase, params)
            else:
                self.passphrase.setFocus()
                self.passphrase.selectAll()

        self.run_call(measure, self.tr("Measuring how fast this computer guesses…"), ask)

    def _create(self, passphrase: str, kdf: KdfParams | None) -> None:
        self.passphrase.clear()
        self.confirmation.clear()
        self.passphrase.conceal()
        self.confirmation.conceal()
        self.suggestion.clear()
        self.entropy.clear()
        self.advice.clear()
        root = self._root

        def create() -> Vault:
            return Vault.create(root, passphrase, kdf=kdf if kdf is not None else calibrate())

        self.run_vault_call(
            create,
            wording(
                self.tr("Measuring this computer and creating the vault…"),
                self.tr("Getting ready…"),
            ),
        )


def _interface_kind() -> str:
    """The suggestion list that suits the interface language: its script for Chinese."""
    locale = QLocale()
    if locale.language() != QLocale.Language.Chinese:
        return "en"
    traditional = locale.script() == QLocale.Script.TraditionalChineseScript
    return "zh_TW" if traditional or locale.territory() == QLocale.Country.Taiwan else "zh_CN"
