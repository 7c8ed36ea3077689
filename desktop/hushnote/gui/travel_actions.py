"""The window's travel-mode actions: Start travel… (the wizard), End travel… (the end
dialog), and the optional reminder in the status bar. Each calls the core's
``vault.travel`` as a long job (``MainWindow._long_work``: a progress dialog with Cancel)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMessageBox

from hushnote.core import travel_key_words
from hushnote.errors import (
    BundleDecryptionError,
    HushnoteError,
    InvalidRecordError,
    UnsavedChangesError,
)
from hushnote.gui.app_identity import app_name, camouflaged
from hushnote.gui.export_dialog import suggested_path
from hushnote.gui.messages import error_text
from hushnote.gui.travel_end_dialog import EndTravelDialog
from hushnote.gui.travel_wizard import StartRequest, TravelWizard

if TYPE_CHECKING:
    from hushnote.gui.main_window import MainWindow

__all__ = ["TravelActions"]


class TravelActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.wizard: TravelWizard | None = None
        self.end_dialog: EndTravelDialog | None = None
        # The reminder the owner asked for, if any: grey, small, at the status bar's left.
        self.reminder = QLabel()
        self.reminder.setAccessibleName(self.tr("Reminder"))
        self.reminder.setStyleSheet("QLabel { color: palette(mid); }")
        self.reminder.hide()
        window.statusBar().insertPermanentWidget(0, self.reminder)
        window.session.opened.connect(self.show_reminder)
        window.session.locked.connect(self._forget)

    # -- the reminder ------------------------------------------------------------------

    def show_reminder(self) -> None:
        vault = self.window.vault
        text = vault.travel.reminder if vault is not None else None
        self.reminder.setText(text or "")
        self.reminder.setVisible(bool(text))

    def _forget(self) -> None:
        self.reminder.clear()
        self.reminder.hide()

    # -- starting ----------------------------------------------------------------------

    def start(self) -> None:
        """The wizard, over the plan as the marks stand now."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return
        window.workspace.save_all()
        folder = window._bundle_folder or Path.home()
        wizard = TravelWizard(
            vault.travel.plan(),
            vault.contacts.keyed(),
            suggested_path(folder, date.today(), camouflage=camouflaged()),
            new_words=travel_key_words,
            run=lambda request: self._run_start(wizard, request),
            parent=window,
        )
        self.wizard = wizard
        # A lock or a panic closes the session: the words leave the screen with it.
        window.session.locked.connect(wizard.reject)
        try:
            wizard.exec()
        finally:
            window.session.locked.disconnect(wizard.reject)
            wizard.wipe()
            wizard.deleteLater()
            self.wizard = None
        if wizard.receipt is not None:
            window._bundle_folder = wizard.receipt.files[0].parent
        self.show_reminder()

    def _run_start(self, wizard: TravelWizard, request: StartRequest) -> Any:
        """The work behind the wizard's Start travel: the receipt, or None (cancelled);
        a refusal is raised for the wizard to say on its page."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return None
        recipient = None
        if request.contact is not None:
            # Read again through the store: the key is checked against the contact's MAC.
            recipient = vault.contacts.get(request.contact).age_recipient
            if recipient is None:  # removed meanwhile (the CLI, say): nothing is written
                raise InvalidRecordError(field="age_recipient", reason="no-key")
        # What is open in the editors may be about to leave: saved, then closed. A save
        # that fails keeps its text in the editor, and travel does not start.
        if not window.workspace.close_editors():
            raise UnsavedChangesError()
        passphrase = request.words
        receipt = window._long_work(
            self.tr("Sealing and checking the bundle…"),
            lambda progress: vault.travel.start(
                request.path,
                recipient=recipient,
                passphrase=passphrase,
                progress=progress,
                reminder=request.reminder,
                compact=request.compact,
            ),
            reraise=(HushnoteError,),
            parent=wizard,
        )
        if receipt is not None:
            window.workspace.after_travel()
        return receipt

    # -- ending ------------------------------------------------------------------------

    def end(self) -> None:
        """Ask for the bundle (and its words), bring it back, say what came back."""
        window, vault = self.window, self.window.vault
        if vault is None:
            return
        window.workspace.save_all()
        dialog = EndTravelDialog(vault.inspect_bundle, window)
        self.end_dialog = dialog
        window.session.locked.connect(dialog.reject)
        try:
            report = self._end_with(dialog)
        finally:
            window.session.locked.disconnect(dialog.reject)
            dialog.wipe()
            dialog.deleteLater()
            self.end_dialog = None
        if report is None:
            return
        window.session.notify("all")
        self.show_reminder()
        QMessageBox.information(window, app_name(), "\n".join(self.summary(report)))

    def _end_with(self, dialog: EndTravelDialog) -> Any:
        window = self.window
        while dialog.exec():
            vault = window.vault
            if vault is None:
                return None
            path, passphrase = dialog.bundle(), dialog.passphrase()
            try:
                report = window._long_work(
                    self.tr("Opening and merging the bundle…"),
                    _ender(vault, path, passphrase),
                    reraise=(HushnoteError,),
                    parent=dialog,
                )
            except BundleDecryptionError as error:
                if error.context.get("reason") == "key-file-missing":
                    dialog.refused(error_text(error))  # the words may well be right
                else:
                    dialog.wrong()
                continue
            except HushnoteError as error:  # cancelled, not a travel bundle, damaged
                dialog.refused(error_text(error))
                continue
            if report is not None or window.vault is None:
                return report
        return None

    def summary(self, report: Any) -> list[str]:
        """Whole sentences on what came back, counts after a colon (no plural needed)."""
        merge = report.merge

        def records(kind: str) -> int:
            return int(merge.count(kind, "added") + merge.count(kind, "updated"))

        counts = [
            (self.tr("Notebooks: %1"), len(report.notebooks)),
            (self.tr("Contact lists: %1"), len(report.lists)),
            (self.tr("Notes: %1"), records("notes")),
            (self.tr("Contacts: %1"), records("contacts")),
            (self.tr("Attached files: %1"), merge.count("attachments", "added")),
        ]
        lines = [self.tr("Travel has ended. Back in this vault:")]
        lines += [sentence.replace("%1", str(count)) for sentence, count in counts]
        if report.not_shared:
            lines.append(
                self.tr(
                    "This bundle was not made by this vault, so these notebooks came back "
                    "private, not shared again: %1"
                ).replace("%1", ", ".join(report.not_shared))
            )
        for shared, private in report.set_apart:
            lines.append(
                self.tr(
                    "Notes written on the road in %1 were moved to %2, a private notebook, so "
                    "that none reaches its members. Move back the ones that should."
                )
                .replace("%1", shared)
                .replace("%2", private)
            )
        return lines


def _ender(vault: Any, path: Path, passphrase: str | None) -> Callable[[Any], Any]:
    def work(progress: Any) -> Any:
        return vault.travel.end(path, passphrase=passphrase, progress=progress)

    return work
