"""Who shares a notebook: names, roles and fingerprints; the admin invites and removes.

Fingerprints are 20 digits in a monospace font, in groups, to be read aloud: a member
whose digits match on both screens holds the key this vault encrypts to. The invitation
is written through the history-free save dialog (``file_dialogs``), so no recent-files
list learns where it went. Removal says plainly what it cannot do: the removed device
keeps what it already had.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import MemberInfo
from hushnote.errors import HushnoteError
from hushnote.gui.accessibility import USER_DATA, describe, describe_buttons, release_tab
from hushnote.gui.app_identity import app_name
from hushnote.gui.file_dialogs import choose_save_path
from hushnote.gui.messages import error_text
from hushnote.gui.session import VaultSession

__all__ = ["InviteDialog", "SpaceMembersDialog", "grouped_fingerprint"]

# run(label, work) -> the result, or None after the error was shown (MainWindow._long_work)
Runner = Callable[[str, Callable[[Any], Any]], Any]


def grouped_fingerprint(digits: str) -> str:
    """``12345 67890 …``: groups of five are easier to read aloud."""
    digits = "".join(digits.split())
    return " ".join(digits[i : i + 5] for i in range(0, len(digits), 5))


class SpaceMembersDialog(QDialog):
    def __init__(
        self,
        session: VaultSession,
        notebook: str,
        run: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.notebook = notebook
        self._run = run or self._run_here
        # The window title stays generic: window lists and task bars are not the vault.
        self.setWindowTitle(self.tr("Shared notebook members"))
        heading = QLabel(notebook)
        heading.setObjectName(USER_DATA)
        heading.setStyleSheet("QLabel { font-weight: bold; }")
        self.members = QTreeWidget()
        release_tab(self.members)
        self.members.setColumnCount(3)
        self.members.setHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Fingerprint")])
        self.members.setRootIsDecorated(False)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        describe(
            self.members,
            self.tr("Members"),
            self.tr("Each member's name, role and key fingerprint."),
        )
        self.advice = QLabel(
            self.tr(
                "Compare fingerprints aloud, in person or on a call: the digits on your "
                "colleague's screen must be the same as here. If they differ, do not share: "
                "someone else's key may have been given instead."
            )
        )
        self.advice.setWordWrap(True)
        self.invite_button = QPushButton(self.tr("Invite…"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        describe(
            self.invite_button,
            self.tr("Invite"),
            self.tr("Write an invitation file for a colleague's key."),
        )
        describe(
            self.remove_button,
            self.tr("Remove"),
            self.tr("Remove the selected member; later changes are hidden from them."),
        )
        self.invite_button.clicked.connect(self.invite)
        self.remove_button.clicked.connect(self.remove_selected)
        self.members.currentItemChanged.connect(lambda *_: self._update_buttons())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        describe_buttons(buttons)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.invite_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.advice)
        layout.addLayout(row)
        self.resize(640, 360)
        session.locked.connect(self.reject)
        self.admin = False
        self._shown: list[MemberInfo] = []
        self.refresh()

    def _run_here(self, label: str, work: Callable[[Any], Any]) -> Any:
        try:
            return self.session.run_job(self, label, work)
        except HushnoteError as error:
            QMessageBox.warning(self, app_name(), error_text(error))
            return None

    def role_text(self, member: MemberInfo) -> str:
        if member.removed:
            return self.tr("removed")
        roles = []
        if member.admin:
            roles.append(self.tr("admin"))
        if member.you:
            roles.append(self.tr("you"))
        if not member.joined:
            roles.append(self.tr("not joined yet"))
        return ", ".join(roles) or self.tr("member")

    def refresh(self) -> None:
        vault = self.session.vault
        if vault is None:
            return
        self.admin = vault.spaces.get(self.notebook).admin
        self._shown = vault.spaces.members(self.notebook)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.members.clear()
        for member in self._shown:
            name = member.label or (self.tr("This vault") if member.you else self.tr("(no name)"))
            item = QTreeWidgetItem([name, self.role_text(member), ""])
            item.setText(2, grouped_fingerprint(member.fingerprint))
            item.setFont(2, mono)
            item.setData(0, 256, member.member)
            self.members.addTopLevelItem(item)
        for column in range(3):
            self.members.resizeColumnToContents(column)
        self.invite_button.setVisible(self.admin)
        self.remove_button.setVisible(self.admin)
        self._update_buttons()

    def selected(self) -> MemberInfo | None:
        item = self.members.currentItem()
        if item is None:
            return None
        wanted = item.data(0, 256)
        return next((m for m in self._shown if m.member == wanted), None)

    def _update_buttons(self) -> None:
        member = self.selected()
        self.remove_button.setEnabled(
            member is not None and not member.you and not member.removed and self.admin
        )

    # -- the admin's actions --------------------------------------------------------------

    def invite(self) -> bool:
        vault = self.session.vault
        if vault is None or not self.admin:
            return False
        dialog = InviteDialog(vault.contacts.keyed(), self)
        accepted = dialog.exec()
        recipient, label = dialog.recipient(), dialog.label.text().strip()
        dialog.deleteLater()
        if not accepted or not recipient:
            return False
        out = choose_save_path(
            self,
            self.tr("Save the invitation"),
            self.tr("Invitations (*.age);;All files (*)"),
            suggested=Path.home() / "invitation.age",
        )
        if out is None:
            return False
        spaces, notebook = vault.spaces, self.notebook
        member = self._run(
            self.tr("Inviting…"),
            lambda _progress: spaces.invite(notebook, recipient, out, label=label),
        )
        self.refresh()
        if member is None:
            return False
        QMessageBox.information(
            self,
            app_name(),
            self.tr(
                "The invitation is saved to:\n%1\n\nHand it over by any means: only the "
                "holder of that key can open it. Then compare this fingerprint aloud with "
                "the one their app shows:\n%2"
            )
            .replace("%1", str(out))
            .replace("%2", grouped_fingerprint(member.fingerprint)),
        )
        return True

    def confirm_removal(self, member: MemberInfo) -> bool:
        name = member.label or grouped_fingerprint(member.fingerprint)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Remove a member"),
            self.tr(
                "Remove %1 from this shared notebook?\n\n"
                "Their device keeps everything it already had: what it synced before "
                "cannot be taken back.\n\n"
                "What is written after the removal is encrypted with a new key that their "
                "device does not get, and their later changes are refused."
            ).replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected(self) -> bool:
        vault = self.session.vault
        member = self.selected()
        if vault is None or member is None or not self.admin or member.you:
            return False
        if not self.confirm_removal(member):
            return False
        spaces, notebook, reference = vault.spaces, self.notebook, member.member
        removed = self._run(
            self.tr("Removing…"), lambda _progress: spaces.remove(notebook, reference)
        )
        self.refresh()
        return removed is not None


class InviteDialog(QDialog):
    """Whom to invite: a contact with an age key, or a key pasted in."""

    def __init__(self, people: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Invite a colleague"))
        self.people = people
        self.contact = QComboBox()
        self.contact.addItem(self.tr("Another key (paste it below)"), None)
        for person in people:
            self.contact.addItem(person.display_name, person.age_recipient)
        describe(
            self.contact,
            self.tr("Contact"),
            self.tr("A contact whose age key is saved, or another key."),
        )
        self.key = QLineEdit()
        self.key.setPlaceholderText("age1…")
        describe(self.key, self.tr("Age key"), self.tr("The colleague's age public key."))
        self.label = QLineEdit()
        describe(
            self.label,
            self.tr("Name shown to members"),
            self.tr("How this member is listed, on every member's screen."),
        )
        self.contact.currentIndexChanged.connect(self._contact_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Contact:"), self.contact)
        form.addRow(self.tr("Age key:"), self.key)
        form.addRow(self.tr("Name shown to members:"), self.label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _contact_chosen(self, index: int) -> None:
        key = self.contact.itemData(index)
        self.key.setReadOnly(key is not None)
        if key is not None:
            self.key.setText(str(key))
            if not self.label.text().strip():
                self.label.setText(self.contact.currentText())
        else:
            self.key.clear()

    def recipient(self) -> str:
        return self.key.text().strip()
