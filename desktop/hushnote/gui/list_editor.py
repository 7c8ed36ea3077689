"""A contact list: its members, adding and removing them, and copying every number."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Vault
from hushnote.gui.accessibility import USER_DATA, describe, plain_label, release_tab
from hushnote.gui.form_column import heading
from hushnote.gui.paged_list_model import UUID_ROLE
from hushnote.gui.secure_clipboard import SecureClipboard
from hushnote.gui.session import VaultSession

__all__ = ["ListEditor"]


class ListEditor(QWidget):
    changed = Signal()
    add_requested = Signal(str)  # list name: ask the window to pick a contact
    contact_opened = Signal(str)

    def __init__(
        self, session: VaultSession, clipboard: SecureClipboard, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.name: str | None = None
        self._clipboard = clipboard
        self.title = heading("")
        self.title.setObjectName(USER_DATA)  # the list's name
        self.members = QListWidget()
        release_tab(self.members)
        describe(
            self.members,
            self.tr("Members"),
            self.tr("The contacts on this list; Enter opens one."),
        )
        self.members.itemActivated.connect(
            lambda item: self.contact_opened.emit(item.data(UUID_ROLE))
        )
        self.status = QLabel()
        buttons = QGridLayout()
        for text, name, slot in (
            (self.tr("&Add member…"), self.tr("Add a contact to this list"), self._add),
            (
                self.tr("&Remove member"),
                self.tr("Remove the selected contact from this list"),
                self._remove,
            ),
            (
                self.tr("&Copy all numbers"),
                self.tr("Copy every phone number on this list"),
                self._copy_numbers,
            ),
            (self.tr("Re&name…"), self.tr("Rename this list"), self._rename),
            (
                self.tr("&Delete list"),
                self.tr("Delete this list (its contacts stay)"),
                self._delete,
            ),
        ):
            button = QPushButton(text)
            describe(button, name, plain_label(text).rstrip("…"))
            button.clicked.connect(slot)
            # Two to a row: five in one row would not fit longer languages.
            buttons.addWidget(button, buttons.count() // 2, buttons.count() % 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.members, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.setEnabled(False)

    @property
    def vault(self) -> Vault | None:
        """The open vault (``VaultSession``); this view keeps no copy of it."""
        return self.session.vault

    def open_list(self, name: str) -> None:
        self.name = name
        self.title.setText(name)
        self.refresh()
        self.setEnabled(True)

    def refresh(self) -> None:
        self.members.clear()
        self.status.clear()
        if self.vault is None or self.name is None:
            return
        for contact in self.vault.lists.members(self.name):
            item = QListWidgetItem(" · ".join(p for p in (contact.display_name, contact.role) if p))
            item.setData(UUID_ROLE, contact.uuid)
            self.members.addItem(item)

    def _add(self) -> None:
        if self.name is not None:
            self.add_requested.emit(self.name)

    def _remove(self) -> None:
        item = self.members.currentItem()
        if item is None or self.vault is None or self.name is None:
            return
        self.vault.lists.remove(self.name, item.data(UUID_ROLE))
        self.refresh()
        self.changed.emit()

    def _copy_numbers(self) -> None:
        if self.vault is None or self.name is None:
            return
        numbers = self.vault.lists.phone_numbers(self.name)
        self._clipboard.copy("\n".join(numbers))
        self.status.setText(
            self.tr("Copied %n number(s); the clipboard clears itself soon.", "", len(numbers))
        )

    def _rename(self) -> None:
        if self.vault is None or self.name is None:
            return
        new, ok = QInputDialog.getText(
            self, self.tr("Rename list"), self.tr("New name:"), text=self.name
        )
        if ok and new.strip():
            self.vault.lists.rename(self.name, new)
            self.name = " ".join(new.split())
            self.title.setText(self.name)
            self.changed.emit()

    def _delete(self) -> None:
        if self.vault is None or self.name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete list"), self.tr("Delete this list? Its contacts stay.")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.vault.lists.delete(self.name)
            self.clear()
            self.changed.emit()

    def clear(self) -> None:
        self.members.clear()
        self.title.clear()
        self.status.clear()
        self.name = None
        self.setEnabled(False)
