"""The window's shared-notebook actions: share, join, members, sync now; and the sync
status item in the status bar. Each action calls the core (``vault.spaces``) as a long
job (``MainWindow._long_work``), whose errors become the sentences of ``messages``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from hushnote.gui.app_identity import app_name
from hushnote.gui.file_dialogs import choose_folder, choose_open_path
from hushnote.gui.space_members_dialog import SpaceMembersDialog
from hushnote.gui.sync_runner import SyncRunner, SyncStatus

if TYPE_CHECKING:
    from hushnote.gui.main_window import MainWindow

__all__ = ["SpaceActions"]


class SpaceActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        session, workspace = window.session, window.workspace
        self.runner = SyncRunner(session, workspace.save_all, self)
        self.status = SyncStatus()
        window.statusBar().insertPermanentWidget(0, self.status)
        self.runner.finished.connect(self._pass_finished)
        session.locked.connect(self.status.forget)
        workspace.note_editor.saved.connect(lambda _uuid: self.runner.schedule())
        workspace.members_requested.connect(self.show_members)
        self.members_dialog: SpaceMembersDialog | None = None
        # What the wipe cannot reach, said where the wipe is.
        button = window.panic_button
        reach = self.tr(
            "A wipe destroys this device's copy and its keys. It cannot reach colleagues' "
            "copies of shared notebooks, nor a sync program's own version history "
            "(Syncthing's .stversions folder, Nextcloud's versions)."
        )
        button.setAccessibleDescription(f"{button.accessibleDescription()} {reach}")
        button.setToolTip(button.accessibleDescription())

    def _pass_finished(self, spaces: Any, reports: Any, error: str | None) -> None:
        self.status.show_state(spaces, reports, error)
        self.window.workspace.note_editor.reload_if_clean()

    def _run(self, label: str, work: Callable[[Any], Any], parent: Any = None) -> Any:
        return self.window._long_work(label, work, parent=parent)

    def share(self) -> bool:
        """Ask for a notebook (new or existing) and a folder; share it from there."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return False
        shared = vault.spaces.shared_notebooks()
        names = [name for name, _ in vault.notes.notebooks() if name not in shared]
        current = window.workspace.section
        chosen = current[1] if current[0] == "notebook" and current[1] in names else None
        name, ok = QInputDialog.getItem(
            window,
            self.tr("Share a notebook"),
            self.tr("Notebook to share (or the name of a new one):"),
            names,
            names.index(chosen) if chosen else 0,
            True,
        )
        name = " ".join(name.split())
        if not ok or not name:
            return False
        folder = choose_folder(window, self.tr("Choose the folder your sync program shares"))
        if folder is None:
            return False
        window.workspace.save_all()
        spaces = vault.spaces
        info = self._run(self.tr("Sharing…"), lambda _p: spaces.create(name, folder))
        if info is None:
            return False
        window.session.notify("all")
        window.statusBar().showMessage(
            self.tr("Shared. Invite colleagues from the notebook's Members window."), 6000
        )
        self.runner.request()
        return True

    def join(self) -> bool:
        """Ask for an invitation file and the folder it syncs through; join."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return False
        invitation = choose_open_path(
            window,
            self.tr("Open an invitation"),
            self.tr("Invitations (*.age);;All files (*)"),
        )
        if invitation is None:
            return False
        spaces = vault.spaces
        offer = self._run(self.tr("Opening…"), lambda _p: spaces.read_invitation(invitation))
        if offer is None:
            return False
        question = self.tr(
            "Join the shared notebook “%1”?\n\nThe invitation was made with the key whose "
            "fingerprint is:\n\n%2\n\nAnyone who knows your key can send you an "
            "invitation. Read these digits aloud with the person who invited you, and join "
            "only if they match what their app shows."
        )
        question = question.replace("%1", offer.name).replace("%2", offer.admin_fingerprint)
        answer = QMessageBox.question(
            window,
            app_name(),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        folder = choose_folder(window, self.tr("Choose the folder your sync program shares"))
        if folder is None:
            return False
        info = self._run(self.tr("Joining…"), lambda _p: spaces.join(invitation, folder))
        if info is None:
            return False
        window.session.notify("all")
        QMessageBox.information(
            window,
            app_name(),
            self.tr(
                "You joined the shared notebook “%1”. The invitation file holds the "
                "notebook's keys: delete it now."
            ).replace("%1", info.notebook),
        )
        self.runner.request()
        return True

    def show_members(self, notebook: str | None = None) -> SpaceMembersDialog | None:
        """The members window of ``notebook`` (or the one chosen in the sidebar)."""
        window = self.window
        notebook = notebook or window.workspace.current_shared_notebook()
        if window.vault is None:
            return None
        if notebook is None:
            window.statusBar().showMessage(
                self.tr("Choose a shared notebook in the sidebar first."), 5000
            )
            return None
        dialog = SpaceMembersDialog(
            window.session,
            notebook,
            lambda label, work: self._run(label, work, dialog),
            window,
        )
        self.members_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def sync_now(self) -> None:
        self.runner.request()
