"""The one main window: create, unlock, or the open vault; menus, shortcuts and locking.

Locking (Ctrl+L, idle, screen lock, suspend, closing the window) saves what is being
edited, empties every model, editor, undo stack and search field, closes the vault and
shows the unlock screen. Then a process that ever held a vault's plaintext ends: it
replaces itself with a fresh one on the unlock screen (``hushnote.gui.relaunch``), as it
does after a failed unlock, since a mistyped passphrase is nearly the real one. Closing the
window and the panic wipe quit instead. The window title is only the app's name (a neutral
one under camouflage).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from hushnote.app.app_config import AppConfig, load_config, save_config
from hushnote.app.launcher import apply_launcher_camouflage
from hushnote.core import (
    ImportReport,
    KdfParams,
    Progress,
    Scope,
    SkippedRecord,
    UnlockGuard,
    Vault,
    VaultPaths,
    Wipe,
    read_contact_file,
    write_contact_file,
)
from hushnote.errors import (
    AuthenticationError,
    CancelledError,
    HushnoteError,
    PassphraseError,
    WipeIncompleteError,
)
from hushnote.gui.app_identity import (
    NEUTRAL_ICON_NAME,
    app_name,
    apply_identity,
    neutral_name,
    shipped_desktop_entry,
)
from hushnote.gui.auto_lock import AutoLock
from hushnote.gui.bundle_dialogs import ExportDialog, IdentityDialog
from hushnote.gui.create_page import CreatePage
from hushnote.gui.duress_dialog import DuressDialog
from hushnote.gui.file_dialogs import choose_open_path, choose_save_path, in_flatpak
from hushnote.gui.hold_button import HoldButton
from hushnote.gui.import_dialog import run_bundle_import
from hushnote.gui.messages import error_text
from hushnote.gui.panic_key import PANIC_KEYS, PanicKey
from hushnote.gui.passphrase_dialog import ChangePassphraseDialog
from hushnote.gui.relaunch import Relaunch, error_for_code, exec_relaunch, threads_still_writing
from hushnote.gui.search_dialog import SearchDialog
from hushnote.gui.secure_clipboard import SecureClipboard
from hushnote.gui.session import VaultSession
from hushnote.gui.session_watch import SessionWatch
from hushnote.gui.settings_dialog import SettingsDialog, VaultPreferences
from hushnote.gui.shortcuts_dialog import ShortcutsDialog
from hushnote.gui.unlock_page import UnlockPage
from hushnote.gui.workspace_page import Workspace

__all__ = ["MainWindow"]

# How often a pending relaunch looks again whether a writing thread has finished, and
# how long it waits at most: past that the overwrite is cut short (the keys are already
# gone), rather than leave plaintext in memory or the unlock screen disabled for good.
RELAUNCH_RETRY_MS = 100
RELAUNCH_WAIT_SECONDS = 30.0

T = TypeVar("T")


class MainWindow(QMainWindow):
    """Holds at most one unlocked ``Vault``.

    ``relaunch`` replaces the process with a fresh one and returns only if it could not;
    the window then stays, locked in place. ``unlock_error`` is the error code a previous
    process ended on, shown on the unlock screen.
    """

    def __init__(
        self,
        root: Path,
        *,
        kdf: KdfParams | None = None,
        auto_lock: AutoLock | None = None,
        on_wiped: Callable[[], None] | None = None,
        relaunch: Callable[[Relaunch], None] = exec_relaunch,
        unlock_error: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.relaunch = relaunch
        # Set once a vault opened here: from then on this process holds plaintext.
        self.held_plaintext = False
        # Set by closing and by the panic wipe: the process is on its way out.
        self.ending = False
        self._relaunch_pending = False
        self._relaunch_waiting_since: float | None = None
        self._after_work: Callable[[], object] | None = None
        # Never anything from the vault: titles end up in task bars and window lists.
        self.setWindowTitle(app_name())
        self.root = root
        # The open vault, if any: every view reads it from here and keeps no copy.
        self.session = VaultSession(self)
        self.clipboard = SecureClipboard(self)
        self.pages = QStackedWidget()
        self.create_page = CreatePage(root, kdf)
        self.unlock_page = UnlockPage(root)
        self.workspace = Workspace(self.session, self.clipboard)
        for page in (self.create_page, self.unlock_page, self.workspace):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.search_dialog = SearchDialog(self.session, self)
        self.search_dialog.opened.connect(self._open_result)
        self.create_page.opened.connect(self._open)
        self.unlock_page.opened.connect(self._open)
        self.unlock_page.failed.connect(self._unlock_failed)
        self.workspace.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.workspace.export_requested.connect(self.export_bundle)

        self.auto_lock = auto_lock or AutoLock(self)
        self.auto_lock.idle.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.auto_lock)
        self.session_watch = SessionWatch(self)
        self.session_watch.lock_requested.connect(self.lock)

        # The panic wipe: always on screen (the status bar shows on every page), and on
        # an app-wide key; both need a second's hold, never a single stray press.
        self.on_wiped = on_wiped or QApplication.quit
        self.wiped_in: float | None = None
        self.panic_button = HoldButton(self.tr("Hold to wipe"))
        self.panic_button.setAccessibleName(self.tr("Panic wipe"))
        self.panic_button.setAccessibleDescription(self.tr(
            "Hold for one second to destroy the vault at once. Also: hold %1.")
            .replace("%1", PANIC_KEYS))  # fmt: skip
        self.panic_button.setToolTip(self.panic_button.accessibleDescription())
        self.panic_button.setStyleSheet("QPushButton { color: #b00020; font-weight: bold; }")
        self.panic_button.held.connect(self.panic)
        self.statusBar().addPermanentWidget(self.panic_button)
        self.panic_key = PanicKey(self)
        self.panic_key.held.connect(self.panic)
        if app is not None:
            app.installEventFilter(self.panic_key)

        self.vault_actions: list[QAction] = []
        self.all_actions: list[QAction] = []
        self._build_menus()
        self.resize(1100, 700)
        # After a failed unlock the answer stays on the unlock screen, even if too many
        # failures just wiped the vault: the fresh process looks exactly like the old one.
        error = error_for_code(unlock_error)
        first_run = not VaultPaths(root).exists() and error is None
        self._show_page(self.create_page if first_run else self.unlock_page)
        if error is not None:
            self.unlock_page.status.setText(error_text(error))

    # -- menus and shortcuts -----------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[..., object],
        keys: Sequence[str] = (),
        *,
        needs_vault: bool = True,
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work wherever the focus is
        self.all_actions.append(action)
        if needs_vault:
            self.vault_actions.append(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        vault_menu = bar.addMenu(self.tr("&Vault"))
        self._action(vault_menu, self.tr("&Lock"), self.lock, ["Ctrl+L"])
        self._action(
            vault_menu, self.tr("Change &passphrase…"), self.change_passphrase, ["Ctrl+Alt+P"]
        )
        self._action(vault_menu, self.tr("&Rotate data key…"), self.rotate_key, ["Ctrl+Alt+R"])
        self._action(vault_menu, self.tr("&Duress passphrase…"), self.edit_duress, ["Ctrl+Alt+D"])
        self._action(vault_menu, self.tr("&Settings…"), self.edit_settings, ["Ctrl+,"])
        vault_menu.addSeparator()
        self._action(vault_menu, self.tr("&Quit"), self.close, ["Ctrl+Q"], needs_vault=False)

        edit = bar.addMenu(self.tr("&Edit"))
        ws = self.workspace
        self._action(edit, self.tr("&New note"), ws.new_note, ["Ctrl+N"])
        self._action(edit, self.tr("&Today's journal entry"), ws.today, ["Ctrl+J"])
        self._action(edit, self.tr("New &contact"), ws.new_contact, ["Ctrl+Shift+N"])
        self._action(edit, self.tr("New &list…"), self.new_list, ["Ctrl+Alt+N"])
        self._action(edit, self.tr("Move note to &trash"), ws.trash_current, ["Ctrl+Delete"])
        self._action(
            edit, self.tr("&Delete contact"), ws.delete_current_contact, ["Ctrl+Shift+Delete"]
        )
        self._action(edit, self.tr("&Search…"), self.search, ["Ctrl+K", "Ctrl+F"])

        go = bar.addMenu(self.tr("&Go"))
        for number, (text, section) in enumerate(
            [
                (self.tr("&Journal"), "journal"),
                (self.tr("&Notes"), "notes"),
                (self.tr("&Contacts"), "contacts"),
                (self.tr("T&rash"), "trash"),
            ],
            start=1,
        ):
            self._action(
                go, text, lambda _=False, s=section: ws.choose_section(s), [f"Ctrl+{number}"]
            )
        self._action(go, self.tr("Sidebar"), lambda: ws.sidebar.setFocus(), ["Alt+1"])
        self._action(go, self.tr("List"), lambda: ws.list_view.setFocus(), ["Alt+2"])
        self._action(go, self.tr("Editor"), self._focus_editor, ["Alt+3"])

        bundles = bar.addMenu(self.tr("&Bundles"))
        self._action(
            bundles, self.tr("&Export a bundle…"), lambda: self.export_bundle(), ["Ctrl+Shift+E"]
        )
        self._action(bundles, self.tr("&Import a bundle…"), self.import_bundle, ["Ctrl+Shift+I"])
        self._action(bundles, self.tr("My bundle &key…"), self.show_identity, ["Ctrl+Shift+K"])

        contacts = bar.addMenu(self.tr("&Contacts"))
        self._action(contacts, self.tr("&Import contacts…"), self.import_contacts, ["Ctrl+I"])
        self._action(
            contacts, self.tr("&Export contacts (unencrypted)…"), self.export_contacts, ["Ctrl+E"]
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            ["F1", "Ctrl+?"],
            needs_vault=False,
        )
        self._set_vault_actions(False)

    def _focus_editor(self) -> None:
        editor = self.workspace.editors.currentWidget()
        if editor is not None:
            editor.setFocus()

    def _set_vault_actions(self, enabled: bool) -> None:
        for action in self.vault_actions:
            action.setEnabled(enabled)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        page.setFocus()

    # -- opening and locking -----------------------------------------------------------

    @property
    def vault(self) -> Vault | None:
        """The open vault (``session.vault``)."""
        return self.session.vault

    @property
    def _working(self) -> bool:
        return self.session.busy

    def _open(self, vault: Vault) -> None:
        self.held_plaintext = True
        preferences = VaultPreferences(vault)
        self.auto_lock.minutes = preferences.auto_lock_minutes
        self.clipboard.clear_seconds = preferences.clipboard_seconds
        self.auto_lock.arm()
        self.clipboard.watch_copies(True)
        self.session.open(vault)  # the workspace shows it
        self._set_vault_actions(True)
        self._show_page(self.workspace)
        last = preferences.last_note
        if last:
            try:
                self.workspace.open_note(last)
            except HushnoteError:
                pass  # purged since: nothing to reopen

    def lock(self) -> None:
        """Save, forget everything shown, close the vault, ask for the passphrase.

        Then, if this process ever held plaintext, start afresh (``_relaunch``). Asked while
        an export, import or key rotation runs, the lock waits for it to end. A bug while
        saving still closes the vault, then reaches the crash dialog instead of a relaunch.
        """
        if self._working:
            self._after_work = self._after_work or self.lock
            return
        vault = self.vault
        try:
            if vault is not None and not vault.is_locked:
                try:
                    VaultPreferences(vault).remember_note(self.workspace.note_editor.uuid)
                except HushnoteError:
                    pass  # locking must not depend on one more write succeeding
            self.workspace.forget()
        finally:
            self.auto_lock.disarm()
            self.clipboard.clear_if_ours()
            self.clipboard.watch_copies(False)
            self._set_vault_actions(False)
            self.session.close()  # the search dialog forgets too
            self.unlock_page.reset()
            self._show_page(self.unlock_page)
            if vault is not None:
                vault.lock()
        if self.held_plaintext:
            self._relaunch()

    def _unlock_failed(self, error: BaseException) -> None:
        # An empty field held nothing; any other attempt held a passphrase, maybe nearly
        # the right one, so it ends the process too.
        if not isinstance(error, PassphraseError):
            self._relaunch(getattr(error, "code", HushnoteError.code))

    def _relaunch(self, unlock_error: str | None = None) -> None:
        """Replace this process with a fresh one on the unlock screen.

        A thread still writing (the duress unlock's overwrite) would die mid-way at exec,
        so the relaunch waits for it, from the event loop, with the unlock screen disabled,
        for ``RELAUNCH_WAIT_SECONDS`` at most. If the relaunch returns, it failed: the
        window stays here, locked.
        """
        if self.ending:
            return
        now = time.monotonic()
        waited = now - (self._relaunch_waiting_since or now)
        if threads_still_writing() and waited < RELAUNCH_WAIT_SECONDS:
            self.unlock_page.setEnabled(False)
            if self._relaunch_waiting_since is None:
                self._relaunch_waiting_since = now
            if not self._relaunch_pending:
                self._relaunch_pending = True
                QTimer.singleShot(RELAUNCH_RETRY_MS, lambda: self._retry_relaunch(unlock_error))
            return
        self._relaunch_waiting_since = None
        if self.isMinimized():
            state = "minimized"
        else:  # the keyboard was in one of our windows (a dialog, say), or elsewhere
            state = "active" if QApplication.activeWindow() is not None else "inactive"
        request = Relaunch(
            vault=self.root,
            geometry=bytes(self.saveGeometry().data()),
            state=state,
            unlock_error=unlock_error,
        )
        # Unsent X requests (the clipboard's clearing) die with the connection at exec;
        # the X server then drops every selection this client owned, so the clipboard
        # no longer holds vault text either way.
        self.relaunch(request)
        self.unlock_page.setEnabled(True)
        self.unlock_page.setFocus()

    def _retry_relaunch(self, unlock_error: str | None) -> None:
        self._relaunch_pending = False
        if self.vault is not None:  # unlocked again meanwhile: the next lock relaunches
            self._relaunch_waiting_since = None
            self.unlock_page.setEnabled(True)
            return
        self._relaunch(unlock_error)

    def panic(self) -> None:
        """Destroy the vault now: keys first, then files; close everything; quit."""
        self.ending = True
        start = time.perf_counter()
        job = Wipe(self.root, overwrite=True, leave_no_trace=True)
        job.destroy()
        # The keys are gone; next, nothing stays on screen or in the clipboard.
        self.clipboard.clear_if_ours()
        for widget in QApplication.topLevelWidgets():
            widget.hide()
        self.wiped_in = time.perf_counter() - start
        # A long job still running is interrupted and waited for (Argon2id cannot be
        # interrupted: up to its one run), so that it writes nothing (no -wal file
        # reborn, no contact file finished) while the overwrite runs.
        self.session.stop_job()
        vault = self.session.close()  # from here no view can save: nothing more is written
        if vault is not None:
            vault.abandon()  # no checkpoint either
        self.workspace.forget()
        self.auto_lock.disarm()
        # The overwrite takes seconds for a big vault; the process waits for it at exit.
        threading.Thread(target=job.finish, name="overwrite", daemon=False).start()
        if not job.report.keys_destroyed:
            # Read-only media, say: the user must not walk away believing it is gone.
            error = WipeIncompleteError(keys="intact")
            QMessageBox.critical(None, app_name(), error_text(error))
        self.on_wiped()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Lock and quit: no fresh process follows. Running work is let finish first."""
        if self._working:
            event.ignore()
            self._after_work = self.close
            return
        self.ending = True
        self.lock()
        super().closeEvent(event)

    # -- actions ---------------------------------------------------------------------

    def search(self) -> None:
        if self.vault is not None:
            self.search_dialog.start()

    def _open_result(self, kind: str, uuid: str) -> None:
        if kind == "note":
            self.workspace.choose_section("notes")
            self.workspace.open_note(uuid)
        else:
            self.workspace.open_contact(uuid)

    def new_list(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New list"), self.tr("Name of the list:"))
        if ok and name.strip():
            try:
                self.workspace.new_list(name)
            except HushnoteError as error:
                QMessageBox.warning(self, app_name(), error_text(error))

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.all_actions, self, extra=self.editor_shortcuts()).exec()

    def editor_shortcuts(self) -> list[tuple[str, str]]:
        """Shortcuts that live inside one editor rather than on a menu."""
        return [
            (self.tr("Panic wipe (hold for one second)"), PANIC_KEYS),
            (self.tr("Show or hide the Markdown preview"), "Ctrl+Shift+P"),
            (self.tr("Save the contact"), "Ctrl+S"),
            (self.tr("Move between search results"), self.tr("Up / Down")),
            (self.tr("Open a search result"), self.tr("Enter")),
        ]

    def edit_settings(self) -> None:
        if self.vault is None:
            return
        preferences = VaultPreferences(self.vault)
        guard = UnlockGuard(self.root)
        dialog = SettingsDialog(preferences, guard.limit, self, load_config())
        if dialog.exec():
            preferences.save(dialog.auto_lock.value(), dialog.clipboard.value())
            self.save_app_config(dialog.app_config())
            self.auto_lock.minutes = dialog.auto_lock.value()
            self.clipboard.clear_seconds = dialog.clipboard.value()
            if dialog.wipe_limit() != guard.limit:
                guard.set_limit(dialog.wipe_limit())

    def save_app_config(self, config: AppConfig) -> None:
        before = load_config()
        if config == before:
            return
        try:
            save_config(config)
            if config.camouflage != before.camouflage:
                self._apply_camouflage(config.camouflage)
        except HushnoteError as error:
            QMessageBox.warning(self, app_name(), error_text(error))
            return
        if config.language != before.language:
            self.statusBar().showMessage(
                self.tr("The new language is used from the next start."), 8000
            )

    def _apply_camouflage(self, enabled: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_identity(app, enabled)
        self.setWindowTitle(app_name())
        # A Flatpak cannot rewrite its exported launcher entry; only the window changes.
        if not in_flatpak():
            apply_launcher_camouflage(
                enabled,
                name=neutral_name(),
                icon=NEUTRAL_ICON_NAME,
                template=shipped_desktop_entry(),
            )

    def edit_duress(self) -> None:
        """The dialog stays open, with what was typed, until the core accepts it."""
        vault = self.vault
        if vault is None:
            return
        dialog = DuressDialog(self)
        try:
            while dialog.exec():
                try:
                    if dialog.removing:
                        vault.clear_duress()
                        self.statusBar().showMessage(
                            self.tr("No duress passphrase is set now."), 5000
                        )
                        return
                    setting = _DuressSetting(vault, dialog.passphrase.text(), dialog.notes())
                    self._long_work(
                        self.tr("Setting the duress passphrase…"),
                        setting.run,
                        self.tr("The duress passphrase is set."),
                        reraise=(HushnoteError,),
                    )
                    return
                except HushnoteError as error:
                    dialog.refused(error_text(error))
        finally:
            dialog.wipe()

    def change_passphrase(self) -> None:
        vault = self.vault
        if vault is None:
            return
        dialog = ChangePassphraseDialog(self)
        if not dialog.exec():
            dialog.wipe()
            return
        current, new = dialog.current.text(), dialog.new.text()
        dialog.wipe()

        def change(progress: object) -> None:
            if not vault.verify_passphrase(current):
                raise AuthenticationError()
            vault.change_passphrase(new)

        self._long_work(
            self.tr("Changing the passphrase…"), change, self.tr("The passphrase is changed.")
        )

    def rotate_key(self) -> None:
        vault = self.vault
        if vault is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Rotate data key"),
            self.tr(
                "Re-encrypt the whole vault under a new data key? Do this if the old key "
                "may have leaked. It can take a while for a large vault."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace.save_all()
            self._long_work(
                self.tr("Re-encrypting the vault…"),
                lambda progress: vault.rotate_key(progress),
                self.tr("The vault is re-encrypted under a new data key."),
            )

    def export_bundle(self, scope: Scope | None = None) -> None:
        vault = self.vault
        if vault is None:
            return
        scope = scope or Scope()
        dialog = ExportDialog(scope, vault.age_recipient(), self)
        if not dialog.exec():
            dialog.wipe()
            return
        recipients, passphrase = dialog.recipients(), dialog.chosen_passphrase()
        dialog.wipe()
        path = choose_save_path(
            self, self.tr("Save the bundle"), self.tr("Hushnote bundles (*.hnb)")
        )
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(".hnb")
        self.workspace.save_all()
        report = self._long_work(
            self.tr("Exporting…"),
            lambda progress: vault.export_bundle(
                path, scope=scope, recipients=recipients, passphrase=passphrase, progress=progress
            ),
        )
        if report is not None:
            counts = ", ".join(f"{count} {kind}" for kind, count in report.counts.items())
            files = "\n".join(str(f) for f in report.files)
            extra = (
                self.tr("\nHand over both files; the .key file needs the passphrase.")
                if len(report.files) > 1
                else ""
            )
            QMessageBox.information(
                self,
                app_name(),
                self.tr("Exported %1 to:\n%2%3")
                .replace("%1", counts)
                .replace("%2", files)
                .replace("%3", extra),
            )

    def import_bundle(self) -> None:
        vault = self.vault
        if vault is None:
            return
        path = choose_open_path(
            self,
            self.tr("Import a bundle"),
            self.tr("Hushnote bundles (*.hnb *.age);;All files (*)"),
        )
        if path is None:
            return
        self.workspace.save_all()
        report = run_bundle_import(self, vault, path, self._long_work)
        if report is None:
            return
        self.session.notify("all")
        lines = [
            self.tr("%1: %2 added, %3 updated, %4 skipped")
            .replace("%1", kind)
            .replace("%2", str(outcomes["added"]))
            .replace("%3", str(outcomes["updated"]))
            .replace("%4", str(outcomes["skipped"]))
            for kind, outcomes in report.outcomes.items()
        ]
        QMessageBox.information(self, app_name(), "\n".join(lines))

    def show_identity(self) -> None:
        if self.vault is not None:
            IdentityDialog(self.vault.age_recipient(), self).exec()

    def import_contacts(self) -> None:
        vault = self.vault
        if vault is None:
            return
        path = choose_open_path(
            self, self.tr("Import contacts"), self.tr("Contacts (*.vcf *.vcard *.csv)")
        )
        if path is None:
            return

        def work(progress: Progress) -> tuple[ImportReport, list[SkippedRecord]]:
            parsed = read_contact_file(path, lambda fraction: progress(fraction / 2))
            adding = vault.contacts.import_contacts(
                parsed.contacts, lambda fraction: progress(0.5 + fraction / 2)
            )
            return adding, parsed.skipped

        outcome = self._long_work(self.tr("Importing contacts…"), work)
        if outcome is not None:
            report, skipped = outcome
            self.session.notify("contacts")
            message = (
                self.tr("Imported %1 contacts. Skipped %2 already in the vault.")
                .replace("%1", str(len(report.added)))
                .replace("%2", str(len(report.duplicates)))
            )
            if skipped:  # cards or rows that could not be read: how many, and where
                lines = ", ".join(str(entry.line) for entry in skipped[:5])
                lines += "…" if len(skipped) > 5 else ""
                message += " " + self.tr(
                    "%1 entries could not be read and were left out (lines %2)."
                ).replace("%1", str(len(skipped))).replace("%2", lines)
            QMessageBox.information(self, app_name(), message)

    def export_contacts(self) -> None:
        vault = self.vault
        if vault is None:
            return
        warning = QMessageBox.warning(
            self,
            self.tr("Unencrypted export"),
            self.tr(
                "This writes every contact to a file ANYONE can read. Prefer an encrypted "
                "bundle to hand contacts over. Continue?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if warning != QMessageBox.StandardButton.Yes:
            return
        path = choose_save_path(
            self, self.tr("Export contacts"), self.tr("vCard (*.vcf);;CSV (*.csv)")
        )
        if path is None:
            return

        def work(progress: Progress) -> int:
            contacts = vault.contacts.all_contacts(lambda fraction: progress(fraction / 2))
            write_contact_file(
                path, contacts, progress=lambda fraction: progress(0.5 + fraction / 2)
            )
            return len(contacts)

        count = self._long_work(self.tr("Exporting contacts…"), work)
        if count is not None:
            self.statusBar().showMessage(self.tr("Exported %n contact(s).", "", count), 5000)

    def _long_work(
        self,
        label: str,
        work: Callable[[Progress], T],
        done_message: str | None = None,
        reraise: tuple[type[BaseException], ...] = (),
    ) -> T | None:
        """Run ``work`` behind a progress dialog; report errors calmly; return its result.

        Errors of the types in ``reraise`` go to the caller instead. A lock or close
        asked for meanwhile happens once the caller is done with the result."""
        self.auto_lock.disarm()  # the vault must not close under running work
        try:
            result = self.session.run_job(self, label, work)
        except HushnoteError as error:
            if self.ending:  # a panic stopped the job: the window is gone, ask nothing
                return None
            if isinstance(error, reraise):
                raise
            if isinstance(error, CancelledError):
                self.statusBar().showMessage(self.tr("Cancelled. Nothing was changed."), 5000)
            else:
                QMessageBox.warning(self, app_name(), error_text(error))
            return None
        finally:
            if self.ending:
                self._after_work = None
            elif self._after_work is not None:
                QTimer.singleShot(0, self._after_work)
                self._after_work = None
            elif self.vault is not None:
                self.auto_lock.arm()
        if done_message:
            self.statusBar().showMessage(done_message, 5000)
        return result


@dataclass(frozen=True)
class _DuressSetting:
    """One try at setting the duress passphrase, run behind the progress dialog."""

    vault: Vault
    passphrase: str
    notes: list[tuple[str, str]]

    def run(self, _progress: Progress) -> None:
        self.vault.set_duress(self.passphrase, self.notes)
