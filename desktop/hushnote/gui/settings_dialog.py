"""Preferences that describe the user's data live in the vault, never in Qt settings."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from hushnote.core import Vault
from hushnote.core.unlock_guard import MAX_LIMIT, MIN_LIMIT
from hushnote.gui.auto_lock import DEFAULT_MINUTES
from hushnote.gui.secure_clipboard import DEFAULT_CLEAR_SECONDS

__all__ = ["SettingsDialog", "VaultPreferences"]

AUTO_LOCK_KEY = "auto_lock_minutes"
CLIPBOARD_KEY = "clipboard_clear_seconds"
LAST_NOTE_KEY = "last_note"


class VaultPreferences:
    """Typed access to the GUI's preferences inside one unlocked vault."""

    def __init__(self, vault: Vault) -> None:
        self._settings = vault.settings

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._settings.get(key, str(default)) or default)
        except ValueError:
            return default

    @property
    def auto_lock_minutes(self) -> int:
        return self._int(AUTO_LOCK_KEY, DEFAULT_MINUTES)

    @property
    def clipboard_seconds(self) -> int:
        return self._int(CLIPBOARD_KEY, DEFAULT_CLEAR_SECONDS)

    def save(self, auto_lock_minutes: int, clipboard_seconds: int) -> None:
        self._settings.set(AUTO_LOCK_KEY, str(auto_lock_minutes))
        self._settings.set(CLIPBOARD_KEY, str(clipboard_seconds))

    @property
    def last_note(self) -> str | None:
        return self._settings.get(LAST_NOTE_KEY)

    def remember_note(self, uuid: str | None) -> None:
        if uuid:
            self._settings.set(LAST_NOTE_KEY, uuid)


class SettingsDialog(QDialog):
    """``wipe_limit()`` is None for never."""

    def wipe_limit(self) -> int | None:
        value = self.wipe_after.value()
        return None if value < MIN_LIMIT else value

    def __init__(
        self,
        preferences: VaultPreferences,
        guard_limit: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.auto_lock.setValue(preferences.auto_lock_minutes)
        self.auto_lock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.clipboard = QSpinBox()
        self.clipboard.setRange(5, 600)
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setValue(preferences.clipboard_seconds)
        self.clipboard.setAccessibleName(self.tr("Clear copied text after this many seconds"))
        self.wipe_after = QSpinBox()
        self.wipe_after.setRange(MIN_LIMIT - 1, MAX_LIMIT)
        self.wipe_after.setSpecialValueText(self.tr("never"))
        self.wipe_after.setSuffix(self.tr(" wrong passphrases"))
        self.wipe_after.setValue(guard_limit or MIN_LIMIT - 1)
        self.wipe_after.setAccessibleName(
            self.tr("Wipe after this many wrong passphrases in a row")
        )
        self.wipe_after.setToolTip(
            self.tr("Counted on this computer only: it does not stop someone who copied the disk.")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Lock when idle for:"), self.auto_lock)
        form.addRow(self.tr("&Clear the clipboard after:"), self.clipboard)
        form.addRow(self.tr("&Wipe the vault after:"), self.wipe_after)
        form.addRow(buttons)
