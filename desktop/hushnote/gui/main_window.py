"""The one main window: create, unlock, or the open vault; menus, shortcuts and locking.

Locking (Ctrl+L, idle, screen lock, suspend, closing the window) saves what is being
edited, empties every model, editor, undo stack and search field, closes the vault and
shows the unlock screen. Then a process that ever held a vault's plaintext ends: it
replaces itself with a fresh one on the unlock screen (``hushnote.gui.relaunch``), as it
does after a failed unlock, since a mistyped passphrase is nearly the real one. Closing the
window and the panic wipe quit instead. The window title is only the app's name (a neutral
one under camouflage).

Under camouflage, while no vault is open, the window shows only what a plain notes app
would: a *File* menu with *Quit*, *Help*, and no wipe button (holding the panic keys still
wipes). Once unlocked, the menus and the button come back with their real names: whoever
sees the open workspace sees the notes anyway, and the user needs plain words for the
dangerous actions. Locking hides them again before anything else is shown.
"""

from __future__ import annotations

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QTimer
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
from hushnote.app.user_guide import TRAVEL_ANCHOR
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
from hushnote.gui.about_box import about_box
from hushnote.gui.app_identity import (
    NEUTRAL_ICON_NAME,
    app_name,
    apply_identity,
    camouflaged,
    neutral_name,
    shipped_desktop_entry,
)
from hushnote.gui.app_import_dialog import run_app_import
from hushnote.gui.attachment_strip import ATTACH_KEYS
from hushnote.gui.auto_lock import AutoLock
from hushnote.gui.bundle_dialogs import IdentityDialog
from hushnote.gui.create_page import CreatePage
from hushnote.gui.duress_dialog import DuressDialog
from hushnote.gui.export_dialog import ExportDialog, ExportSources, suggested_path
from hushnote.gui.file_dialogs import choose_open_path, choose_save_path, in_flatpak
from hushnote.gui.guide_window import GuideWindow, guide_language
from hushnote.gui.history_panel import HISTORY_KEYS
from hushnote.gui.hold_button import HoldButton
from hushnote.gui.import_dialog import run_bundle_import
from hushnote.gui.locked_messages import locked_error_text
from hushnote.gui.messages import error_text
from hushnote.gui.panic_key import PANIC_KEYS, KeyHoldBar, PanicKey
from hushnote.gui.passphrase_dialog import ChangePassphraseDialog
from hushnote.gui.pdf_actions import PdfActions
from hushnote.gui.relaunch import Relaunch, error_for_code, exec_relaunch, threads_still_writing
from hushnote.gui.search_dialog import SearchDialog
from hushnote.gui.secure_clipboard import SecureClipboard
from hushnote.gui.session import VaultSession
from hushnote.gui.session_watch import SessionWatch
from hushnote.gui.settings_dialog import SettingsDialog, VaultPreferences
from hushnote.gui.shortcuts_dialog import ShortcutsDialog
from hushnote.gui.space_actions import SpaceActions
from hushnote.gui.travel_actions import TravelActions
from hushnote.gui.unlock_page import UnlockPage
from hushnote.gui.workspace_page import Workspace

__all__ = ["MainWindow"]

# How often a pending relaunch looks again whether a writing thread has finished, and
# how long it waits at most: past that the overwrite is cut short (the keys are already
# gone), rather than leave plaintext in memory or the unlock screen disabled for good.
RELAUNCH_RETRY_MS = 100
RELAUNCH_WAIT_SECONDS = 30.0
# A wrong passphrase offered again stays this long without a key typed on the unlock
# screen; then a fresh process takes over without it, so a nearly-right passphrase does
# not sit in the memory of a laptop left alone.
RETRY_KEEP_SECONDS = 120
# Shortens it (never lengthens it): the RAM test waits for the idle relaunch.
RETRY_KEEP_VARIABLE = "HUSHNOTE_RETRY_KEEP_SECONDS"


def retry_keep_seconds() -> int:
    """``RETRY_KEEP_SECONDS``, or less if ``RETRY_KEEP_VARIABLE`` says so."""
    value = os.environ.get(RETRY_KEEP_VARIABLE, "")
    if value.isdigit() and int(value) > 0:
        return min(int(value), RETRY_KEEP_SECONDS)
    return RETRY_KEEP_SECONDS


T = TypeVar("T")


class MainWindow(QMainWindow):
    """Holds at most one unlocked ``Vault``.

    ``relaunch`` replaces the process with a fresh one and returns only if it could not;
    the window then stays, locked in place. ``unlock_error`` is the error code a previous
    process ended on, shown on the unlock screen; ``retry_passphrase`` the passphrase it
    failed with, offered again in the field (read from the relaunch pipe).
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
        retry_passphrase: str | None = None,
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
        self.workspace.send_requested.connect(self.export_bundle)
        # Where the last bundle went, for the next suggestion: in memory only, since a
        # folder name on disk would tell what was exported where.
        self._bundle_folder: Path | None = None

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
        # Holding the keys fills the button and a bar across the window in front.
        self.key_hold_bar = KeyHoldBar(self)
        self.panic_key.progressed.connect(self.panic_button.show_fill)
        self.panic_key.progressed.connect(self.key_hold_bar.follow)
        if app is not None:
            app.installEventFilter(self.panic_key)

        # Shared notebooks: their actions, the background sync and its status item.
        self.spaces = SpaceActions(self)
        # Travel mode: the start wizard, the end dialog, the optional reminder.
        self.travel = TravelActions(self)
        # Print… and Save as PDF…: a note, a notebook, a journal month.
        self.pdf = PdfActions(self)
        self.workspace.print_requested.connect(
            lambda kind, name: self.pdf.print(self.pdf.sidebar_scope(kind, name))
        )
        self.workspace.pdf_requested.connect(
            lambda kind, name: self.pdf.save(self.pdf.sidebar_scope(kind, name))
        )

        self.disguised = False  # see _disguise
        self.vault_actions: list[QAction] = []
        self.all_actions: list[QAction] = []
        # The guide names the app: under camouflage it opens only once the vault is open.
        self.guide_actions: list[QAction] = []
        self.guide_window: GuideWindow | None = None
        self._build_menus()
        self.resize(1100, 700)
        # After a failed unlock the answer stays on the unlock screen, even if too many
        # failures just wiped the vault: the fresh process looks exactly like the old one.
        error = error_for_code(unlock_error)
        first_run = not VaultPaths(root).exists() and error is None
        self._show_page(self.create_page if first_run else self.unlock_page)
        if error is not None:
            self.unlock_page.status.setText(locked_error_text(error))
        self.unlock_page.show_tries_left(UnlockGuard(root).remaining)
        # Started only when a passphrase was offered again: then this process holds one.
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(retry_keep_seconds() * 1000)
        self.retry_timer.timeout.connect(self._forget_retry)
        self.unlock_page.passphrase.textEdited.connect(self._typing_on_unlock)
        self.unlock_page.passphrase.cursorPositionChanged.connect(self._typing_on_unlock)
        if retry_passphrase and self.pages.currentWidget() is self.unlock_page:
            self._offer_retry(retry_passphrase)

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
        vault_menu = self.vault_menu = bar.addMenu(self.tr("&Vault"))
        self._action(vault_menu, self.tr("&Lock"), self.lock, ["Ctrl+L"])
        self._action(
            vault_menu, self.tr("&Change passphrase…"), self.change_passphrase, ["Ctrl+Alt+P"]
        )
        self._action(vault_menu, self.tr("&Rotate data key…"), self.rotate_key, ["Ctrl+Alt+R"])
        self._action(vault_menu, self.tr("&Duress passphrase…"), self.edit_duress, ["Ctrl+Alt+D"])
        self._action(vault_menu, self.tr("&Settings…"), self.edit_settings, ["Ctrl+,"])
        vault_menu.addSeparator()
        self._action(vault_menu, self.tr("S&hare a notebook…"), self.spaces.share, ["Ctrl+Alt+S"])
        self._action(
            vault_menu, self.tr("&Join a shared notebook…"), self.spaces.join, ["Ctrl+Alt+J"]
        )
        self._action(
            vault_menu,
            self.tr("Shared notebook &members…"),
            lambda: self.spaces.show_members(),
            ["Ctrl+Alt+M"],
        )
        self._action(
            vault_menu, self.tr("S&ync shared notebooks now"), self.spaces.sync_now, ["F5"]
        )
        vault_menu.addSeparator()
        # No shortcuts: starting travel removes content from this laptop, and deserves a
        # deliberate trip through the menu, never a stray key.
        self._action(vault_menu, self.tr("S&tart travel…"), self.travel.start)
        self._action(vault_menu, self.tr("&End travel…"), self.travel.end)
        vault_menu.addSeparator()
        self._action(vault_menu, self.tr("&Print…"), self.pdf.print_current, ["Ctrl+P"])
        # No shortcut: an unencrypted file on disk should take a trip through the menu.
        self._action(vault_menu, self.tr("Save as PD&F…"), self.pdf.save_current)
        self._action(vault_menu, self.tr("&Import from another app…"), self.import_from_app)
        vault_menu.addSeparator()
        self._action(vault_menu, self.tr("&Quit"), self.close, ["Ctrl+Q"], needs_vault=False)

        edit = bar.addMenu(self.tr("&Edit"))
        ws = self.workspace
        self._action(edit, self.tr("&New note"), ws.new_note, ["Ctrl+N"])
        self._action(edit, self.tr("&Today's journal entry"), ws.today, ["Ctrl+J"])
        self._action(edit, self.tr("New &contact"), ws.new_contact, ["Ctrl+Shift+N"])
        self._action(edit, self.tr("New &list…"), self.new_list, ["Ctrl+Alt+N"])
        self._action(edit, self.tr("Move note to t&rash"), ws.trash_current, ["Ctrl+Delete"])
        self._action(edit, self.tr("Note &history"), ws.toggle_history, [HISTORY_KEYS])
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

        # Menus with nothing to do while locked; camouflage hides them until unlock.
        self.vault_only_menus = [edit, go, bundles]
        contacts = bar.addMenu(self.tr("&Contacts"))
        self.vault_only_menus.append(contacts)
        self._action(contacts, self.tr("&Import contacts…"), self.import_contacts, ["Ctrl+I"])
        # No shortcut: a plaintext copy of every contact should take a deliberate trip
        # through the menu, never a stray Ctrl+E meant for the bundle export beside it.
        self._action(contacts, self.tr("&Export contacts (unencrypted)…"), self.export_contacts)

        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_actions = [
            self._action(
                help_menu, self.tr("&User guide"), self.show_guide, ["F1"], needs_vault=False
            ),
            self._action(
                help_menu,
                self.tr("&Travel notes: before a checkpoint"),
                lambda: self.show_guide(TRAVEL_ANCHOR),
                ["Shift+F1"],
                needs_vault=False,
            ),
        ]
        self._action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            ["Ctrl+?"],
            needs_vault=False,
        )
        self.about_action = self._action(
            help_menu, self._about_text(), self.show_about, ["Ctrl+Shift+F1"], needs_vault=False
        )
        self._set_vault_actions(False)

    def _about_text(self) -> str:
        return self.tr("&About %1").replace("%1", app_name())

    def _focus_editor(self) -> None:
        editor = self.workspace.editors.currentWidget()
        if editor is not None:
            editor.setFocus()

    def _set_vault_actions(self, enabled: bool) -> None:
        for action in self.vault_actions:
            action.setEnabled(enabled)
        for action in self.guide_actions:
            action.setEnabled(enabled or not camouflaged())
        if not enabled and camouflaged() and self.guide_window is not None:
            self.guide_window.close()
        self._disguise(not enabled and camouflaged())

    def _disguise(self, disguised: bool) -> None:
        """Under camouflage while locked: only neutral menus, no wipe button (the keys
        stay); otherwise every menu under its real name."""
        self.disguised = disguised
        self.vault_menu.setTitle(self.tr("&File") if disguised else self.tr("&Vault"))
        for action in self.vault_actions + self.guide_actions:
            action.setVisible(not disguised)
        for menu in self.vault_only_menus:
            menu.menuAction().setVisible(not disguised)
        self.panic_button.setVisible(not disguised)

    def _show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
        # Under camouflage a locked window shows no "wipe": only the held keys reach it.
        self.panic_button.setVisible(page is self.workspace or not camouflaged())
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
        self.retry_timer.stop()
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
        self.spaces.runner.stop()  # a sync pass gives way (within half a second)
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
            self.statusBar().clearMessage()  # "The passphrase is changed.", say
            self.session.close()  # the search dialog forgets too
            self.unlock_page.reset()
            self._show_page(self.unlock_page)
            if vault is not None:
                vault.lock()
        if self.held_plaintext:
            self._relaunch()

    def _unlock_failed(self, error: BaseException) -> None:
        # An empty field held nothing; any other attempt held a passphrase, maybe nearly
        # the right one, so it ends the process too, and hands the text to the fresh one
        # through a pipe, to be offered again (hushnote.gui.relaunch).
        if not isinstance(error, PassphraseError):
            attempt = self.unlock_page.take_attempt()
            self.unlock_page.show_tries_left(UnlockGuard(self.root).remaining)
            self._relaunch(getattr(error, "code", HushnoteError.code), attempt)

    def _offer_retry(self, text: str) -> None:
        self.unlock_page.offer_again(text)
        self.retry_timer.start()

    def _typing_on_unlock(self) -> None:
        if self.retry_timer.isActive():
            self.retry_timer.start()  # from now again: the user is at the keyboard

    def _forget_retry(self) -> None:
        """Idle on the unlock screen with a passphrase offered again: start afresh without."""
        # Not while an unlock attempt runs (its fields are disabled): it ends in a relaunch
        # or an open vault of its own.
        page = self.unlock_page
        if self.vault is None and page.isEnabled() and page.passphrase.isEnabled():
            self._relaunch()

    def _relaunch(self, unlock_error: str | None = None, retry: str | None = None) -> None:
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
                QTimer.singleShot(
                    RELAUNCH_RETRY_MS, lambda: self._retry_relaunch(unlock_error, retry)
                )
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
            retry_passphrase=retry,
        )
        # Unsent X requests (the clipboard's clearing) die with the connection at exec;
        # the X server then drops every selection this client owned, so the clipboard
        # no longer holds vault text either way.
        self.relaunch(request)
        self.unlock_page.setEnabled(True)
        self.unlock_page.setFocus()

    def _retry_relaunch(self, unlock_error: str | None, retry: str | None = None) -> None:
        self._relaunch_pending = False
        if self.vault is not None:  # unlocked again meanwhile: the next lock relaunches
            self._relaunch_waiting_since = None
            self.unlock_page.setEnabled(True)
            return
        self._relaunch(unlock_error, retry)

    def panic(self) -> None:
        """Destroy the vault now: keys first, then files; close everything; quit."""
        self.ending = True
        start = time.perf_counter()
        job = Wipe(self.root, overwrite=True, leave_no_trace=True)
        job.destroy()
        # The keys are gone; next, nothing stays on screen, in the clipboard, or in the
        # copies other programs opened (plaintext the keys do not protect).
        self.clipboard.clear_if_ours()
        self.session.forget_copies()
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
            QMessageBox.critical(None, app_name(), locked_error_text(error))
        self.on_wiped()

    def changeEvent(self, event: QEvent) -> None:
        # Another window or a command may have spent tries meanwhile: the count shown
        # before the next attempt is read again whenever the window comes to the front.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.pages.currentWidget() is self.unlock_page
        ):
            self.unlock_page.show_tries_left(UnlockGuard(self.root).remaining)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Lock and quit: no fresh process follows. Running work is let finish first."""
        self.spaces.runner.stop()
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
            self.workspace.reveal_note(uuid)
        else:
            self.workspace.open_contact(uuid)

    def new_list(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New list"), self.tr("Name of the list:"))
        if ok and name.strip():
            try:
                self.workspace.new_list(name)
            except HushnoteError as error:
                QMessageBox.warning(self, app_name(), error_text(error))

    def show_guide(self, anchor: str | None = None) -> None:
        """Open the user guide (at heading ``anchor``), in the interface language."""
        if not any(action.isEnabled() for action in self.guide_actions):
            return
        if self.guide_window is None:
            self.guide_window = GuideWindow(guide_language(), parent=self)
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()
        if anchor is not None:
            self.guide_window.go_to(anchor)

    def show_shortcuts(self) -> None:
        shown = [action for action in self.all_actions if action.isVisible()]
        ShortcutsDialog(shown, self, extra=self.editor_shortcuts()).exec()

    def show_about(self) -> None:
        about_box(self).exec()

    def editor_shortcuts(self) -> list[tuple[str, str]]:
        """Shortcuts that live inside one editor rather than on a menu.

        Under camouflage while locked, the panic keys are left out: the person who knows
        them needs no reminder, and anyone else should not get one."""
        if self.disguised:
            return []
        return [
            (self.tr("Panic wipe (hold for one second)"), PANIC_KEYS),
            (self.tr("Show or hide the Markdown preview"), "Ctrl+Shift+P"),
            (self.tr("Attach a file to the note"), ATTACH_KEYS),
            (self.tr("Save the contact"), "Ctrl+S"),
            (self.tr("Move between search results"), self.tr("Up / Down")),
            (self.tr("Open a search result"), self.tr("Enter")),
            (self.tr("Open the chosen note, contact or tag"), self.tr("Enter / Space")),
            (
                self.tr("Export contacts (unencrypted)"),
                self.tr("No shortcut, on purpose: the Contacts menu"),
            ),
        ]

    def edit_settings(self) -> None:
        if self.vault is None:
            return
        preferences = VaultPreferences(self.vault)
        guard = UnlockGuard(self.root)
        dialog = SettingsDialog(
            preferences, guard.limit, self, load_config(), tries_left=guard.remaining
        )
        dialog.history_deleted.connect(self.workspace.note_editor.history.refresh)
        if dialog.exec():
            preferences.save(dialog.auto_lock.value(), dialog.clipboard.value())
            self.save_app_config(dialog.app_config())
            self.auto_lock.minutes = dialog.auto_lock.value()
            self.clipboard.clear_seconds = dialog.clipboard.value()
            if dialog.wipe_limit() != guard.limit:
                guard.set_limit(dialog.wipe_limit())
            self._keep_history(preferences, dialog.history_retention())
        # "Delete all history…" may have run while the dialog was open.
        self.workspace.note_editor.history.refresh()

    def _keep_history(self, preferences: VaultPreferences, choice: str) -> None:
        """Apply the history retention chosen in the settings (confirmed there)."""
        try:
            if choice == preferences.history_retention:
                return
            removed = preferences.set_history_retention(choice)
        except HushnoteError as error:
            QMessageBox.warning(self, app_name(), error_text(error))
            return
        if removed:
            self.statusBar().showMessage(
                self.tr("%n earlier version(s) of notes deleted.", "", removed), 8000
            )

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
        self._set_vault_actions(self.vault is not None)  # the guide's, under the new name
        self.about_action.setText(self._about_text())
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
        if self.vault is None:
            return
        dialog = DuressDialog(self)
        dialog.set_requested.connect(lambda: self._change_duress(dialog))
        dialog.remove_requested.connect(lambda: self._change_duress(dialog))
        # Locked meanwhile (idle, the screen locked): nothing typed may stay on screen.
        self.session.locked.connect(dialog.reject)
        try:
            dialog.exec()
        finally:
            self.session.locked.disconnect(dialog.reject)
            dialog.wipe()
            dialog.deleteLater()

    def _change_duress(self, dialog: DuressDialog) -> None:
        """Check the real passphrase, then set or remove the duress passphrase, on a
        worker behind a progress bar (two Argon2id runs)."""
        vault = self.vault
        if vault is None:
            dialog.reject()
            return
        duress = None if dialog.removing else dialog.passphrase.text()
        change = _DuressChange(vault, dialog.real.text(), duress, dialog.notes())
        label = (
            self.tr("Removing the duress passphrase…")
            if duress is None
            else self.tr("Setting the duress passphrase…")
        )
        try:
            self._long_work(label, change.run, reraise=(HushnoteError,), parent=dialog)
        except HushnoteError as error:
            dialog.refused(error)
            return
        if self.ending:  # a panic stopped it: the window is gone
            return
        dialog.succeeded()
        done = (
            self.tr("No duress passphrase is set now.")
            if duress is None
            else self.tr("The duress passphrase is set.")
        )
        self.statusBar().showMessage(done, 5000)

    def change_passphrase(self) -> None:
        vault = self.vault
        if vault is None:
            return
        dialog = ChangePassphraseDialog(self, kdf=vault.header.params)
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

    def make_export_dialog(
        self, scope: Scope | None = None, contact: str | None = None
    ) -> ExportDialog | None:
        """The export dialog over the open vault, with ``scope`` and ``contact`` chosen."""
        vault = self.vault
        if vault is None:
            return None
        sources = ExportSources(
            notebooks=[name for name, _ in vault.notes.notebooks()],
            tags=vault.notes.tag_names(),
            lists=[group.name for group in vault.lists.all()],
            selected_notes=self.workspace.selected_notes(),
            contacts=vault.contacts.keyed(),
            own_recipient=vault.age_recipient(),
            linked_count=vault.linked_contact_count,
        )
        folder = self._bundle_folder or Path.home()
        path = suggested_path(folder, date.today(), camouflage=camouflaged())
        return ExportDialog(sources, path, scope=scope, contact=contact, parent=self)

    def export_bundle(self, scope: Scope | None = None, contact: str | None = None) -> None:
        """Ask what, to whom and where (``export_dialog``), then write the bundle."""
        vault = self.vault
        dialog = self.make_export_dialog(scope, contact)
        if vault is None or dialog is None:
            return
        self.workspace.save_all()  # the selected note is exported as it is on screen
        accepted = dialog.exec()
        request = dialog.request() if accepted else None
        dialog.wipe()
        dialog.deleteLater()
        if request is None:
            return
        recipients = request.recipients
        if request.contact is not None and recipients is not None:
            # Read again through the store: the key is checked against the contact's MAC.
            key = vault.contacts.get(request.contact).age_recipient
            if key is None:  # removed meanwhile (another window, the CLI): nothing written
                QMessageBox.warning(
                    self,
                    app_name(),
                    self.tr("That contact no longer has a key. Nothing was exported."),
                )
                return
            recipients = [key, *recipients]
        path, passphrase = request.path, request.passphrase
        self._bundle_folder = path.parent
        report = self._long_work(
            self.tr("Exporting…"),
            lambda progress: vault.export_bundle(
                path,
                scope=request.scope,
                recipients=recipients,
                passphrase=passphrase,
                progress=progress,
                include_history=request.include_history,
            ),
        )
        if report is not None:
            files = "\n".join(str(f) for f in report.files)
            extra = (
                self.tr("\nHand over both files; the .key file needs the passphrase.")
                if len(report.files) > 1
                else ""
            )
            if not report.importable:
                extra += self.tr(
                    "\nIts attached files make it larger than Hushnote can import (5 GiB); "
                    "the age tool opens it."
                )
            QMessageBox.information(
                self,
                app_name(),
                "\n".join(self._export_counts(report.counts))
                + "\n"
                + self.tr("Saved to:\n%1").replace("%1", files)
                + extra,
            )

    def _export_counts(self, counts: dict[str, int]) -> list[str]:
        """One whole sentence per kind exported, its plural chosen by the catalogue."""
        sentences: dict[str, Callable[[int], str]] = {
            "notes": lambda n: self.tr("Exported %n note(s).", "", n),
            "contacts": lambda n: self.tr("Exported %n contact(s).", "", n),
            "lists": lambda n: self.tr("Exported %n contact list(s).", "", n),
            "links": lambda n: self.tr("Exported %n link(s) between notes and contacts.", "", n),
            "attachments": lambda n: self.tr("Exported %n attached file(s).", "", n),
        }
        lines = [say(counts[kind]) for kind, say in sentences.items() if counts.get(kind)]
        return lines or [sentences["notes"](0)]

    def import_from_app(self) -> None:
        """Import another app's export (``app_import_dialog``), then refresh the lists."""
        vault = self.vault
        if vault is None:
            return
        self.workspace.save_all()
        if run_app_import(self, vault, self._long_work) is not None:
            self.session.notify("all")

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
        # Whole sentences per kind: a kind's English name inside a translated sentence
        # would stay English. The counts follow a colon, so no noun needs a plural.
        sentences = {
            "notes": self.tr("Notes: %1 new, %2 updated, %3 unchanged."),
            "contacts": self.tr("Contacts: %1 new, %2 updated, %3 unchanged."),
            "lists": self.tr("Contact lists: %1 new, %2 updated, %3 unchanged."),
            "links": self.tr("Links between notes and contacts: %1 new, %2 unchanged."),
            "attachments": self.tr("Attached files: %1 new, %2 unchanged."),
        }
        lines = []
        for kind, sentence in sentences.items():
            if kind == "attachments" and kind not in report.outcomes:
                continue  # a bundle with no files: no line about them
            outcomes = report.outcomes.get(kind, Counter())
            counts = [outcomes["added"], outcomes["updated"], outcomes["skipped"]]
            if kind in ("links", "attachments"):  # there or not: never updated
                counts = [outcomes["added"], outcomes["skipped"]]
            for number, count in enumerate(counts, start=1):
                sentence = sentence.replace(f"%{number}", str(count))
            lines.append(sentence)
        if report.keys_removed:
            lines.append(
                self.tr(
                    "%n renamed contact(s) lost their saved key: check with each person, "
                    "then enter their key again.",
                    "",
                    report.keys_removed,
                )
            )
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
        parent: QWidget | None = None,
    ) -> T | None:
        """Run ``work`` behind a progress dialog; report errors calmly; return its result.

        Errors of the types in ``reraise`` go to the caller instead. A lock or close
        asked for meanwhile happens once the caller is done with the result. The progress
        dialog stands in front of ``parent`` (a dialog still open), else this window."""
        self.auto_lock.disarm()  # the vault must not close under running work
        try:
            result = self.session.run_job(parent or self, label, work)
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
class _DuressChange:
    """One try at setting (``duress``) or removing (None) the duress passphrase, once
    the real passphrase is confirmed; run behind the progress dialog."""

    vault: Vault
    real: str
    duress: str | None
    notes: list[tuple[str, str]]

    def run(self, _progress: Progress) -> None:
        if not self.vault.verify_passphrase(self.real):
            raise AuthenticationError()
        if self.duress is None:
            self.vault.clear_duress()
        else:
            self.vault.set_duress(self.duress, self.notes)
