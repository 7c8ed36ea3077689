"""Preferences that describe the user's data live in the vault, never in Qt settings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hushnote.app.app_config import AppConfig
from hushnote.core import HISTORY_RETENTION_CHOICES, MAX_WIPE_AFTER, MIN_WIPE_AFTER, Vault
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import describe, describe_buttons
from hushnote.gui.auto_lock import DEFAULT_MINUTES
from hushnote.gui.history_panel import confirm_erase
from hushnote.gui.history_words import retention_text, shortens
from hushnote.gui.i18n import language_names
from hushnote.gui.messages import error_text
from hushnote.gui.secure_clipboard import DEFAULT_CLEAR_SECONDS

__all__ = ["SettingsDialog", "VaultPreferences"]

AUTO_LOCK_KEY = "auto_lock_minutes"
CLIPBOARD_KEY = "clipboard_clear_seconds"
LAST_NOTE_KEY = "last_note"


class VaultPreferences:
    """Typed access to the GUI's preferences inside one unlocked vault."""

    def __init__(self, vault: Vault) -> None:
        self._settings = vault.settings
        self._vault = vault

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
    def history_retention(self) -> str:
        """How long the vault keeps note history (the core's setting and codes)."""
        return self._vault.history.retention

    def set_history_retention(self, choice: str) -> int:
        """Keep note history for ``choice``; return how many versions that deleted now."""
        return self._vault.history.set_retention(choice)

    def delete_all_history(self) -> int:
        """Erase every earlier version of every note; return how many there were."""
        return self._vault.history.purge_all()

    @property
    def last_note(self) -> str | None:
        return self._settings.get(LAST_NOTE_KEY)

    def remember_note(self, uuid: str | None) -> None:
        if uuid:
            self._settings.set(LAST_NOTE_KEY, uuid)


class SettingsDialog(QDialog):
    """Vault preferences, plus the two app-wide ones kept outside the vault.

    ``wipe_limit()`` is None for never; ``app_config()`` is what to save in ``app.json``.
    ``history_deleted`` fires as soon as "Delete all history" has run, so that the
    window behind stops showing what it deleted.
    """

    history_deleted = Signal()

    def wipe_limit(self) -> int | None:
        value = self.wipe_after.value()
        return None if value < MIN_WIPE_AFTER else value

    def _show_tries_left(self) -> None:
        limit = self.wipe_limit()
        if limit is None:
            self.tries_left.setText(self.tr("Off: wrong passphrases are not counted."))
        elif limit == self._limit and self._tries_left is not None:
            self.tries_left.setText(
                self.tr("Tries left now: %1").replace("%1", str(self._tries_left))
            )
        else:
            self.tries_left.setText(self.tr("Tries left once saved: %1").replace("%1", str(limit)))

    def history_retention(self) -> str:
        """The retention chosen (one of the core's codes)."""
        return str(self.history.currentData())

    def accept(self) -> None:
        """Keeping history for less deletes some now: that needs a yes (default No)."""
        chosen = self.history_retention()
        if shortens(self._retention, chosen) and not self._confirm_shorter(chosen):
            return
        super().accept()

    def _confirm_shorter(self, chosen: str) -> bool:
        if chosen == "off":
            text = self.tr(
                "Turn note history off?\n\nEvery earlier version of every note is deleted "
                "now, for good. This cannot be undone."
            )
        else:
            text = self.tr(
                "Keep note history for %1 only?\n\nEarlier versions older than that are "
                "deleted now, for good. This cannot be undone."
            ).replace("%1", retention_text(chosen))
        return confirm_erase(
            self, self.tr("Keep note history"), text, self.tr("Delete older history")
        )

    def _delete_all_history(self) -> None:
        if not confirm_erase(
            self,
            self.tr("Delete all history"),
            self.tr(
                "Delete every earlier version of every note, for good?\n\nThe notes stay as "
                "they are now. This cannot be undone."
            ),
            self.tr("Delete all history"),
        ):
            return
        try:
            removed = self._preferences.delete_all_history()
        except HushnoteError as error:
            self.history_status.setText(error_text(error))
            return
        self.history_deleted.emit()
        self.history_status.setText(self.tr("%n earlier version(s) deleted for good.", "", removed))

    def app_config(self) -> AppConfig:
        return AppConfig(
            language=self.language.currentData(), camouflage=self.camouflage.isChecked()
        )

    def __init__(
        self,
        preferences: VaultPreferences,
        guard_limit: int | None = None,
        parent: QWidget | None = None,
        app_config: AppConfig | None = None,
        *,
        tries_left: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._preferences = preferences
        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.auto_lock.setValue(preferences.auto_lock_minutes)
        describe(
            self.auto_lock,
            self.tr("Lock after this many idle minutes"),
            self.tr("Zero means never; sleep and screen lock always lock."),
        )
        self.clipboard = QSpinBox()
        self.clipboard.setRange(5, 600)
        self.clipboard.setSuffix(self.tr(" s"))
        self.clipboard.setValue(preferences.clipboard_seconds)
        describe(
            self.clipboard,
            self.tr("Clear copied text after this many seconds"),
            self.tr("Anything copied from the vault is removed from the clipboard then."),
        )
        self.wipe_after = QSpinBox()
        self.wipe_after.setRange(MIN_WIPE_AFTER - 1, MAX_WIPE_AFTER)
        self.wipe_after.setSpecialValueText(self.tr("never"))
        self.wipe_after.setSuffix(self.tr(" wrong passphrases"))
        self.wipe_after.setValue(guard_limit or MIN_WIPE_AFTER - 1)
        describe(
            self.wipe_after,
            self.tr("Wipe after this many wrong passphrases in a row"),
            self.tr("Counted on this computer only: it does not stop someone who copied the disk."),
        )
        self.wipe_after.setToolTip(
            self.tr("Counted on this computer only: it does not stop someone who copied the disk.")
        )
        # What is left now, from the count kept outside the vault; a new limit starts a
        # fresh count when saved.
        self._limit = guard_limit
        self._tries_left = tries_left
        self.tries_left = QLabel()
        self.tries_left.setWordWrap(True)
        self.tries_left.setAccessibleName(self.tr("Wrong passphrases left before the wipe"))
        self.wipe_after.valueChanged.connect(self._show_tries_left)
        self._show_tries_left()
        self._retention = preferences.history_retention
        self.history = QComboBox()
        for choice in HISTORY_RETENTION_CHOICES:
            self.history.addItem(retention_text(choice), choice)
        self.history.setCurrentIndex(max(0, self.history.findData(self._retention)))
        describe(
            self.history,
            self.tr("Keep note history"),
            self.tr(
                "How long earlier versions of notes are kept in the vault. A shorter time "
                "deletes older versions when you press OK."
            ),
        )
        self.delete_history = QPushButton(self.tr("Delete all &history…"))
        describe(
            self.delete_history,
            self.tr("Delete all history"),
            self.tr("Erase every earlier version of every note now; the notes stay."),
        )
        self.delete_history.clicked.connect(self._delete_all_history)
        self.history_status = QLabel()
        self.history_status.setWordWrap(True)
        self.history_status.setAccessibleName(self.tr("Note history status"))
        history_row = QHBoxLayout()
        history_row.addWidget(self.history, 1)
        history_row.addWidget(self.delete_history)
        app_config = app_config or AppConfig()
        self.language = QComboBox()
        self.language.addItem(self.tr("Same as the system"), None)
        for code, name in language_names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(app_config.language)))
        describe(
            self.language,
            self.tr("Interface language"),
            self.tr("Takes effect the next time it starts."),
        )
        self.camouflage = QCheckBox(self.tr("Use a neutral name and icon"))
        self.camouflage.setChecked(app_config.camouflage)
        describe(
            self.camouflage,
            self.tr("Camouflage"),
            self.tr(
                "Shows a neutral name and icon in window titles, the task bar and the launcher."
            ),
        )
        self.camouflage.setToolTip(
            self.tr(
                "Hides the name from a glance, not from a search of the disk: the installed "
                "program and the vault folder keep their names."
            )
        )
        outside = QLabel(
            self.tr(
                "Language and camouflage are kept outside the vault, because they are needed "
                "before it is unlocked. The language changes at the next start."
            )
        )
        outside.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Lock when idle for:"), self.auto_lock)
        form.addRow(self.tr("&Clear the clipboard after:"), self.clipboard)
        form.addRow(self.tr("&Wipe the vault after:"), self.wipe_after)
        form.addRow("", self.tries_left)
        history_label = QLabel(self.tr("Keep note hi&story:"))
        history_label.setBuddy(self.history)
        form.addRow(history_label, history_row)
        form.addRow("", self.history_status)
        form.addRow(self.tr("Lan&guage:"), self.language)
        form.addRow(self.tr("Ca&mouflage:"), self.camouflage)
        form.addRow(outside)
        form.addRow(buttons)
