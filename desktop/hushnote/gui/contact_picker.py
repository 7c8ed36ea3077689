"""Pick one contact by typing part of a name, number or handle."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hushnote.core import Vault
from hushnote.gui.accessibility import describe, describe_buttons, release_tab
from hushnote.gui.paged_list_model import UUID_ROLE

__all__ = ["pick_contact"]


class ContactPicker(QDialog):
    def __init__(self, vault: Vault, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.vault = vault
        self.filter = QLineEdit()
        describe(
            self.filter,
            self.tr("Find a contact"),
            self.tr("Narrows the list below as you type."),
        )
        self.filter.setPlaceholderText(self.tr("Type part of a name, number or handle"))
        self.choices = QListWidget()
        release_tab(self.choices)
        describe(self.choices, self.tr("Contacts"), self.tr("Choose one; Enter confirms."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        describe_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.choices.itemActivated.connect(lambda _: self.accept())
        self.filter.textChanged.connect(self._refresh)
        self.filter.returnPressed.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        self._refresh("")

    def _refresh(self, text: str) -> None:
        self.choices.clear()
        if text.strip():
            found = [(hit.uuid, hit.title) for hit in self.vault.searcher.find_contacts(text)]
        else:
            found = [(c.uuid, c.display_name) for c in self.vault.contacts.summaries(limit=200)]
        for uuid, name in found:
            item = QListWidgetItem(name)
            item.setData(UUID_ROLE, uuid)
            self.choices.addItem(item)
        if found:
            self.choices.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.choices.currentItem()
        return str(item.data(UUID_ROLE)) if item is not None else None


def pick_contact(vault: Vault, title: str, parent: QWidget | None = None) -> str | None:
    """The uuid of the contact picked, or None if the user cancelled."""
    picker = ContactPicker(vault, title, parent)
    return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None
